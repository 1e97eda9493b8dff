import type { LintRule } from '../types.js';
import { joinTexts, named, t } from '../text.js';
import { outOf } from '../graph.js';

/**
 * unguarded-branch-first: a decision tries its branches in order and a
 * branch without a condition always holds, so one listed before other
 * branches takes every case: the branches after it (and the default) are dead.
 */
export const unguardedBranchFirst: LintRule = {
  id: 'unguarded-branch-first',
  doc: 'A branch without a condition that is not the default comes last; listed before others it takes every case and the rest are dead.',
  check(ctx, report) {
    const g = ctx.graph;
    for (const i of ctx.byKind('decision')) {
      const node = g.nodes[i]!;
      const out = outOf(g, i).map((e) => g.edges[e]!);
      const tried = out.filter((e) => !e.default);
      const k = tried.findIndex((e) => e.guard === undefined);
      if (k < 0) continue;
      const dead = [...tried.slice(k + 1), ...out.filter((e) => e.default)];
      if (dead.length === 0) continue;
      const first = tried[k]!;
      const list = joinTexts(dead.map((e) => named({ id: e.id, name: e.label })));
      report({
        message: t(`Branch ${named({ id: first.id, name: first.label }).en} of decision ${named(node).en} has no condition and is not the default, so it takes every case: ${list.en} can never be taken.`, `判断${named(node).zh}的分支${named({ id: first.id, name: first.label }).zh}没有条件又不是默认分支，因此所有案例都走它：${list.zh}永远不会被选中。`),
        nodeIds: [node.id],
        edgeIds: [first.id, ...dead.map((e) => e.id)],
        hint: t('Give the branch its condition, or make it the default ("otherwise").', '为该分支设置条件，或将其设为默认（“否则”）。'),
      });
    }
  },
};
