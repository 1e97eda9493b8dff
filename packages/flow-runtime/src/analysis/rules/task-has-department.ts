import type { LintRule } from '../types.js';
import { didYouMean, named, t } from '../text.js';

/** task-has-department: every task sits in a department (swimlane) the catalog knows. */
export const taskHasDepartment: LintRule = {
  id: 'task-has-department',
  doc: 'Every task belongs to a department (its swimlane) that the catalog knows, so hand-offs are visible.',
  about: ['department'],
  check(ctx, report) {
    for (const index of ctx.byKind('task')) {
      const node = ctx.graph.nodes[index]!;
      if (node.kind !== 'task') continue;
      if (!node.department) {
        report({ message: t(`Task ${named(node).en} is in no department.`, `任务${named(node).zh}不属于任何部门。`), nodeIds: [node.id], hint: t('Put the task in the lane of the department that does it.', '把任务放到负责它的部门泳道中。') });
      } else if (ctx.catalog && !ctx.departments.has(node.department)) {
        const near = didYouMean(node.department, ctx.once('departmentIds', () => [...ctx.departments.keys()]));
        report({
          message: t(`Task ${named(node).en} is in department '${node.department}', which the catalog does not have.${near.en}`, `任务${named(node).zh}所在的部门“${node.department}”在目录中不存在。${near.zh}`),
          nodeIds: [node.id],
          hint: t(`Pick one of the catalog's departments: ${[...ctx.departments.keys()].join(', ')}.`, `请选择目录中的部门：${[...ctx.departments.keys()].join('、')}。`),
        });
      }
    }
  },
};
