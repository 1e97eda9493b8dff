// What the agreement property tests check on one (mutated) flow: lint,
// validate and the engine's deploy say the same thing, and one flaw gives one
// finding. Shared by the property test and by anyone replaying a failure.
import { readFileSync, readdirSync } from 'node:fs';
import { createEngine, createMemoryStore, isEngineError, parseCatalogOrThrow, parseFlow, type Catalog, type Flow } from '../../../src/index.js';
import { lintFlow, simulate, type Diagnostic, type Scenario } from '../../../src/analysis-entry.js';
import { EXAMPLES_DIR } from '../../paths.js';
import { catalog as testCatalog } from '../fixtures/catalog.js';
import { cleanFlows } from '../fixtures/clean-flows.js';
import type { J } from './mutations.js';

export const catalog: Catalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')));
export const SAMPLE_IDS = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'catalog.json')
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
export const samples = new Map<string, J>(SAMPLE_IDS.map((id) => [id, JSON.parse(readFileSync(`${EXAMPLES_DIR}${id}.json`, 'utf8')) as J]));
export const registry = new Map<string, Flow[]>(SAMPLE_IDS.map((id) => [id, [samples.get(id) as Flow]]));
export const scenarios = new Map<string, Scenario[]>(
  SAMPLE_IDS.map((id) => [id, JSON.parse(readFileSync(`${EXAMPLES_DIR}scenarios/${id}.scenarios.json`, 'utf8')) as Scenario[]]),
);

/** A flow to mutate, with the catalog and flows it is checked against and, for the samples, its scenarios. */
export interface Base {
  name: string;
  flow: J;
  catalog: Catalog;
  flows: Map<string, Flow[]>;
  scenarios: Scenario[];
}

/** The nine sample flows (with their scenarios) and the clean tricky flows (parallel splits, joins, sub-flow outcomes). */
export const BASES: Base[] = [
  ...SAMPLE_IDS.map((id) => ({ name: id, flow: samples.get(id)!, catalog, flows: registry, scenarios: scenarios.get(id)! })),
  ...cleanFlows.map(([name, flow, flows]) => ({ name, flow: flow as J, catalog: testCatalog, flows: flows ?? new Map<string, Flow[]>(), scenarios: [] })),
];

const ADMIN = { id: 'admin', name: 'Admin', roles: ['admin'] };

/** Incidents that say the definition is wrong (not the data a scenario entered). */
export const DEFINITION_INCIDENTS = new Set(['NO_PATH', 'DEAD_END', 'SUBFLOW_UNAVAILABLE', 'MANDATORY_SKIPPED', 'LOOP_LIMIT', 'STEP_FAILED', 'RULE_FAILED']);
/** Refusals that say the definition is wrong. */
export const DEFINITION_REFUSALS = new Set(['INVALID_FLOW', 'UNSAFE_FLOW', 'UNKNOWN_FLOW']);

/** What validate, lint and the engine said about one flow. */
export interface Verdicts {
  problems: Array<{ code: string; path: string }>;
  lint: Diagnostic[];
  lintErrors: Diagnostic[];
  lintOk: boolean;
  /** Why the engine refused to deploy it (undefined: deployed). */
  deployRefusal: string | undefined;
}

/** Sub-flows a flow calls, deepest first, from the sample registry. */
function childrenOf(f: J, flows: Map<string, Flow[]>, seen = new Set<string>()): J[] {
  const out: J[] = [];
  for (const n of f.nodes ?? []) {
    if (n?.kind !== 'subflow' || seen.has(n.flow) || !flows.has(n.flow)) continue;
    seen.add(n.flow);
    const child = flows.get(n.flow)![0] as J;
    out.push(...childrenOf(child, flows, seen), child);
  }
  return out;
}

/** Lints, validates and deploys one definition (with the sample flows it calls deployed first). */
export async function verdicts(base: Base, f: J, locale: 'en' | 'zh' = 'en'): Promise<Verdicts> {
  const { catalog, flows } = base;
  const parsed = parseFlow(f, catalog);
  const problems = parsed.ok ? [] : parsed.problems.map((p) => ({ code: p.code, path: p.path }));
  const r = lintFlow(f, catalog, { flows, locale });
  const engine = createEngine({ store: createMemoryStore(), catalog });
  for (const child of childrenOf(f, flows)) if (child.id !== f.id) await engine.deploy(child as Flow, { actor: ADMIN });
  let deployRefusal: string | undefined;
  try {
    await engine.deploy(f as Flow, { actor: ADMIN });
  } catch (e) {
    if (!isEngineError(e)) throw e;
    deployRefusal = `${e.code}: ${e.message}`;
  }
  const lintErrors = r.diagnostics.filter((d) => d.severity === 'error');
  return { problems, lint: r.diagnostics, lintErrors, lintOk: r.ok, deployRefusal };
}

/** Runs the sample's scenarios on a (mutated) flow; returns the definition errors the engine met. */
export async function definitionErrors(base: Base, f: J): Promise<string[]> {
  const found: string[] = [];
  for (const s of base.scenarios) {
    const { expect: _ignored, ...run } = s;
    let r;
    try {
      r = await simulate(f as Flow, run as Scenario, { catalog: base.catalog, flows: base.flows, maxActions: 200 });
    } catch (e) {
      if (isEngineError(e) && DEFINITION_REFUSALS.has(e.code)) {
        found.push(`${e.code}: ${e.message}`);
        continue;
      }
      throw e;
    }
    for (const t of r.trace) {
      if (t.type === 'incident' && DEFINITION_INCIDENTS.has(t.code)) found.push(`${t.code} at ${t.nodeId ?? '?'}: ${t.message}`);
      if (t.type === 'refused' && DEFINITION_REFUSALS.has(t.code)) found.push(`${t.code}: ${t.message}`);
    }
  }
  return found;
}

/** A diagnostic as one line. */
export const line = (d: Diagnostic): string => `${d.code ?? d.rule}${d.path ? ` ${d.path}` : ''} [${[...d.nodeIds, ...d.edgeIds, d.controlId ?? ''].filter(Boolean).join(',')}]: ${d.message}`;
