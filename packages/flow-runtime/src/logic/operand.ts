// Operands: the leaves of a compiled rule (constants and `var` reads of a
// literal path) and its two-operand operators are not closures but small
// records that every operation reads through one module function, `ev`. The
// engine inlines `ev` (and the reads in it) into each operation's closure, so
// a guard such as {"<=": [{"-": [{"+": [{"var": "a.b"}, ...]}, ...]}, ...]}
// calls no closure at all, and reads its data without a call.
import { LONG_TEXT, chargeOperand, type EvaluationContext } from './budget.js';

/** A compiled node: evaluates against data; counters live in the context captured at compile time. */
export type Node = (data: unknown) => unknown;

const hasOwn = Object.prototype.hasOwnProperty;

/** A constant (a literal, or a list of literals built once and frozen). */
export const CONST = 0;
/** `{"var": "a"}`: one segment. */
export const PATH1 = 1;
/** `{"var": "a.b"}`: two segments. */
export const PATH2 = 2;
/** `{"var": "a.b.c…"}`: three or more segments. */
export const PATHN = 3;
/** Anything else: an operation compiled to a closure. */
export const NODE = 4;
/**
 * A two-operand operator (`==`, `<`, `in`, `+`, `max`, …, see {@link BINARY}),
 * evaluated inside {@link ev}: the commonest guards
 * (`{"==": [{"var": "quote.status"}, "accepted"]}`) and arithmetic
 * (`{"*": [0.9, {"var": "customer.creditLimit"}]}`) call no closure.
 */
export const BIN = 5;

/** Two-operand operators {@link ev} runs itself, by code. */
export const BINARY: Readonly<Record<string, number>> = {
  '==': 0, '!=': 1, '===': 2, '!==': 3, '>': 4, '>=': 5, '<': 6, '<=': 7, in: 8,
  '+': 9, '-': 10, '*': 11, '/': 12, '%': 13, max: 14, min: 15,
};
const STRICT_EQ = 2;
const STRICT_NE = 3;
const IN = 8;

/**
 * One operand of an operation. Every operand has the same fields (one object
 * shape), so reading one is a fixed-offset load wherever it is read.
 * For a path, `v` is its constant default (null when none or when the default
 * is itself an operation, which `fb` then evaluates).
 */
export class Operand {
  constructor(
    readonly t: number,
    readonly v: unknown,
    readonly k0: string,
    readonly k1: string,
    readonly ks: readonly string[] | null,
    readonly fb: Node | null,
    readonly n: Node | null,
    /** BIN: the operator's code ({@link BINARY}), its operands, and the counters that pay for reading them. */
    readonly op: number = -1,
    readonly a: Operand | null = null,
    readonly b: Operand | null = null,
    readonly c: EvaluationContext | null = null,
    /** BIN: whether the value of `a` / `b` is charged when it is a list or a long text. */
    readonly ca: boolean = false,
    readonly cb: boolean = false,
  ) {}
}

/** An operand that is a constant value. */
export function constant(v: unknown): Operand {
  return new Operand(CONST, v, '', '', null, null, null);
}

/** An operand computed by a closure. */
export function computed(n: Node): Operand {
  return new Operand(NODE, null, '', '', null, null, n);
}

/**
 * A read of a literal path whose segments are already known to be allowed
 * (none is `__proto__`, `constructor` or `prototype`), with its default: a
 * constant value, or a closure evaluated only when the path is not found.
 */
export function path(segments: readonly string[], dflt: unknown, fallback: Node | null): Operand {
  const t = segments.length === 1 ? PATH1 : segments.length === 2 ? PATH2 : PATHN;
  return new Operand(t, dflt, segments[0]!, segments.length > 1 ? segments[1]! : '', t === PATHN ? segments : null, fallback, null);
}

/**
 * `{op: [a, b]}` for an operator of {@link BINARY}. Every value the operator
 * reads as text or a number is charged (a list for its conversion, a long
 * text for its length), except where nothing is converted: by `===` and
 * `!==`; a constant scalar written in the rule; the list `in` searches when
 * it is written in the rule (searched, never converted; per item of an
 * iteration its size is paid by the rule's weight).
 */
