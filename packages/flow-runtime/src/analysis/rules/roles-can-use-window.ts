import type { Window } from '../../schema/catalog.js';
import type { Access } from '../../schema/common.js';
import type { TaskNode } from '../../schema/flow.js';
import type { AnalysisContext } from '../context.js';
import type { LintRule } from '../types.js';
import { named, t } from '../text.js';
import { meantPath } from '../writers.js';

/** A role's access to one field of a window: the field's override, else the window's (as the engine reads it). */
function fieldAccess(win: Window, field: string, role: string): Access {
  if (!win.fields.includes(field)) return 'none';
  return win.fieldAccess?.[field]?.[role] ?? win.access[role] ?? 'none';
}

/** The record variable a task's window opens. */
function recordVariable(ctx: AnalysisContext, node: TaskNode, win: Window): string | undefined {
  if (node.record) return node.record;
  const byEntity = ctx.once('roles-can-use-window:records', () => {
    const m = new Map<string, string>();
    for (const [name, v] of Object.entries(ctx.flow.data)) if (v.type === 'record' && v.entity && !m.has(v.entity)) m.set(v.entity, name);
    return m;
  });
  return byEntity.get(win.entity);
}

/** Data paths a step writes: a system step's assignments, a sub-flow's outputs, a task's editable window fields and own fields. */
function writes(ctx: AnalysisContext, v: number): string[] {
  const memo = ctx.once('roles-can-use-window:writes', () => new Map<number, string[]>());
  let w = memo.get(v);
  if (!w) memo.set(v, (w = writesOf(ctx, v)));
  return w;
}

function writesOf(ctx: AnalysisContext, v: number): string[] {
  const node = ctx.graph.nodes[v]!;
  // An assignment to a misspelt field is read as the field it most likely means: the misspelling is said once (FLOW_E026), not again as that field never being filled.
  if (node.kind === 'system') return (node.assign ?? []).map((a) => meantPath(ctx, a.target));
  if (node.kind === 'subflow') return Object.keys(node.output ?? {});
  if (node.kind !== 'task') return [];
  const out = [...(node.fields ?? [])];
  const win = node.window ? ctx.windows.get(node.window) : undefined;
  const variable = win ? recordVariable(ctx, node, win) : undefined;
  if (win && variable) {
    for (const f of win.fields) if ((node.roles ?? []).some((r) => fieldAccess(win, f, r) === 'edit')) out.push(`${variable}.${f}`);
  }
  return out;
}

/** Whether a step on every path to node `v` (a dominator) fills `path`, so the field has a value when `v` opens. */
function filledBefore(ctx: AnalysisContext, v: number, path: string): boolean {
  const { idom } = ctx.dominators;
  const n = ctx.graph.nodes.length;
  for (let u = idom[v]!; u >= 0 && u < n; u = idom[u]!) {
    if (writes(ctx, u).some((w) => path === w || path.startsWith(`${w}.`))) return true;
    if (idom[u] === u) break;
  }
  return false;
}

/** Whether every role may edit in the window and edit each of its required fields. */
function pairIsFine(ctx: AnalysisContext, win: Window, roles: ReadonlyArray<string>): boolean {
  for (const r of roles) {
    if (!ctx.roles.has(r)) continue;
    if ((win.access[r] ?? 'none') !== 'edit' && !win.fields.some((f) => fieldAccess(win, f, r) === 'edit')) return false;
    for (const f of win.required ?? []) if (fieldAccess(win, f, r) !== 'edit') return false;
  }
  return true;
}

/**
 * roles-can-use-window: each role of a task may edit in the task's window,
 * and may edit every field the step requires there (the window's required
 * fields and the task's own required paths on the window's record) —
 * unless a step on every path before it has already filled that field.
 */
