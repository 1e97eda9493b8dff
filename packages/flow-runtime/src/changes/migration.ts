/**
 * Moving running cases to a new version: the node mapping proposed from the
 * two definitions, a dry run saying case by case what would happen, and the
 * batch that moves the chosen cases one recorded command at a time.
 */
import { replay } from '../engine/apply.js';
import { compileFlow } from '../engine/compiled.js';
import { decide } from '../engine/decide.js';
import { isEngineError } from '../engine/errors.js';
import { formatEngineText } from '../engine/texts/format.js';
import { withChangeTexts } from './texts.js';
import type { Actor, InstanceSummary } from '../engine/types.js';
import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import type { FlowStore, InstanceKey } from '../stores/types.js';
import type { ChangeNote } from './types.js';

/**
 * The node mapping proposed for moving cases from `from` to `to`: each step
 * of `from` kept under the same id, else matched to the step of `to` with
 * the same name (English or Chinese) and kind. Steps with no match are left
 * out (a case standing there cannot move until the mapping is edited).
 *
 * @example
 * proposeNodeMap(v1, v2) // → { start: 'start', intake: 'intake', investigate: 'investigation', … }
 */
export function proposeNodeMap(from: Flow, to: Flow): Record<string, string> {
  const map: Record<string, string> = {};
  const ids = new Set(to.nodes.map((n) => n.id));
  const taken = new Set<string>();
  for (const n of from.nodes) {
    if (ids.has(n.id)) {
      map[n.id] = n.id;
      taken.add(n.id);
    }
  }
  for (const n of from.nodes) {
    if (map[n.id]) continue;
    const name = n.name;
    const match = to.nodes.find(
      (m) => !taken.has(m.id) && !from.nodes.some((f) => f.id === m.id) && m.kind === n.kind && name && m.name && (m.name.en === name.en || (name.zh && m.name.zh === name.zh)),
    );
    if (match) {
      map[n.id] = match.id;
      taken.add(match.id);
    }
  }
  return map;
}

/** What moving one running case would do (a dry run) or did. */
export interface CaseMove {
  instanceId: string;
  fromVersion: number;
  toVersion: number;
  /** Steps where the case stands now. */
  at: string[];
  /** Where it would stand (or stands) on the new version. */
  to: string[];
  /** True when it can move (dry run) or moved. */
  ok: boolean;
  /** Why it cannot move (e.g. moving would skip a mandatory step), in English and Chinese. */
  reason?: ChangeNote;
  /** The refusal's code when it cannot move (`INVALID_MIGRATION`, `VERSION_CONFLICT`…). */
  code?: string;
  /** The node mapping used. */
  nodeMap: Record<string, string>;
}

/** The running cases of a flow on versions other than `toVersion` (active or with an incident), by start time. */
export async function runningCases(store: FlowStore, flowId: string, toVersion: number): Promise<InstanceSummary[]> {
  const out: InstanceSummary[] = [];
  for (const status of ['active', 'incident'] as const) {
    let after: InstanceKey | undefined;
    for (;;) {
      const page = await store.instances({ flowId, status, limit: 500, ...(after ? { after } : {}) });
      out.push(...page.filter((s) => s.version !== toVersion && !s.parentId));
      if (page.length < 500) break;
      const last = page[page.length - 1]!;
      after = { startedAt: last.startedAt, instanceId: last.instanceId };
    }
  }
  return out.sort((a, b) => a.startedAt - b.startedAt || (a.instanceId < b.instanceId ? -1 : 1));
}

/** Renders a refusal in both languages. */
export function reasonOf(e: unknown, catalog?: Catalog): { reason: ChangeNote; code: string } {
  if (isEngineError(e) && e.details.text) {
    const opts = catalog ? { catalog } : {};
    return { code: e.code, reason: { en: formatEngineText(e.details.text, withChangeTexts({ locale: 'en', ...opts })), zh: formatEngineText(e.details.text, withChangeTexts({ locale: 'zh', ...opts })) } };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'STORE_FAILED', reason: { en: msg, zh: msg } };
}

/**
 * Dry-runs moving one case onto `target` (deployed or not yet): the engine's
 * own migration check on the case's stored log, nothing written.
 */
export async function dryRunMove(
  store: FlowStore,
  summary: InstanceSummary,
  from: Flow,
  target: Flow,
  nodeMap: Record<string, string>,
  actor: Actor,
  options: { catalog?: Catalog; adminRoles: readonly string[]; now: number },
): Promise<CaseMove> {
  const base = { instanceId: summary.instanceId, fromVersion: summary.version, toVersion: target.version, at: summary.at, nodeMap };
  const state = replay(await store.load({ instanceId: summary.instanceId }));
  if (!state) return { ...base, to: [], ok: false, code: 'UNKNOWN_INSTANCE', reason: { en: 'The case has no history.', zh: '该单据没有历史记录。' } };
  try {
    const d = decide(state, { type: 'migrate', to: compileFlow(target, options.catalog), nodeMap }, {
      flow: compileFlow(from, options.catalog),
      now: options.now,
      newInstanceId: () => `dry-run-${summary.instanceId}`,
      resolveFlow: () => undefined,
      adminRoles: options.adminRoles,
    }, actor);
    return { ...base, at: Object.values(state.tokens).map((t) => t.nodeId), to: Object.values(d.state.tokens).map((t) => t.nodeId), ok: true };
  } catch (e) {
    return { ...base, at: Object.values(state.tokens).map((t) => t.nodeId), to: [], ok: false, ...reasonOf(e, options.catalog) };
  }
}
