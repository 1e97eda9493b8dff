import type { LintRule } from '../types.js';
import type { LocalizedText } from '../../schema/common.js';
import { named, t } from '../text.js';

// A verb that opens the name (“Request prepayment”), or a word that only ever means telling someone; “Prepare request” claims nothing.
const CLAIMS_EN = /^(notify|inform|remind|alert|tell|ask|request|chase)\b|\b(notify|notifies|notification|inform|informs|remind|reminds|reminder)\b/i;
const CLAIMS_ZH = /通知|提醒|告知|催款|催收|催促/;

/** Whether a step's name says it tells or asks someone something (“Request prepayment”, “通知客户预付款”). */
export function claimsToNotify(name: LocalizedText): boolean {
  return CLAIMS_EN.test(name.en) || (name.zh !== undefined && CLAIMS_ZH.test(name.zh));
}

/**
 * notify-nobody: an automatic step whose name says it notifies, reminds or
 * asks someone raises an alert to a role. Without one nobody is told, and
 * whatever the step announces (asking the customer for money) is done by no one.
 */
export const notifyNobody: LintRule = {
  id: 'notify-nobody',
  doc: 'An automatic step whose name says it notifies, reminds or asks someone raises an alert to a role; otherwise nobody is told and the work it announces is done by no one.',
  about: ['alert'],
  check(ctx, report) {
    for (const node of ctx.graph.nodes) {
      // A step with an alert to nobody is alert-has-recipient's finding: one flaw, one finding.
      if (node.kind !== 'system' || node.alert || !claimsToNotify(node.name)) continue;
      report({
        message: t(
          `Step ${named(node).en} says it notifies someone, but it alerts nobody: no one is told, and no one is asked to do what it announces.`,
          `步骤${named(node).zh}的名称表明要通知他人，但它没有发出任何提醒：没有人会收到通知，也没有人负责去做它所说的事。`,
        ),
        nodeIds: [node.id],
        about: ['alert'],
        hint: t(
          'Give the step an alert to the role who must act (for example the sales rep, to ask the customer for the prepayment), or rename the step after what it really does.',
          '为该步骤添加提醒，发给需要行动的角色（例如提醒销售代表向客户催收预付款），或按其实际作用重新命名。',
        ),
      });
    }
  },
};
