import * as z from 'zod/mini';
import { Catalog, Department, Entity, Role, Window } from './catalog.js';
import { checkUniqueIds, idOf, parseEach, rawIds, suggest } from './collect.js';
import { parseJsonText } from './json-text.js';
import { FlowDefinitionError, toPointer, type ParseResult, type Problem } from './problems.js';
import { checkRuleSite } from './rule-sites.js';
import { sanitizeInput } from './sanitize.js';
import { problemsFromZod, valueAt, type Subject } from './zod-problems.js';

const COLLECTIONS = { departments: 'Department', roles: 'Role', entities: 'Entity', windows: 'Window' } as const;

const CatalogShell = z.extend(Catalog, {
  departments: z.array(z.unknown()).check(z.maxLength(200)),
  roles: z.array(z.unknown()).check(z.maxLength(500)),
  entities: z.array(z.unknown()).check(z.maxLength(500)),
  windows: z.array(z.unknown()).check(z.maxLength(2000)),
});

function catalogSubject(root: unknown): Subject {
  return (path) => {
    const [head, index, ...rest] = path;
    if (typeof head === 'string' && head in COLLECTIONS && typeof index === 'number') {
      const what = COLLECTIONS[head as keyof typeof COLLECTIONS];
      const id = idOf(valueAt(root, [head, index]));
      if (head === 'entities' && rest[0] === 'fields' && typeof rest[1] === 'number') {
        const fieldId = idOf(valueAt(root, [head, index, 'fields', rest[1]]));
        return { subject: `Field '${id ?? `#${index + 1}`}.${fieldId ?? `#${rest[1] + 1}`}'`, rest: rest.slice(2) };
      }
      return { subject: `${what} '${id ?? `#${index + 1}`}'`, rest };
    }
    return { subject: 'The catalog', rest: path };
  };
}

/**
 * Validates a catalog (already-parsed JSON) and returns it typed, or every
 * problem at once: shape, unique ids, and references between departments,
 * roles, entities, fields and windows, and each window's record-display
 * condition under the JsonLogic policy.
 *
 * @example
 * const result = parseCatalog(JSON.parse(text));
 * if (!result.ok) for (const p of result.problems) console.log(p.path, p.message);
 */
export function parseCatalog(json: unknown): ParseResult<Catalog> {
  const clean = sanitizeInput(json);
  if (clean.tooDeep) return { ok: false, problems: clean.problems };
  const input = clean.value;
  const problems: Problem[] = [...clean.problems];
  const subjectOf = catalogSubject(input);
  const shell = CatalogShell.safeParse(input);
  if (!shell.success) problems.push(...problemsFromZod(shell.error.issues, input, subjectOf));
  const raw = (input ?? {}) as Record<string, unknown>;
  const departments = parseEach(raw.departments, ['departments'], Department, input, subjectOf, problems);
  const roles = parseEach(raw.roles, ['roles'], Role, input, subjectOf, problems);
  const entities = parseEach(raw.entities, ['entities'], Entity, input, subjectOf, problems);
  const windows = parseEach(raw.windows, ['windows'], Window, input, subjectOf, problems);
  for (const [key, what] of Object.entries(COLLECTIONS)) checkUniqueIds(raw[key], [key], what, problems);

  const deptIds = rawIds(raw.departments);
  const roleIds = rawIds(raw.roles);
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const entityIds = rawIds(raw.entities);

  (Array.isArray(raw.roles) ? raw.roles : []).forEach((r, i) => {
    const parsed = Role.safeParse(r);
    const role = parsed.success ? parsed.data : undefined;
    if (role?.department && !deptIds.has(role.department)) {
      problems.push({ code: 'FLOW_E022', path: toPointer(['roles', i, 'department']), message: `Role '${role.id}' belongs to department '${role.department}', which the catalog does not have.${suggest(role.department, deptIds)}` });
    }
  });

  (Array.isArray(raw.entities) ? raw.entities : []).forEach((e, i) => {
    const parsed = Entity.safeParse(e);
    if (!parsed.success) return;
    const entity = parsed.data;
    checkUniqueIds(entity.fields, ['entities', i, 'fields'], `Field of entity '${entity.id}'`, problems);
    entity.fields.forEach((f, j) => {
      const at = ['entities', i, 'fields', j];
      if (f.type === 'enum' && !(f.options && f.options.length > 0)) {
        problems.push({ code: 'FLOW_E010', path: toPointer(at), message: `Field '${entity.id}.${f.id}' is an enum but lists no options.` });
      }
      if (f.type === 'reference' && f.entity && !entityIds.has(f.entity)) {
        problems.push({ code: 'FLOW_E025', path: toPointer([...at, 'entity']), message: `Field '${entity.id}.${f.id}' refers to entity '${f.entity}', which the catalog does not have.${suggest(f.entity, entityIds)}` });
      }
      if (f.type === 'list' && !f.itemFields) {
        problems.push({ code: 'FLOW_E010', path: toPointer(at), message: `Field '${entity.id}.${f.id}' is a list but does not say what its items hold (itemFields).` });
      }
    });
  });

  (Array.isArray(raw.windows) ? raw.windows : []).forEach((w, i) => {
    const parsed = Window.safeParse(w);
    if (!parsed.success) return;
    const win = parsed.data;
    const at = ['windows', i];
    const subject = `Window '${win.id}'`;
    const entity = entityById.get(win.entity);
    if (!entityIds.has(win.entity)) {
      problems.push({ code: 'FLOW_E025', path: toPointer([...at, 'entity']), message: `${subject} shows entity '${win.entity}', which the catalog does not have.${suggest(win.entity, entityIds)}` });
    }
    const fieldIds = new Set(entity ? ['id', ...entity.fields.map((f) => f.id)] : []);
    if (entity) {
      win.fields.forEach((f, j) => {
        if (!fieldIds.has(f)) problems.push({ code: 'FLOW_E026', path: toPointer([...at, 'fields', j]), message: `${subject} shows field '${f}', but entity '${entity.id}' has no such field.${suggest(f, fieldIds)}` });
      });
    }
    const shown = new Set(win.fields);
    for (const role of Object.keys(win.access)) {
      if (!roleIds.has(role)) problems.push({ code: 'FLOW_E023', path: toPointer([...at, 'access', role]), message: `${subject} gives access to role '${role}', which the catalog does not have.${suggest(role, roleIds)}` });
    }
    for (const [field, perRole] of Object.entries(win.fieldAccess ?? {})) {
      if (!shown.has(field)) problems.push({ code: 'FLOW_E026', path: toPointer([...at, 'fieldAccess', field]), message: `${subject} sets access for field '${field}', which the window does not show.${suggest(field, shown)}` });
      for (const role of Object.keys(perRole)) {
        if (!roleIds.has(role)) problems.push({ code: 'FLOW_E023', path: toPointer([...at, 'fieldAccess', field, role]), message: `${subject} sets access to field '${field}' for role '${role}', which the catalog does not have.${suggest(role, roleIds)}` });
      }
    }
    (win.required ?? []).forEach((f, j) => {
      if (!shown.has(f)) problems.push({ code: 'FLOW_E026', path: toPointer([...at, 'required', j]), message: `${subject} requires field '${f}', which the window does not show.${suggest(f, shown)}` });
    });
    if (win.recordFilter !== undefined) {
      const resolve = entity
        ? (p: string) => {
            const name = p.split('.')[0]!;
            return fieldIds.has(name) ? { ok: true as const, type: 'unknown' as const } : { ok: false as const, reason: `entity '${entity.id}' has no field '${name}'${suggest(name, fieldIds)}` };
          }
        : undefined;
      problems.push(...checkRuleSite(win.recordFilter, [...at, 'recordFilter'], `${subject} record-display condition`, resolve));
    }
  });

  if (problems.length > 0 || !shell.success) return { ok: false, problems };
  return { ok: true, value: { ...shell.data, departments, roles, entities, windows } as Catalog, problems: [] };
}

/** {@link parseCatalog} from JSON text, with size and depth limits applied before parsing. */
export function parseCatalogText(text: string): ParseResult<Catalog> {
  const parsed = parseJsonText(text);
  return parsed.ok ? parseCatalog(parsed.value) : { ok: false, problems: [parsed.problem] };
}

/** {@link parseCatalog}, throwing a {@link FlowDefinitionError} with every problem. */
export function parseCatalogOrThrow(json: unknown): Catalog {
  const r = parseCatalog(json);
  if (!r.ok) throw new FlowDefinitionError(r.problems);
  return r.value;
}
