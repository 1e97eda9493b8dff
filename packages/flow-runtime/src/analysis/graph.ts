import type { Flow, FlowEdge, FlowNode } from '../schema/flow.js';

/**
 * A flow as index-based adjacency lists, built once per analysis so every
 * rule walks arrays instead of searching by id. Node `n` (= `nodes.length`)
 * is a virtual entry before every start node and `n + 1` a virtual exit
 * after every end node, so dominator questions have one root each.
 */
export interface FlowGraph {
  /** Nodes with a unique id (the first one wins when an id repeats). */
  nodes: FlowNode[];
  index: ReadonlyMap<string, number>;
  edges: FlowEdge[];
  /** Source and target node index of each edge; -1 when the edge names a missing node. */
  source: Int32Array;
  target: Int32Array;
  /** Outgoing and incoming edge indices per node, in the flow's edge order (decision order). */
  out: number[][];
  in: number[][];
  starts: number[];
  ends: number[];
  /** Index of the virtual entry and exit nodes. */
  entry: number;
  exit: number;
  /** Successor and predecessor node lists including the virtual nodes (size nodes.length + 2). */
  succ: number[][];
  pred: number[][];
}

/** Builds the {@link FlowGraph} of a flow; tolerant of duplicate ids and dangling edges (rules report those). */
export function buildGraph(flow: Flow): FlowGraph {
  const nodes: FlowNode[] = [];
  const index = new Map<string, number>();
  for (const node of flow.nodes) {
    if (index.has(node.id)) continue;
    index.set(node.id, nodes.length);
    nodes.push(node);
  }
  const n = nodes.length;
  const entry = n;
  const exit = n + 1;
  const edges = flow.edges;
  const source = new Int32Array(edges.length);
  const target = new Int32Array(edges.length);
  const out: number[][] = Array.from({ length: n }, () => []);
  const inn: number[][] = Array.from({ length: n }, () => []);
  const succ: number[][] = Array.from({ length: n + 2 }, () => []);
  const pred: number[][] = Array.from({ length: n + 2 }, () => []);
  const starts: number[] = [];
  const ends: number[] = [];
  nodes.forEach((node, i) => {
    if (node.kind === 'start') {
      starts.push(i);
      succ[entry]!.push(i);
      pred[i]!.push(entry);
    } else if (node.kind === 'end') {
      ends.push(i);
      succ[i]!.push(exit);
      pred[exit]!.push(i);
    }
  });
  edges.forEach((edge, e) => {
    const s = index.get(edge.source) ?? -1;
    const t = index.get(edge.target) ?? -1;
    source[e] = s;
    target[e] = t;
    if (s < 0 || t < 0) return;
    out[s]!.push(e);
    inn[t]!.push(e);
    succ[s]!.push(t);
    pred[t]!.push(s);
  });
  return { nodes, index, edges, source, target, out, in: inn, starts, ends, entry, exit, succ, pred };
}
