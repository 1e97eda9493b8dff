import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import { describe } from '../logic/describe/render.js';
import { AnalysisContext } from './context.js';
import type { Locale } from './types.js';
import { KIND, outOf, outDegree } from './graph.js';

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
  /**
   * Work budget: steps visited plus steps copied into listed paths (default
   * 1,000,000). When it runs out the result is `truncated`.
   */
  budget?: number;
  /** With a catalog and locale, each condition gets a `text` in words. */
  catalog?: Catalog;
  locale?: Locale;
}

/** What {@link enumeratePaths} found. */
export interface PathSet {
  paths: FlowPath[];
  /**
   * True when the search was cut short (by `maxPaths` with more paths left,
   * or by the work budget): the list is partial, and an empty list then does
   * not mean that no path exists.
   */
  truncated: boolean;
}

const STEP_KINDS = new Set(['task', 'system', 'wait', 'subflow']);

/** Default work budget: node visits plus steps copied into the paths listed. */
const DEFAULT_BUDGET = 1_000_000;

interface Piece {
  nodes: number[];
  edges: number[];
  conds: Array<{ node: number; edge: number }>;
  end: number;
  loops: number;
}

/**
 * A parallel block being walked: its join, and the branches still to walk
 * (their first edges, from `next` on). Frames form an immutable linked list
 * (innermost first), so saving and restoring them at decisions costs nothing.
 */
interface Frame {
  join: number;
  branches: ReadonlyArray<number>;
  next: number;
  outer: Frame | undefined;
}

/** A decision point to come back to: where the path stood and which way out to try next. */
interface Choice {
  node: number;
  edges: number[];
  next: number;
  nodes: number;
  edgeCount: number;
  conds: number;
  loops: number;
  frames: Frame | undefined;
  undo: number;
}

/**
 * Lists the paths from the start to an end, with the conditions that send a
 * process down each. A loop is followed at most `maxLoops` times per path; a
 * parallel split contributes all its branches (one after the other) before
 * its join. For conference-room testing: one scenario per path.
 *
 * The walk is iterative (an explicit stack of decision points, no recursion),
 * so flows of any size cannot overflow the stack, and bounded: it stops at
 * `maxPaths` paths or when its work budget is spent, and then says so with
 * `truncated` — an empty list that is `truncated` means the search was cut
 * short, never that no path exists.
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
  let budget = options.budget ?? DEFAULT_BUDGET;
  const back = ctx.backEdges;
  const taken = new Int32Array(g.edges.length);
  const pieces: Piece[] = [];
  let truncated = false;
  if (g.starts.length !== 1) return { paths: [], truncated: false };

  const nodes: number[] = [];
  const edges: number[] = [];
  const conds: Array<{ node: number; edge: number }> = [];
  let loops = 0;
  let frames: Frame | undefined;
  const undo: number[] = [];
  const choices: Choice[] = [];

  const take = (e: number, cond: number): number => {
    edges.push(e);
    if (cond >= 0) conds.push({ node: cond, edge: e });
    if (back[e]) {
      taken[e]!++;
      undo.push(e);
      loops++;
    }
    return g.target[e]!;
  };
  const restore = (c: Choice): void => {
    nodes.length = c.nodes;
    edges.length = c.edgeCount;
    conds.length = c.conds;
    loops = c.loops;
    frames = c.frames;
    while (undo.length > c.undo) taken[undo.pop()!]!--;
  };
  // The next branch of the innermost parallel block, when one is left.
  const nextBranch = (): number => {
    const top = frames!;
    frames = { join: top.join, branches: top.branches, next: top.next + 1, outer: top.outer };
    return take(top.branches[top.next]!, -1);
  };
  // Backtracks to the latest decision with a way left; -1 when the walk is over.
  const backtrack = (): number => {
    while (choices.length > 0) {
      const c = choices[choices.length - 1]!;
      restore(c);
      if (c.next < c.edges.length) {
        const e = c.edges[c.next++]!;
        return take(e, c.node);
      }
      choices.pop();
    }
    return -1;
  };

  let u = g.starts[0]!;
  while (u >= 0) {
    if (--budget < 0 || pieces.length >= maxPaths) {
      truncated = true;
      break;
    }
    const top = frames;
    if (top && u === top.join) {
      if (top.next < top.branches.length) {
        u = nextBranch();
        continue;
      }
      frames = top.outer;
    }
    nodes.push(u);
    const kind = g.kind[u]!;
    if (kind === KIND.end) {
      if (frames && frames.next < frames.branches.length) {
        u = nextBranch();
        continue;
      }
      budget -= nodes.length;
      pieces.push({ nodes: [...nodes], edges: [...edges], conds: [...conds], end: u, loops });
      u = backtrack();
      continue;
    }
    if (kind === KIND.parallel) {
      const branches = outOf(g, u).filter((e) => g.target[e]! >= 0);
      if (branches.length === 0) {
        u = backtrack();
        continue;
      }
      frames = { join: ctx.matchingJoin(u), branches, next: 1, outer: frames };
      u = take(branches[0]!, -1);
      continue;
    }
    const ways = outOf(g, u).filter((e) => g.target[e]! >= 0 && (!back[e] || taken[e]! < maxLoops));
    if (ways.length === 0) {
      u = backtrack();
      continue;
    }
    if (ways.length === 1 && outDegree(g, u) === 1) {
      u = take(ways[0]!, -1);
      continue;
    }
    choices.push({ node: u, edges: ways, next: 1, nodes: nodes.length, edgeCount: edges.length, conds: conds.length, loops, frames, undo: undo.length });
    u = take(ways[0]!, u);
  }
  const paths = pieces.map((p, i) => toPath(ctx, p, i, options));
  return { paths, truncated };
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
    handoffs: handoffsAlong(ctx, p.edges),
    departments,
    loops: p.loops,
  };
}

/**
 * Times work passes from one department to another along a run's
 * connections: a step in a department different from the last one the work
 * came from. Steps without a department pass on where the work came from; a
 * join passes on every branch's last department, so each branch handing its
 * work to the department after the join counts (as the metrics do).
 */
function handoffsAlong(ctx: AnalysisContext, edges: ReadonlyArray<number>): number {
  const g = ctx.graph;
  const arrived = new Map<number, string[]>();
  let count = 0;
  for (const e of edges) {
    const s = g.source[e]!;
    const t = g.target[e]!;
    const from = g.nodes[s]!.department;
    const lasts = from ? [from] : (arrived.get(s) ?? []);
    // A join passes its branches on once, through its single way out.
    if (g.kind[s] === KIND.join) arrived.delete(s);
    const to = g.nodes[t]!.department;
    if (to) {
      for (const last of lasts) if (last !== to) count++;
    } else if (g.kind[t] === KIND.join) arrived.set(t, [...(arrived.get(t) ?? []), ...lasts]);
    else arrived.set(t, lasts);
  }
  return count;
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
