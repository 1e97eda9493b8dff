import type { AnalysisContext } from './context.js';
import { nearestCommon } from './dominators.js';

/**
 * Which steps run on every run of the flow that finishes, computed from the
 * dominator tree in near-linear time:
 *
 * - a step that dominates the virtual exit lies on every path from the start
 *   to an end;
 * - a step inside a branch of a parallel split runs whenever the split runs
 *   if it dominates every way out of its branch (all branches run), so it is
 *   guaranteed when the split is.
 */
export function guaranteedSteps(ctx: AnalysisContext): (v: number) => boolean {
  const g = ctx.graph;
  const D = ctx.dominators;
  const { idom } = D;
  const size = g.nodes.length + 2;
  const onEvery = new Uint8Array(size);
  if (ctx.reachable[g.exit]) {
    for (let v = g.exit; v !== g.entry && v >= 0; v = idom[v]!) onEvery[v] = 1;
  }
  let rel: Int32Array | undefined;
  const relative = (): Int32Array => {
    if (rel) return rel;
    rel = new Int32Array(size).fill(-1);
    const branchOf = new Int32Array(size).fill(-1);
    let any = false;
    for (const p of ctx.byKind('parallel')) {
      const node = g.nodes[p]!;
      if (node.kind !== 'parallel' || !ctx.reachable[p]) continue;
      for (let k = g.succ.start[p]!; k < g.succ.start[p + 1]!; k++) {
        const s = g.succ.list[k]!;
        if (idom[s] === p) {
          branchOf[s] = p;
          any = true;
        }
      }
    }
    if (!any) return rel;
    // The ways out of a branch are the edges leaving the part of the graph its entry dominates.
    const exitNca = new Int32Array(size).fill(-1);
    for (let x = 0; x < g.nodes.length; x++) {
      if (!ctx.reachable[x]) continue;
      for (let k = g.succ.start[x]!; k < g.succ.start[x + 1]!; k++) {
        const y = g.succ.list[k]!;
        if (!ctx.reachable[y]) continue;
        const a = nearestCommon(D, x, y);
        for (let v = x; v !== a && v >= 0; v = idom[v]!) {
          if (branchOf[v]! >= 0) exitNca[v] = exitNca[v]! < 0 ? x : nearestCommon(D, exitNca[v]!, x);
        }
      }
    }
    for (let c = 0; c < size; c++) {
      if (branchOf[c]! < 0 || exitNca[c]! < 0) continue;
      for (let v = exitNca[c]!; v >= 0; v = idom[v]!) {
        rel[v] = branchOf[c]!;
        if (v === c) break;
      }
    }
    return rel;
  };
  return (m: number): boolean => {
    let v = m;
    for (let guard = 0; guard < size; guard++) {
      if (onEvery[v]) return true;
      const p = relative()[v]!;
      if (p < 0) return false;
      v = p;
    }
    return false;
  };
}
