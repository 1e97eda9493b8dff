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
  /** Each node's kind as a {@link KIND} code, so walks over all nodes need not touch the node objects. */
  kind: Uint8Array;
  index: ReadonlyMap<string, number>;
  edges: FlowEdge[];
  /** Source and target node index of each edge; -1 when the edge names a missing node. */
  source: Int32Array;
  target: Int32Array;
  /** Outgoing and incoming edge indices per node, in the flow's edge order (decision order); read them with {@link outOf} and {@link inOf}. */
  outEdges: Adjacency;
  inEdges: Adjacency;
  starts: number[];
  ends: number[];
  /** Index of the virtual entry and exit nodes. */
  entry: number;
  exit: number;
  /** Successor and predecessor node lists including the virtual nodes (nodes.length + 2 of them), packed in typed arrays. */
  succ: Adjacency;
  pred: Adjacency;
}

/**
 * Neighbour lists packed in two typed arrays (compressed sparse rows): the
 * neighbours of `v` are `list[start[v]] … list[start[v + 1] - 1]`. Typed
 * arrays keep big flows out of the garbage collector's way.
 */
export interface Adjacency {
  start: Int32Array;
  list: Int32Array;
}

/** The neighbours of `v` (a view, no copy). */
export function neighbours(adj: Adjacency, v: number): Int32Array {
  return adj.list.subarray(adj.start[v]!, adj.start[v + 1]!);
}

function pack(size: number, pairs: Int32Array, count: number, from: 0 | 1): Adjacency {
  const start = new Int32Array(size + 1);
  for (let k = 0; k < count; k++) start[pairs[2 * k + from]! + 1]!++;
  for (let v = 0; v < size; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, size);
  const list = new Int32Array(count);
  for (let k = 0; k < count; k++) list[fill[pairs[2 * k + from]!]!++] = pairs[2 * k + 1 - from]!;
  return { start, list };
}

/** Codes of node kinds in {@link FlowGraph.kind}. */
export const KIND = { start: 0, end: 1, task: 2, decision: 3, parallel: 4, join: 5, wait: 6, system: 7, subflow: 8 } as const;

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
  // (node, edge) pairs for the outgoing and incoming edge lists.
  const outPairs = new Int32Array(2 * edges.length);
  const inPairs = new Int32Array(2 * edges.length);
  let valid = 0;
  const starts: number[] = [];
  const ends: number[] = [];
  // (source, target) pairs of every connection, virtual ones included, in order.
  const pairs = new Int32Array(2 * (edges.length + n));
  let count = 0;
  const pair = (a: number, b: number) => {
    pairs[2 * count] = a;
    pairs[2 * count + 1] = b;
    count++;
  };
  const kind = new Uint8Array(n);
  nodes.forEach((node, i) => {
    kind[i] = KIND[node.kind];
    if (node.kind === 'start') {
      starts.push(i);
      pair(entry, i);
    } else if (node.kind === 'end') {
      ends.push(i);
      pair(i, exit);
    }
  });
  edges.forEach((edge, e) => {
    const s = index.get(edge.source) ?? -1;
    const t = index.get(edge.target) ?? -1;
    source[e] = s;
    target[e] = t;
    if (s < 0 || t < 0) return;
    // Nothing leaves an end (the engine finishes the path there): a connection drawn out of one is edge-ends-valid's
    // finding, and no way on for any other analysis.
    if (kind[s] === KIND.end) return;
    outPairs[2 * valid] = s;
    outPairs[2 * valid + 1] = e;
    inPairs[2 * valid] = t;
    inPairs[2 * valid + 1] = e;
    valid++;
    pair(s, t);
  });
  const succ = pack(n + 2, pairs, count, 0);
  const pred = pack(n + 2, pairs, count, 1);
  return { nodes, kind, index, edges, source, target, outEdges: pack(n, outPairs, valid, 0), inEdges: pack(n, inPairs, valid, 0), starts, ends, entry, exit, succ, pred };
}

/** The outgoing edge indices of node `v`, in decision order (a fresh array). */
export function outOf(g: FlowGraph, v: number): number[] {
  return listOf(g.outEdges, v);
}

/** The incoming edge indices of node `v` (a fresh array). */
export function inOf(g: FlowGraph, v: number): number[] {
  return listOf(g.inEdges, v);
}

/** How many edges leave node `v`. */
export function outDegree(g: FlowGraph, v: number): number {
  return g.outEdges.start[v + 1]! - g.outEdges.start[v]!;
}

function listOf(adj: Adjacency, v: number): number[] {
  const from = adj.start[v]!;
  const to = adj.start[v + 1]!;
  const out = new Array<number>(to - from);
  for (let k = from; k < to; k++) out[k - from] = adj.list[k]!;
  return out;
}
