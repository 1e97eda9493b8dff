/**
 * Catalog lookups the forms and lists use: an entity's fields, a window,
 * who may edit a field of a window (for plain-language refusals).
 */
import type { Access, EntityField, Window } from '@crm/flow-runtime';
import { catalog } from '../runtime/definitions';

const entities = new Map(catalog.entities.map((e) => [e.id, e]));

export function entity(id: string) {
  return entities.get(id);
}

export function windowById(id: string): Window | undefined {
  // Read each time: an admin may publish new windows while the demo runs.
  return catalog.windows.find((w) => w.id === id);
}

/** A field of an entity. */
export function field(entityId: string, fieldId: string): EntityField | undefined {
  return entities.get(entityId)?.fields.find((f) => f.id === fieldId);
}

/** A role's access to a field of a window (the field override, else the window's). */
export function fieldAccess(win: Window, fieldId: string, role: string): Access {
  return win.fieldAccess?.[fieldId]?.[role] ?? win.access[role] ?? 'none';
}

/** The roles that may change a field in a window. */
export function editorsOf(win: Window, fieldId: string): string[] {
  return catalog.roles.map((r) => r.id).filter((r) => fieldAccess(win, fieldId, r) === 'edit');
}

export function roleName(id: string, locale: 'en' | 'zh'): string {
  const r = catalog.roles.find((x) => x.id === id);
  return r ? (locale === 'zh' ? (r.name.zh ?? r.name.en) : r.name.en) : id;
}

export function department(id: string | undefined) {
  return id ? catalog.departments.find((d) => d.id === id) : undefined;
}

/** The label of an enum value. */
export function optionName(entityId: string, fieldId: string, value: unknown, locale: 'en' | 'zh'): string {
  const f = field(entityId, fieldId);
  const o = f?.options?.find((x) => x.value === value);
  if (!o) return value === undefined || value === null ? '' : String(value);
  return locale === 'zh' ? (o.name.zh ?? o.name.en) : o.name.en;
}
