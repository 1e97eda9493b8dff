import type { LintRule } from '../types.js';
import type { AnalysisContext } from '../context.js';
import { named, t } from '../text.js';
import { enclosingParallel, forwardIn } from '../structure.js';
import { inOf, KIND, outDegree, outOf } from '../graph.js';
import { dominates } from '../dominators.js';
import { reach } from '../traversal.js';

/**
 * join-after-exclusive: a join waits for all its branches, so it must follow
 * a parallel split. Put after a decision (only one branch runs) or on a loop
 * (the loop comes back after the join), it waits for branches that never come.
 */
export const joinAfterExclusive: LintRule = {
  id: 'join-after-exclusive',
  doc: 'A join follows a parallel split; after a decision only one branch arrives, so the join waits for nothing or, in a parallel branch, forever.',
  // A loop that comes back into a join is this rule's finding; the same loop is not also an automatic loop.
  supersedes: ['no-automatic-loop'],
  check(ctx, report) {
    const g = ctx.graph;
    // Where the branches into a join come from is read from the connections: while one is broken, that is the one finding.
    if (ctx.broken.meant.length > 0 || ctx.broken.from.some(Boolean) || ctx.broken.into.some(Boolean)) return;
    const back = ctx.backEdges;
    const { idom } = ctx.dominators;
    for (const j of ctx.byKind('join')) {
      const node = g.nodes[j]!;
      if (node.kind !== 'join' || !ctx.reachable[j]) continue;
      // A loop that only closes through a connection out of an end is never taken (nothing leaves an end: edge-ends-valid says so).
      const loops = inOf(g, j).filter((e) => back[e] && loopsWithoutEnd(ctx, j, g.source[e]!));
      if (loops.length > 0) {
        report({
          message: t(`A loop comes back into join ${named(node).en}; the join waits for the loop's branch, which can only come after the join has let the process through.`, `一个循环回到了汇合点${named(node).zh}；汇合点会等待这条循环分支，而它只有在汇合点放行之后才会到来。`),
          nodeIds: [node.id],
          edgeIds: loops.map((e) => g.edges[e]!.id),
          hint: t('Let the loop come back to a step before the parallel split, not into the join.', '让循环回到并行拆分之前的步骤，而不是汇合点。'),
        });
      }
      const fin = forwardIn(ctx, j);
      if (fin.length < 2) continue;
      // No end after the join: how its branches were started cannot be read from the ways to an end (no-dead-end, end-reachable).
      if (!ctx.reachesEnd[j]) continue;
      const d = idom[j]!;
      if (d < 0 || d >= g.nodes.length) continue;
      const top = g.nodes[d]!;
      if (top.kind === 'parallel') continue;
      // A decision that either runs a parallel split closed by this join or skips it: outside any other
      // parallel branch the skipping token has no siblings and passes, and the split's branches are awaited.
      if (closesSplit(ctx, j) && enclosingParallel(ctx, j) < 0) continue;
      // A split between the decision and this join whose branches do not close anywhere (one loops back, one ends
      // elsewhere) is that split's flaw: the join was drawn for it.
      if (brokenSplitBefore(ctx, d, j)) continue;
      // A task with several ways out is no-implicit-split's finding.
      if (top.kind !== 'decision' && outDegree(g, d) > 1) continue;
      // Inside a parallel branch the engine's join waits for the branch's siblings, which never come;
      // outside one there is nothing to wait for and the join only misleads the reader.
      const inside = enclosingParallel(ctx, j) >= 0;
      const why = inside
        ? t('so the join would wait forever', '汇合点将永远等待')
        : t('so there is nothing to wait for: a reader expects a wait that never happens', '因此没有可等待的内容：读图的人会以为这里要等待，实际并不会');
      report({
        message:
          top.kind === 'decision'
            ? t(`Join ${named(node).en} waits for all ${fin.length} incoming branches, but they are alternatives of decision ${named(top).en}: only one of them runs, ${why.en}.`, `汇合点${named(node).zh}等待全部${fin.length}个进入的分支，但它们是判断${named(top).zh}的备选分支：只有一个会执行，${why.zh}。`)
            : t(`Join ${named(node).en} waits for all ${fin.length} incoming branches, but no parallel split starts them all (they part after ${named(top).en}), ${why.en}.`, `汇合点${named(node).zh}等待全部${fin.length}个进入的分支，但并没有并行拆分同时启动它们（它们在${named(top).zh}之后分开），${why.zh}。`),
        nodeIds: [node.id, top.id],
        edgeIds: fin.map((e) => g.edges[e]!.id),
        hint: t('Connect the branches of a decision straight to the next step (no join), or start them with a parallel split.', '把判断的各分支直接连到下一步（不用汇合点），或用并行拆分同时启动它们。'),
      });
    }
  },
};

/** Whether some parallel split's branches all first meet at join `j`. */
function closesSplit(ctx: AnalysisContext, j: number): boolean {
  const closing = ctx.once('joinsClosingSplits', () => {
    const pidom = ctx.postDominators.idom;
    const set = new Set<number>();
    for (const p of ctx.byKind('parallel')) if (ctx.reachable[p]) set.add(pidom[p]!);
    return set;
  });
  return closing.has(j);
}

/** Whether a split that decision `d` leads to, and that reaches join `j`, has branches that close at no join. */
function brokenSplitBefore(ctx: AnalysisContext, d: number, j: number): boolean {
  const g = ctx.graph;
  const pidom = ctx.postDominators.idom;
  for (const p of ctx.byKind('parallel')) {
    if (!ctx.reachable[p] || !dominates(ctx.dominators, d, p)) continue;
    const closer = pidom[p]!;
    if (closer >= 0 && closer < g.nodes.length && g.kind[closer] === KIND.join) continue;
    if (ctx.once(`reachFrom:${p}`, () => reach(g.succ, [p]))[j]) return true;
  }
  return false;
}

/** Whether step `to` can be reached from join `j` without passing an end step. */
function loopsWithoutEnd(ctx: AnalysisContext, j: number, to: number): boolean {
  const g = ctx.graph;
  const n = g.nodes.length;
  const seen = new Uint8Array(n);
  const stack = [j];
  seen[j] = 1;
  while (stack.length) {
    const v = stack.pop()!;
    if (v === to) return true;
    if (g.kind[v] === KIND.end) continue;
    for (const e of outOf(g, v)) {
      const w = g.target[e]!;
      if (w < 0 || w >= n || seen[w]) continue;
      seen[w] = 1;
      stack.push(w);
    }
  }
  return false;
}
