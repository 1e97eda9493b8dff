import { LONG_TEXT, chargeOperand, checkString, overText, countItems, LogicError, type EvaluationContext } from './budget.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- JsonLogic's operators are JavaScript's loose operators on unknown values. */

/** json-logic-js parses both operands of + and * with parseFloat; a number parses to itself (bar -0). */
function num(v: unknown): number {
  return typeof v === 'number' ? (v === 0 ? 0 : v) : parseFloat(v as string);
}

type Node = (data: unknown) => unknown;

/**
 * An operand as read, charged for what reading it as text or a number costs
 * (lists, long texts). A module function, not a closure per operation, so
 * every compiled operation calls the same target and the call is inlined.
 */
function charged(c: EvaluationContext, x: unknown): any {
  if (typeof x === 'object' ? x !== null : typeof x === 'string' && x.length > LONG_TEXT) chargeOperand(c, x);
  return x;
}

/**
 * Two-argument operations as one closure each, so every call site in the
 * hot path sees one shape (no table lookup, no argument array).
 */
export function binary(op: string, a: Node, b: Node, c: EvaluationContext): Node | undefined {
  // Each case reads its operands in order (left first) into locals: no pair is allocated per call.
  switch (op) {
    case '==': return (d) => { const x = charged(c, a(d)); return x == charged(c, b(d)); };
    case '===': return (d) => a(d) === b(d);
    case '!=': return (d) => { const x = charged(c, a(d)); return x != charged(c, b(d)); };
    case '!==': return (d) => a(d) !== b(d);
    case '>': return (d) => { const x = charged(c, a(d)); return x > charged(c, b(d)); };
    case '>=': return (d) => { const x = charged(c, a(d)); return x >= charged(c, b(d)); };
    case '<': return (d) => { const x = charged(c, a(d)); return x < charged(c, b(d)); };
    case '<=': return (d) => { const x = charged(c, a(d)); return x <= charged(c, b(d)); };
    case 'in': return (d) => { const x = charged(c, a(d)); return inList(x, charged(c, b(d))); };
    case '+': return (d) => { const x = num(charged(c, a(d))); return x + num(charged(c, b(d))); };
    case '*': return (d) => { const x = num(charged(c, a(d))); return x * num(charged(c, b(d))); };
    case '-': return (d) => {
      const x = charged(c, a(d));
      const y = charged(c, b(d));
      return y === undefined ? -x : x - y;
    };
    case '/': return (d) => { const x = charged(c, a(d)); return x / charged(c, b(d)); };
    case '%': return (d) => { const x = charged(c, a(d)); return x % charged(c, b(d)); };
    default: return undefined;
  }
}

/** {@link binary} with a constant right-hand side (`{"==": [{"var": "x"}, "critical"]}`). */
export function binaryWithConstant(op: string, a: Node, k: unknown, c: EvaluationContext): Node | undefined {
  const kk = k as any;
  switch (op) {
    case '==': return (d) => charged(c, a(d)) == kk;
    case '===': return (d) => a(d) === kk;
    case '!=': return (d) => charged(c, a(d)) != kk;
    case '!==': return (d) => a(d) !== kk;
    case '>': return (d) => charged(c, a(d)) > kk;
    case '>=': return (d) => charged(c, a(d)) >= kk;
    case '<': return (d) => charged(c, a(d)) < kk;
    case '<=': return (d) => charged(c, a(d)) <= kk;
    case 'in': return (d) => inList(charged(c, a(d)), kk);
    case '+': { const nk = num(kk); return (d) => num(charged(c, a(d))) + nk; }
    case '*': { const nk = num(kk); return (d) => num(charged(c, a(d))) * nk; }
    case '-': return (d) => charged(c, a(d)) - kk;
    case '/': return (d) => charged(c, a(d)) / kk;
    case '%': return (d) => charged(c, a(d)) % kk;
    default: return undefined;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;
const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

/**
 * Whether a found, non-function member is the object's own: plain objects and
 * arrays (all data from JSON) inherit nothing but functions, so the prototype
 * answers for them without a property lookup; anything else is asked.
 */
export function own(o: unknown, k: string): boolean {
  const p = Object.getPrototypeOf(o) as unknown;
  return p === OBJECT_PROTO || p === ARRAY_PROTO || typeof o === 'string' || hasOwn.call(o, k);
}

/** Reads `d.k0` or `d.k0.k1` as var does (own members only), with null for not found, inline in the caller. */
function readAt(d: unknown, k0: string, k1: string | undefined): unknown {
  if (d === null || d === undefined) return null;
  let v = (d as Record<string, unknown>)[k0];
  if (v === undefined || typeof v === 'function') return null;
  // own(d, k0), inlined: plain objects and arrays answer by their prototype.
  const pd = Object.getPrototypeOf(d) as unknown;
  if (pd !== OBJECT_PROTO && pd !== ARRAY_PROTO && !own(d, k0)) return null;
  if (k1 === undefined) return v;
  if (v === null) return null;
  const o = v;
  v = (o as Record<string, unknown>)[k1];
  if (v === undefined || typeof v === 'function') return null;
  const po = Object.getPrototypeOf(o) as unknown;
  return po === OBJECT_PROTO || po === ARRAY_PROTO || own(o, k1) ? v : null;
}

/**
 * The commonest guard shape, `{"op": [{"var": "order.type"}, constant]}`, as
 * one closure with the read inlined: no inner call per evaluation.
 */
export function comparePathWithConstant(op: string, path: [string] | [string, string], k: unknown, c: EvaluationContext): Node | undefined {
  const [k0, k1] = path;
  const kk = k as any;
  // A list or long text in the data read as text or a number is charged like any conversion.
  switch (op) {
    case '==': return (d) => (charged(c, readAt(d, k0, k1)) as any) == kk;
    case '===': return (d) => readAt(d, k0, k1) === kk;
    case '!=': return (d) => (charged(c, readAt(d, k0, k1)) as any) != kk;
    case '!==': return (d) => readAt(d, k0, k1) !== kk;
    case '>': return (d) => (charged(c, readAt(d, k0, k1)) as any) > kk;
    case '>=': return (d) => (charged(c, readAt(d, k0, k1)) as any) >= kk;
    case '<': return (d) => (charged(c, readAt(d, k0, k1)) as any) < kk;
    case '<=': return (d) => (charged(c, readAt(d, k0, k1)) as any) <= kk;
    case 'in': return (d) => inList(charged(c, readAt(d, k0, k1)), kk);
    case '*': { const nk = num(kk); return (d) => num(charged(c, readAt(d, k0, k1))) * nk; }
    case '+': { const nk = num(kk); return (d) => num(charged(c, readAt(d, k0, k1))) + nk; }
    default: return undefined;
  }
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
