import type { Access, Catalog, Flow, LocalizedText } from '@crm/flow-runtime';
import type { Locale } from '../i18n/index.js';
import { accessOf } from './findings.js';

/** One cell of the permission matrix: a role's access, or `not-theirs` when the role does not do the step. */
export type MatrixCell = Access | 'not-theirs';

/** A step of the permission matrix: its window and, per field, each role's access. */
export interface MatrixStep {
  id: string;
  name: string;
  window?: { id: string; name: string };
  /** Roles that may do the step (empty: every role with edit access to the window). */
  roles: string[];
  fields: { path: string; name: string; required: boolean; cells: Record<string, MatrixCell> }[];
}

const pick = (t: LocalizedText | undefined, locale: Locale, fallback: string) => (t ? (locale === 'zh' ? (t.zh ?? t.en) : t.en) : fallback);

/**
 * What each role can do at each step of a flow: roles × task steps ×
 * fields, from the catalog's window access, per-field overrides and the
 * steps' roles (the same rule the engine applies).
 */
export function permissionMatrix(flow: Flow, catalog: Catalog, locale: Locale): MatrixStep[] {
  const steps: MatrixStep[] = [];
  for (const node of flow.nodes) {
    if (node.kind !== 'task') continue;
    const w = node.window ? catalog.windows.find((x) => x.id === node.window) : undefined;
    const entity = w ? catalog.entities.find((e) => e.id === w.entity) : undefined;
    const roles = node.roles?.length ? [...node.roles] : w ? Object.entries(w.access).filter(([, a]) => a === 'edit').map(([r]) => r) : [];
    const doer = (r: string) => roles.length === 0 || roles.includes(r);
    const fields: MatrixStep['fields'] = [];
    for (const f of w?.fields ?? []) {
      const cells: Record<string, MatrixCell> = {};
      for (const r of catalog.roles) cells[r.id] = doer(r.id) ? accessOf(w!, f, r.id) : 'not-theirs';
      fields.push({ path: f, name: pick(entity?.fields.find((x) => x.id === f)?.name, locale, f), required: (w!.required ?? []).includes(f), cells });
    }
    for (const p of node.fields ?? []) {
      const cells: Record<string, MatrixCell> = {};
      for (const r of catalog.roles) cells[r.id] = doer(r.id) ? 'edit' : 'not-theirs';
      const root = p.split('.')[0]!;
      fields.push({ path: p, name: pick(flow.data[root]?.name, locale, p), required: (node.required ?? []).includes(p), cells });
    }
    steps.push({ id: node.id, name: pick(node.name, locale, node.id), ...(w ? { window: { id: w.id, name: pick(w.name, locale, w.id) } } : {}), roles, fields });
  }
  return steps;
}