export function binaryOperand(op: number, a: Operand, b: Operand, c: EvaluationContext): Operand {
  const converts = op !== STRICT_EQ && op !== STRICT_NE;
  const pays = (o: Operand, right: boolean) => converts && (o.t !== CONST || (typeof o.v === 'object' && o.v !== null && !(right && op === IN)));
  return new Operand(BIN, null, '', '', null, null, null, op, a, b, c, pays(a, false), pays(b, true));
}

/**
 * Reads member `k` of `o` as `var` does: undefined when `o` is null or
 * undefined, the member is missing, not the object's own (inherited members
 * never leak, whatever the prototype), or a function. Asking
 * `hasOwnProperty` first costs less than asking for the prototype, and a
 * member that is not there is answered without reading it.
 */
export function get(o: unknown, k: string): unknown {
  if (o === null || o === undefined || !hasOwn.call(o, k)) return undefined;
  const v = (o as Record<string, unknown>)[k];
  return typeof v === 'function' ? undefined : v;
}

/** {@link get} along a path of segments already known to be allowed. */
export function getPath(data: unknown, segments: readonly string[]): unknown {
  let cur = data;
  for (let i = 0; i < segments.length; i++) {
    cur = get(cur, segments[i]!);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/**
 * The value of an operand on `d`. A path not found (a step missing, null
 * before the last step, a function, an inherited member) gives its default;
 * a null found at the end stays null, as in json-logic-js.
 */
export function ev(o: Operand, d: unknown): unknown {
  const t = o.t;
  if (t === NODE) return o.n!(d);
  if (t === CONST) return o.v;
  if (t === BIN) return binaryValue(o, d);
  return read(o, d);
}

/** The value of a path operand on `d`, its default when not found. */
function read(o: Operand, d: unknown): unknown {
  const t = o.t;
  const v = t === PATH1 ? get(d, o.k0) : t === PATH2 ? get(get(d, o.k0), o.k1) : getPath(d, o.ks!);
  if (v !== undefined) return v;
  return o.fb === null ? o.v : o.fb(d);
}

/**
 * A BIN operand's value: the left operand read and charged, then the right
 * one, then the operator — json-logic-js's order. Constants and paths are
 * read here without a call; a nested operator is one direct call.
 */
function binaryValue(o: Operand, d: unknown): unknown {
  const a = o.a!;
  const x = a.t === NODE ? a.n!(d) : a.t === CONST ? a.v : a.t === BIN ? binaryValue(a, d) : read(a, d);
  if (o.ca && (typeof x === 'object' ? x !== null : typeof x === 'string' && x.length > LONG_TEXT)) chargeOperand(o.c!, x);
  const b = o.b!;
  const y = b.t === NODE ? b.n!(d) : b.t === CONST ? b.v : b.t === BIN ? binaryValue(b, d) : read(b, d);
  if (o.cb && (typeof y === 'object' ? y !== null : typeof y === 'string' && y.length > LONG_TEXT)) chargeOperand(o.c!, y);
  return operate(o.op, x, y);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- JsonLogic's operators are JavaScript's loose ones on unknown values. */
/** What a {@link BINARY} operator gives for two values, as json-logic-js computes it. */
function operate(op: number, x: any, y: any): unknown {
  switch (op) {
    case 0: return x == y;
    case 1: return x != y;
    case 2: return x === y;
    case 3: return x !== y;
    case 4: return x > y;
    case 5: return x >= y;
    case 6: return x < y;
    case 7: return x <= y;
    case 8: return !!y && typeof y.indexOf === 'function' && y.indexOf(x) !== -1;
    // + and * parse both values as numbers (parseFloat); the others convert them as JavaScript does.
    case 9: return num(x) + num(y);
    case 10: return y === undefined ? -x : x - y;
    case 11: return num(x) * num(y);
    case 12: return x / y;
    case 13: return x % y;
    case 14: return Math.max(x, y);
    default: return Math.min(x, y);
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** json-logic-js parses both operands of + and * with parseFloat; a number parses to itself (bar -0). */
export function num(v: unknown): number {
  if (typeof v === 'number') return v === 0 ? 0 : v;
  // A missing value (null), a boolean or undefined parses to NaN: answered without building its text.
  if (v === null || v === undefined || typeof v === 'boolean') return NaN;
  return parseFloat(v as string);
}

/** The operand as a closure, for the places that keep closures (iteration bodies, the root). */
export function asNode(o: Operand): Node {
  if (o.t === NODE) return o.n!;
  if (o.t === CONST) {
    const v = o.v;
    return () => v;
  }
  return (d) => ev(o, d);
}
