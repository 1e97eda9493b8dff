import { describe, expect, it } from 'vitest';
import type { Flow } from '../../src/schema/index.js';
import { FLOW_IDS, loadCatalog, loadFlow, loadScenarios } from './load-examples.js';
import { walkScenario } from './walk-scenario.js';

const catalog = loadCatalog();

/** Edges taken by a path of node ids (the first matching edge between each pair). */
function edgesOf(flow: Flow, path: string[]): Set<string> {
  const taken = new Set<string>();
  for (let i = 1; i < path.length; i++) {
    const e = flow.edges.find((x) => x.source === path[i - 1] && x.target === path[i]);
    if (e) taken.add(e.id);
  }
  return taken;
}

describe.each(FLOW_IDS)('scenarios of %s', (id) => {
  const flow = loadFlow(id, catalog);
  const scenarios = loadScenarios(id);
  const choosers = new Set(flow.nodes.filter((n) => n.kind === 'task' || n.kind === 'wait' || n.kind === 'subflow').map((n) => n.id));

  it.each(scenarios.map((s) => [s.name.en, s] as const))('%s: runs to its expected path and outcome', (_name, s) => {
    expect(s.name.zh).toBeTruthy();
    for (const v of Object.keys(s.data)) expect(Object.keys(flow.data), `data.${v}`).toContain(v);
    for (const n of Object.keys(s.choices ?? {})) expect(choosers.has(n), `choices.${n}`).toBe(true);
    const r = walkScenario(flow, catalog, s);
    expect(r.problems).toEqual([]);
    expect(r.path).toEqual(s.expect.path);
    expect(r.outcome).toBe(s.expect.outcome);
  });

  it('together the scenarios take every branch of every decision and reach every end', () => {
    const taken = new Set(scenarios.flatMap((s) => [...edgesOf(flow, s.expect.path)]));
    const decisions = new Set(flow.nodes.filter((n) => n.kind === 'decision').map((n) => n.id));
    const missed = flow.edges.filter((e) => decisions.has(e.source) && !taken.has(e.id)).map((e) => e.id);
    expect(missed).toEqual([]);
    const reached = new Set(scenarios.map((s) => s.expect.path.at(-1)));
    expect(flow.nodes.filter((n) => n.kind === 'end' && !reached.has(n.id)).map((n) => n.id)).toEqual([]);
  });
});
