import type { LintRule } from '../types.js';
import { didYouMean, named, t } from '../text.js';

/** task-has-roles: every task names the roles that may do it, all known to the catalog. */
export const taskHasRoles: LintRule = {
  id: 'task-has-roles',
  doc: 'Every task names the roles that may do it, and the catalog knows each of them.',
  about: ['roles'],
  check(ctx, report) {
    for (const index of ctx.byKind('task')) {
      const node = ctx.graph.nodes[index]!;
      if (node.kind !== 'task') continue;
      if (!node.roles || node.roles.length === 0) {
        report({ message: t(`Task ${named(node).en} names no role, so nobody in particular is responsible for it.`, `任务${named(node).zh}没有指定角色，无人对其负责。`), nodeIds: [node.id], hint: t('Name the roles that may do the task (such as sales rep).', '指定可以执行该任务的角色（例如销售代表）。') });
        continue;
      }
      if (!ctx.catalog) continue;
      if (node.roles.every((r) => ctx.roles.has(r))) continue;
      const unknown = node.roles.filter((r) => !ctx.roles.has(r));
      const near = unknown.length === 1 ? didYouMean(unknown[0]!, ctx.once('roleIds', () => [...ctx.roles.keys()])) : t('', '');
      report({
        message: t(`Task ${named(node).en} names role${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `'${r}'`).join(', ')}, which the catalog does not have.${near.en}`, `任务${named(node).zh}指定的角色${unknown.map((r) => `“${r}”`).join('、')}在目录中不存在。${near.zh}`),
        nodeIds: [node.id],
        hint: t(`Pick from the catalog's roles: ${[...ctx.roles.keys()].join(', ')}.`, `请从目录中的角色选择：${[...ctx.roles.keys()].join('、')}。`),
      });
    }
  },
};
