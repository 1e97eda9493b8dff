import type { Catalog, Department, Role, Window } from '../schema/catalog.js';
import { indexEntities, resolveDataPath, type EntityIndex, type PathInfo } from '../schema/data-paths.js';
import type { Flow, FlowNode, NodeKind } from '../schema/flow.js';
import { buildGraph, KIND, neighbours, type FlowGraph } from './graph.js';
import { dominatorTree, type DominatorTree } from './dominators.js';
import { depthFirst, reach, type DepthFirst } from './traversal.js';
import type { AnalysisInput, FlowRegistry } from './types.js';
import { checkRule, type RuleIssue } from '../logic/policy.js';
import { nearestAll } from '../schema/collect.js';
import { ruleSites, type RuleSite } from './guards/sites.js';

/** A rule site with its JsonLogic policy issues (empty when the rule may run). */
export interface CheckedSite extends RuleSite {
  issues: RuleIssue[];
}

/**
 * Everything rules share about one flow, computed at most once and only when
 * a rule first asks (so a config with few rules pays for few analyses).
 */
export class AnalysisContext {
  readonly flow: Flow;
  readonly catalog: Catalog | undefined;
  readonly flows: FlowRegistry | undefined;
  readonly graph: FlowGraph;
  private memo = new Map<string, unknown>();

  constructor(input: AnalysisInput) {
    this.flow = input.flow;
    this.catalog = input.catalog;
    this.flows = input.flows;
    this.graph = buildGraph(input.flow);
  }

  /** Computes a value once per context (shared by rules). */
  once<T>(key: string, make: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = make();
    this.memo.set(key, value);
    return value;
  }

  /** Indices of the nodes of one kind, in flow order (one pass for all kinds, so rules skip the nodes they do not check). */
  byKind(kind: NodeKind): ReadonlyArray<number> {
    const all = this.once('byKind', () => {
      const m = new Map<NodeKind, number[]>();
      this.graph.nodes.forEach((n, i) => {
        const list = m.get(n.kind);
        if (list) list.push(i);
        else m.set(n.kind, [i]);
      });
      return m;
    });
    return all.get(kind) ?? [];
  }

  /** Nodes reachable from a start node (indexed by node; includes the virtual nodes). */
  get reachable(): Uint8Array {
    return this.once('reachable', () => reach(this.graph.succ, [this.graph.entry]));
  }

  /** Nodes from which some end node can be reached. */
  get reachesEnd(): Uint8Array {
    return this.once('reachesEnd', () => reach(this.graph.pred, [this.graph.exit]));
  }

  /**
   * Steps at the ends of broken connections (one end names a step the flow
   * does not have): `from` has a connection drawn out of it, `into` one drawn
   * into it (a misspelt end counts for the step it nearly names). The broken connection is the flaw (edge-ends-valid, FLOW_E021);
   * rules about ways in and out treat such steps as connected, so one broken
   * connection gives one finding. `meant` lists the broken connections whose
   * both ends are known (a misspelt end read as the step it nearly names).
   */
  get broken(): { from: Uint8Array; into: Uint8Array; meant: ReadonlyArray<readonly [number, number]> } {
    return this.once('broken', () => {
      const { source, target, nodes, edges, index } = this.graph;
      const from = new Uint8Array(nodes.length);
      const into = new Uint8Array(nodes.length);
      const meantPairs: Array<readonly [number, number]> = [];
      // A misspelt end is meant to be the step it nearly names: that step is reached (or left) through it.
      let ids: string[] | undefined;
      // Where names are equally near (`ed` for `end` or `d`), each is taken as possibly meant.
      const meant = (id: string): number[] => nearestAll(id, (ids ??= [...index.keys()])).map((near) => index.get(near)!);
      for (let e = 0; e < source.length; e++) {
        const s = source[e]!;
        const d = target[e]!;
        if (s >= 0 && d >= 0) continue;
        const as = s >= 0 ? [s] : meant(edges[e]!.source);
        const bs = d >= 0 ? [d] : meant(edges[e]!.target);
        for (const a of as) from[a] = 1;
        for (const b of bs) into[b] = 1;
        for (const a of as) for (const b of bs) meantPairs.push([a, b] as const);
      }
      return { from, into, meant: meantPairs };
    });
  }

