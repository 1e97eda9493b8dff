import type { LintRule } from '../types.js';
import { named, t } from '../text.js';
import { rootReads } from '../writers.js';
import { checkRule } from '../../logic/policy.js';

/**
 * no-unused-controls: a control point does something — a gate holds back at
 * least one step, and every control's condition reads the flow's data (one
 * that reads nothing never changes, so it is always or never in force).
 */
export const noUnusedControls: LintRule = {
  id: 'no-unused-controls',
  doc: "A control point does something: a gate holds back at least one step, and its condition reads the flow's data.",
  check(ctx, report) {
    for (const c of ctx.flow.controls ?? []) {
      if (c.kind === 'gate' && (c.blocks ?? []).length === 0) {
        report({
          message: t(`Gate ${named(c).en} holds back no step, so it never stops anything.`, `关卡${named(c).zh}没有拦住任何步骤，因此永远不会起作用。`),
          controlId: c.id,
          about: ['blocks'],
          hint: t('Name the steps it must hold back while its condition holds, or remove it.', '指明条件成立时它要拦住的步骤，或删除它。'),
        });
        continue;
      }
      if (checkRule(c.when).length > 0 || rootReads(c.when).length > 0) continue;
      report({
        message: t(`The condition of control point ${named(c).en} reads no data, so it never changes: the control is always or never in force.`, `控制点${named(c).zh}的条件不读取任何数据，永远不会变化：该控制点要么一直生效，要么从不生效。`),
        controlId: c.id,
        about: ['when'],
        hint: t('Make the condition read the data it watches (such as the order amount), or remove the control point.', '让条件读取它所监控的数据（如订单金额），或删除该控制点。'),
      });
    }
  },
};
