/**
 * Deployed definitions: validated, frozen, stored once per id and version,
 * and compiled once per version (every rule prepared when first loaded).
 */
import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import type { ParseResult, Problem } from '../schema/problems.js';
import type { FlowStore, Retirement, StoredDefinition } from '../stores/types.js';
import { compileFlow, type CompiledFlow } from './compiled.js';
import type { RuleSource } from '../logic/compile.js';
import { isStorableText } from './data.js';
import { isEngineError, refusal, storeFailed, type DeployFinding, type EngineError } from './errors.js';
import type { Clock, DefinitionInfo, DeployCheck, DeployResult } from './types.js';
import type { TextArg } from './texts/types.js';

/** The engine's view of deployed definitions. */
export interface DefinitionStore {
  deploy(flow: unknown): Promise<DeployResult>;
  list(flowId?: string): Promise<DefinitionInfo[]>;
  /** A compiled version already loaded, without asking the store. */
  peek(flowId: string, version: number): CompiledFlow | undefined;
  /** A version, or the latest not retired; UNKNOWN_FLOW when there is none. */
  get(flowId: string, version?: number): Promise<CompiledFlow>;
  /** What a new case starts on: the version asked for unless it is retired (FLOW_RETIRED), else the latest not retired. */
  startable(flowId: string, version?: number): Promise<CompiledFlow>;
  /** Marks a version retired (who, why); a retired version runs its cases to the end but starts no new ones. */
  retire(flowId: string, version: number, retired: Retirement): Promise<DefinitionInfo>;
  /** Loads the flows `flow`'s sub-flow steps run, so {@link resolveSync} can answer. */
  preload(flow: CompiledFlow): Promise<void>;
  /** A preloaded sub-flow target. */
  resolveSync(flowId: string, version?: number): CompiledFlow | undefined;
}

/** Checks a definition before it is deployed: the zod-backed `parseFlow` at the root entry. */
export type FlowParser = (input: unknown, catalog?: Catalog) => ParseResult<Flow>;