  /** Steps reachable from step `v` along the connections as drawn and as meant (a misspelt end read as the step it nearly names). */
  reachFromMeant(v: number): Uint8Array {
    return this.once(`reachFromMeant:${v}`, () => {
      const { meant } = this.broken;
      const n = this.graph.nodes.length;
      const seen = new Uint8Array(n + 2);
      const stack = [v];
      seen[v] = 1;
      while (stack.length) {
        const u = stack.pop()!;
        const next = [...neighbours(this.graph.succ, u)];
        for (const [a, b] of meant) if (a === u) next.push(b);
        for (const w of next) {
          if (seen[w]) continue;
          seen[w] = 1;
          stack.push(w);
        }
      }
      return seen;
    });
  }

  /** Steps reachable from the start, or from a broken connection drawn into them (reported once, as the connection). */
  get reachableOrMeant(): Uint8Array {
    return this.once('reachableOrMeant', () => {
      const { into } = this.broken;
      const seeds = [this.graph.entry];
      for (let i = 0; i < into.length; i++) if (into[i]) seeds.push(i);
      return seeds.length === 1 ? this.reachable : reach(this.graph.succ, seeds);
    });
  }

  /** Depth-first order from the starts; decides which edges jump back. */
  get depthFirst(): DepthFirst {
    return this.once('dfs', () => depthFirst(this.graph.succ, this.graph.entry));
  }

  /** Per edge: 1 when it jumps back to a node already passed on the way (a loop). */
  get backEdges(): Uint8Array {
    return this.once('back', () => {
      const { order } = this.depthFirst;
      const { source, target, edges } = this.graph;
      const back = new Uint8Array(edges.length);
      for (let e = 0; e < edges.length; e++) {
        const s = source[e]!;
        const d = target[e]!;
        if (s >= 0 && d >= 0 && order[s]! >= 0 && order[d]! <= order[s]!) back[e] = 1;
      }
      return back;
    });
  }

  /** Dominators from the virtual entry: `a` dominates `b` when every path from a start to `b` passes `a`. */
  get dominators(): DominatorTree {
    return this.once('dom', () => dominatorTree(this.graph.succ, this.graph.pred, this.graph.entry));
  }

  /** Post-dominators towards the virtual exit: `a` post-dominates `b` when every path from `b` to an end passes `a`. */
  get postDominators(): DominatorTree {
    return this.once('postdom', () => dominatorTree(this.graph.pred, this.graph.succ, this.graph.exit));
  }

  get entities(): EntityIndex | undefined {
    return this.once('entities', () => indexEntities(this.catalog));
  }

  get roles(): ReadonlyMap<string, Role> {
    return this.once('roles', () => new Map((this.catalog?.roles ?? []).map((r) => [r.id, r])));
  }

  get departments(): ReadonlyMap<string, Department> {
    return this.once('departments', () => new Map((this.catalog?.departments ?? []).map((d) => [d.id, d])));
  }

  get windows(): ReadonlyMap<string, Window> {
    return this.once('windows', () => new Map((this.catalog?.windows ?? []).map((w) => [w.id, w])));
  }

  /** Resolves a root data path against the flow's data schema and the catalog (memoised: guards repeat paths). */
  resolvePath(path: string): PathInfo {
    const memo = this.once('paths', () => new Map<string, PathInfo>());
    let info = memo.get(path);
    if (!info) memo.set(path, (info = resolveDataPath(path, this.flow.data, this.entities)));
    return info;
  }

  /** Every JsonLogic rule of the flow with where it stands and its policy issues, listed once. */
  get ruleSites(): ReadonlyArray<CheckedSite> {
    return this.once('sites', () =>
      ruleSites(this.flow).map((site) => {
        const checked = site as CheckedSite;
        checked.issues = checkRule(site.rule);
        return checked;
      }),
    );
  }

  /**
   * The join that closes parallel split `p`: its immediate post-dominator
   * when that is a join the split dominates (every branch meets there, and
   * nothing else leads in), else -1.
   */
  matchingJoin(p: number): number {
    const memo = this.once('matchingJoin', () => new Map<number, number>());
    let j = memo.get(p);
    if (j === undefined) {
      const pd = this.postDominators.idom[p]!;
      j = pd >= 0 && pd < this.graph.nodes.length && this.graph.kind[pd] === KIND.join && this.dominators.idom[pd] === p ? pd : -1;
      memo.set(p, j);
    }
    return j;
  }

  /** The node with an id, if any. */
  node(id: string): FlowNode | undefined {
    const i = this.graph.index.get(id);
    return i === undefined ? undefined : this.graph.nodes[i];
  }
}
