// Conference-room testing: the scenario file of each sample flow walks every path (issue 4.5).
// A flow edited so that it gains a path no scenario walks fails here, with that path in the message.
import { describe, expect, it } from 'vitest';
import { testScenarios, type FlowPath, type Scenario } from '../../src/analysis-entry.js';
import type { Flow } from '../../src/schema/index.js';
import { FLOW_IDS, loadCatalog, loadFlow, loadScenarios } from './load-examples.js';

const catalog = loadCatalog();
const flows = FLOW_IDS.map((id) => loadFlow(id, catalog));
const registry = new Map(flows.map((f) => [f.id, [f]]));

/** A path as someone writing the missing scenario needs it: the branches taken, the end, and the steps for `expect.path`. */
function describePath(flow: Flow, p: FlowPath): string {
  const name = (id: string) => flow.nodes.find((n) => n.id === id)?.name?.en ?? id;
  const branches = p.conditions.map((c) => `“${c.label ?? c.edgeId}”`).join(' → ');
  return `${branches} ⇒ ${p.endId ? name(p.endId) : '?'} [${p.nodeIds.join(', ')}]`;
}

async function report(flow: Flow, scenarios: Scenario[]) {
  return testScenarios(flow, scenarios, { catalog, flows: registry, maxLoops: 1 });
}

describe.each(flows.map((f) => [f.id, f] as const))('scenarios of %s', (_id, flow) => {
  it('all pass, and together they walk every path (each loop at most once)', async () => {
    const r = await report(flow, loadScenarios(flow.id) as Scenario[]);
    expect(r.results.filter((x) => !x.ok).map((x) => `${x.scenario}: ${x.failures.join('; ')}`), 'failing scenarios').toEqual([]);
    expect(r.coverage.paths.truncated, 'too many paths to count').toBe(false);
    expect(r.coverage.paths.uncovered.map((p) => describePath(flow, p)), 'paths no scenario walks').toEqual([]);
    expect(r.coverage.paths.total).toBeGreaterThan(0);
    expect(r.coverage.paths.covered).toBe(r.coverage.paths.total);
  });
});

describe('the coverage message', () => {
  it('names each path a scenario file leaves out by its branches, its end and its steps', async () => {
    const flow = flows.find((f) => f.id === 'complaint-handling')!;
    const [first] = loadScenarios(flow.id) as Scenario[];
    const r = await report(flow, [first!]);
    const missing = r.coverage.paths.uncovered.map((p) => describePath(flow, p));
    expect(missing).toHaveLength(r.coverage.paths.total - 1);
    expect(missing).toContain('“Refund” → “Unsatisfied (1–2)” ⇒ Closed, customer unsatisfied [start, intake, investigate, remedy, refund, resolve, wait-3-days, follow-up, satisfied, alert-unsatisfied, end-unsatisfied]');
  });
});
