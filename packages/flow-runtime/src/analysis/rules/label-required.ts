import type { LintRule } from '../types.js';
import { named, t } from '../text.js';

// Names the designer gives new nodes, and bare kind words ("Task 3"); an end may well be called "End".
const PLACEHOLDERS = /^(new|untitled|unnamed)(\s+(task|step|node|decision|wait|end|start|system step|sub-?flow|parallel split|join))?\s*\d*$|^(step|task|node|decision|wait|system step|sub-?flow)\s*\d*$|^(新建|未命名)\S{0,4}\s*\d*$|^(步骤|任务|节点)\s*\d*$/i;

/**
 * label-required: every step has a real name (not blank, not its id, not a
 * placeholder such as "New task"), a Chinese name too when the flow is
 * bilingual, and every conditional connection outside a decision says in
 * words when it is followed.
 */
export const labelRequired: LintRule = {
  id: 'label-required',
  doc: 'Every step has a real name (not blank, its id or "New task"), in Chinese too when the flow is bilingual.',
  check(ctx, report) {
    const nodes = ctx.graph.nodes;
    const bilingual = nodes.some((n) => n.name.zh !== undefined) || ctx.flow.name.zh !== undefined;
    const hint = t('Name the step by what is done in it, such as "Check credit".', '用步骤中要做的事给它命名，例如“信用审核”。');
    for (const node of nodes) {
      if (node.kind === 'start' || node.kind === 'join' || node.kind === 'parallel') continue;
      const en = node.name.en.trim();
      if (en === '' || en === node.id || (en.length <= 24 && PLACEHOLDERS.test(en))) {
        report({ message: t(`Step ${named(node).en} has no real name.`, `步骤${named(node).zh}没有真正的名称。`), nodeIds: [node.id], hint });
      } else if (bilingual && (node.name.zh === undefined || node.name.zh.trim() === '')) {
        report({ message: t(`Step ${named(node).en} has no Chinese name, while the flow is named in both languages.`, `步骤${named(node).zh}没有中文名称，而流程使用中英双语。`), nodeIds: [node.id], hint: t('Add the Chinese name.', '请补充中文名称。') });
      }
    }
    const g = ctx.graph;
    g.edges.forEach((edge, e) => {
      const s = g.source[e]!;
      if (s < 0 || edge.guard === undefined || nodes[s]!.kind === 'decision') return;
      if (edge.label && edge.label.en.trim() !== '') return;
      report({ message: t(`Connection '${edge.id}' has a condition but no label saying when it is followed.`, `连线“${edge.id}”有条件，但没有标签说明何时走这条线。`), edgeIds: [edge.id], hint: t('Label the connection with its condition in words.', '用文字为连线标注其条件。') });
    });
  },
};
