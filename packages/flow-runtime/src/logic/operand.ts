// Operands: the leaves of a compiled rule (constants and `var` reads of a
// literal path) are not closures but small records that every operation reads
// through one module function, `ev`. The engine inlines `ev` (and the reads in
// it) into each operation's closure, so a guard such as
// {"<=": [{"-": [{"+": [{"var": "a.b"}, ...]}, ...]}, ...]} calls one closure
// per operation instead of one per part, and reads its data without a call.

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
  const v = t === PATH1 ? get(d, o.k0) : t === PATH2 ? get(get(d, o.k0), o.k1) : getPath(d, o.ks!);
  if (v !== undefined) return v;
  return o.fb === null ? o.v : o.fb(d);
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
