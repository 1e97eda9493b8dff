import type { LintRule } from '../types.js';
import type { FlowEdge } from '../../schema/flow.js';
import { joinTexts, named, t } from '../text.js';
import { outOf } from '../graph.js';

/**
 * no-duplicate-edges: two connections from one step to the same step say
 * the same thing twice. From a parallel split the step runs twice at once;
 * from a decision one of the two is dead or the choice is unclear; from any
 * other step the engine follows only one of them. Branches of a decision
 * count as repeats when their conditions are the same (bpmnlint's
 * no-duplicate-sequence-flows).
 */
export const noDuplicateEdges: LintRule = {
  id: 'no-duplicate-edges',
  doc: 'No two connections join the same two steps; from a parallel split the step would run twice at the same time.',
  // A repeated branch of a decision is also never taken (the first copy always wins): one flaw, said once, as the repeat.
  supersedes: ['branch-never-taken', 'unguarded-branch-first'],
  check(ctx, report) {
    const g = ctx.graph;
    g.nodes.forEach((node, i) => {
      const out = outOf(g, i);
      if (out.length < 2) return;
      const byTarget = new Map<number, number[]>();
      for (const e of out) {
        const d = g.target[e]!;
        if (d < 0) continue;
        // Branches of a decision with different conditions to one step are an "or", not a repeat.
        if (node.kind === 'decision') {
          const same = (byTarget.get(d) ?? []).some((f) => sameBranch(g.edges[f]!, g.edges[e]!));
          if (!same && byTarget.has(d)) continue;
        }
        const list = byTarget.get(d);
        if (list) list.push(e);
        else byTarget.set(d, [e]);
      }
      for (const [d, es] of byTarget) {
        if (es.length < 2) continue;
        const target = g.nodes[d]!;
        const list = joinTexts(es.map((e) => named({ id: g.edges[e]!.id, name: g.edges[e]!.label })));
        const what =
          node.kind === 'parallel'
            ? t(`so step ${named(target).en} would run ${es.length} times at once`, `步骤${named(target).zh}会同时执行${es.length}次`)
            : t('which says the same thing twice', '重复表达了同一件事');
        report({
          message: t(`Step ${named(node).en} has ${es.length} connections to step ${named(target).en} (${list.en}), ${what.en}.`, `步骤${named(node).zh}有${es.length}条连到步骤${named(target).zh}的连线（${list.zh}），${what.zh}。`),
          nodeIds: [node.id, target.id],
          edgeIds: es.map((e) => g.edges[e]!.id),
          hint: t('Keep one connection and delete the others.', '保留一条连线，删除其余的。'),
        });
      }
    });
  },
};

function sameBranch(a: FlowEdge, b: FlowEdge): boolean {
  return JSON.stringify(a.guard ?? null) === JSON.stringify(b.guard ?? null) && !!a.default === !!b.default;
}
