import type { LintRule } from '../types.js';
import { checkRule } from '../../logic/policy.js';
import { joinTexts, named, t } from '../text.js';
import { isWritten, rootReads, writtenPaths } from '../writers.js';

/**
 * wait-data-never-written: a wait without a timer ends when its condition
 * comes true, which needs data some step can change. When no task, automatic
 * step or sub-flow of the flow ever writes the data the condition reads,
 * nothing in the process can end the wait.
 */
export const waitDataNeverWritten: LintRule = {
  id: 'wait-data-never-written',
  doc: 'A wait without a timer waits on data some step (a task, an automatic step or a sub-flow) can write; otherwise nothing in the process can end it.',
  about: ['until'],
  check(ctx, report) {
    for (const i of ctx.byKind('wait')) {
      const node = ctx.graph.nodes[i]!;
      if (node.kind !== 'wait' || node.until === undefined || node.timer || checkRule(node.until).length > 0) continue;
      const reads = [...new Set(rootReads(node.until))];
      if (reads.length === 0) continue;
      const written = writtenPaths(ctx);
      // Data the flow does not declare is guard-vars-known's finding.
      if (reads.some((p) => !ctx.resolvePath(p).ok)) continue;
      if (reads.some((p) => isWritten(written, p))) continue;
      const fields = joinTexts(reads.map((p) => ({ en: `'${p}'`, zh: `“${p}”` })));
      report({
        message: t(`Wait ${named(node).en} waits on ${fields.en}, which no step of the flow ever writes, and it has no timer: nothing in the process can end the wait.`, `等待${named(node).zh}等待的是${fields.zh}，但流程中没有任何步骤会写入它们，又没有计时器：流程中没有任何事情能结束这次等待。`),
        nodeIds: [node.id],
        about: ['until'],
        hint: t('Let a task or an automatic step fill in the data, wait on data a step does write, or add a timer.', '让某个任务或自动步骤填写这些数据，改为等待确实会被写入的数据，或添加计时器。'),
      });
    }
  },
};
