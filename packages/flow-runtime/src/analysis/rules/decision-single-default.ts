import type { LintRule } from '../types.js';
import { joinTexts, named, t } from '../text.js';
import { outOf } from '../graph.js';

/**
 * decision-single-default: a decision has at most one default branch. The
 * engine takes only one of several, so the others can never be taken and
 * the diagram says something the process never does.
 */
export const decisionSingleDefault: LintRule = {
  id: 'decision-single-default',
  doc: 'A decision has at most one default branch; of several, only one is ever taken.',
  check(ctx, report) {
    const g = ctx.graph;
    for (const i of ctx.byKind('decision')) {
      const node = g.nodes[i]!;
      const defaults = outOf(g, i)
        .map((e) => g.edges[e]!)
        .filter((e) => e.default);
      if (defaults.length < 2) continue;
      const list = joinTexts(defaults.map((e) => named({ id: e.id, name: e.label })));
      report({
        message: t(`Decision ${named(node).en} has ${defaults.length} default branches (${list.en}); only one of them can ever be taken.`, `判断${named(node).zh}有${defaults.length}个默认分支（${list.zh}），只有一个会被选中。`),
        nodeIds: [node.id],
        edgeIds: defaults.map((e) => e.id),
        hint: t('Keep one default branch and give the others a condition.', '只保留一个默认分支，为其他分支设置条件。'),
      });
    }
  },
};
