export { ALLOWED_OPERATORS, FORBIDDEN_OPERATORS, FORBIDDEN_PATH_SEGMENTS, isAllowedOperator, type AllowedOperator } from './operators.js';
export { checkRule, DEFAULT_RULE_LIMITS, type RuleLimits, type RuleIssue } from './policy.js';
export { compileRule, type CompiledRule } from './compile.js';
export { evaluate, prepareRule, type EvaluateOptions } from './evaluate.js';
export { LogicError, DEFAULT_BUDGET, type EvaluationBudget, type LogicErrorCode } from './budget.js';
export { truthy } from './truthy.js';
export { collectVarUses, type VarUse, type VarScope } from './vars.js';
