import type { Catalog } from '../../schema/catalog.js';
import type { Flow } from '../../schema/flow.js';
import { AnalysisContext } from '../context.js';
import { enumerateWith } from '../paths.js';
import type { Locale } from '../types.js';
import { dagFigures } from './dag.js';
import { jumps } from './jumps.js';
import { rate, summarize } from './summary.js';
import type { FlowMetrics } from './types.js';

export type * from './types.js';

const LIST_PATHS_UP_TO = 100;

/**
 * Clarity metrics of a flow.
 *
 * @example
 * const m = computeMetrics(flow, catalog, 'en');
 * console.log(m.summary); // "9 steps (7 tasks) in 3 departments, 2 decisions. …"
 */
export function computeMetrics(flow: Flow, catalog?: Catalog, locale: Locale = 'en'): FlowMetrics {
  return computeMetricsFrom(new AnalysisContext({ flow, catalog, flows: undefined }), locale);
}

/** {@link computeMetrics} on an existing analysis context (shares its graph work with the linter). */
export function computeMetricsFrom(ctx: AnalysisContext, locale: Locale): FlowMetrics {
  const g = ctx.graph;
  let steps = 0;
  let tasks = 0;
  let decisions = 0;
  let parallelSplits = 0;
  const departments = new Set<string>();
  for (const node of g.nodes) {
    if (node.kind === 'task' || node.kind === 'system' || node.kind === 'wait' || node.kind === 'subflow') steps++;
    if (node.kind === 'task') tasks++;
    if (node.kind === 'decision') decisions++;
    if (node.kind === 'parallel') parallelSplits++;
    if (node.department) departments.add(node.department);
  }
  const dag = dagFigures(ctx);
  const j = jumps(ctx);
  let edges = 0;
  for (let e = 0; e < g.edges.length; e++) if (g.source[e]! >= 0 && g.target[e]! >= 0) edges++;
  // McCabe assumes one exit: count the flow as if every end led on to one shared exit.
  const ends = g.ends.length;
  const cyclomaticComplexity = ends > 0 ? edges + ends - (g.nodes.length + 1) + 2 * components(ctx) : edges - g.nodes.length + 2 * components(ctx);
  const base = {
    steps,
    tasks,
    decisions,
    parallelSplits,
    departments: [...departments],
    handoffs: dag.handoffs,
    jumps: j,
    longestPath: dag.longest,
    shortestPath: dag.shortest,
    cyclomaticComplexity,
    pathCount: dag.pathCount,
  };
  const out: FlowMetrics = { ...base, rating: 'clear', summary: '' };
  if (dag.pathCount > 0 && dag.pathCount <= LIST_PATHS_UP_TO) {
    const { paths } = enumerateWith(ctx, { maxLoops: 0, maxPaths: LIST_PATHS_UP_TO });
    out.paths = paths.map((p) => ({
      id: p.id,
      ...(p.endId ? { endId: p.endId } : {}),
      ...(p.outcome ? { outcome: p.outcome } : {}),
      steps: p.steps,
      handoffs: p.handoffs,
      departments: p.departments,
      loops: p.loops,
    }));
  }
  out.rating = rate(out);
  out.summary = summarize(out, locale);
  return out;
}

/** Weakly connected parts of the flow graph (a well-formed flow has one). */
function components(ctx: AnalysisContext): number {
  const g = ctx.graph;
  const n = g.nodes.length;
  if (n === 0) return 0;
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let e = 0; e < g.edges.length; e++) {
    const s = g.source[e]!;
    const t = g.target[e]!;
    if (s >= 0 && t >= 0) parent[find(s)] = find(t);
  }
  let count = 0;
  for (let i = 0; i < n; i++) if (find(i) === i) count++;
  return count;
}
