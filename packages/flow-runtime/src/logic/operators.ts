/**
 * JsonLogic operators CRM Flow accepts: json-logic-js's standard set, less
 * `log` (writes to the console) and `method` (calls arbitrary JavaScript
 * methods) and dotted sub-operations.
 */
export const ALLOWED_OPERATORS = [
  'var', 'missing', 'missing_some',
  'if', '?:', 'and', 'or', '!', '!!',
  '==', '===', '!=', '!==', '>', '>=', '<', '<=',
  '+', '-', '*', '/', '%', 'min', 'max',
  'cat', 'substr', 'in', 'merge',
  'map', 'filter', 'reduce', 'all', 'none', 'some',
] as const;

/** An operator from {@link ALLOWED_OPERATORS}. */
export type AllowedOperator = (typeof ALLOWED_OPERATORS)[number];

/** Operators json-logic-js knows but CRM Flow refuses, with the reason shown to the user. */
export const FORBIDDEN_OPERATORS: Readonly<Record<string, string>> = {
  method: 'it calls arbitrary JavaScript methods on data',
  log: 'it writes to the console of whoever runs the flow',
};

const allowed = new Set<string>(ALLOWED_OPERATORS);

/** True for an operator of {@link ALLOWED_OPERATORS}. */
export function isAllowedOperator(op: string): op is AllowedOperator {
  return allowed.has(op);
}

/** Path segments a `var` may never read: they reach JavaScript internals, not data. */
export const FORBIDDEN_PATH_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Operators whose second argument is evaluated once per item of the first. */
export const ITERATING_OPERATORS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);
