import type { LintRule } from '../types.js';
import { joinTexts, named, t } from '../text.js';
import { outOf } from '../graph.js';

/** decision-branches-labelled: each branch of a decision says in words when it is taken. */
export const decisionBranchesLabelled: LintRule = {
  id: 'decision-branches-labelled',
  doc: 'Each branch of a decision has a label ("yes", "over 10%"), so the diagram reads without opening the conditions.',
  check(ctx, report) {
    const g = ctx.graph;
    for (const i of ctx.byKind('decision')) {
      const node = g.nodes[i]!;
      if (node.kind !== 'decision') continue;
      const out = outOf(g, i).map((e) => g.edges[e]!);
      if (out.length < 2) continue;
      const unlabelled = out.filter((e) => !e.label || e.label.en.trim() === '');
      if (unlabelled.length === 0) continue;
      const list = joinTexts(unlabelled.map((e) => named({ id: e.id })));
      report({
        message: t(`Decision ${named(node).en} has branches without a label: ${list.en}.`, `判断${named(node).zh}有未加标签的分支：${list.zh}。`),
        nodeIds: [node.id],
        edgeIds: unlabelled.map((e) => e.id),
        hint: t('Label each branch with the answer it stands for, such as "approved" or "over 10%".', '为每个分支标注它代表的答案，如“批准”或“超过10%”。'),
      });
    }
  },
};
