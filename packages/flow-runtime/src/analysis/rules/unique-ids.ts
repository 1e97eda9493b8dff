import type { LintRule } from '../types.js';
import { t } from '../text.js';

/** unique-ids: node, edge and control ids are unique. */
export const uniqueIds: LintRule = {
  id: 'unique-ids',
  doc: 'Every step, connection and control point has its own id; a repeated id makes references ambiguous.',
  about: ['id'],
  check(ctx, report) {
    const lists: Array<[string, string, ReadonlyArray<{ id: string }>, 'node' | 'edge' | 'other']> = [
      ['step', '步骤', ctx.flow.nodes, 'node'],
      ['connection', '连线', ctx.flow.edges, 'edge'],
      ['control point', '控制点', ctx.flow.controls ?? [], 'other'],
    ];
    for (const [en, zh, list, kind] of lists) {
      if (kind === 'node' && ctx.graph.nodes.length === list.length) continue;
      // One set operation per id; counts only for the (rare) repeated ones.
      const seen = new Set<string>();
      const repeated = new Map<string, number>();
      for (const item of list) {
        const size = seen.size;
        seen.add(item.id);
        if (seen.size === size) repeated.set(item.id, (repeated.get(item.id) ?? 1) + 1);
      }
      for (const [id, n] of repeated) {
        report({
          message: t(`${n} ${en}s share the id '${id}'.`, `${n}个${zh}使用了相同的 id“${id}”。`),
          ...(kind === 'node' ? { nodeIds: [id] } : kind === 'edge' ? { edgeIds: [id] } : {}),
          hint: t('Give each one its own id.', '为每一个设置不同的 id。'),
        });
      }
    }
  },
};
