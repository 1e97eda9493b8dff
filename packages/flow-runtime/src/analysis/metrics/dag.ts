import type { AnalysisContext } from '../context.js';
import type { HandoffMetrics } from './types.js';
import { KIND, outOf } from '../graph.js';

/** Figures computed over the flow without its loops, parallel blocks counted as one run of all their branches. */
export interface DagFigures {
  longest: number | null;
  shortest: number | null;
  handoffs: HandoffMetrics;
  pathCount: number;
}

/** "No department met yet" in a hand-off state; departments are numbered from 1. */
const NONE = 0;

/**
 * Hand-off states of the runs reaching a node: key `first × W + last` (the
 * numbers of the first department met since the state was seeded and of the
 * last one met, {@link NONE} when none yet) → fewest and most department
 * changes so far.
 */
type States = Map<number, [number, number]>;

/** What one parallel block (a split and its matching join) adds to a run that takes it: all its branches. */
interface Block {
  join: number;
  longest: number;
  shortest: number;
  count: number;
  /** Per branch: its hand-off states on arriving at the join (first and last department met inside). */
  branches: States[];
  /** The department that takes the work over after the join (the first one met on the single way on), or NONE. */
  after: number;
}

const isStep = (k: number) => k === KIND.task || k === KIND.system || k === KIND.wait || k === KIND.subflow;

/**
 * Longest and shortest run in steps, fewest and most department hand-offs,
 * and the number of different runs, by dynamic programming over the flow
 * with its jumps back removed. A run that reaches a parallel split runs every
 * branch up to the matching join: its steps are the sum of the branches'
 * steps, each branch's hand-offs count (work handed into the branch, along
 * it, and out of it to the department after the join), and its number of
 * runs is the product of the branches'. Blocks are summarised innermost
 * first, each once, with a heap-ordered sweep over its own nodes, so the
 * whole is O(n log n) and never recursive.
 */
