import type { Adjacency } from './graph.js';
import { depthFirst } from './traversal.js';

/**
 * A dominator tree: `idom[v]` is the immediate dominator of `v` (the root is
 * its own; -1 when `v` is unreachable from the root). Built with the
 * Cooper–Harvey–Kennedy iterative algorithm, which settles in two or three
 * passes over flow-shaped graphs, so it stays near-linear.
 */
export interface DominatorTree {
  root: number;
  idom: Int32Array;
  depth: Int32Array;
}

/**
 * Dominators of a graph given as successor and predecessor lists. Pass the
 * reversed lists (and the exit as root) for post-dominators.
 */
export function dominatorTree(succ: Adjacency, pred: Adjacency, root: number): DominatorTree {
  const n = succ.start.length - 1;
  const { rpo, order } = depthFirst(succ, root);
  const idom = new Int32Array(n).fill(-1);
  idom[root] = root;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (order[a]! > order[b]!) a = idom[a]!;
      while (order[b]! > order[a]!) b = idom[b]!;
    }
    return a;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (let k = 1; k < rpo.length; k++) {
      const v = rpo[k]!;
      let next = -1;
      for (let k = pred.start[v]!, end = pred.start[v + 1]!; k < end; k++) {
        const p = pred.list[k]!;
        if (idom[p] === -1 || order[p] === -1) continue;
        next = next === -1 ? p : intersect(p, next);
      }
      if (next !== -1 && idom[v] !== next) {
        idom[v] = next;
        changed = true;
      }
    }
  }
  const depth = new Int32Array(n).fill(-1);
  depth[root] = 0;
  for (let k = 1; k < rpo.length; k++) {
    const v = rpo[k]!;
    if (idom[v]! >= 0) depth[v] = depth[idom[v]!]! + 1;
  }
  return { root, idom, depth };
}

/** Whether `a` dominates `b` (every node dominates itself). Walks up from `b`; O(depth). */
export function dominates(tree: DominatorTree, a: number, b: number): boolean {
  if (tree.depth[a]! < 0 || tree.depth[b]! < 0) return false;
  let v = b;
  while (tree.depth[v]! > tree.depth[a]!) v = tree.idom[v]!;
  return v === a;
}

/** The nearest common dominator of `a` and `b`, or -1 when either is unreachable. */
export function nearestCommon(tree: DominatorTree, a: number, b: number): number {
  if (tree.depth[a]! < 0 || tree.depth[b]! < 0) return -1;
  while (tree.depth[a]! > tree.depth[b]!) a = tree.idom[a]!;
  while (tree.depth[b]! > tree.depth[a]!) b = tree.idom[b]!;
  while (a !== b) {
    a = tree.idom[a]!;
    b = tree.idom[b]!;
  }
  return a;
}
