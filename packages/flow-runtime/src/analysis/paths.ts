import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import { describe } from '../logic/describe/render.js';
import { AnalysisContext } from './context.js';
import type { Locale } from './types.js';
import { outOf, outDegree } from './graph.js';

/** Why a path went the way it did at one decision. */
export interface PathCondition {
  /** The decision (or other step with several ways out). */
  nodeId: string;
  edgeId: string;
  label?: string;
  /** The rule that held: the branch's guard, or for a default branch "none of the others held". */
  rule: unknown;
  byDefault: boolean;
  /** The rule in words (when a locale was given). */
  text?: string;
}

/** One way through a flow, from the start to an end. */
export interface FlowPath {
  id: string;
  /** Steps in order; parallel branches appear one after the other, before their join. */
  nodeIds: string[];
  edgeIds: string[];
  conditions: PathCondition[];
  /** The end reached and its outcome. */
  endId?: string;
  outcome?: string;
  /** Tasks, system steps, waits and sub-flows on the path. */
  steps: number;
  /** Changes of department along the path. */
  handoffs: number;
  /** Departments in the order the path visits them (consecutive repeats merged). */
  departments: string[];
  /** Jumps back (loops) the path takes. */
  loops: number;
}

/** Options of {@link enumeratePaths}. */
export interface PathOptions {
  /** How often a path may take the same loop back. Default 1. */
  maxLoops?: number;
  /** Stop after this many paths. Default 1,000. */
  maxPaths?: number;
  /** With a catalog and locale, each condition gets a `text` in words. */
  catalog?: Catalog;
  locale?: Locale;
}

/** What {@link enumeratePaths} found. */
export interface PathSet {
  paths: FlowPath[];
  /** True when `maxPaths` was reached and more paths exist. */
  truncated: boolean;
}

const STEP_KINDS = new Set(['task', 'system', 'wait', 'subflow']);

interface Piece {
  nodes: number[];
  edges: number[];
  conds: Array<{ node: number; edge: number }>;
  end: number;
  loops: number;
}

/**
 * Lists the paths from the start to an end, with the conditions that send a
 * process down each. A loop is followed at most `maxLoops` times per path; a
 * parallel split contributes all its branches (one after the other) before
 * its join. For conference-room testing: one scenario per path.
 *
 * @example
 * const { paths } = enumeratePaths(flow, { maxLoops: 1, catalog, locale: 'en' });
 * for (const p of paths) console.log(p.nodeIds.join(' → '), p.conditions.map((c) => c.text).join('; '));
 */
export function enumeratePaths(flow: Flow, options: PathOptions = {}): PathSet {
  return enumerateWith(new AnalysisContext({ flow, catalog: options.catalog, flows: undefined }), options);
}

