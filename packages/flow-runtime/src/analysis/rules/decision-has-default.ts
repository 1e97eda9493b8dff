import type { LintRule } from '../types.js';
import { named, t } from '../text.js';
import { outOf } from '../graph.js';

/**
 * decision-has-default: a decision says where to go when none of its
 * conditions holds — one default branch (or a last branch without a
 * condition). Several defaults are decision-single-default's finding.
 */
export const decisionHasDefault: LintRule = {
  id: 'decision-has-default',
  doc: 'A decision has one default branch for when none of its conditions holds; without it the process can get stuck there.',
  check(ctx, report) {
    const g = ctx.graph;
    for (const i of ctx.byKind('decision')) {
      const node = g.nodes[i]!;
      if (node.kind !== 'decision') continue;
      const out = outOf(g, i).map((e) => g.edges[e]!);
      if (out.length === 0) continue;
      const defaults = out.filter((e) => e.default);
      const guardedDefault = defaults.filter((e) => e.guard !== undefined);
      for (const e of guardedDefault) {
        report({
          message: t(`The default branch ${named({ id: e.id, name: e.label }).en} of decision ${named(node).en} also has a condition, which is never checked.`, `判断${named(node).zh}的默认分支${named({ id: e.id, name: e.label }).zh}还设置了条件，但该条件永远不会被检查。`),
          nodeIds: [node.id],
          edgeIds: [e.id],
          hint: t('Remove the condition, or make the branch a normal one and add another default.', '删除该条件，或将其改为普通分支并另设默认分支。'),
        });
      }
      const catchAll = out.some((e) => !e.default && e.guard === undefined);
      // A branch drawn to a misspelt step is missing from the list (it may be the default): the broken connection is the one finding.
      if (defaults.length === 0 && !catchAll && !ctx.broken.from[i]) {
        report({
          message: t(`Decision ${named(node).en} has no default branch: when none of its conditions holds, the process stops there.`, `判断${named(node).zh}没有默认分支：当所有条件都不成立时，流程会停在这里。`),
          nodeIds: [node.id],
          hint: t('Mark one branch as the default ("otherwise").', '将一个分支设为默认（“否则”）。'),
        });
      }
    }
  },
};
