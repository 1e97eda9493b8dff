/**
 * A small algebra of guard regions for interval reasoning over decisions.
 * A region is a union of boxes; a box constrains some variables (others are
 * free); a variable is constrained to a union of numeric intervals or to a
 * set of discrete values (finite, or "everything except" for open domains).
 * Enough to prove "this branch is never taken" and "this value matches no
 * branch" for the guards people write: comparisons with constants, `in`
 * lists, and/or/not. Everything else is an opaque yes/no atom.
 */

/** One numeric interval; bounds may be infinite. */
export interface Interval {
  lo: number;
  loIn: boolean;
  hi: number;
  hiIn: boolean;
}

/** A numeric variable's allowed values: sorted, disjoint intervals. */
export interface NumConstraint {
  kind: 'num';
  integer: boolean;
  intervals: Interval[];
}

/**
 * A discrete variable's allowed values, as JSON-encoded literals. With
 * `universe` the domain is finite (enum options, true/false) and `values` is
 * the allowed subset; without it, `negated` means "anything but `values`".
 */
export interface SetConstraint {
  kind: 'set';
  values: ReadonlySet<string>;
  negated: boolean;
  universe?: ReadonlySet<string>;
}

export type Constraint = NumConstraint | SetConstraint;

/** A conjunction of per-variable constraints; missing variables are unconstrained. */
export type Box = ReadonlyMap<string, Constraint>;

/** A union of boxes. `[]` is the empty region; `[new Map()]` is everything. */
export type Region = ReadonlyArray<Box>;

/** Thrown when a region grows past the budget; the caller treats the guard as opaque. */
export class RegionTooLarge extends Error {}

export const MAX_BOXES = 256;
export const EVERYTHING: Region = [new Map()];
export const NOTHING: Region = [];

export function fullConstraint(like: Constraint): Constraint {
  if (like.kind === 'num') return { kind: 'num', integer: like.integer, intervals: [{ lo: -Infinity, loIn: false, hi: Infinity, hiIn: false }] };
  return like.universe ? { kind: 'set', values: like.universe, negated: false, universe: like.universe } : { kind: 'set', values: new Set(), negated: true };
}

function normInterval(iv: Interval, integer: boolean): Interval | null {
  let { lo, loIn, hi, hiIn } = iv;
  if (integer) {
    if (Number.isFinite(lo)) {
      const c = loIn ? Math.ceil(lo) : Math.floor(lo) + 1;
      lo = c;
      loIn = true;
    }
    if (Number.isFinite(hi)) {
      const f = hiIn ? Math.floor(hi) : Math.ceil(hi) - 1;
      hi = f;
      hiIn = true;
    }
  }
  if (lo > hi || (lo === hi && !(loIn && hiIn))) return null;
  return { lo, loIn, hi, hiIn };
}

function normalizeIntervals(list: Interval[], integer: boolean): Interval[] {
  const ivs = list.map((iv) => normInterval(iv, integer)).filter((x): x is Interval => x !== null);
  ivs.sort((a, b) => a.lo - b.lo || (a.loIn === b.loIn ? 0 : a.loIn ? -1 : 1));
  const out: Interval[] = [];
  for (const iv of ivs) {
    const last = out[out.length - 1];
    const touches = last && (iv.lo < last.hi || (iv.lo === last.hi && (iv.loIn || last.hiIn)) || (integer && iv.lo === last.hi + 1));
    if (last && touches) {
      if (iv.hi > last.hi || (iv.hi === last.hi && iv.hiIn)) {
        last.hi = iv.hi;
        last.hiIn = iv.hiIn;
      }
    } else out.push({ ...iv });
  }
  return out;
}

function intersectIntervals(a: Interval[], b: Interval[], integer: boolean): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const loIn = x.lo === y.lo ? x.loIn && y.loIn : lo === x.lo ? x.loIn : y.loIn;
      const hi = Math.min(x.hi, y.hi);
      const hiIn = x.hi === y.hi ? x.hiIn && y.hiIn : hi === x.hi ? x.hiIn : y.hiIn;
      out.push({ lo, loIn, hi, hiIn });
    }
  }
  return normalizeIntervals(out, integer);
}

function complementIntervals(a: Interval[], integer: boolean): Interval[] {
  const out: Interval[] = [];
  let lo = -Infinity;
  let loIn = false;
  for (const iv of a) {
    out.push({ lo, loIn, hi: iv.lo, hiIn: !iv.loIn && Number.isFinite(iv.lo) });
    lo = iv.hi;
    loIn = !iv.hiIn && Number.isFinite(iv.hi);
  }
  out.push({ lo, loIn, hi: Infinity, hiIn: false });
  return normalizeIntervals(out, integer);
}