/** {@link enumeratePaths} on an existing analysis context. */
export function enumerateWith(ctx: AnalysisContext, options: PathOptions = {}): PathSet {
  const g = ctx.graph;
  const maxLoops = options.maxLoops ?? 1;
  const maxPaths = options.maxPaths ?? 1000;
  const back = ctx.backEdges;
  const taken = new Int32Array(g.edges.length);
  let budget = maxPaths * 4 + 100;
  let truncated = false;
  const joinOf = new Map<number, number>();
  const matchingJoin = (p: number): number => {
    let j = joinOf.get(p);
    if (j === undefined) {
      const pd = ctx.postDominators.idom[p]!;
      j = pd >= 0 && pd < g.nodes.length && g.nodes[pd]!.kind === 'join' && ctx.dominators.idom[pd] === p ? pd : -1;
      joinOf.set(p, j);
    }
    return j;
  };

  // All pieces from `v` until `stop` (not included) or an end.
  const walk = (v: number, stop: number, limit: number): Piece[] => {
    const out: Piece[] = [];
    const cur: Piece = { nodes: [], edges: [], conds: [], end: -1, loops: 0 };
    const visit = (u: number): void => {
      if (out.length >= limit || budget <= 0) {
        truncated = true;
        return;
      }
      const mark = { n: cur.nodes.length, e: cur.edges.length, c: cur.conds.length, l: cur.loops };
      const restore = () => {
        cur.nodes.length = mark.n;
        cur.edges.length = mark.e;
        cur.conds.length = mark.c;
        cur.loops = mark.l;
      };
      // Follow single ways out without recursion, so long sequences cannot overflow the stack.
      for (;;) {
        if (u === stop) {
          out.push({ ...copy(cur), end: -1 });
          budget--;
          return restore();
        }
        cur.nodes.push(u);
        const node = g.nodes[u]!;
        if (node.kind === 'end') {
          out.push({ ...copy(cur), end: u });
          budget--;
          return restore();
        }
        const j = node.kind === 'parallel' ? matchingJoin(u) : -1;
        if (node.kind === 'parallel') {
          const branches = outOf(g, u).filter((e) => g.target[e]! >= 0);
          // Each combination of one piece per branch; `joined` when at least one branch reached the join.
          let combos: Array<{ piece: Piece; joined: boolean }> = [{ piece: { nodes: [], edges: [], conds: [], end: -1, loops: 0 }, joined: false }];
          for (const e of branches) {
            const sub = walk(g.target[e]!, j, Math.max(1, limit - out.length));
            const next: typeof combos = [];
            for (const { piece: c, joined } of combos) for (const s of sub) {
              if (next.length >= limit) {
                truncated = true;
                break;
              }
              next.push({
                piece: { nodes: [...c.nodes, ...s.nodes], edges: [...c.edges, e, ...s.edges], conds: [...c.conds, ...s.conds], end: s.end >= 0 ? s.end : c.end, loops: c.loops + s.loops },
                joined: joined || s.end < 0,
              });
            }
            combos = next;
          }
          for (const { piece: c, joined } of combos) {
            cur.nodes.push(...c.nodes);
            cur.edges.push(...c.edges);
            cur.conds.push(...c.conds);
            cur.loops += c.loops;
            if (j >= 0 && joined) visit(j);
            else if (c.end >= 0) {
              out.push({ ...copy(cur), end: c.end });
              budget--;
            }
            cur.nodes.length -= c.nodes.length;
            cur.edges.length -= c.edges.length;
            cur.conds.length -= c.conds.length;
            cur.loops -= c.loops;
          }
          return restore();
        }
        const edges = outOf(g, u).filter((e) => g.target[e]! >= 0 && (!back[e] || taken[e]! < maxLoops));
        if (edges.length === 0) return restore();
        const branching = outDegree(g, u) > 1;
        if (edges.length === 1 && !branching) {
          const e = edges[0]!;
          cur.edges.push(e);
          if (back[e]) {
            // A loop on a single way out: count it, and undo the count when this piece is done.
            taken[e]!++;
            cur.loops++;
            visit(g.target[e]!);
            taken[e]!--;
            return restore();
          }
          u = g.target[e]!;
          continue;
        }
        for (const e of edges) {
          cur.edges.push(e);
          cur.conds.push({ node: u, edge: e });
          if (back[e]) {
            taken[e]!++;
            cur.loops++;
          }
          visit(g.target[e]!);
          if (back[e]) {
            taken[e]!--;
            cur.loops--;
          }
          cur.edges.pop();
          cur.conds.pop();
        }
        return restore();
      }
    };
    visit(v);
    return out;
  };

  const paths: FlowPath[] = [];
  if (g.starts.length === 1) {
    const pieces = walk(g.starts[0]!, -1, maxPaths + 1);
    if (pieces.length > maxPaths) truncated = true;
    pieces.slice(0, maxPaths).forEach((p, i) => paths.push(toPath(ctx, p, i, options)));
  }
  return { paths, truncated };
}

function copy(p: Piece): Piece {
  return { nodes: [...p.nodes], edges: [...p.edges], conds: [...p.conds], end: p.end, loops: p.loops };
}

function toPath(ctx: AnalysisContext, p: Piece, i: number, options: PathOptions): FlowPath {
  const g = ctx.graph;
  const nodes = p.nodes.map((v) => g.nodes[v]!);
  const departments: string[] = [];
  for (const n of nodes) {
    if (n.department && departments[departments.length - 1] !== n.department) departments.push(n.department);
  }
  const end = p.end >= 0 ? g.nodes[p.end] : undefined;
  return {
    id: `p${i + 1}`,
    nodeIds: nodes.map((n) => n.id),
    edgeIds: p.edges.map((e) => g.edges[e]!.id),
    conditions: p.conds.map((c) => condition(ctx, c.node, c.edge, options)),
    ...(end ? { endId: end.id } : {}),
    ...(end && end.kind === 'end' && end.outcome ? { outcome: end.outcome } : {}),
    steps: nodes.filter((n) => STEP_KINDS.has(n.kind)).length,
    handoffs: Math.max(0, departments.length - 1),
    departments,
    loops: p.loops,
  };
}

/** The condition under which a process takes edge `e` out of node `v`. */
export function condition(ctx: AnalysisContext, v: number, e: number, options: Pick<PathOptions, 'catalog' | 'locale'> = {}): PathCondition {
  const g = ctx.graph;
  const edge = g.edges[e]!;
  const outs = outOf(g, v);
  const upTo = edge.default ? outs.length : outs.indexOf(e);
  const guards = outs
    .slice(0, upTo)
    .filter((x) => x !== e && !g.edges[x]!.default && g.edges[x]!.guard !== undefined)
    .map((x) => g.edges[x]!.guard);
  let rule: unknown;
  if (!edge.default && edge.guard !== undefined) rule = edge.guard;
  else if (guards.length === 0) rule = true;
  else rule = { '!': guards.length === 1 ? guards[0] : { or: guards } };
  const out: PathCondition = { nodeId: g.nodes[v]!.id, edgeId: edge.id, rule, byDefault: edge.default === true };
  if (edge.label) out.label = options.locale === 'zh' ? (edge.label.zh ?? edge.label.en) : edge.label.en;
  if (options.locale) out.text = describe(rule, options.catalog ?? ctx.catalog, options.locale, ctx.flow);
  return out;
}
