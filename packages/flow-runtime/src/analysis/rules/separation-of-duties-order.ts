import type { LintRule } from '../types.js';
import { named, t } from '../text.js';
import { reach } from '../traversal.js';

/**
 * separation-of-duties-order: `notSameActorAs` names steps done before this
 * one. The engine checks it when this step is done, against who did the
 * named step; a step that can only come later (or never before) is not done
 * yet, so the rule never stops anyone.
 */
export const separationOfDutiesOrder: LintRule = {
  id: 'separation-of-duties-order',
  doc: "A separation-of-duties rule (notSameActorAs) names a step that can come before this one; naming a later step never stops anyone.",
  about: ['notSameActorAs'],
  check(ctx, report) {
    const g = ctx.graph;
    for (const i of ctx.byKind('task')) {
      const node = g.nodes[i]!;
      if (node.kind !== 'task') continue;
      for (const otherId of node.notSameActorAs ?? []) {
        const o = g.index.get(otherId);
        if (o === undefined || o === i) continue;
        // A broken connection counts as the one it nearly names: what comes after what is read as drawn and meant.
        const from = ctx.broken.meant.length ? ctx.reachFromMeant(o) : ctx.once(`reachFrom:${o}`, () => reach(g.succ, [o]));
        if (from[i]) continue;
        const other = g.nodes[o]!;
        report({
          message: t(`Task ${named(node).en} may not be done by whoever did ${named(other).en}, but ${named(other).en} never comes before it, so the rule never stops anyone.`, `任务${named(node).zh}规定不得由完成${named(other).zh}的人处理，但${named(other).zh}从不在它之前，因此该规定永远不会拦住任何人。`),
          nodeIds: [node.id, other.id],
          about: ['notSameActorAs'],
          hint: t(`Put the rule on the later step: ${named(other).en} may not be done by whoever did ${named(node).en}.`, `把规定放在后面的步骤上：${named(other).zh}不得由完成${named(node).zh}的人处理。`),
        });
      }
    }
  },
};