/** A numeric constraint from intervals. */
export function num(intervals: Interval[], integer: boolean): NumConstraint {
  return { kind: 'num', integer, intervals: normalizeIntervals(intervals, integer) };
}

/** A set constraint; normalized to an explicit subset when the universe is finite. */
export function set(values: Iterable<string>, negated: boolean, universe?: ReadonlySet<string>): SetConstraint {
  const v = new Set(values);
  if (!universe) return { kind: 'set', values: v, negated };
  const allowed = new Set([...universe].filter((x) => (negated ? !v.has(x) : v.has(x))));
  // Values outside a finite universe (a typo in a guard) can never match; guard-types reports them.
  return { kind: 'set', values: allowed, negated: false, universe };
}

export function isEmptyConstraint(c: Constraint): boolean {
  if (c.kind === 'num') return c.intervals.length === 0;
  return !c.negated && c.values.size === 0;
}

export function intersect(a: Constraint, b: Constraint): Constraint {
  if (a.kind === 'num' && b.kind === 'num') return { kind: 'num', integer: a.integer || b.integer, intervals: intersectIntervals(a.intervals, b.intervals, a.integer || b.integer) };
  if (a.kind === 'set' && b.kind === 'set') {
    const universe = a.universe ?? b.universe;
    if (!a.negated && !b.negated) return set([...a.values].filter((x) => b.values.has(x)), false, universe);
    if (a.negated && b.negated) return set([...a.values, ...b.values], true, universe);
    const [pos, neg] = a.negated ? [b, a] : [a, b];
    return set([...pos.values].filter((x) => !neg.values.has(x)), false, universe);
  }
  // A variable compared both as a number and as a set of literals: keep the numeric view.
  return a.kind === 'num' ? a : b;
}

export function complement(c: Constraint): Constraint {
  if (c.kind === 'num') return { kind: 'num', integer: c.integer, intervals: complementIntervals(c.intervals, c.integer) };
  if (c.universe) return set([...c.universe].filter((x) => !c.values.has(x)), false, c.universe);
  return { kind: 'set', values: c.values, negated: !c.negated };
}

/** The intersection of two boxes, or null when empty. */
export function intersectBoxes(a: Box, b: Box): Box | null {
  const out = new Map(a);
  for (const [k, c] of b) {
    const prev = out.get(k);
    const next = prev ? intersect(prev, c) : c;
    if (isEmptyConstraint(next)) return null;
    out.set(k, next);
  }
  return out;
}

/** `b` minus `a`, as disjoint boxes. */
export function subtractBox(b: Box, a: Box): Box[] {
  if (!intersectBoxes(a, b)) return [b];
  const out: Box[] = [];
  let cur = new Map(b);
  for (const [k, ac] of a) {
    const bc = cur.get(k) ?? fullConstraint(ac);
    const outside = intersect(bc, complement(ac));
    if (!isEmptyConstraint(outside)) {
      const piece = new Map(cur);
      piece.set(k, outside);
      out.push(piece);
    }
    const inside = intersect(bc, ac);
    if (isEmptyConstraint(inside)) return out;
    cur = new Map(cur);
    cur.set(k, inside);
  }
  return out;
}

function guard(r: Box[]): Box[] {
  if (r.length > MAX_BOXES) throw new RegionTooLarge();
  return r;
}

export function or(a: Region, b: Region): Region {
  return guard([...a, ...b]);
}

export function and(a: Region, b: Region): Region {
  const out: Box[] = [];
  for (const x of a) for (const y of b) {
    const z = intersectBoxes(x, y);
    if (z) out.push(z);
  }
  return guard(out);
}

/** `a` minus `b`. */
export function minus(a: Region, b: Region): Region {
  let rest: Box[] = [...a];
  for (const bx of b) {
    const next: Box[] = [];
    for (const r of rest) next.push(...subtractBox(r, bx));
    rest = guard(next);
    if (rest.length === 0) break;
  }
  return rest;
}

export function not(a: Region): Region {
  return minus(EVERYTHING, a);
}

export function isEmpty(a: Region): boolean {
  return a.length === 0;
}

/** Whether every point of `a` is in `b`. */
export function within(a: Region, b: Region): boolean {
  return minus(a, b).length === 0;
}
