import { checkString, overText, countItems, LogicError, type EvaluationContext } from './budget.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- JsonLogic's operators are JavaScript's loose operators on unknown values. */

/**
 * Text of one `cat` operand as Array.prototype.join makes it: null and
 * undefined as nothing, anything else by ToString (a template literal is
 * exactly ToString).
 */
export function catText(v: unknown): string {
  return v === null || v === undefined ? '' : typeof v === 'string' ? v : `${v as string}`;
}

function inList(a: unknown, b: unknown): boolean {
  if (!b || typeof (b as { indexOf?: unknown }).indexOf !== 'function') return false;
  return (b as { indexOf(x: unknown): number }).indexOf(a) !== -1;
}

type Operation = (ctx: EvaluationContext, values: unknown[]) => unknown;

/** Every other operator that evaluates all its arguments first, with any arity. */
export const OTHER_OPERATIONS: Record<string, Operation> = {
  '==': (_c, [a, b]) => (a as any) == (b as any),
  '===': (_c, [a, b]) => a === b,
  '!=': (_c, [a, b]) => (a as any) != (b as any),
  '!==': (_c, [a, b]) => a !== b,
  '>': (_c, [a, b]) => (a as any) > (b as any),
  '>=': (_c, [a, b]) => (a as any) >= (b as any),
  '<': (_c, [a, b, x]) => (x === undefined ? (a as any) < (b as any) : (a as any) < (b as any) && (b as any) < (x as any)),
  '<=': (_c, [a, b, x]) => (x === undefined ? (a as any) <= (b as any) : (a as any) <= (b as any) && (b as any) <= (x as any)),
  in: (_c, [a, b]) => inList(a, b),
  '%': (_c, [a, b]) => (a as any) % (b as any),
  cat: (c, values) => {
    // Texts are measured before they are joined, so an over-long text is never built.
    let length = 0;
    for (const v of values) if (typeof v === 'string') length += v.length;
    if (length > c.maxStringLength) overText(c);
    return checkString(c, values.join(''));
  },
  substr: (c, [source, start, end]) => {
    const s = String(source);
    if ((end as any) < 0) {
      const temp = s.substr(start as number);
      return checkString(c, temp.substr(0, temp.length + (end as number)));
    }
    return checkString(c, s.substr(start as number, end as number));
  },
  '+': (_c, values) => values.reduce<number>((a, b) => parseFloat(a as any) + parseFloat(b as any), 0),
  '*': (_c, values) => {
    // json-logic-js reduces without an initial value: one argument comes back as it is.
    if (values.length === 0) throw new LogicError('LOGIC_POLICY', "Operator '*' needs at least one value.");
    return values.reduce((a, b) => parseFloat(a as any) * parseFloat(b as any));
  },
  '-': (_c, [a, b]) => (b === undefined ? -(a as any) : (a as any) - (b as any)),
  '/': (_c, [a, b]) => (a as any) / (b as any),
  min: (_c, values) => Math.min(...(values as number[])),
  max: (_c, values) => Math.max(...(values as number[])),
  merge: (c, values) => {
    let size = 0;
    for (const v of values) size += Array.isArray(v) ? v.length : 1;
    countItems(c, size);
    return values.reduce<unknown[]>((a, b) => a.concat(b), []);
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */
