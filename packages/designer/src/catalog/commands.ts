import type { Draft } from 'immer';
import type { Access, Catalog, LocalizedText, Window } from '@crm/flow-runtime';

/** An edit of the catalog as data: a name (the undo step's) and an immer recipe. */
export interface CatalogCommand {
  name: string;
  recipe: (catalog: Draft<Catalog>) => void;
}

function win(catalog: Draft<Catalog>, id: string): Draft<Window> {
  const w = catalog.windows.find((x) => x.id === id);
  if (!w) throw new Error(`The catalog has no window '${id}'.`);
  return w;
}

/** A window id not yet used: `base`, `base-2`, `base-3`… */
export function freeWindowId(catalog: Catalog, base: string): string {
  const clean = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'window';
  const taken = new Set(catalog.windows.map((w) => w.id));
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}-${i}`)) return `${clean}-${i}`;
}

/**
 * Adds a window on `entity` showing all its fields, nobody having access
 * yet (an admin grants it). The id is derived from the entity and free.
 */
export function addWindow(catalog: Catalog, entity: string, name: LocalizedText, id?: string): CatalogCommand & { id: string } {
  const e = catalog.entities.find((x) => x.id === entity);
  if (!e) throw new Error(`The catalog has no entity '${entity}'.`);
  const newId = id ?? freeWindowId(catalog, `${entity}-window`);
  if (catalog.windows.some((w) => w.id === newId)) throw new Error(`A window with id '${newId}' already exists.`);
  return {
    id: newId,
    name: 'Add window',
    recipe: (c) => {
      c.windows.push({ id: newId, name: { ...name }, entity, fields: e.fields.map((f) => f.id), access: {} });
    },
  };
}

/** Removes a window. */
export function removeWindow(id: string): CatalogCommand {
  return {
    name: 'Remove window',
    recipe: (c) => {
      c.windows = c.windows.filter((w) => w.id !== id);
    },
  };
}

/** Renames a window in one language. */
export function renameWindow(id: string, locale: 'en' | 'zh', text: string): CatalogCommand {
  return {
    name: 'Rename window',
    recipe: (c) => {
      const w = win(c, id);
      if (locale === 'zh') {
        if (text.trim()) w.name.zh = text;
        else delete w.name.zh;
      } else w.name.en = text;
    },
  };
}

/**
 * Shows or hides a field on a window. Hiding it also drops it from the
 * required fields and its per-field overrides; a window keeps at least one field.
 */
export function setFieldShown(id: string, field: string, shown: boolean): CatalogCommand {
  return {
    name: shown ? 'Show field' : 'Hide field',
    recipe: (c) => {
      const w = win(c, id);
      if (shown) {
        if (w.fields.includes(field)) return;
        const order = c.entities.find((e) => e.id === w.entity)?.fields.map((f) => f.id) ?? [];
        w.fields.push(field);
        w.fields.sort((a, b) => order.indexOf(a) - order.indexOf(b));
        return;
      }
      if (!w.fields.includes(field) || w.fields.length === 1) return;
      w.fields = w.fields.filter((f) => f !== field);
      if (w.required) {
        w.required = w.required.filter((f) => f !== field);
        if (!w.required.length) delete w.required;
      }
      if (w.fieldAccess?.[field]) {
        delete w.fieldAccess[field];
        if (!Object.keys(w.fieldAccess).length) delete w.fieldAccess;
      }
    },
  };
}

/** Makes a shown field required on the window, or not. */
export function setFieldRequired(id: string, field: string, required: boolean): CatalogCommand {
  return {
    name: required ? 'Require field' : 'Do not require field',
    recipe: (c) => {
      const w = win(c, id);
      const now = new Set(w.required ?? []);
      if (required) {
        if (!w.fields.includes(field)) w.fields.push(field);
        now.add(field);
      } else now.delete(field);
      if (now.size) w.required = w.fields.filter((f) => now.has(f));
      else delete w.required;
    },
  };
}

/** Sets a role's access to the whole window (`none` removes the role). */
export function setRoleAccess(id: string, role: string, access: Access): CatalogCommand {
  return {
    name: 'Set window access',
    recipe: (c) => {
      const w = win(c, id);
      if (access === 'none') delete w.access[role];
      else w.access[role] = access;
    },
  };
}

/**
 * Overrides a role's access to one field of the window; `undefined` removes
 * the override so the field follows the window's access again.
 */
export function setFieldAccess(id: string, field: string, role: string, access: Access | undefined): CatalogCommand {
  return {
    name: 'Set field access',
    recipe: (c) => {
      const w = win(c, id);
      if (access === undefined) {
        const per = w.fieldAccess?.[field];
        if (!per) return;
        delete per[role];
        if (!Object.keys(per).length) delete w.fieldAccess![field];
        if (w.fieldAccess && !Object.keys(w.fieldAccess).length) delete w.fieldAccess;
        return;
      }
      w.fieldAccess ??= {};
      (w.fieldAccess[field] ??= {})[role] = access;
    },
  };
}

/** Sets the record-display condition (only matching records are listed), or removes it. */
export function setRecordFilter(id: string, rule: unknown): CatalogCommand {
  return {
    name: 'Set record-display condition',
    recipe: (c) => {
      const w = win(c, id);
      if (rule === undefined) delete w.recordFilter;
      else w.recordFilter = rule as Window['recordFilter'];
    },
  };
}
