import type { LintRule } from '../types.js';
import { joinTexts, named, t } from '../text.js';

/** single-start: a flow has exactly one start step. */
export const singleStart: LintRule = {
  id: 'single-start',
  // A mandatory step bypassed from the second start is that start's flaw.
  supersedes: ['mandatory-not-bypassed'],
  doc: 'A flow has exactly one start step, so everyone knows where the process begins.',
  check(ctx, report) {
    const { starts, nodes } = ctx.graph;
    if (starts.length === 0) {
      report({ message: t('The flow has no start step.', '流程没有开始步骤。'), hint: t('Add one start step and connect it to the first step.', '添加一个开始步骤，并连接到第一个步骤。') });
    } else if (starts.length > 1) {
      const list = joinTexts(starts.map((i) => named(nodes[i]!)));
      report({
        message: t(`The flow has ${starts.length} start steps: ${list.en}.`, `流程有${starts.length}个开始步骤：${list.zh}。`),
        nodeIds: starts.map((i) => nodes[i]!.id),
        hint: t('Keep one start; if the process really begins in different ways, make those separate flows or add a decision after the start.', '只保留一个开始步骤；若流程确有不同起点，请拆成不同流程，或在开始后加一个判断。'),
      });
    }
  },
};
