// Operands: the leaves of a compiled rule (constants and `var` reads of a
// literal path) are not closures but small records that every operation reads
// through one module function, `ev`. The engine inlines `ev` (and the reads in
// it) into each operation's closure, so a guard such as
// {"<=": [{"-": [{"+": [{"var": "a.b"}, ...]}, ...]}, ...]} calls one closure
// per operation instead of one per part, and reads its data without a call.

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
 * A comparison of a path with a constant scalar (`{"==": [{"var": "a.b"}, "x"]}`,
 * and `in` over a list written in the rule): evaluated inside {@link ev}, so the
 * commonest guard, and an `if`/`and`/`or`/`!` over such guards, calls no closure.
 */
export const COMPARE = 5;
/**
 * `+`, `-`, `*` or `/` of two operands that are constants or paths
 * (`{"*": [0.9, {"var": "customer.creditLimit"}]}`), also run inside {@link ev}.
 */
export const ARITH = 6;

/** Arithmetic {@link ev} runs itself, by code. */
export const ARITHMETIC: Readonly<Record<string, number>> = { '+': 0, '-': 1, '*': 2, '/': 3 };

/** Comparisons {@link ev} runs itself, by code. */
export const COMPARISONS: Readonly<Record<string, number>> = { '==': 0, '!=': 1, '===': 2, '!==': 3, '>': 4, '>=': 5, '<': 6, '<=': 7, in: 8 };

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
    /** COMPARE: the comparison's code ({@link COMPARISONS}), its path, and the counters that pay for reading it. */
    readonly op: number = -1,
    readonly a: Operand | null = null,
    readonly c: EvaluationContext | null = null,
    /** ARITH: the right-hand operand. */
    readonly b: Operand | null = null,
  ) {}
}

/** Whether an operand is a constant or a path: what COMPARE and ARITH take as operands. */
export function isLeaf(o: Operand): boolean {
  return o.t === CONST || o.t === PATH1 || o.t === PATH2 || o.t === PATHN;
}

/**
 * `{op: [a, b]}` for an operation of {@link ARITHMETIC} whose operands are
 * both leaves ({@link isLeaf}); each operand read is charged as arithmetic
 * charges it (a list or a long text read as a number).
 */
export function arithmetic(op: number, a: Operand, b: Operand, c: EvaluationContext): Operand {
  return new Operand(ARITH, null, '', '', null, null, null, op, a, c, b);
}

/**
 * `{op: [path, k]}` for a comparison of {@link COMPARISONS}: `k` a constant
 * scalar (for `in`, a frozen list of scalars written in the rule). The value
 * read is charged as every comparison charges it (a list or a long text);
 * `===` and `!==` convert nothing and charge nothing.
 */
export function compare(op: number, a: Operand, k: unknown, c: EvaluationContext): Operand {
  return new Operand(COMPARE, k, '', '', null, null, null, op, a, c);
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
  if (t === COMPARE) {
    const a = o.a!;
    return compared(o, a.t === ARITH ? calculated(a, d) : leaf(a, d));
  }
  if (t === ARITH) return calculated(o, d);
  return read(o, d);
}

/** The value of a constant or path operand. */
function leaf(o: Operand, d: unknown): unknown {
  return o.t === CONST ? o.v : read(o, d);
}

/** The value of a path operand on `d`, its default when not found. */
function read(o: Operand, d: unknown): unknown {
  const t = o.t;
  const v = t === PATH1 ? get(d, o.k0) : t === PATH2 ? get(get(d, o.k0), o.k1) : getPath(d, o.ks!);
  if (v !== undefined) return v;
  return o.fb === null ? o.v : o.fb(d);
}

/* eslint-disable @typescript-eslint/no-explicit-any -- JsonLogic's comparisons are JavaScript's loose ones on unknown values. */
/** A COMPARE operand's result for the value its path read. */
function compared(o: Operand, x: any): boolean {
  const k = o.v as any;
  const op = o.op;
  if (op === 2) return x === k;
  if (op === 3) return x !== k;
  if (typeof x === 'object' ? x !== null : typeof x === 'string' && x.length > LONG_TEXT) chargeOperand(o.c!, x);
  switch (op) {
    case 0: return x == k;
    case 1: return x != k;
    case 4: return x > k;
    case 5: return x >= k;
    case 6: return x < k;
    case 7: return x <= k;
    default: return (k as unknown[]).indexOf(x) !== -1;
  }
}

/** An ARITH operand's result, as json-logic-js computes it for two values (`+` and `*` parse both as numbers). */
function calculated(o: Operand, d: unknown): number {
  const c = o.c!;
  const x = leaf(o.a!, d) as any;
  if (typeof x === 'object' ? x !== null : typeof x === 'string' && x.length > LONG_TEXT) chargeOperand(c, x);
  const y = leaf(o.b!, d) as any;
  if (typeof y === 'object' ? y !== null : typeof y === 'string' && y.length > LONG_TEXT) chargeOperand(c, y);
  switch (o.op) {
    case 0: return num(x) + num(y);
    case 1: return y === undefined ? -x : x - y;
    case 2: return num(x) * num(y);
    default: return x / y;
  }
}

/** json-logic-js parses both operands of + and * with parseFloat; a number parses to itself (bar -0). */
export function num(v: unknown): number {
  if (typeof v === 'number') return v === 0 ? 0 : v;
  // A missing value (null), a boolean or undefined parses to NaN: answered without building its text.
  if (v === null || v === undefined || typeof v === 'boolean') return NaN;
  return parseFloat(v as string);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The operand as a closure, for the places that keep closures (iteration bodies, the root). */
export function asNode(o: Operand): Node {
  if (o.t === NODE) return o.n!;
  if (o.t === CONST) {
    const v = o.v;
    return () => v;
  }
  return (d) => ev(o, d);
}
