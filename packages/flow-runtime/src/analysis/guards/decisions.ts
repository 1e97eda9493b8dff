import type { FlowEdge } from '../../schema/flow.js';
import { checkRule } from '../../logic/policy.js';
import type { AnalysisContext } from '../context.js';
import { EVERYTHING, isEmpty, RegionTooLarge, type Box, type Constraint, type Region } from './region.js';
import { domainOfType, toRegion, type Domain, type DomainOf } from './to-region.js';
import { outOf } from '../graph.js';

/** One branch of a decision, in the order the engine tries them. */
export interface BranchRegion {
  edge: FlowEdge;
  edgeIndex: number;
  /** Where the branch's condition holds; EVERYTHING for a branch without a condition. */
  region: Region;
}

/** A decision's branches as regions, for interval reasoning. */
export interface DecisionRegions {
  node: number;
  /** Non-default branches in order. */
  branches: BranchRegion[];
  defaults: FlowEdge[];
  /** What each opaque atom stands for. */
  atoms: Map<string, unknown>;
}

/** The domain of each root data path (numbers, choices, yes/no), resolved once per analysis. */
export function pathDomains(ctx: AnalysisContext): DomainOf {
  return ctx.once('pathDomains', () => {
    const domains = new Map<string, Domain>();
    return (path: string): Domain => {
      let d = domains.get(path);
      if (!d) {
        const info = ctx.resolvePath(path);
        const field = info.ok ? info.field : undefined;
        d = info.ok ? domainOfType(info.type, field && 'options' in field ? field.options : undefined) : { kind: 'unknown' };
        domains.set(path, d);
      }
      return d;
    };
  });
}

/**
 * Whether a condition can never hold (`amount > 5 and amount < 3`), by
 * interval reasoning; false when unsure (too large, or breaking the policy).
 */
export function neverHolds(ctx: AnalysisContext, rule: unknown): boolean {
  if (checkRule(rule).length > 0) return false;
  try {
    return isEmpty(toRegion(rule, pathDomains(ctx)));
  } catch (error) {
    if (error instanceof RegionTooLarge) return false;
    throw error;
  }
}

/** The regions of every decision's branches, computed once per analysis. Decisions with a rule that breaks the policy are left out. */
export function decisionRegions(ctx: AnalysisContext): DecisionRegions[] {
  return ctx.once('decisionRegions', () => {
    const g = ctx.graph;
    const domainOf = pathDomains(ctx);
    const out: DecisionRegions[] = [];
    decisions: for (const i of ctx.byKind('decision')) {
      const node = g.nodes[i]!;
      // A branch drawn to a misspelt step is missing from the list: what the branches cover is judged once it is mended.
      if (node.kind !== 'decision' || ctx.broken.from[i]) continue;
      const atoms = new Map<string, unknown>();
      const branches: BranchRegion[] = [];
      const defaults: FlowEdge[] = [];
      for (const e of outOf(g, i)) {
        const edge = g.edges[e]!;
        if (edge.default) {
          defaults.push(edge);
          continue;
        }
        if (edge.guard !== undefined && checkRule(edge.guard).length > 0) continue decisions;
        let region: Region;
        try {
          region = edge.guard === undefined ? EVERYTHING : toRegion(edge.guard, domainOf, atoms);
        } catch (error) {
          if (!(error instanceof RegionTooLarge)) throw error;
          const key = `a:whole(${e})`;
          atoms.set(key, edge.guard);
          region = [new Map([[key, { kind: 'set', values: new Set(['true']), negated: false, universe: new Set(['true', 'false']) } as Constraint]])];
        }
        branches.push({ edge, edgeIndex: e, region });
      }
      out.push({ node: i, branches, defaults, atoms });
    }
    return out;
  });
}

/** Turns a box back into a JsonLogic rule, so it can be described in words. */
export function boxToRule(box: Box, atoms: ReadonlyMap<string, unknown>): unknown {
  const parts: unknown[] = [];
  for (const [key, c] of box) {
    if (key.startsWith('a:')) {
      const meaning = atoms.get(key);
      if (meaning === undefined) continue;
      const holds = c.kind === 'set' && c.values.has('true');
      parts.push(holds ? meaning : { '!': meaning });
      continue;
    }
    const v = { var: key.slice(2) };
    parts.push(constraintRule(v, c));
  }
  return parts.length === 1 ? parts[0] : { and: parts };
}

function constraintRule(v: { var: string }, c: Constraint): unknown {
  if (c.kind === 'set') {
    const values = [...c.values].map((x) => (c.universe && c.universe.has('true') && c.universe.size === 2 ? x === 'true' : x));
    const rule = values.length === 1 ? { '==': [v, values[0]] } : { in: [v, values] };
    return c.negated ? { '!': rule } : rule;
  }
  const parts = c.intervals.map((iv) => {
    if (iv.lo === iv.hi) return { '==': [v, iv.lo] };
    if (iv.lo === -Infinity) return { [iv.hiIn ? '<=' : '<']: [v, iv.hi] };
    if (iv.hi === Infinity) return { [iv.loIn ? '>=' : '>']: [v, iv.lo] };
    if (iv.loIn === iv.hiIn) return { [iv.loIn ? '<=' : '<']: [iv.lo, v, iv.hi] };
    return { and: [{ [iv.loIn ? '>=' : '>']: [v, iv.lo] }, { [iv.hiIn ? '<=' : '<']: [v, iv.hi] }] };
  });
  return parts.length === 1 ? parts[0] : { or: parts };
}
