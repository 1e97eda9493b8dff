import type { LintRule } from '../types.js';
import { named, t } from '../text.js';
import { inOf, outOf } from '../graph.js';

/**
 * superfluous-decision: a decision with one way in and one way out decides
 * nothing; it only makes the diagram longer (bpmnlint's superfluous-gateway).
 */
export const superfluousDecision: LintRule = {
  id: 'superfluous-decision',
  doc: 'A decision has more than one way out (or merges several ways in); with one way in and one way out it decides nothing.',
  check(ctx, report) {
    const g = ctx.graph;
    for (const i of ctx.byKind('decision')) {
      const node = g.nodes[i]!;
      // A branch drawn to a misspelt step is still a branch: the broken connection is the one finding.
      if (outOf(g, i).length !== 1 || inOf(g, i).length > 1 || ctx.broken.from[i]) continue;
      report({
        message: t(`Decision ${named(node).en} has one way in and one way out, so it decides nothing.`, `判断${named(node).zh}只有一条进线和一条出线，实际上什么也没有判断。`),
        nodeIds: [node.id],
        hint: t('Remove the decision, or add the branches it should choose between.', '删除该判断，或添加它应当选择的分支。'),
      });
    }
  },
};
