import type { LintRule } from '../types.js';
import { joinTexts, named, t } from '../text.js';
import { forwardIn, joinsOf, postDominates } from '../structure.js';
import { KIND, outOf, inOf } from '../graph.js';

/**
 * parallel-join-balanced: a parallel split has two or more branches that all
 * come together at one join, and a join has two or more branches to wait for.
 */
export const parallelJoinBalanced: LintRule = {
  id: 'parallel-join-balanced',
  doc: 'Every parallel split has at least two branches that all meet at one join, and every join has branches to wait for.',
  check(ctx, report) {
    const g = ctx.graph;
    const joins = joinsOf(ctx);
    for (const p of ctx.byKind('parallel')) {
      const node = g.nodes[p]!;
      if (!ctx.reachable[p]) continue;
      const out = outOf(g, p);
      if (out.length === 0) continue;
      if (out.length === 1) {
        report({ message: t(`Parallel split ${named(node).en} has only one branch, so nothing runs in parallel.`, `并行拆分${named(node).zh}只有一个分支，没有任何内容并行执行。`), nodeIds: [node.id], hint: t('Add the branches that run at the same time, or remove the split.', '添加同时进行的分支，或删除该拆分。') });
        continue;
      }
      let js = joins.get(p) ?? [];
      // A decision before the split may send its other answers straight to the join (the split is skipped then):
      // every branch still meets there when the join is the first step all of them pass.
      if (js.length === 0) {
        const pd = ctx.postDominators.idom[p]!;
        if (pd >= 0 && pd < g.nodes.length && g.kind[pd] === KIND.join) js = [pd];
      }
      if (js.length === 0) {
        report({
          message: t(`The branches of parallel split ${named(node).en} never meet at a join, so nobody can tell when all of them are done.`, `并行拆分${named(node).zh}的各分支从不在汇合点汇合，无法知道何时全部完成。`),
          nodeIds: [node.id],
          hint: t('Bring the branches together at a join before the process goes on or ends.', '在流程继续或结束前，用一个汇合点把各分支汇合起来。'),
        });
        continue;
      }
      if (js.length > 1) {
        const list = joinTexts(js.map((j) => named(g.nodes[j]!)));
        report({
          message: t(`The branches of parallel split ${named(node).en} meet at different joins (${list.en}); each join waits for branches that go to the other.`, `并行拆分${named(node).zh}的分支在不同的汇合点汇合（${list.zh}）；每个汇合点都会等待去了另一个汇合点的分支。`),
          nodeIds: [node.id, ...js.map((j) => g.nodes[j]!.id)],
          hint: t('Use one join for all branches of the split.', '为该拆分的所有分支使用同一个汇合点。'),
        });
        continue;
      }
      const j = js[0]!;
      for (const e of out) {
        const s = g.target[e]!;
        if (s < 0 || postDominates(ctx, j, s)) continue;
        const edge = g.edges[e]!;
        report({
          message: t(`Branch ${named({ id: edge.id, name: edge.label }).en} of parallel split ${named(node).en} does not always come to join ${named(g.nodes[j]!).en}.`, `并行拆分${named(node).zh}的分支${named({ id: edge.id, name: edge.label }).zh}并不总是到达汇合点${named(g.nodes[j]!).zh}。`),
          nodeIds: [node.id, g.nodes[j]!.id],
          edgeIds: [edge.id],
          hint: t('Route every way through the branch to the join.', '让该分支的每条路径都通往汇合点。'),
        });
      }
    }
    for (const j of ctx.byKind('join')) {
      const node = g.nodes[j]!;
      if (!ctx.reachable[j]) continue;
      const fin = forwardIn(ctx, j);
      if (fin.length === 1 && fin.length === inOf(g, j).length) {
        report({ message: t(`Join ${named(node).en} has only one incoming branch, so it has nothing to wait for.`, `汇合点${named(node).zh}只有一个进入的分支，没有需要等待的内容。`), nodeIds: [node.id], hint: t('Remove the join, or connect the other branches to it.', '删除该汇合点，或把其他分支连到它。') });
      }
    }
  },
};
