import type { LintRule } from '../types.js';
import { joinTexts, named, t } from '../text.js';
import { outOf } from '../graph.js';

/** duplicate-labels: no two steps share a name, and no two branches of a decision share a label. */
export const duplicateLabels: LintRule = {
  id: 'duplicate-labels',
  doc: 'No two steps share a name and no two branches of one decision share a label, so each can be told apart.',
  check(ctx, report) {
    const g = ctx.graph;
    const byName = new Map<string, number[]>();
    g.nodes.forEach((node, i) => {
      if (node.kind === 'start' || node.kind === 'join' || node.kind === 'parallel' || node.kind === 'end') return;
      const key = node.name.en.trim().toLowerCase();
      if (key === '') return;
      const list = byName.get(key);
      if (list) list.push(i);
      else byName.set(key, [i]);
    });
    for (const list of byName.values()) {
      if (list.length < 2) continue;
      const names = joinTexts(list.map((i) => named(g.nodes[i]!)));
      report({
        message: t(`${list.length} steps have the same name: ${names.en}.`, `${list.length}个步骤名称相同：${names.zh}。`),
        nodeIds: list.map((i) => g.nodes[i]!.id),
        hint: t('Give each step a name that says how it differs (such as "Check credit again").', '为每个步骤取一个能体现差别的名称（例如“再次审核信用”）。'),
      });
    }
    g.nodes.forEach((node, i) => {
      if (node.kind !== 'decision') return;
      const seen = new Map<string, string[]>();
      for (const e of outOf(g, i)) {
        const edge = g.edges[e]!;
        const key = edge.label?.en.trim().toLowerCase();
        if (!key) continue;
        const list = seen.get(key);
        if (list) list.push(edge.id);
        else seen.set(key, [edge.id]);
      }
      for (const [label, ids] of seen) {
        if (ids.length < 2) continue;
        report({
          message: t(`Decision ${named(node).en} has ${ids.length} branches labelled '${label}'.`, `判断${named(node).zh}有${ids.length}个分支的标签都是“${label}”。`),
          nodeIds: [node.id],
          edgeIds: ids,
          hint: t('Label each branch with its own answer.', '为每个分支标注不同的答案。'),
        });
      }
    });
  },
};
