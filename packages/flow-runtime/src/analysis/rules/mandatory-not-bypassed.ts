import type { LintRule } from '../types.js';
import type { AnalysisContext } from '../context.js';
import { dominates } from '../dominators.js';
import { guaranteedSteps } from '../guarantee.js';
import { named, t } from '../text.js';
import { outOf } from '../graph.js';

const MAX_WITNESSES = 20;

/**
 * mandatory-not-bypassed: no path from the start to an end avoids a
 * mandatory step ("if the previous step is not done, later work cannot
 * proceed"). Answered with the dominator tree, computed once.
 */
export const mandatoryNotBypassed: LintRule = {
  id: 'mandatory-not-bypassed',
  doc: 'No path from the start to an end avoids a mandatory step; users choose how to do a step, never whether.',
  check(ctx, report) {
    const g = ctx.graph;
    const mandatory: number[] = [];
    for (const i of ctx.byKind('task')) {
      const node = g.nodes[i]!;
      if (node.kind === 'task' && node.mandatory && ctx.reachable[i]) mandatory.push(i);
    }
    if (mandatory.length === 0 || !ctx.reachable[g.exit]) return;
    const guaranteed = guaranteedSteps(ctx);
    let witnesses = 0;
    for (const m of mandatory) {
      if (guaranteed(m)) continue;
      const path = witnesses++ < MAX_WITNESSES ? bypass(ctx, m) : undefined;
      const names = path ? path.nodes.map((v) => g.nodes[v]!.name) : [];
      const shown = names.length > 8 ? [...names.slice(0, 4), undefined, ...names.slice(-3)] : names;
      const pathEn = shown.map((x) => (x ? x.en : '…')).join(' → ');
      const pathZh = shown.map((x) => (x ? (x.zh ?? x.en) : '…')).join(' → ');
      report({
        message: path
          ? t(`Mandatory step ${named(g.nodes[m]!).en} can be bypassed: the path ${pathEn} never passes it.`, `必经步骤${named(g.nodes[m]!).zh}可以被绕过：路径 ${pathZh} 没有经过它。`)
          : t(`Mandatory step ${named(g.nodes[m]!).en} can be bypassed: some path from the start to an end never passes it.`, `必经步骤${named(g.nodes[m]!).zh}可以被绕过：存在从开始到结束而不经过它的路径。`),
        // A bypass from a second start step also names that start: single-start's finding (one start too many) says the flaw.
        nodeIds: path && g.starts.length > 1 && path.nodes[0] !== g.starts[0] ? [g.nodes[m]!.id, g.nodes[path.nodes[0]!]!.id] : [g.nodes[m]!.id],
        edgeIds: path ? path.edges.map((e) => g.edges[e]!.id) : [],
        hint: t('Route every path to an end through this step, or untick "mandatory" if skipping it is allowed.', '让每条通往结束的路径都经过此步骤；若允许跳过，请取消“必经”。'),
      });
    }
  },
};

/** A path from the start to an end that avoids `m` (inside a parallel split, through the branch holding `m`). */
function bypass(ctx: AnalysisContext, m: number): { nodes: number[]; edges: number[] } | undefined {
  const g = ctx.graph;
  const D = ctx.dominators;
  const parent = new Int32Array(g.nodes.length + 2).fill(-2);
  const parentEdge = new Int32Array(g.nodes.length + 2).fill(-1);
  const queue: number[] = [];
  for (const s of g.starts) {
    if (s === m) continue;
    parent[s] = -1;
    queue.push(s);
  }
  let found = -1;
  for (let qi = 0; qi < queue.length && found < 0; qi++) {
    const v = queue[qi]!;
    if (g.nodes[v]!.kind === 'end') {
      found = v;
      break;
    }
    let edges = outOf(g, v);
    if (g.nodes[v]!.kind === 'parallel') {
      const own = edges.filter((e) => g.target[e]! >= 0 && dominates(D, g.target[e]!, m));
      if (own.length > 0) edges = own;
    }
    for (const e of edges) {
      const w = g.target[e]!;
      if (w < 0 || w === m || parent[w] !== -2) continue;
      parent[w] = v;
      parentEdge[w] = e;
      queue.push(w);
    }
  }
  if (found < 0) return undefined;
  const nodes: number[] = [];
  const edges: number[] = [];
  for (let v = found; v >= 0; v = parent[v]!) {
    nodes.push(v);
    if (parentEdge[v]! >= 0) edges.push(parentEdge[v]!);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}
