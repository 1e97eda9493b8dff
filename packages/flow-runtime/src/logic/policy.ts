import { FORBIDDEN_OPERATORS, FORBIDDEN_PATH_SEGMENTS, isAllowedOperator } from './operators.js';
import type { ProblemCode } from '../schema/problems.js';

/** Static limits on a rule's shape, checked when a definition is parsed. */
export interface RuleLimits {
  /** Deepest nesting of operations and arrays. Default 32. */
  maxDepth?: number;
  /** Most values (operations, arrays, literals) in one rule. Default 2,000. */
  maxNodes?: number;
  /** Longest string literal. Default 10,000 characters. */
  maxStringLength?: number;
}

export const DEFAULT_RULE_LIMITS: Required<RuleLimits> = { maxDepth: 32, maxNodes: 2000, maxStringLength: 10_000 };

/** A policy violation inside one rule; `path` is a JSON pointer relative to the rule. */
export interface RuleIssue {
  code: ProblemCode;
  path: string;
  message: string;
}

/**
 * Checks a JsonLogic rule against CRM Flow's policy: allowed operators only,
 * no `var` path through `__proto__`, `constructor` or `prototype`, operations
 * with exactly one operator, and bounded depth, size and string length.
 * Returns every violation; an empty list means the rule may be compiled.
 *
 * @example
 * checkRule({ method: [{ var: 'x' }, 'toString'] })
 * // → [{ code: 'FLOW_E030', path: '', message: "Operator 'method' is not allowed: it calls arbitrary JavaScript methods on data." }]
 */
export function checkRule(rule: unknown, limits: RuleLimits = {}): RuleIssue[] {
  const lim = { ...DEFAULT_RULE_LIMITS, ...limits };
  const issues: RuleIssue[] = [];
  let nodes = 0;
  let sizeReported = false;
  let depthReported = false;

  const visit = (value: unknown, path: string, depth: number): void => {
    nodes++;
    if (nodes > lim.maxNodes) {
      if (!sizeReported) {
        sizeReported = true;
        issues.push({ code: 'FLOW_E033', path: '', message: `The rule has more than ${lim.maxNodes} parts; split it or simplify it.` });
      }
      return;
    }
    if (depth > lim.maxDepth) {
      if (!depthReported) {
        depthReported = true;
        issues.push({ code: 'FLOW_E032', path, message: `The rule is nested more than ${lim.maxDepth} levels deep.` });
      }
      return;
    }
    if (typeof value === 'string') {
      if (value.length > lim.maxStringLength) {
        issues.push({ code: 'FLOW_E033', path, message: `A text in the rule is ${value.length} characters long; at most ${lim.maxStringLength} are allowed.` });
      }
      return;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) issues.push({ code: 'FLOW_E034', path, message: 'A number in the rule is not finite.' });
      return;
    }
    if (value === null || typeof value === 'boolean') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && !sizeReported; i++) visit(value[i], `${path}/${i}`, depth + 1);
      return;
    }
    if (typeof value !== 'object') {
      issues.push({ code: 'FLOW_E034', path, message: `A rule may hold only JSON values, not ${typeof value}.` });
      return;
    }
    const keys = Object.keys(value);
    if (keys.length !== 1) {
      issues.push({
        code: 'FLOW_E034',
        path,
        message:
          keys.length === 0
            ? 'An empty object is not an operation; write an operation such as {"==": [a, b]}.'
            : `An operation has exactly one operator, but this object has ${keys.length}: ${keys.slice(0, 5).map((k) => `'${k}'`).join(', ')}. Combine them with "and" or "or".`,
      });
      return;
    }
    const op = keys[0]!;
    const opPath = `${path}/${escape(op)}`;
    if (Object.prototype.hasOwnProperty.call(FORBIDDEN_OPERATORS, op)) {
      issues.push({ code: 'FLOW_E030', path, message: `Operator '${op}' is not allowed: ${FORBIDDEN_OPERATORS[op]}.` });
      return;
    }
    if (!isAllowedOperator(op)) {
      issues.push({ code: 'FLOW_E035', path, message: `'${truncate(op)}' is not a JsonLogic operator CRM Flow knows.` });
      return;
    }
    const args = (value as Record<string, unknown>)[op];
    if (op === 'var') checkVarArgument(args, opPath, issues);
    if (op === 'missing' || op === 'missing_some') checkMissingArguments(op, args, opPath, issues);
    visit(args, opPath, depth + 1);
  };

  visit(rule, '', 0);
  return issues;
}

function checkVarArgument(args: unknown, path: string, issues: RuleIssue[]): void {
  const name = Array.isArray(args) ? args[0] : args;
  const namePath = Array.isArray(args) ? `${path}/0` : path;
  if (typeof name === 'string') checkPath(name, namePath, issues);
}

function checkMissingArguments(op: string, args: unknown, path: string, issues: RuleIssue[]): void {
  const list = op === 'missing_some' ? (Array.isArray(args) ? args[1] : undefined) : args;
  const base = op === 'missing_some' ? `${path}/1` : path;
  const names = Array.isArray(list) ? list : [list];
  names.forEach((n, i) => {
    if (typeof n === 'string') checkPath(n, Array.isArray(list) ? `${base}/${i}` : base, issues);
  });
}

function checkPath(name: string, path: string, issues: RuleIssue[]): void {
  const bad = name.split('.').find((s) => FORBIDDEN_PATH_SEGMENTS.has(s));
  if (bad) issues.push({ code: 'FLOW_E031', path, message: `The path '${truncate(name)}' reads '${bad}', which is JavaScript internals, not data.` });
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
