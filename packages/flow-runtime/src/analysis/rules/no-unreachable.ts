import type { LintRule } from '../types.js';
import { named, t } from '../text.js';

/** no-unreachable: every step can be reached from the start. */
export const noUnreachable: LintRule = {
  id: 'no-unreachable',
  doc: 'Every step can be reached from the start; a step no path leads to never runs.',
  supersedes: ['no-dead-end'],
  check(ctx, report) {
    if (ctx.graph.starts.length === 0) return;
    const reachable = ctx.reachableOrMeant;
    ctx.graph.nodes.forEach((node, i) => {
      if (reachable[i]) return;
      report({
        message: t(`Step ${named(node).en} cannot be reached from the start, so it never runs.`, `从开始无法到达步骤${named(node).zh}，它永远不会执行。`),
        nodeIds: [node.id],
        hint: t('Connect it from the step that should come before it, or delete it.', '从它的前一步连线到它，或删除它。'),
      });
    });
  },
};
