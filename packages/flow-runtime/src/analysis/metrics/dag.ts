import type { AnalysisContext } from '../context.js';
import type { HandoffMetrics } from './types.js';
import { outOf } from '../graph.js';

const STEP_KINDS = new Set(['task', 'system', 'wait', 'subflow']);

/** Figures computed in one pass over the flow without its loops (depth-first order = a topological order). */
export interface DagFigures {
  longest: number | null;
  shortest: number | null;
  handoffs: HandoffMetrics;
  pathCount: number;
}

/**
 * Longest and shortest path in steps, fewest and most department hand-offs,
 * and the number of paths, by dynamic programming over the flow with its
 * jumps back removed. Linear in the size of the flow (hand-offs carry one
 * state per department, a small constant).
 */
export function dagFigures(ctx: AnalysisContext): DagFigures {
  const g = ctx.graph;
  const n = g.nodes.length;
  const { rpo } = ctx.depthFirst;
  const back = ctx.backEdges;
  const NONE = -Infinity;
  const longest = new Float64Array(n).fill(NONE);
  const shortest = new Float64Array(n).fill(Infinity);
  const count = new Float64Array(n);
  // Hand-offs: per node, the last department seen → [fewest, most] changes so far.
  const hand: Array<Map<string, [number, number]> | undefined> = new Array(n);
  for (const s of g.starts) {
    const w = STEP_KINDS.has(g.nodes[s]!.kind) ? 1 : 0;
    longest[s] = w;
    shortest[s] = w;
    count[s] = 1;
    hand[s] = new Map([[g.nodes[s]!.department ?? '', [0, 0]]]);
  }
  const endLongest: number[] = [];
  for (const v of rpo) {
    if (v >= n || longest[v] === NONE) continue;
    const node = g.nodes[v]!;
    const states = hand[v]!;
    if (node.kind === 'end') endLongest.push(v);
    for (const e of outOf(g, v)) {
      if (back[e]) continue;
      const w = g.target[e]!;
      if (w < 0) continue;
      const target = g.nodes[w]!;
      const step = STEP_KINDS.has(target.kind) ? 1 : 0;
      if (longest[v]! + step > longest[w]!) longest[w] = longest[v]! + step;
      if (shortest[v]! + step < shortest[w]!) shortest[w] = shortest[v]! + step;
      count[w] = Math.min(Number.MAX_SAFE_INTEGER, count[w]! + count[v]!);
      let into = hand[w];
      if (!into) hand[w] = into = new Map();
      const dept = target.department;
      const sink = into;
      states.forEach((range, last) => {
        const change = dept && last && last !== dept ? 1 : 0;
        const key = dept ?? last;
        const prev = sink.get(key);
        if (!prev) sink.set(key, [range[0] + change, range[1] + change]);
        else {
          if (range[0] + change < prev[0]) prev[0] = range[0] + change;
          if (range[1] + change > prev[1]) prev[1] = range[1] + change;
        }
      });
    }
    // Nothing reads this node's states again; free them on big flows.
    if (node.kind !== 'end') hand[v] = undefined;
  }
  if (endLongest.length === 0) return { longest: null, shortest: null, handoffs: { min: null, max: null }, pathCount: 0 };
  let lo = Infinity;
  let hi = -Infinity;
  let hl = Infinity;
  let hh = -Infinity;
  let paths = 0;
  for (const v of endLongest) {
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
