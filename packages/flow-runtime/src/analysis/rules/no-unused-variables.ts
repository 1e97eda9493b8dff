import type { LintRule } from '../types.js';
import { named, t } from '../text.js';
import { collectVarUses } from '../../logic/vars.js';

/**
 * no-unused-variables: every variable of the flow's data is used — read by
 * a condition or calculation, opened by a task's window, edited or required
 * by a task, written by an automatic step or a sub-flow, or linked to a
 * record. An unused one is clutter that readers look for in vain. Findings
 * point at the variable by `path` (`/data/<name>`).
 */
export const noUnusedVariables: LintRule = {
  id: 'no-unused-variables',
  doc: 'Every variable of the flow data is used by some step, condition or control; an unused one only confuses readers.',
  check(ctx, report) {
    const used = new Set<string>();
    const root = (p: string) => used.add(p.split('.')[0]!);
    for (const site of ctx.ruleSites) {
      if (!site.readsFlowData) continue;
      for (const u of collectVarUses(site.rule)) {
        if (u.scope.kind === 'root') root(u.path);
        else if (u.scope.of) root(u.scope.of);
      }
    }
    const data = ctx.flow.data;
    for (const node of ctx.flow.nodes) {
      if (node.kind === 'task') {
        for (const p of [...(node.fields ?? []), ...(node.required ?? [])]) root(p);
        if (node.record) root(node.record);
        else if (node.window) {
          const win = ctx.windows.get(node.window);
          for (const [name, v] of Object.entries(data)) if (v.type === 'record' && (!win || v.entity === win.entity)) used.add(name);
        }
      } else if (node.kind === 'system') for (const a of node.assign ?? []) root(a.target);
      else if (node.kind === 'subflow') for (const p of Object.keys(node.output ?? {})) root(p);
    }
    for (const e of ctx.flow.edges) if (e.recordLink) root(e.recordLink.equals);
    for (const [name, v] of Object.entries(data)) {
      if (used.has(name)) continue;
      report({
        message: t(`Variable ${named({ id: name, name: v.name }).en} is never used: no step, condition or control reads or writes it.`, `变量${named({ id: name, name: v.name }).zh}从未被使用：没有任何步骤、条件或控制点读取或写入它。`),
        nodeIds: [],
        path: `/data/${escapePointer(name)}`,
        hint: t('Remove it from the flow data, or use it where it was meant to be used.', '从流程数据中删除它，或在本应使用它的地方使用它。'),
      });
    }
  },
};

/** A JSON-pointer segment: `~` and `/` escaped (RFC 6901). */
function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
