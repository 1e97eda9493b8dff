import type { LintRule } from '../types.js';
import { named, t } from '../text.js';
import { KIND, outOf } from '../graph.js';

/**
 * guard-on-only-exit: a condition belongs on the branches of a decision. On
 * the only way out of a task, wait, automatic step, sub-flow, start or join,
 * the engine finds no way on whenever it does not hold, and the case stops
 * there (NO_PATH).
 */
export const guardOnOnlyExit: LintRule = {
  id: 'guard-on-only-exit',
  doc: "The only way out of a step has no condition: when it does not hold, the case stops there with no way on.",
  check(ctx, report) {
    const g = ctx.graph;
    g.nodes.forEach((node, i) => {
      const k = g.kind[i];
      if (k === KIND.decision || k === KIND.parallel || k === KIND.end) return;
      const out = outOf(g, i);
      // A second way out drawn to a misspelt step is still a way out: the broken connection is the one finding.
      if (out.length !== 1 || ctx.broken.from[i]) return;
      const edge = g.edges[out[0]!]!;
      if (edge.guard === undefined || edge.default) return;
      const e = named({ id: edge.id, name: edge.label });
      report({
        message: t(`The only way out of step ${named(node).en}, connection ${e.en}, has a condition: whenever it does not hold, the case stops after the step with no way on.`, `步骤${named(node).zh}唯一的出线${e.zh}带有条件：只要条件不成立，案例就会在该步骤之后停住，无路可走。`),
        nodeIds: [node.id],
        edgeIds: [edge.id],
        about: ['guard'],
        hint: t('Remove the condition, or put a decision after the step with a branch for when it does not hold.', '删除该条件，或在该步骤后加一个判断，并为条件不成立的情况设一个分支。'),
      });
    });
  },
};