export const rolesCanUseWindow: LintRule = {
  id: 'roles-can-use-window',
  doc: "A task's roles have edit access to its window and to every field the step requires, or nobody can complete it.",
  // A window or record that is not known or not bound (FLOW_E024, FLOW_E028) is said by the format problem at that property.
  about: ['window', 'record'],
  check(ctx, report) {
    if (!ctx.catalog) return;
    for (const v of ctx.byKind('task')) {
      const node = ctx.graph.nodes[v]!;
      if (node.kind !== 'task' || !node.window || !node.roles?.length) continue;
      const win = ctx.windows.get(node.window);
      if (!win) continue;
      // Most tasks share a window and roles: when that pair is fine, so is the task (no own required paths).
      if (!node.required?.length) {
        const byWindow = ctx.once('roles-can-use-window:clean', () => new Map<Window, Map<string, boolean>>());
        let clean = byWindow.get(win);
        if (!clean) byWindow.set(win, (clean = new Map()));
        const key = node.roles.length === 1 ? node.roles[0]! : node.roles.join('\u0000');
        let ok = clean.get(key);
        if (ok === undefined) clean.set(key, (ok = pairIsFine(ctx, win, node.roles)));
        if (ok) continue;
      }
      const known = node.roles.filter((r) => ctx.roles.has(r));
      const blind = known.filter((r) => (win.access[r] ?? 'none') !== 'edit' && !win.fields.some((f) => fieldAccess(win, f, r) === 'edit'));
      for (const r of blind) {
        const a = win.access[r] ?? 'none';
        report({
          message: t(`Role '${r}' does task ${named(node).en} but has ${a === 'view' ? 'only view access to' : 'no access to'} window ${named(win).en}, so it cannot enter anything there.`, `角色“${r}”执行任务${named(node).zh}，但对窗口${named(win).zh}${a === 'view' ? '只有查看权限' : '没有权限'}，无法录入任何内容。`),
          nodeIds: [node.id],
          hint: t(`Give '${r}' edit access to window '${win.id}' in the catalog, or choose another role.`, `在目录中为“${r}”开放窗口“${win.id}”的编辑权限，或改选其他角色。`),
        });
      }
      const variable = recordVariable(ctx, node, win);
      const required = new Set<string>(win.required ?? []);
      if (variable) {
        for (const p of node.required ?? []) if (p.startsWith(`${variable}.`)) required.add(p.slice(variable.length + 1).split('.')[0]!);
      }
      const unfilled = new Map<string, { stuck: string[]; fields: string[] }>();
      for (const field of required) {
        const shown = win.fields.includes(field);
        const editors = known.filter((r) => !blind.includes(r) && fieldAccess(win, field, r) === 'edit');
        const stuck = known.filter((r) => !blind.includes(r) && !editors.includes(r));
        if (shown && stuck.length === 0) continue;
        if (variable && ctx.reachable[v] && filledBefore(ctx, v, `${variable}.${field}`)) continue;
        // With a second start or a broken connection, what always comes before a step cannot be told: that flaw is said first.
        if (shown && (ctx.graph.starts.length > 1 || ctx.broken.from.some(Boolean) || ctx.broken.into.some(Boolean))) continue;
        if (!shown) {
          report({
            message: t(`Task ${named(node).en} requires field '${field}', but window ${named(win).en} does not show it, so nobody can fill it in there.`, `任务${named(node).zh}要求填写字段“${field}”，但窗口${named(win).zh}中没有该字段，无法填写。`),
            nodeIds: [node.id],
            hint: t(`Add '${field}' to the window's fields, or do not require it in this step.`, `把“${field}”加到窗口字段中，或在此步骤中不再要求它。`),
          });
          continue;
        }
        // Fields the same roles cannot fill are one finding (a step bypassed that filled several is one flaw).
        const key = stuck.join('\u0000');
        const group = unfilled.get(key);
        if (group) group.fields.push(field);
        else unfilled.set(key, { stuck, fields: [field] });
      }
      for (const { stuck, fields } of unfilled.values()) {
        const roles = { en: stuck.map((r) => `'${r}'`).join(', '), zh: stuck.map((r) => `“${r}”`).join('、') };
        const rs = stuck.length > 1 ? 's' : '';
        if (fields.length === 1) {
          const field = fields[0]!;
          report({
            message: t(`Task ${named(node).en} requires field '${field}', but role${rs} ${roles.en} cannot edit it in window ${named(win).en}, and no step before it always fills it.`, `任务${named(node).zh}要求填写字段“${field}”，但角色${roles.zh}在窗口${named(win).zh}中无法编辑它，且之前没有步骤一定会填写它。`),
            nodeIds: [node.id],
            hint: t(`Give edit access to '${field}' for those roles, fill it in an earlier step, or do not require it here.`, `为这些角色开放“${field}”的编辑权限，在前面的步骤中填写它，或在此步骤中不再要求它。`),
          });
          continue;
        }
        const list = { en: fields.map((f) => `'${f}'`).join(', '), zh: fields.map((f) => `“${f}”`).join('、') };
        report({
          message: t(`Task ${named(node).en} requires fields ${list.en}, but role${rs} ${roles.en} cannot edit them in window ${named(win).en}, and no step before it always fills them.`, `任务${named(node).zh}要求填写字段${list.zh}，但角色${roles.zh}在窗口${named(win).zh}中无法编辑它们，且之前没有步骤一定会填写它们。`),
          nodeIds: [node.id],
          hint: t(`Give edit access to these fields for those roles, fill them in an earlier step, or do not require them here.`, `为这些角色开放这些字段的编辑权限，在前面的步骤中填写它们，或在此步骤中不再要求它们。`),
        });
      }
    }
  },
};
