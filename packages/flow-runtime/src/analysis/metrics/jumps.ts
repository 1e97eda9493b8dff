import type { AnalysisContext } from '../context.js';
import type { JumpMetrics } from './types.js';
import { outOf } from '../graph.js';

/**
 * Jumps back (an edge to a step already passed: loops, rework) and skips (an
 * edge out of a decision straight to the point where its branches meet,
 * passing over the steps of another branch).
 */
export function jumps(ctx: AnalysisContext): JumpMetrics {
  const g = ctx.graph;
  const back = ctx.backEdges;
  const backEdgeIds: string[] = [];
  const skipEdgeIds: string[] = [];
  for (let e = 0; e < g.edges.length; e++) if (back[e]) backEdgeIds.push(g.edges[e]!.id);
  const ipdom = ctx.postDominators.idom;
  for (const v of ctx.byKind('decision')) {
    if (!ctx.reachable[v]) continue;
    const meet = ipdom[v]!;
    if (meet < 0 || meet >= g.nodes.length) continue;
    const outs = outOf(g, v);
    // A loop back is not another branch with steps to skip.
    if (!outs.some((e) => !back[e] && g.target[e] !== meet)) continue;
    for (const e of outs) if (g.target[e] === meet && !back[e]) skipEdgeIds.push(g.edges[e]!.id);
  }
  return { back: backEdgeIds.length, skips: skipEdgeIds.length, backEdgeIds, skipEdgeIds };
}
