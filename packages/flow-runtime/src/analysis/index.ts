export { validate, runRules, countBySeverity } from './linter.js';
export { recommended } from './config.js';
export { RULES } from './rules/index.js';
export { AnalysisContext } from './context.js';
export { computeMetrics, computeMetricsFrom } from './metrics/index.js';
export { enumeratePaths, enumerateWith, type FlowPath, type PathCondition, type PathOptions, type PathSet } from './paths.js';
export type { FlowMetrics, HandoffMetrics, JumpMetrics, PathMetric, ClarityRating } from './metrics/types.js';
export type { Diagnostic, Finding, FlowRegistry, LintConfig, LintRule, Locale, Report, RuleSetting, Severity, Text, ValidateResult } from './types.js';
export * from './simulate/index.js';
