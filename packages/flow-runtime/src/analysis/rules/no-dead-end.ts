import type { LintRule } from '../types.js';
import { named, t } from '../text.js';
import { KIND, outDegree } from '../graph.js';

/** no-dead-end: every step but an end has a way out. */
export const noDeadEnd: LintRule = {
  id: 'no-dead-end',
  doc: 'Every step except an end has at least one way out; otherwise the process stops there for good.',
  check(ctx, report) {
    const { kind } = ctx.graph;
    const { from } = ctx.broken;
    ctx.graph.nodes.forEach((node, i) => {
      if (kind[i] === KIND.end || outDegree(ctx.graph, i) > 0 || from[i]) return;
      report({
        message: t(`Step ${named(node).en} has no way out: a process that gets there stops for good.`, `步骤${named(node).zh}没有出口：流程到达这里就会永远停住。`),
        nodeIds: [node.id],
        hint: t('Connect it to the next step, or to an end.', '把它连到下一步或一个结束步骤。'),
      });
    });
  },
};
