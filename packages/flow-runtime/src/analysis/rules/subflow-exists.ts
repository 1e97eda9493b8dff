import { collectVarUses } from '../../logic/vars.js';
import { checkRule } from '../../logic/policy.js';
import type { Flow } from '../../schema/flow.js';
import { resolveDataPath } from '../../schema/data-paths.js';
import type { LintRule } from '../types.js';
import { didYouMean, named, t } from '../text.js';

/**
 * subflow-exists: a sub-flow step runs a flow that exists (in the pinned
 * version, if pinned), is not the flow itself, and maps data to and from
 * variables (and fields) the child has. Needs the other flows (`config.flows`); without
 * them it only checks self-reference.
 */
export const subflowExists: LintRule = {
  id: 'subflow-exists',
  doc: 'A sub-flow step runs a flow that exists (in its pinned version), not itself, and maps data to variables the child has.',
  check(ctx, report) {
    for (const index of ctx.byKind('subflow')) {
      const node = ctx.graph.nodes[index]!;
      if (node.kind !== 'subflow') continue;
      if (node.flow === ctx.flow.id) {
        report({ message: t(`Sub-flow step ${named(node).en} runs this same flow, so it would start itself again and again.`, `子流程步骤${named(node).zh}运行的是本流程自身，会无限地重复启动。`), nodeIds: [node.id], hint: t('Run another flow, or loop back inside this one.', '运行另一个流程，或在本流程内部循环。') });
        continue;
      }
      if (!ctx.flows) continue;
      const versions = ctx.flows.get(node.flow);
      if (!versions || versions.length === 0) {
        const near = didYouMean(node.flow, [...ctx.flows.keys()]);
        report({
          message: t(`Sub-flow step ${named(node).en} runs flow '${node.flow}', which does not exist.${near.en}`, `子流程步骤${named(node).zh}运行的流程“${node.flow}”不存在。${near.zh}`),
          nodeIds: [node.id],
          hint: t(`Pick an existing flow: ${[...ctx.flows.keys()].slice(0, 12).join(', ')}.`, `请选择已有流程：${[...ctx.flows.keys()].slice(0, 12).join('、')}。`),
        });
        continue;
      }
      let child: Flow | undefined;
      if (node.version !== undefined) {
        child = versions.find((f) => f.version === node.version);
        if (!child) {
          report({
            message: t(`Sub-flow step ${named(node).en} runs version ${node.version} of flow '${node.flow}', which has only version${versions.length > 1 ? 's' : ''} ${versions.map((f) => f.version).join(', ')}.`, `子流程步骤${named(node).zh}运行流程“${node.flow}”的第${node.version}版，但该流程只有第${versions.map((f) => f.version).join('、')}版。`),
            nodeIds: [node.id],
            hint: t('Pin an existing version, or leave the version empty to run the latest.', '固定一个已有版本，或不填版本以运行最新版。'),
          });
          continue;
        }
      } else child = versions.reduce((a, b) => (b.version > a.version ? b : a));
      for (const name of Object.keys(node.input ?? {})) {
        if (Object.prototype.hasOwnProperty.call(child.data, name)) continue;
        report({ message: t(`Sub-flow step ${named(node).en} passes '${name}' to flow '${child.id}', which has no such variable.`, `子流程步骤${named(node).zh}向流程“${child.id}”传入“${name}”，但该流程没有这个变量。`), nodeIds: [node.id], hint: t(`Map to one of the child's variables: ${Object.keys(child.data).join(', ')}.`, `请映射到子流程的变量：${Object.keys(child.data).join('、')}。`) });
      }
      for (const [target, rule] of Object.entries(node.output ?? {})) {
        if (checkRule(rule).length > 0) continue;
        for (const use of collectVarUses(rule)) {
          if (use.scope.kind !== 'root' || use.path === '') continue;
          const head = use.path.split('.')[0]!;
          // `outcome` is the end the child finished at, readable by every output mapping (docs/engine.md).
          if (head === 'outcome') continue;
          if (Object.prototype.hasOwnProperty.call(child.data, head)) {
            // The variable is the child's; the field read must be one of its record's (or its list items').
            const info = resolveDataPath(use.path, child.data, ctx.entities);
            if (info.ok) continue;
            const near = info.suggestion ? t(` Did you mean '${info.suggestion}'?`, `是否想写“${info.suggestion}”？`) : t('', '');
            report({
              message: t(`Sub-flow step ${named(node).en} fills '${target}' from '${use.path}' of flow '${child.id}', but ${info.reason}.${near.en}`, `子流程步骤${named(node).zh}用流程“${child.id}”的“${use.path}”填写“${target}”，但该字段不存在（${info.reason}）。${near.zh}`),
              nodeIds: [node.id],
              hint: t(`Read a field the child flow has.`, '请读取子流程中存在的字段。'),
            });
            continue;
          }
          report({ message: t(`Sub-flow step ${named(node).en} fills '${target}' from '${use.path}', but flow '${child.id}' has no variable '${head}'.`, `子流程步骤${named(node).zh}用“${use.path}”填写“${target}”，但流程“${child.id}”没有变量“${head}”。`), nodeIds: [node.id], hint: t("Read one of the child's variables.", '请读取子流程的变量。') });
        }
      }
    }
  },
};
