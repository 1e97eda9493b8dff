import type { LintRule } from '../types.js';
import { didYouMean, named, t } from '../text.js';

/** alert-has-recipient: every alert (control point, system step, SLA escalation) goes to roles the catalog knows. */
export const alertHasRecipient: LintRule = {
  id: 'alert-has-recipient',
  doc: 'Every alert — control point, system step or SLA escalation — goes to at least one role the catalog knows.',
  about: ['notify', 'alert/to', 'sla/escalateTo'],
  check(ctx, report) {
    const unknown = (roles: ReadonlyArray<string>) => (ctx.catalog ? roles.filter((r) => !ctx.roles.has(r)) : []);
    const near = (bad: ReadonlyArray<string>) => (bad.length === 1 ? didYouMean(bad[0]!, ctx.once('roleIds', () => [...ctx.roles.keys()])) : t('', ''));
    const hint = t('Name the roles to alert (such as the sales rep), as the catalog spells them.', '指定接收提醒的角色（如销售代表），名称须与目录一致。');
    for (const c of ctx.flow.controls ?? []) {
      if (c.kind !== 'alert') continue;
      if (!c.notify || c.notify.length === 0) {
        report({ message: t(`Alert ${named(c).en} notifies nobody: no role is named to receive it.`, `提醒${named(c).zh}没有接收人：未指定任何角色。`), controlId: c.id, about: ['notify'], hint });
        continue;
      }
      const bad = unknown(c.notify);
      if (bad.length) report({ message: t(`Alert ${named(c).en} goes to ${bad.map((r) => `'${r}'`).join(', ')}, which the catalog does not have.${near(bad).en}`, `提醒${named(c).zh}发送给${bad.map((r) => `“${r}”`).join('、')}，但目录中没有这些角色。${near(bad).zh}`), controlId: c.id, about: ['notify'], hint });
    }
    for (const node of ctx.graph.nodes) {
      if (node.kind === 'system' && node.alert) {
        const bad = unknown(node.alert.to);
        if (node.alert.to.length === 0) report({ message: t(`The alert of step ${named(node).en} goes to nobody.`, `步骤${named(node).zh}的提醒没有接收人。`), nodeIds: [node.id], about: ['alert/to'], hint });
        else if (bad.length) report({ message: t(`The alert of step ${named(node).en} goes to ${bad.map((r) => `'${r}'`).join(', ')}, which the catalog does not have.${near(bad).en}`, `步骤${named(node).zh}的提醒发送给${bad.map((r) => `“${r}”`).join('、')}，但目录中没有这些角色。${near(bad).zh}`), nodeIds: [node.id], about: ['alert/to'], hint });
      }
      if (node.kind === 'task' && node.sla?.escalateTo && unknown([node.sla.escalateTo]).length) {
        report({ message: t(`The SLA of task ${named(node).en} escalates to '${node.sla.escalateTo}', which the catalog does not have.${near([node.sla.escalateTo]).en}`, `任务${named(node).zh}的 SLA 升级给“${node.sla.escalateTo}”，但目录中没有该角色。${near([node.sla.escalateTo]).zh}`), nodeIds: [node.id], about: ['sla/escalateTo'], hint });
      }
    }
  },
};