export function dagFigures(ctx: AnalysisContext): DagFigures {
  const g = ctx.graph;
  const n = g.nodes.length;
  const { order } = ctx.depthFirst;
  const back = ctx.backEdges;
  const numbers = new Map<string, number>();
  const dept = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const d = g.nodes[v]!.department;
    if (d === undefined) continue;
    let k = numbers.get(d);
    if (k === undefined) numbers.set(d, (k = numbers.size + 1));
    dept[v] = k;
  }
  const W = numbers.size + 1;
  const SEED: States = new Map([[NONE * W + NONE, [0, 0]]]);

  const longest = new Float64Array(n);
  const shortest = new Float64Array(n);
  const count = new Float64Array(n);
  const hand: Array<States | undefined> = new Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const queued = new Int32Array(n).fill(-1);
  let gen = 0;
  const blocks = new Map<number, Block>();

  // Node v is taken (after its predecessor's figures): fold `from` figures plus v's own into v.
  const enter = (v: number, lo: number, hi: number, c: number, states: States): void => {
    const w = isStep(g.kind[v]!) ? 1 : 0;
    let into: States;
    if (stamp[v] !== gen) {
      stamp[v] = gen;
      longest[v] = hi + w;
      shortest[v] = lo + w;
      count[v] = c;
      hand[v] = into = new Map();
    } else {
      if (hi + w > longest[v]!) longest[v] = hi + w;
      if (lo + w < shortest[v]!) shortest[v] = lo + w;
      count[v] = Math.min(Number.MAX_SAFE_INTEGER, count[v]! + c);
      into = hand[v]!;
    }
    const d = dept[v]!;
    states.forEach((range, key) => {
      let k = key;
      let change = 0;
      if (d !== NONE) {
        const first = Math.floor(key / W);
        const last = key - first * W;
        if (last !== NONE && last !== d) change = 1;
        k = (first === NONE ? d : first) * W + d;
      }
      merge(into, k, range[0] + change, range[1] + change);
    });
  };

  // What taking block b from states `at` leaves on arrival at its join (before the join's own department).
  const through = (b: Block, states: States): States => {
    const out: States = new Map();
    states.forEach((range, key) => {
      const first = Math.floor(key / W);
      const d = key - first * W;
      const after = b.after !== NONE ? b.after : d;
      let lo = range[0];
      let hi = range[1];
      let firstIn = NONE;
      for (const branch of b.branches) {
        let bl = Infinity;
        let bh = -Infinity;
        branch.forEach((r, bk) => {
          const f = Math.floor(bk / W);
          const l = bk - f * W;
          if (firstIn === NONE && f !== NONE) firstIn = f;
          // Handed into the branch, along it, and out of it to whoever carries on after the join.
          const handIn = f !== NONE && d !== NONE && f !== d ? 1 : 0;
          const end = l !== NONE ? l : d;
          const handOut = end !== NONE && after !== NONE && end !== after ? 1 : 0;
          bl = Math.min(bl, r[0] + handIn + handOut);
          bh = Math.max(bh, r[1] + handIn + handOut);
        });
        if (bl !== Infinity) {
          lo += bl;
          hi += bh;
        }
      }
      const f2 = first !== NONE ? first : firstIn !== NONE ? firstIn : after;
      merge(out, f2 * W + after, lo, hi);
    });
    return out;
  };

  // A sweep from seeds in depth-first order (a topological order of the flow without its loops);
  // blocks already summarised are stepped over. Returns the figures arriving at `stop`, and whether an end was met.
  const sweep = (seeds: ReadonlyArray<[number, States]>, stop: number, onEnd?: (v: number) => void): { lo: number; hi: number; c: number; states: States; reached: boolean; endMet: boolean } => {
    gen++;
    const heap = new MinHeap((v) => order[v]!);
    const arrive = { lo: Infinity, hi: -Infinity, c: 0, states: new Map() as States, reached: false, endMet: false };
    const push = (v: number) => {
      if (queued[v] !== gen) {
        queued[v] = gen;
        heap.push(v);
      }
    };
    const reach = (w: number, lo: number, hi: number, c: number, states: States) => {
      if (w === stop) {
        arrive.reached = true;
        arrive.lo = Math.min(arrive.lo, lo);
        arrive.hi = Math.max(arrive.hi, hi);
        arrive.c = Math.min(Number.MAX_SAFE_INTEGER, arrive.c + c);
        states.forEach((r, k) => merge(arrive.states, k, r[0], r[1]));
        return;
      }
      enter(w, lo, hi, c, states);
      push(w);
    };
    for (const [v, states] of seeds) reach(v, 0, 0, 1, states);
    while (heap.size > 0) {
      const v = heap.pop();
      if (g.kind[v] === KIND.end) {
        arrive.endMet = true;
        onEnd?.(v);
        continue;
      }
      const states = hand[v]!;
      // Nothing reads this node's states again (the heap pops each node once); free them on big flows.
      hand[v] = undefined;
      const block = blocks.get(v);
      if (block) {
        const at = through(block, states);
        reach(block.join, shortest[v]! + block.shortest, longest[v]! + block.longest, Math.min(Number.MAX_SAFE_INTEGER, count[v]! * block.count), at);
        continue;
      }
      const { start, list } = g.outEdges;
      for (let k = start[v]!, stopAt = start[v + 1]!; k < stopAt; k++) {
        const e = list[k]!;
        if (back[e]) continue;
        const w = g.target[e]!;
        if (w >= 0) reach(w, shortest[v]!, longest[v]!, count[v]!, states);
      }
    }
    return arrive;
  };

  // Blocks, innermost (latest in depth-first order) first.
  const splits: number[] = [];
  for (let v = 0; v < n; v++) if (g.kind[v] === KIND.parallel && order[v]! >= 0) splits.push(v);
  splits.sort((a, b) => order[b]! - order[a]!);
  for (const p of splits) {
    const j = ctx.matchingJoin(p);
    if (j < 0) continue;
    let lo = 0;
    let hi = 0;
    let c = 1;
    let ok = true;
    const branches: States[] = [];
    for (const e of outOf(g, p)) {
      if (back[e]) continue;
      const t = g.target[e]!;
      if (t < 0) continue;
      if (t === j) {
        branches.push(new Map(SEED));
        continue;
      }
      const r = sweep([[t, SEED]], j);
      if (!r.reached || r.endMet) {
        ok = false;
        break;
      }
      lo += r.lo;
      hi += r.hi;
      c = Math.min(Number.MAX_SAFE_INTEGER, c * r.c);
      branches.push(r.states);
    }
    if (ok && branches.length > 0) blocks.set(p, { join: j, longest: hi, shortest: lo, count: c, branches, after: departmentAfter(ctx, j, dept) });
  }

  // The whole flow, from the starts.
  const ends: number[] = [];
  sweep(
    g.starts.map((s): [number, States] => [s, SEED]),
    -1,
    (v) => ends.push(v),
  );
  if (ends.length === 0) return { longest: null, shortest: null, handoffs: { min: null, max: null }, pathCount: 0 };
  let lo = Infinity;
  let hi = -Infinity;
  let hl = Infinity;
  let hh = -Infinity;
  let paths = 0;
  for (const v of ends) {
    lo = Math.min(lo, shortest[v]!);
    hi = Math.max(hi, longest[v]!);
    paths = Math.min(Number.MAX_SAFE_INTEGER, paths + count[v]!);
    for (const [a, b] of hand[v]!.values()) {
      hl = Math.min(hl, a);
      hh = Math.max(hh, b);
    }
  }
  return { longest: hi, shortest: lo, handoffs: { min: hl, max: hh }, pathCount: paths };
}

function merge(into: States, key: number, lo: number, hi: number): void {
  const prev = into.get(key);
  if (!prev) into.set(key, [lo, hi]);
  else {
    if (lo < prev[0]) prev[0] = lo;
    if (hi > prev[1]) prev[1] = hi;
  }
}

/**
 * The department that carries on after a join: the join's own, else the
 * first met on its single way on. Memoised along the way, so all the joins
 * of a deep nest cost one walk together.
 */
function departmentAfter(ctx: AnalysisContext, join: number, dept: Int32Array): number {
  const g = ctx.graph;
  const memo = ctx.once('departmentAfter', () => new Map<number, number>());
  const walked: number[] = [];
  let v = join;
  let found = NONE;
  for (;;) {
    const known = memo.get(v);
    if (known !== undefined) {
      found = known;
      break;
    }
    walked.push(v);
    if (dept[v] !== NONE) {
      found = dept[v]!;
      break;
    }
    const outs = outOf(g, v).filter((e) => g.target[e]! >= 0);
    if (outs.length !== 1 || g.kind[v] === KIND.parallel || walked.length > g.nodes.length) break;
    v = g.target[outs[0]!]!;
  }
  for (const w of walked) memo.set(w, found);
  return found;
}

/** A binary min-heap of node indices by a key. */
class MinHeap {
  private items: number[] = [];
  constructor(private readonly key: (v: number) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(v: number): void {
    const a = this.items;
    a.push(v);
    let i = a.length - 1;
    const k = this.key(v);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.key(a[parent]!) <= k) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = v;
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      const k = this.key(last);
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && this.key(a[r]!) < this.key(a[l]!) ? r : l;
        if (this.key(a[c]!) >= k) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
