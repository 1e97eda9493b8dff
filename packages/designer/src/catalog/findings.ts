import { parseCatalog, type Access, type Catalog, type Flow, type LocalizedText, type Window } from '@crm/flow-runtime';
import type { Locale } from '../i18n/index.js';
import { setFieldShown, setRoleAccess, type CatalogCommand } from './commands.js';

/** A problem the catalog editor found, with its one-click fix when there is one. */
export interface CatalogFinding {
  severity: 'error' | 'warning';
  /** A stable code, shown on hover. */
  code: string;
  message: string;
  /** The window concerned, to select it. */
  window?: string;
  /** The flow steps concerned (for the flow's problems list). */
  nodeIds?: string[];
  /** The role concerned. */
  role?: string;
  /** The fix, in words, and the command that applies it. */
  fix?: { label: string; command: CatalogCommand };
}

const RANK: Record<Access, number> = { none: 0, view: 1, edit: 2 };

/** A role's access to one field of a window: the per-field override, else the window's, else none. */
export function accessOf(win: Window, field: string, role: string): Access {
  if (!win.fields.includes(field)) return 'none';
  return win.fieldAccess?.[field]?.[role] ?? win.access[role] ?? 'none';
}

/** Whether a role can edit at least one field of the window. */
export function canEditSomething(win: Window, role: string): boolean {
  return win.fields.some((f) => RANK[accessOf(win, f, role)] === 2);
}

const pick = (t: LocalizedText | undefined, locale: Locale, fallback: string) => (t ? (locale === 'zh' ? (t.zh ?? t.en) : t.en) : fallback);

/**
 * Checks the catalog (its format, through the runtime's parser) and how the
 * given flows use it: a role doing a task must be able to edit something in
 * the task's window (the runtime's `roles-can-use-window` rule, seen from
 * the catalog), and fields a window requires must be shown. Each comes with
 * the command that fixes it.
 */
export function catalogFindings(catalog: Catalog, flows: readonly Flow[], locale: Locale): CatalogFinding[] {
  const out: CatalogFinding[] = [];
  const zh = locale === 'zh';
  const parsed = parseCatalog(catalog);
  if (!parsed.ok) for (const p of parsed.problems) out.push({ severity: 'error', code: p.code, message: p.message });
  const role = (id: string) => pick(catalog.roles.find((r) => r.id === id)?.name, locale, id);
  const winName = (w: Window) => pick(w.name, locale, w.id);
  const fieldName = (w: Window, f: string) => pick(catalog.entities.find((e) => e.id === w.entity)?.fields.find((x) => x.id === f)?.name, locale, f);
  const seen = new Map<string, CatalogFinding>();
  /** One finding per window and role (or field); further steps it concerns join its `nodeIds`. */
  const once = (key: string, f: () => CatalogFinding, nodeId?: string) => {
    const had = seen.get(key);
    if (had) {
      if (nodeId && had.nodeIds && !had.nodeIds.includes(nodeId)) had.nodeIds.push(nodeId);
      return;
    }
    const made = f();
    seen.set(key, made);
    out.push(made);
  };
  for (const w of catalog.windows) {
    if (Object.values(w.access).every((a) => a === 'none') && !Object.values(w.fieldAccess ?? {}).some((per) => Object.values(per).some((a) => a !== 'none'))) {
      out.push({ severity: 'warning', code: 'window-closed', window: w.id, message: zh ? `没有角色可以打开窗口“${winName(w)}”。` : `No role can open window '${winName(w)}'.` });
    }
  }
  for (const flow of flows) {
    for (const node of flow.nodes) {
      if (node.kind !== 'task' || !node.window || !node.roles?.length) continue;
      const w = catalog.windows.find((x) => x.id === node.window);
      if (!w) continue;
      const step = pick(node.name, locale, node.id);
      for (const r of node.roles) {
        if (!catalog.roles.some((x) => x.id === r)) continue;
        if (!canEditSomething(w, r)) {
          once(`blind:${w.id}:${r}`, () => ({
            severity: 'error',
            code: 'role-cannot-edit-window',
            window: w.id,
            nodeIds: [node.id],
            role: r,
            message: zh ? `角色“${role(r)}”执行流程“${pick(flow.name, locale, flow.id)}”的任务“${step}”，但在窗口“${winName(w)}”中不能编辑任何内容。` : `Role '${role(r)}' does task '${step}' of '${pick(flow.name, locale, flow.id)}' but cannot edit anything in window '${winName(w)}'.`,
            fix: { label: zh ? `为“${role(r)}”开放窗口“${winName(w)}”的编辑权限` : `Give '${role(r)}' edit access to window '${winName(w)}'`, command: setRoleAccess(w.id, r, 'edit') },
          }), node.id);
          continue;
        }
        for (const f of w.required ?? []) {
          if (!w.fields.includes(f)) {
            once(`hidden:${w.id}:${f}`, () => ({
              severity: 'error',
              code: 'required-field-hidden',
              window: w.id,
              message: zh ? `窗口“${winName(w)}”要求填写“${fieldName(w, f)}”，但没有显示该字段。` : `Window '${winName(w)}' requires '${fieldName(w, f)}' but does not show it.`,
              fix: { label: zh ? `在窗口中显示“${fieldName(w, f)}”` : `Show '${fieldName(w, f)}' on the window`, command: setFieldShown(w.id, f, true) },
            }));
          }
        }
      }
    }
  }
  return out;
}
