import type { AnalysisContext } from './context.js';
import { dominates } from './dominators.js';
import { inOf } from './graph.js';

/** The nearest parallel split above node `v` in the dominator tree, or -1. */
export function enclosingParallel(ctx: AnalysisContext, v: number): number {
  const { idom } = ctx.dominators;
  const nodes = ctx.graph.nodes;
  let u = idom[v]!;
  while (u >= 0 && u < nodes.length) {
    if (nodes[u]!.kind === 'parallel') return u;
    const up = idom[u]!;
    if (up === u) break;
    u = up;
  }
  return -1;
}

/** Incoming edges of a node that are not loops back into it. */
export function forwardIn(ctx: AnalysisContext, v: number): number[] {
  const back = ctx.backEdges;
  return inOf(ctx.graph, v).filter((e) => !back[e] && ctx.reachable[ctx.graph.source[e]!]);
}

/** Whether every path from `from` to an end passes `via`. */
export function postDominates(ctx: AnalysisContext, via: number, from: number): boolean {
  return dominates(ctx.postDominators, via, from);
}

/** Joins whose immediate dominator is the parallel split `p`: the joins its branches meet at. */
export function joinsOf(ctx: AnalysisContext): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const { idom } = ctx.dominators;
  for (const j of ctx.byKind('join')) {
    if (!ctx.reachable[j]) continue;
    const d = idom[j]!;
    if (d >= 0 && d < ctx.graph.nodes.length && ctx.graph.nodes[d]!.kind === 'parallel') {
      const list = out.get(d);
      if (list) list.push(j);
      else out.set(d, [j]);
    }
  }
  return out;
}
