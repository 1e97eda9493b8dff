import type { LintRule } from '../types.js';
import { neverHolds } from '../guards/decisions.js';
import { named, t } from '../text.js';

/**
 * condition-never-true: the condition of a wait, a gate or an alert can come
 * true. One that never holds (`amount > 5 and amount < 3`, found by the same
 * interval reasoning as `branch-never-taken`) makes a wait without a timer
 * wait forever, a gate never close (the steps it guards are never held) and
 * an alert never sound.
 */
export const conditionNeverTrue: LintRule = {
  id: 'condition-never-true',
  doc: 'The condition of a wait, gate or alert can come true; one that never holds waits forever, never holds a step back, or never alerts anyone.',
  about: ['until', 'when'],
  check(ctx, report) {
    const hint = t('Fix the condition (check the numbers and the and/or).', '修正条件（检查数值以及“且/或”）。');
    for (const i of ctx.byKind('wait')) {
      const node = ctx.graph.nodes[i]!;
      if (node.kind !== 'wait' || node.until === undefined || !neverHolds(ctx, node.until)) continue;
      report({
        message: node.timer
          ? t(`The condition of wait ${named(node).en} can never hold, so the wait always lasts until its timer runs out.`, `等待${named(node).zh}的条件永远不可能成立，因此总要等到计时器到期。`)
          : t(`The condition of wait ${named(node).en} can never hold and the wait has no timer: every case stops there for good.`, `等待${named(node).zh}的条件永远不可能成立，且没有计时器：每个案例都会永远停在这里。`),
        nodeIds: [node.id],
        about: ['until'],
        hint,
      });
    }
    for (const c of ctx.flow.controls ?? []) {
      if (!neverHolds(ctx, c.when)) continue;
      report({
        message:
          c.kind === 'gate'
            ? t(`The condition of gate ${named(c).en} can never hold, so the gate never closes: the steps it should hold back always go ahead.`, `关卡${named(c).zh}的条件永远不可能成立，关卡永远不会关闭：它应当拦住的步骤总会直接进行。`)
            : t(`The condition of alert ${named(c).en} can never hold, so nobody is ever alerted.`, `提醒${named(c).zh}的条件永远不可能成立，因此永远不会提醒任何人。`),
        controlId: c.id,
        about: ['when'],
        hint,
      });
    }
  },
};
