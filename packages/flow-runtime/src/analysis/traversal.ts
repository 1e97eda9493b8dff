/** Graph walks over packed adjacency lists, iterative so 100,000-node flows cannot overflow the stack. */
import type { Adjacency } from './graph.js';

/** Marks every node reachable from `roots` along `adj`. */
export function reach(adj: Adjacency, roots: Iterable<number>): Uint8Array {
  const { start, list } = adj;
  const seen = new Uint8Array(start.length - 1);
  const stack: number[] = [];
  for (const r of roots) {
    if (!seen[r]) {
      seen[r] = 1;
      stack.push(r);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let k = start[v]!, end = start[v + 1]!; k < end; k++) {
      const w = list[k]!;
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return seen;
}

/** A depth-first search from one root: reverse postorder, and each node's position in it (-1 when unreached). */
export interface DepthFirst {
  rpo: Int32Array;
  order: Int32Array;
}

/** Depth-first search from `root`, visiting successors in list order. */
export function depthFirst(adj: Adjacency, root: number): DepthFirst {
  const { start, list } = adj;
  const n = start.length - 1;
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const post = new Int32Array(n);
  let posts = 0;
  const nodeStack = new Int32Array(n);
  const nextChild = new Int32Array(n);
  let top = 0;
  nodeStack[0] = root;
  nextChild[0] = start[root]!;
  state[root] = 1;
  while (top >= 0) {
    const v = nodeStack[top]!;
    const k = nextChild[top]!;
    if (k < start[v + 1]!) {
      nextChild[top] = k + 1;
      const w = list[k]!;
      if (state[w] === 0) {
        state[w] = 1;
        top++;
        nodeStack[top] = w;
        nextChild[top] = start[w]!;
      }
    } else {
      state[v] = 2;
      post[posts++] = v;
      top--;
    }
  }
  const rpo = new Int32Array(posts);
  for (let i = 0; i < posts; i++) rpo[i] = post[posts - 1 - i]!;
  const order = new Int32Array(n).fill(-1);
  for (let i = 0; i < posts; i++) order[rpo[i]!] = i;
  return { rpo, order };
}
