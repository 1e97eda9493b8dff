import { LONG_TEXT, chargeOperand, checkString, overText, countItems, LogicError, type EvaluationContext } from './budget.js';
import { ev, num, type Node, type Operand } from './operand.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- JsonLogic's operators are JavaScript's loose operators on unknown values. */

/**
 * An operand as read, charged for what reading it as text or a number costs
 * (lists, long texts). A module function, not a closure per operation, so
 * every compiled operation calls the same target and the call is inlined.
 */
export function charged(c: EvaluationContext, x: unknown): any {
  if (typeof x === 'object' ? x !== null : typeof x === 'string' && x.length > LONG_TEXT) chargeOperand(c, x);
  return x;
}

/**
 * Two-argument operations as one closure each, so every call site in the
 * hot path sees one shape (no table lookup, no argument array). Operands
 * that are constants or literal paths are read inline ({@link ev}).
 */
export function binary(op: string, a: Operand, b: Operand, c: EvaluationContext): Node | undefined {
  // Each case reads its operands in order (left first) into locals: no pair is allocated per call.
  switch (op) {
    case '==': return (d) => { const x = charged(c, ev(a, d)); return x == charged(c, ev(b, d)); };
    case '===': return (d) => ev(a, d) === ev(b, d);
    case '!=': return (d) => { const x = charged(c, ev(a, d)); return x != charged(c, ev(b, d)); };
    case '!==': return (d) => ev(a, d) !== ev(b, d);
    case '>': return (d) => { const x = charged(c, ev(a, d)); return x > charged(c, ev(b, d)); };
    case '>=': return (d) => { const x = charged(c, ev(a, d)); return x >= charged(c, ev(b, d)); };
    case '<': return (d) => { const x = charged(c, ev(a, d)); return x < charged(c, ev(b, d)); };
    case '<=': return (d) => { const x = charged(c, ev(a, d)); return x <= charged(c, ev(b, d)); };
    case 'in': return (d) => { const x = charged(c, ev(a, d)); return inList(x, charged(c, ev(b, d))); };
    case '+': return (d) => { const x = num(charged(c, ev(a, d))); return x + num(charged(c, ev(b, d))); };
    case '*': return (d) => { const x = num(charged(c, ev(a, d))); return x * num(charged(c, ev(b, d))); };
    case '-': return (d) => {
      const x = charged(c, ev(a, d));
      const y = charged(c, ev(b, d));
      return y === undefined ? -x : x - y;
    };
    case '/': return (d) => { const x = charged(c, ev(a, d)); return x / charged(c, ev(b, d)); };
    case '%': return (d) => { const x = charged(c, ev(a, d)); return x % charged(c, ev(b, d)); };
    // Math.max(x, y) is what json-logic-js's Math.max.apply gives for two values.
    case 'max': return (d) => { const x = charged(c, ev(a, d)); return Math.max(x, charged(c, ev(b, d))); };
    case 'min': return (d) => { const x = charged(c, ev(a, d)); return Math.min(x, charged(c, ev(b, d))); };
    default: return undefined;
  }
}

/** {@link binary} with a constant scalar right-hand side (`{"==": [{"var": "x"}, "critical"]}`): nothing to charge for it. */
export function binaryWithConstant(op: string, a: Operand, k: unknown, c: EvaluationContext): Node | undefined {
  const kk = k as any;
  switch (op) {
    case '==': return (d) => charged(c, ev(a, d)) == kk;
    case '===': return (d) => ev(a, d) === kk;
    case '!=': return (d) => charged(c, ev(a, d)) != kk;
    case '!==': return (d) => ev(a, d) !== kk;
    case '>': return (d) => charged(c, ev(a, d)) > kk;
    case '>=': return (d) => charged(c, ev(a, d)) >= kk;
    case '<': return (d) => charged(c, ev(a, d)) < kk;
    case '<=': return (d) => charged(c, ev(a, d)) <= kk;
    case 'in': return (d) => inList(charged(c, ev(a, d)), kk);
    case '+': { const nk = num(kk); return (d) => num(charged(c, ev(a, d))) + nk; }
    case '*': { const nk = num(kk); return (d) => num(charged(c, ev(a, d))) * nk; }
    case '-': return (d) => charged(c, ev(a, d)) - kk;
    case '/': return (d) => charged(c, ev(a, d)) / kk;
    case '%': return (d) => charged(c, ev(a, d)) % kk;
    case 'max': return (d) => Math.max(charged(c, ev(a, d)), kk);
    case 'min': return (d) => Math.min(charged(c, ev(a, d)), kk);
    default: return undefined;
  }
}

/** {@link binary} with a constant scalar left-hand side (`{"-": [1, {"var": "x"}]}`). */
export function constantWithBinary(op: string, k: unknown, b: Operand, c: EvaluationContext): Node | undefined {
  const kk = k as any;
  switch (op) {
    case '==': return (d) => kk == charged(c, ev(b, d));
    case '===': return (d) => kk === ev(b, d);
    case '!=': return (d) => kk != charged(c, ev(b, d));
    case '!==': return (d) => kk !== ev(b, d);
    case '>': return (d) => kk > charged(c, ev(b, d));
    case '>=': return (d) => kk >= charged(c, ev(b, d));
    case '<': return (d) => kk < charged(c, ev(b, d));
    case '<=': return (d) => kk <= charged(c, ev(b, d));
    case '+': { const nk = num(kk); return (d) => nk + num(charged(c, ev(b, d))); }
    case '*': { const nk = num(kk); return (d) => nk * num(charged(c, ev(b, d))); }
    case '-': return (d) => { const y = charged(c, ev(b, d)); return y === undefined ? -kk : kk - y; };
    case '/': return (d) => kk / charged(c, ev(b, d));
    case '%': return (d) => kk % charged(c, ev(b, d));
    case 'max': return (d) => Math.max(kk, charged(c, ev(b, d)));
    case 'min': return (d) => Math.min(kk, charged(c, ev(b, d)));
    default: return undefined;
  }
}

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
