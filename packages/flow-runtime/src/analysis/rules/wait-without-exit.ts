import { checkRule } from '../../logic/policy.js';
import { collectVarUses } from '../../logic/vars.js';
import { evaluate } from '../../logic/evaluate.js';
import { truthy } from '../../logic/truthy.js';
import type { LintRule } from '../types.js';
import { named, t } from '../text.js';

/**
 * wait-without-exit: a wait ends — by a condition on the data that can come
 * true, or by a timer. A wait with neither lets the process straight through;
 * one whose condition reads no data and is false never ends without a timer.
 */
export const waitWithoutExit: LintRule = {
  id: 'wait-without-exit',
  doc: 'A wait ends by a condition on the data that can come true or by a timer; otherwise it waits for nothing or forever.',
  check(ctx, report) {
    for (const index of ctx.byKind('wait')) {
      const node = ctx.graph.nodes[index]!;
      if (node.kind !== 'wait') continue;
      if (node.until === undefined && !node.timer) {
        report({
          message: t(`Wait ${named(node).en} has neither a condition nor a timer, so it waits for nothing.`, `等待${named(node).zh}既没有条件也没有计时器，实际上不等待任何事情。`),
          nodeIds: [node.id],
          hint: t('Say what it waits for (such as "payment received") or how long (a timer).', '说明等待的内容（如“已收款”）或时长（计时器）。'),
        });
        continue;
      }
      if (node.until === undefined || node.timer || checkRule(node.until).length > 0) continue;
      const reads = collectVarUses(node.until).some((u) => u.scope.kind === 'root');
      if (reads) continue;
      let holds: boolean;
      try {
        holds = truthy(evaluate(node.until, {}));
      } catch {
        holds = false;
      }
      if (!holds) {
        report({
          message: t(`Wait ${named(node).en} waits for a condition that reads no data and never holds, and it has no timer: the process would wait there forever.`, `等待${named(node).zh}的条件不读取任何数据且永远不成立，又没有计时器：流程将永远停在这里。`),
          nodeIds: [node.id],
          hint: t('Make the condition read the data it waits for, or add a timer.', '让条件读取所等待的数据，或添加计时器。'),
        });
      }
    }
  },
};
