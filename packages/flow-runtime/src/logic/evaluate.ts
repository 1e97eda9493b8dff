import { checkRule, type RuleLimits } from './policy.js';
import { compileRule, type CompiledRule } from './compile.js';
import { LogicError, type EvaluationBudget } from './budget.js';

const cache = new WeakMap<object, CompiledRule>();

/** Options of {@link evaluate} and {@link prepareRule}. */
export interface EvaluateOptions {
  limits?: RuleLimits;
  budget?: EvaluationBudget;
}

/**
 * Checks an untrusted rule against the policy and compiles it. Throws a
 * {@link LogicError} with code `LOGIC_POLICY` naming every violation.
 * Compiled rules are cached per rule object, so a flow's guards are
 * compiled once however often they run.
 */
export function prepareRule(rule: unknown, options: EvaluateOptions = {}): CompiledRule {
  const cacheable = typeof rule === 'object' && rule !== null && !options.budget && !options.limits;
  if (cacheable) {
    const hit = cache.get(rule);
    if (hit) return hit;
  }
  const issues = checkRule(rule, options.limits);
  if (issues.length > 0) {
    throw new LogicError('LOGIC_POLICY', issues.map((i) => (i.path ? `at ${i.path}: ${i.message}` : i.message)).join('\n'));
  }
  const compiled = compileRule(rule, options.budget);
  if (cacheable) cache.set(rule, compiled);
  return compiled;
}

/**
 * Evaluates a JsonLogic rule on data: the policy-checked entry point used
 * everywhere in CRM Flow. Results match json-logic-js 2.0.5's `apply`.
 *
 * @example
 * evaluate({ in: [{ var: 'order.type' }, ['new', 'prepaid']] }, { order: { type: 'prepaid' } }); // true
 */
export function evaluate(rule: unknown, data?: unknown, options: EvaluateOptions = {}): unknown {
  return prepareRule(rule, options)(data);
}
