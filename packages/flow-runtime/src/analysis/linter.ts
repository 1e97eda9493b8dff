import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import { AnalysisContext } from './context.js';
import { recommended } from './config.js';
import { computeMetricsFrom } from './metrics/index.js';
import { RULES } from './rules/index.js';
import { pick, t } from './text.js';
import type { Diagnostic, Finding, LintConfig, LintRule, RuleSetting, ValidateResult } from './types.js';

/**
 * Lints a parsed flow against its catalog: every rule of the config (the
 * `recommended` severities unless overridden) plus the clarity metrics.
 * A rule that throws becomes one `rule-error` diagnostic; the others still run.
 *
 * @example
 * const { diagnostics, metrics } = validate(flow, catalog);
 * for (const d of diagnostics) console.log(`${d.severity} ${d.rule}: ${d.message}`);
 * console.log(metrics.summary);
 */
export function validate(flow: Flow, catalog: Catalog | undefined, config: LintConfig = {}): ValidateResult {
  const ctx = new AnalysisContext({ flow, catalog, flows: config.flows });
  const diagnostics = runRules(ctx, RULES, config);
  const metrics = computeMetricsFrom(ctx, config.locale ?? 'en');
  return { diagnostics, metrics };
}

/** Runs rules on a context (exported for tests and for callers with their own rule list). */
export function runRules(ctx: AnalysisContext, rules: ReadonlyArray<LintRule>, config: LintConfig = {}): Diagnostic[] {
  const locale = config.locale ?? 'en';
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const setting: RuleSetting = config.rules?.[rule.id] ?? recommended[rule.id] ?? 'error';
    if (setting === 'off') continue;
    const report = (f: Finding): void => {
      out.push({
        rule: rule.id,
        severity: setting,
        message: pick(f.message, locale),
        nodeIds: f.nodeIds ?? [],
        edgeIds: f.edgeIds ?? [],
        hint: f.hint ? pick(f.hint, locale) : '',
      });
    };
    try {
      rule.check(ctx, report);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      out.push({
        rule: 'rule-error',
        severity: 'error',
        message: pick(t(`Rule '${rule.id}' failed while checking this flow: ${why}`, `规则“${rule.id}”检查此流程时出错：${why}`), locale),
        nodeIds: [],
        edgeIds: [],
        hint: pick(t('This is a bug in CRM Flow, not in your flow; the other rules still ran. Please report it.', '这是 CRM Flow 的缺陷，不是流程的问题；其他规则已正常运行。请报告此问题。'), locale),
      });
    }
  }
  return out;
}

/** Counts diagnostics by severity. */
export function countBySeverity(diagnostics: ReadonlyArray<Diagnostic>): Record<'error' | 'warning' | 'info', number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) c[d.severity]++;
  return c;
}
