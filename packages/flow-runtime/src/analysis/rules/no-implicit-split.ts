import type { LintRule } from '../types.js';
import { named, t } from '../text.js';
import { KIND, outDegree, outOf } from '../graph.js';

/**
 * no-implicit-split: only decisions and parallel splits have more than one
 * way out. A task (or wait, system step, sub-flow, start, join) with two
 * outgoing connections hides a choice in the step itself: the engine takes
 * the first connection whose condition holds, which nobody sees in the diagram.
 */
export const noImplicitSplit: LintRule = {
  id: 'no-implicit-split',
  doc: 'Only decisions and parallel splits branch; a task with two or more outgoing connections hides a choice.',
  check(ctx, report) {
    const g = ctx.graph;
    g.nodes.forEach((node, i) => {
      const k = g.kind[i];
      if (k === KIND.decision || k === KIND.parallel || k === KIND.end || outDegree(g, i) < 2) return;
      const out = outOf(g, i);
      // Two connections to the same step are no choice: no-duplicate-edges says so.
      if (new Set(out.map((e) => (g.target[e]! >= 0 ? g.target[e] : g.edges[e]!.target))).size < 2) return;
      report({
        message: t(`Step ${named(node).en} has ${out.length} outgoing connections; it is not a decision, so the choice between them is hidden.`, `步骤${named(node).zh}有${out.length}条出线；它不是判断，分支的选择被隐藏了。`),
        nodeIds: [node.id],
        edgeIds: out.map((e) => g.edges[e]!.id),
        hint: t('Add a decision after the step (one choice) or a parallel split (all branches at once).', '在该步骤后添加一个判断（选其一）或并行拆分（所有分支同时进行）。'),
      });
    });
  },
};