/** Creates the definition cache over a store. */
export function definitionStore(store: FlowStore, catalog: Catalog | undefined, clock: Clock, parseFlow: FlowParser, deployCheck?: DeployCheck, rules?: RuleSource): DefinitionStore {
  const compiled = new Map<string, CompiledFlow>();
  /** flow id → version → compiled, for the lookup every command makes (no key strings built). */
  const byVersion = new Map<string, Map<number, CompiledFlow>>();
  const latest = new Map<string, CompiledFlow>();
  const targets = new WeakMap<CompiledFlow, { flowId: string; version?: number }[]>();

  const key = (flowId: string, version: number) => `${flowId}@${version}`;

  const compile = (flow: Flow): CompiledFlow => {
    const hit = byVersion.get(flow.id)?.get(flow.version);
    if (hit) return hit;
    const k = key(flow.id, flow.version);
    let c = compiled.get(k);
    if (!c) {
      try {
        c = compileFlow(flow, catalog, rules);
      } catch (e) {
        throw refusal('INVALID_FLOW', 'INVALID_FLOW.compile', { flowId: flow.id, version: flow.version, why: e instanceof Error ? e.message : String(e) });
      }
      compiled.set(k, c);
      let versions = byVersion.get(flow.id);
      if (!versions) byVersion.set(flow.id, (versions = new Map()));
      versions.set(flow.version, c);
    }
    return c;
  };

  async function get(flowId: string, version?: number): Promise<CompiledFlow> {
    checkId(flowId, version);
    if (version !== undefined) {
      const hit = compiled.get(key(flowId, version));
      if (hit) return hit;
    }
    let stored = await db(() => store.getDefinition(version === undefined ? { flowId } : { flowId, version }));
    if (!stored) {
      throw version === undefined ? refusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.flow', { flowId }) : refusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId, version });
    }
    if (version === undefined && stored.retired) {
      // The latest is retired: the newest version still in service.
      const active = (await db(() => store.definitions({ flowId }))).filter((d) => !d.retired);
      const newest = active[active.length - 1];
      if (!newest) throw refusal('FLOW_RETIRED', 'FLOW_RETIRED.all', { flowId });
      stored = newest;
    }
    const c = compile(stored.flow);
    if (version === undefined) latest.set(flowId, c);
    return c;
  }

  async function startable(flowId: string, version?: number): Promise<CompiledFlow> {
    checkId(flowId, version);
    if (version !== undefined) {
      const stored = await db(() => store.getDefinition({ flowId, version }));
      if (stored?.retired) {
        const r = stored.retired;
        throw refusal('FLOW_RETIRED', 'FLOW_RETIRED.version', { flowId, version, by: r.by.name ?? r.by.id, at: { kind: 'time', at: r.at }, reason: r.reason });
      }
    }
    return get(flowId, version);
  }

  async function retire(flowId: string, version: number, retired: Retirement): Promise<DefinitionInfo> {
    checkId(flowId, version);
    const after = await db(() => store.retireDefinition({ flowId, version, retired }));
    if (!after) throw refusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId, version });
    latest.delete(flowId);
    return info(after);
  }

  async function preload(flow: CompiledFlow, seen = new Set<CompiledFlow>()): Promise<void> {
    if (seen.has(flow)) return;
    seen.add(flow);
    let list = targets.get(flow);
    if (!list) {
      list = [];
      for (const n of flow.flow.nodes) if (n.kind === 'subflow') list.push(n.version === undefined ? { flowId: n.flow } : { flowId: n.flow, version: n.version });
      targets.set(flow, list);
    }
    for (const t of list) {
      try {
        await preload(await get(t.flowId, t.version), seen);
      } catch (e) {
        // A missing sub-flow becomes an incident when a path reaches it, not a refusal now.
        if (!isEngineError(e, 'UNKNOWN_FLOW')) throw e;
      }
    }
  }

  async function deploy(input: unknown): Promise<DeployResult> {
    const parsed = parseFlow(input, catalog);
    if (!parsed.ok) throw invalidFlowError(parsed.problems);
    const flow = deepFreeze(structuredClone(parsed.value));
    let accepted: DeployFinding[] = [];
    if (deployCheck) {
      // Every version of each flow a sub-flow step runs, as deployed now (this flow's own earlier versions too).
      const deployed = new Map<string, Flow[]>();
      for (const n of flow.nodes) {
        if (n.kind !== 'subflow' || deployed.has(n.flow)) continue;
        // A retired version is no target for a new flow: only versions in service count.
        const defs = await db(() => store.definitions({ flowId: n.flow }));
        deployed.set(n.flow, defs.filter((d) => !d.retired).map((d) => d.flow));
      }
      const all = deployCheck(flow, { catalog, deployed });
      // A recorded override (who, why, which rules) lets those rules' findings through; nothing else does.
      const acceptedRules = new Set(flow.deployOverride?.rules ?? []);
      const findings = all.filter((f) => !acceptedRules.has(f.rule));
      accepted = all.filter((f) => acceptedRules.has(f.rule));
      if (findings.length > 0) {
        const list: TextArg = { kind: 'list', join: 'lines', items: findings.map((f) => ({ kind: 'text', ...f.message })) };
        throw refusal('UNSAFE_FLOW', 'UNSAFE_FLOW.findings', { flowId: flow.id, version: flow.version, count: findings.length, findings: list }, { findings });
      }
    }
    compiled.delete(key(flow.id, flow.version));
    byVersion.get(flow.id)?.delete(flow.version);
    const existing = await db(() => store.getDefinition({ flowId: flow.id, version: flow.version }));
    const same = (other: Flow) => canonical(other) === canonical(flow);
    if (existing) {
      if (same(existing.flow)) return { flowId: flow.id, version: flow.version, created: false };
      throw versionExists(flow);
    }
    compile(flow);
    const res = await db(() => store.putDefinition({ definition: { flowId: flow.id, version: flow.version, flow, deployedAt: clock.now() } }));
    if (!res.created) {
      if (same(res.existing.flow)) return { flowId: flow.id, version: flow.version, created: false };
      throw versionExists(flow);
    }
    return { flowId: flow.id, version: flow.version, created: true, ...(accepted.length ? { accepted } : {}) };
  }

  async function list(flowId?: string): Promise<DefinitionInfo[]> {
    // An id no store keeps names no flow: nothing, on every store.
    if (flowId !== undefined && !isStorableText(flowId)) return [];
    const all = await db(() => store.definitions(flowId === undefined ? {} : { flowId }));
    return all.map(info);
  }

  function info(d: StoredDefinition): DefinitionInfo {
    return {
      flowId: d.flowId,
      version: d.version,
      name: d.flow.name,
      deployedAt: d.deployedAt,
      ...(d.flow.deployOverride ? { deployOverride: d.flow.deployOverride } : {}),
      ...(d.retired ? { retired: d.retired } : {}),
    };
  }

  return {
    deploy,
    list,
    get,
    startable,
    retire,
    peek: (flowId, version) => byVersion.get(flowId)?.get(version),
    preload: (flow) => preload(flow),
    resolveSync: (flowId, version) => (version === undefined ? latest.get(flowId) : compiled.get(key(flowId, version))),
  };
}

function versionExists(flow: Flow): EngineError {
  return refusal('VERSION_EXISTS', 'VERSION_EXISTS.version', { flowId: flow.id, version: flow.version });
}

/** JSON with sorted keys, for comparing definitions. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/**
 * INVALID_FLOW for a definition that does not parse: the first five problems
 * (each in English as written; in Chinese by its code's meaning, at its place
 * in the definition) and how many more, all of them in `details.problems`.
 */
export function invalidFlowError(problems: readonly Problem[]): EngineError {
  const shown: TextArg = {
    kind: 'list',
    join: 'lines',
    items: problems.slice(0, 5).map((p) => ({ kind: 'msg', key: `problem.${p.code}`, args: { path: p.path, message: p.message } })),
  };
  const more = problems.length > 5 ? { more: problems.length - 5 } : {};
  return refusal('INVALID_FLOW', 'INVALID_FLOW.problems', { problems: shown, ...more }, { problems: [...problems] });
}

/**
 * A flow id is text and a version a whole number of at least 1: anything else
 * names no deployed flow (UNKNOWN_FLOW on every store, rather than a version
 * `'1'` found on one store and a database error on another).
 */
/** Calls the store: its failures are STORE_FAILED, as for every other store call of the engine. */
async function db<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw storeFailed(e);
  }
}

function checkId(flowId: unknown, version: unknown): void {
  // Text no store keeps (NUL, half a surrogate pair) names no flow either: answered here, not by a database error.
  if (!isStorableText(flowId)) throw refusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.flow', { flowId: String(flowId) });
  if (version !== undefined && !(Number.isInteger(version) && (version as number) > 0)) throw refusal('UNKNOWN_FLOW', 'UNKNOWN_FLOW.version', { flowId, version: String(version) });
}
