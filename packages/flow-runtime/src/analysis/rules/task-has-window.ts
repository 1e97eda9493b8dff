import type { LintRule } from '../types.js';
import { didYouMean, named, t } from '../text.js';

/** task-has-window: every task opens a CRM window the catalog knows, so the person knows where to work. */
export const taskHasWindow: LintRule = {
  id: 'task-has-window',
  doc: 'Every task opens a CRM window that the catalog knows, so the person doing it knows where to work.',
  about: ['window', 'record'],
  check(ctx, report) {
    for (const index of ctx.byKind('task')) {
      const node = ctx.graph.nodes[index]!;
      if (node.kind !== 'task') continue;
      if (!node.window) {
        report({ message: t(`Task ${named(node).en} opens no window, so the person doing it is not told where to work.`, `任务${named(node).zh}没有关联窗口，执行人不知道在哪里操作。`), nodeIds: [node.id], hint: t('Choose the CRM window the task is done in.', '选择执行该任务的 CRM 窗口。') });
      } else if (ctx.catalog && !ctx.windows.has(node.window)) {
        const near = didYouMean(node.window, ctx.once('windowIds', () => [...ctx.windows.keys()]));
        report({ message: t(`Task ${named(node).en} opens window '${node.window}', which the catalog does not have.${near.en}`, `任务${named(node).zh}关联的窗口“${node.window}”在目录中不存在。${near.zh}`), nodeIds: [node.id], hint: t('Pick one of the catalog windows.', '请选择目录中的窗口。') });
      }
    }
  },
};
