/** Graph walks over plain adjacency lists, iterative so 100,000-node flows cannot overflow the stack. */

/** Marks every node reachable from `roots` along `adj`. */
export function reach(adj: ReadonlyArray<ReadonlyArray<number>>, roots: Iterable<number>): Uint8Array {
  const seen = new Uint8Array(adj.length);
  const stack: number[] = [];
  for (const r of roots) {
    if (!seen[r]) {
      seen[r] = 1;
      stack.push(r);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const w of adj[v]!) {
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
  rpo: number[];
  order: Int32Array;
}

/** Depth-first search from `root`, visiting successors in list order. */
export function depthFirst(adj: ReadonlyArray<ReadonlyArray<number>>, root: number): DepthFirst {
  const n = adj.length;
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const post: number[] = [];
  const nodeStack: number[] = [root];
  const childStack: number[] = [0];
  state[root] = 1;
  while (nodeStack.length > 0) {
    const top = nodeStack.length - 1;
    const v = nodeStack[top]!;
    const i = childStack[top]!;
    const list = adj[v]!;
    if (i < list.length) {
      childStack[top] = i + 1;
      const w = list[i]!;
      if (state[w] === 0) {
        state[w] = 1;
        nodeStack.push(w);
        childStack.push(0);
      }
    } else {
      state[v] = 2;
      post.push(v);
      nodeStack.pop();
      childStack.pop();
    }
  }
  const rpo = post.reverse();
  const order = new Int32Array(n).fill(-1);
  rpo.forEach((v, i) => {
    order[v] = i;
  });
  return { rpo, order };
}
