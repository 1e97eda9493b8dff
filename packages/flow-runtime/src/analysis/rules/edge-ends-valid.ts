import type { LintRule } from '../types.js';
import { KIND } from '../graph.js';
import { didYouMean, named, t } from '../text.js';

/** edge-ends-valid: connections join existing steps, never lead into a start or out of an end. */
export const edgeEndsValid: LintRule = {
  id: 'edge-ends-valid',
  doc: 'Every connection joins two existing steps, none leads back into the start, and none leaves an end.',
  about: ['source', 'target'],
  check(ctx, report) {
    const { edges, source, target, nodes, kind } = ctx.graph;
    edges.forEach((edge, e) => {
      const s = source[e]!;
      const d = target[e]!;
      if (s < 0 || d < 0) {
        const missing = s < 0 ? edge.source : edge.target;
        const near = didYouMean(missing, ctx.once('nodeIds', () => [...ctx.graph.index.keys()]));
        report({
          message: t(`Connection ${named({ id: edge.id, name: edge.label }).en} ${s < 0 ? 'starts at' : 'goes to'} step '${missing}', which the flow does not have.${near.en}`, `连线${named({ id: edge.id, name: edge.label }).zh}${s < 0 ? '的起点' : '的终点'}“${missing}”不存在。${near.zh}`),
          edgeIds: [edge.id],
          hint: t('Reconnect it to an existing step or delete it.', '将其连到已有步骤，或删除该连线。'),
        });
        return;
      }
      if (kind[d] === KIND.start) {
        report({ message: t(`Connection ${named({ id: edge.id, name: edge.label }).en} leads back into the start ${named(nodes[d]!).en}.`, `连线${named({ id: edge.id, name: edge.label }).zh}连回了开始步骤${named(nodes[d]!).zh}。`), edgeIds: [edge.id], nodeIds: [nodes[d]!.id], hint: t('Loop back to the first real step instead of the start.', '请连回第一个实际步骤，而不是开始步骤。') });
      }
      if (kind[s] === KIND.end) {
        report({ message: t(`Connection ${named({ id: edge.id, name: edge.label }).en} leaves the end ${named(nodes[s]!).en}; nothing after an end ever runs.`, `连线${named({ id: edge.id, name: edge.label }).zh}从结束步骤${named(nodes[s]!).zh}引出；结束之后的内容永远不会执行。`), edgeIds: [edge.id], nodeIds: [nodes[s]!.id], hint: t('Remove the connection, or turn the end into a normal step.', '删除该连线，或把该结束改为普通步骤。') });
      }
    });
  },
};
