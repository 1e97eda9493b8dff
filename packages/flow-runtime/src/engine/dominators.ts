/**
 * "Which mandatory steps lie on every path from the start to this node" is a
 * dominator question: compute the dominator tree once (Cooper, Harvey and
 * Kennedy's iterative algorithm) and read each node's chain of dominators.
 */
import type { Flow } from '../schema/flow.js';

/** For every node reachable from `startId`: the mandatory nodes that strictly dominate it, nearest last. */
export function mandatoryDominators(flow: Flow, startId: string, mandatory: ReadonlySet<string>): Map<string, string[]> {
  const succ = new Map<string, string[]>();
  const pred = new Map<string, string[]>();
  for (const n of flow.nodes) {
    succ.set(n.id, []);
    pred.set(n.id, []);
  }
  for (const e of flow.edges) {
    succ.get(e.source)?.push(e.target);
    pred.get(e.target)?.push(e.source);
  }
  // Reverse postorder by an explicit-stack DFS (flows may be large).
  const order: string[] = [];
  const seen = new Set<string>([startId]);
  const stack: { id: string; i: number }[] = [{ id: startId, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const next = succ.get(top.id)![top.i++];
    if (next === undefined) {
      order.push(top.id);
      stack.pop();
    } else if (!seen.has(next)) {
      seen.add(next);
      stack.push({ id: next, i: 0 });
    }
  }
  order.reverse();
  const index = new Map(order.map((id, i) => [id, i]));
  const idom = new Array<number>(order.length).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (a > b) a = idom[a]!;
      while (b > a) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 1; i < order.length; i++) {
      let best = -1;
      for (const p of pred.get(order[i]!)!) {
        const pi = index.get(p);
        if (pi === undefined || idom[pi] === -1) continue;
        best = best === -1 ? pi : intersect(pi, best);
      }
      if (best !== -1 && idom[i] !== best) {
        idom[i] = best;
        changed = true;
      }
    }
  }
  const result = new Map<string, string[]>();
  for (let i = 0; i < order.length; i++) {
    const chain: string[] = [];
    for (let d = idom[i]!; ; d = idom[d]!) {
      if (d === i) break;
      if (mandatory.has(order[d]!)) chain.push(order[d]!);
      if (d === 0) break;
    }
    result.set(order[i]!, chain.reverse());
  }
  return result;
}
