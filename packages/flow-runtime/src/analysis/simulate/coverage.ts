import type { Flow } from '../../schema/flow.js';
import { AnalysisContext } from '../context.js';
import { enumerateWith, type FlowPath } from '../paths.js';
import { simulate } from './simulate.js';
import type { Scenario, SimulateOptions, SimulationResult } from './types.js';

/** How much of a flow a set of scenarios walks. */
export interface Coverage {
  /** Paths from the start to an end (each loop at most `maxLoops` times, default once); a run covers the path that follows the same connections. */
  paths: { covered: number; total: number; uncovered: FlowPath[]; truncated: boolean };
  /** Branches out of decisions. */
  branches: { covered: number; total: number; uncovered: string[] };
  /** End steps. */
  ends: { covered: number; total: number; uncovered: string[] };
}

/** What {@link testScenarios} found. */
export interface ScenarioReport {
  flowId: string;
  results: SimulationResult[];
  passed: number;
  failed: number;
  coverage: Coverage;
}

/**
 * Conference-room testing: runs every scenario on the engine, checks each
 * against what it expects, and measures which paths, decision branches and
 * ends the scenarios cover, listing the paths none of them walks.
 */
export async function testScenarios(flow: Flow, scenarios: ReadonlyArray<Scenario>, options: SimulateOptions & { maxLoops?: number } = {}): Promise<ScenarioReport> {
  const results: SimulationResult[] = [];
  for (const s of scenarios) results.push(await simulate(flow, s, options));
  const ctx = new AnalysisContext({ flow, catalog: options.catalog, flows: options.flows });
  const { paths, truncated } = enumerateWith(ctx, { maxLoops: options.maxLoops ?? 1, maxPaths: 1000, ...(options.catalog ? { catalog: options.catalog } : {}), locale: options.locale ?? 'en' });
  const walked = results.map((r) => new Set(r.edgeIds));
  const sameEdges = (p: FlowPath, w: Set<string>) => p.edgeIds.length > 0 && new Set(p.edgeIds).size === w.size && p.edgeIds.every((e) => w.has(e));
  const uncoveredPaths = paths.filter((p) => !walked.some((w) => sameEdges(p, w)));
  const taken = new Set(results.flatMap((r) => r.edgeIds));
  const g = ctx.graph;
  const branchEdges = flow.edges.filter((e) => {
    const s = g.index.get(e.source);
    return s !== undefined && g.nodes[s]!.kind === 'decision' && ctx.reachable[s];
  });
  const ends = g.ends.filter((e) => ctx.reachable[e]).map((e) => g.nodes[e]!.id);
  const reached = new Set(results.flatMap((r) => r.path));
  return {
    flowId: flow.id,
    results,
    passed: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    coverage: {
      paths: { covered: paths.length - uncoveredPaths.length, total: paths.length, uncovered: uncoveredPaths, truncated },
      branches: { covered: branchEdges.filter((e) => taken.has(e.id)).length, total: branchEdges.length, uncovered: branchEdges.filter((e) => !taken.has(e.id)).map((e) => e.id) },
      ends: { covered: ends.filter((e) => reached.has(e)).length, total: ends.length, uncovered: ends.filter((e) => !reached.has(e)) },
    },
  };
}
