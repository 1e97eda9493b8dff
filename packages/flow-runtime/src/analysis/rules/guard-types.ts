import type { LintRule } from '../types.js';
import { typeIssues } from '../guards/expr-type.js';
import { t } from '../text.js';
import { siteTarget } from '../guards/sites.js';

/** guard-types: conditions compare like with like (no number field against a text, no enum against a value it lacks). */
export const guardTypes: LintRule = {
  id: 'guard-types',
  doc: 'Conditions compare like with like: no number field against a text, no choice field against a value it does not have.',
  check(ctx, report) {
    for (const site of ctx.ruleSites) {
      if (!site.readsFlowData || site.issues.length > 0) continue;
      for (const issue of typeIssues(site.rule, (p) => ctx.resolvePath(p))) {
        report({
          message: t(`${site.where().en}: ${issue.message.en}`, `${site.where().zh}：${issue.message.zh}`),
          ...siteTarget(site),
          hint: t('Compare the field with a value of its own kind (a number with a number, a choice with one of its options).', '用同类值进行比较（数字对数字，选项对其可选值）。'),
        });
      }
    }
  },
};
