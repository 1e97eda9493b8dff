import type { FlowGraph } from '../analysis/graph.js';
import { outOf } from '../analysis/graph.js';

/**
 * The order steps are numbered in: a topological order of the flow without
 * its loops in which each decision's first branch comes before its second,
 * and the steps where branches meet come after both (depth-first search
 * visiting the last branch first, reversed). Steps no path reaches come last.
 */
export function readingOrder(g: FlowGraph): number[] {
  const n = g.nodes.length;
  const state = new Uint8Array(n);
  const post: number[] = [];
  const visit = (root: number) => {
    const stack: Array<[number, number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [v, i] = top;
      const outs = outOf(g, v);
      if (i < outs.length) {
        top[1] = i + 1;
        const w = g.target[outs[outs.length - 1 - i]!]!;
        if (w >= 0 && state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        post.push(v);
        stack.pop();
      }
    }
  };
  for (const s of g.starts) if (!state[s]) visit(s);
  const order = post.reverse();
  for (let v = 0; v < n; v++) if (!state[v]) order.push(v);
  return order;
}
