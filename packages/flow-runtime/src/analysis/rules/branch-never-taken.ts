import type { LintRule } from '../types.js';
import { decisionRegions } from '../guards/decisions.js';
import { and, isEmpty, or, RegionTooLarge, within, NOTHING, type Region } from '../guards/region.js';
import { joinTexts, named, t } from '../text.js';

/**
 * branch-never-taken: a decision tries its branches in order and the first
 * condition that holds wins, so a branch whose condition is already covered
 * by earlier ones (or can never hold) is dead. Decided by interval reasoning
 * over numbers and choice fields.
 */
export const branchNeverTaken: LintRule = {
  id: 'branch-never-taken',
  doc: 'No branch of a decision is dead: its condition can hold, and an earlier branch does not always win first.',
  check(ctx, report) {
    const g = ctx.graph;
    for (const d of decisionRegions(ctx)) {
      const node = g.nodes[d.node]!;
      let before: Region = NOTHING;
      const seen: typeof d.branches = [];
      try {
        for (const b of d.branches) {
          if (isEmpty(b.region)) {
            report({
              message: t(`Branch ${named({ id: b.edge.id, name: b.edge.label }).en} of decision ${named(node).en} is never taken: its condition can never hold.`, `判断${named(node).zh}的分支${named({ id: b.edge.id, name: b.edge.label }).zh}永远不会被选中：它的条件不可能成立。`),
              nodeIds: [node.id],
              edgeIds: [b.edge.id],
              hint: t('Fix the condition (check the numbers and the and/or), or remove the branch.', '修正条件（检查数值以及“且/或”），或删除该分支。'),
            });
          } else if (seen.some((s) => s.edge.guard === undefined)) {
            // Behind a branch without a condition every branch is dead: unguarded-branch-first says so once.
            break;
          } else if (seen.length > 0 && within(b.region, before)) {
            const winners = seen.filter((s) => !isEmpty(and(s.region, b.region)));
            const list = joinTexts(winners.map((s) => named({ id: s.edge.id, name: s.edge.label })));
            report({
              message: t(`Branch ${named({ id: b.edge.id, name: b.edge.label }).en} of decision ${named(node).en} is never taken: whenever its condition holds, ${winners.length > 1 ? 'the earlier branches' : 'the earlier branch'} ${list.en} already won.`, `判断${named(node).zh}的分支${named({ id: b.edge.id, name: b.edge.label }).zh}永远不会被选中：只要它的条件成立，前面的分支${list.zh}就已经被选中。`),
              nodeIds: [node.id],
              edgeIds: [b.edge.id, ...winners.map((s) => s.edge.id)],
              hint: t('Narrow the earlier condition, move this branch up, or remove it.', '收窄前面分支的条件，把该分支移到前面，或删除它。'),
            });
          }
          before = or(before, b.region);
          seen.push(b);
        }
      } catch (error) {
        if (!(error instanceof RegionTooLarge)) throw error;
      }
    }
  },
};
