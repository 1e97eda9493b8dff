import type { LintRule } from '../types.js';
import { t } from '../text.js';
import { siteTarget } from '../guards/sites.js';

/** guard-policy: every condition and calculation passes CRM Flow's JsonLogic policy. */
export const guardPolicy: LintRule = {
  id: 'guard-policy',
  doc: 'Every condition and calculation uses only allowed JsonLogic operators, within the size and depth limits.',
  check(ctx, report) {
    for (const site of ctx.ruleSites) {
      for (const issue of site.issues) {
        report({
          message: t(`${site.where().en}: ${issue.message}`, `${site.where().zh}：${issue.message}`),
          ...siteTarget(site),
          hint: t('Rewrite the rule with the allowed operators (see the condition builder).', '请使用允许的运算符重写该规则（参见条件构建器）。'),
        });
      }
    }
  },
};
