import type { LintRule } from '../types.js';
import { didYouMean, named, t } from '../text.js';

/**
 * window-record-bound: a task's window opens on one record of the window's
 * entity — the variable named by `record`, or the only variable holding
 * such a record. Otherwise the engine cannot tell which record the person
 * works on, and refuses to deploy the flow (FLOW_E027/E028 when read).
 */
export const windowRecordBound: LintRule = {
  id: 'window-record-bound',
  doc: "A task's window opens on one record of its entity: the variable named by 'record', or the only one of that entity in the flow's data.",
  about: ['window', 'record'],
  check(ctx, report) {
    if (!ctx.catalog) return;
    const hint = t("Say which record the window opens with 'record', or add a record variable of that entity to the flow's data.", '请用“record”指明窗口打开哪条记录，或在流程数据中添加该实体的记录变量。');
    const byEntity = ctx.once('recordVarsByEntity', () => {
      const m = new Map<string, string[]>();
      for (const [name, v] of Object.entries(ctx.flow.data)) if (v.type === 'record' && v.entity) m.set(v.entity, [...(m.get(v.entity) ?? []), name]);
      return m;
    });
    for (const index of ctx.byKind('task')) {
      const node = ctx.graph.nodes[index]!;
      if (node.kind !== 'task' || !node.window) continue;
      const win = ctx.windows.get(node.window);
      if (!win) continue;
      const entityName = ctx.entities?.get(win.entity)?.name;
      const zhEntity = entityName?.zh ?? entityName?.en ?? win.entity;
      const screen = t(`window '${win.id}' (a ${win.entity} screen)`, `窗口“${win.id}”（${zhEntity}页面）`);
      if (node.record) {
        const v = ctx.flow.data[node.record];
        if (!v) {
          const near = didYouMean(node.record, Object.keys(ctx.flow.data));
          report({ message: t(`Task ${named(node).en} opens ${screen.en} on variable '${node.record}', which is not in the flow's data.${near.en}`, `任务${named(node).zh}在变量“${node.record}”上打开${screen.zh}，但流程数据中没有该变量。${near.zh}`), nodeIds: [node.id], about: ['record'], hint });
        } else if (v.type !== 'record' || v.entity !== win.entity) {
          report({ message: t(`Task ${named(node).en} opens ${screen.en} on variable '${node.record}', which does not hold a ${win.entity} record.`, `任务${named(node).zh}在变量“${node.record}”上打开${screen.zh}，但该变量保存的不是${zhEntity}记录。`), nodeIds: [node.id], about: ['record'], hint });
        }
        continue;
      }
      const candidates = byEntity.get(win.entity) ?? [];
      if (candidates.length === 0) {
        report({ message: t(`Task ${named(node).en} opens ${screen.en}, but the flow's data has no ${win.entity} record to open it on.`, `任务${named(node).zh}打开${screen.zh}，但流程数据中没有可供打开的${zhEntity}记录。`), nodeIds: [node.id], about: ['window'], hint });
      } else if (candidates.length > 1) {
        report({ message: t(`Task ${named(node).en} opens ${screen.en}, and the flow's data has several ${win.entity} records (${candidates.join(', ')}); it does not say which.`, `任务${named(node).zh}打开${screen.zh}，但流程数据中有多条${zhEntity}记录（${candidates.join('、')}），未指明是哪一条。`), nodeIds: [node.id], about: ['window'], hint });
      }
    }
  },
};
