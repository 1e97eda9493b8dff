import { patternCost, safeLengthFor, slowPattern } from './pattern-cost.js';
import * as z from 'zod/mini';
import { Catalog, Department, Entity, Role, Window, type EntityField } from './catalog.js';
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
      if (f.constraints) problems.push(...constraintProblems(f, entity, [...at, 'constraints']));
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

const NUMERIC = new Set(['number', 'integer', 'money', 'percent']);
const TEXTUAL = new Set(['string', 'text']);
const DATES = new Set(['date', 'datetime']);

/** A field's constraints: each fits the field's type, compiles, and leaves some value possible. */
function constraintProblems(f: EntityField, entity: Entity, at: PropertyKey[]): Problem[] {
  const c = f.constraints!;
  const out: Problem[] = [];
  const name = `Field '${entity.id}.${f.id}'`;
  const push = (key: string, message: string) => out.push({ code: 'FLOW_E040', path: toPointer([...at, key]), message: `${name}: ${message}` });
  const numeric = NUMERIC.has(f.type);
  for (const key of ['min', 'max'] as const) if (c[key] !== undefined && !numeric) push(key, `'${key}' limits numbers, but the field is ${f.type}.`);
  if (c.allowNegative !== undefined && f.type !== 'money') push('allowNegative', `'allowNegative' is for money fields, but the field is ${f.type}.`);
  if (c.min !== undefined && c.max !== undefined && c.min > c.max) push('max', `no value can be at least ${c.min} and at most ${c.max}.`);
  if (f.type === 'money' && !c.allowNegative && c.max !== undefined && c.max < 0) push('max', `money is never negative unless 'allowNegative' is set, so no value can be at most ${c.max}.`);
  if ((f.type === 'integer') && c.min !== undefined && c.max !== undefined && Math.ceil(c.min) > Math.floor(c.max)) push('max', `no whole number lies between ${c.min} and ${c.max}.`);
  for (const key of ['minLength', 'maxLength', 'pattern'] as const) if (c[key] !== undefined && !TEXTUAL.has(f.type)) push(key, `'${key}' limits texts, but the field is ${f.type}.`);
  if (c.minLength !== undefined && c.maxLength !== undefined && c.minLength > c.maxLength) push('maxLength', `no text can be at least ${c.minLength} and at most ${c.maxLength} characters long.`);
  if (c.pattern !== undefined) {
    const why = patternProblem(c.pattern, c.maxLength);
    if (why) push('pattern', why);
    if (!c.patternHint) push('pattern', "a pattern needs a 'patternHint' that says in plain words what is expected (e.g. '11 digits, such as 13800138000').");
  }
  for (const key of ['notBefore', 'notAfter'] as const) {
    const bound = c[key];
    if (bound === undefined) continue;
    if (!DATES.has(f.type)) push(key, `'${key}' limits dates, but the field is ${f.type}.`);
    if ('date' in bound && Number.isNaN(Date.parse(bound.date))) push(key, `'${bound.date}' is not a date.`);
    if ('field' in bound) {
      const other = entity.fields.find((x) => x.id === bound.field);
      if (!other) push(key, `'${bound.field}' is not a field of ${entity.id}.${suggest(bound.field, new Set(entity.fields.map((x) => x.id)))}`);
      else if (!DATES.has(other.type)) push(key, `'${bound.field}' is ${other.type}, not a date.`);
      else if (other.id === f.id) push(key, 'a date cannot be limited by itself.');
    }
  }
  if (c.notBefore && c.notAfter && 'date' in c.notBefore && 'date' in c.notAfter && c.notBefore.date > c.notAfter.date) push('notAfter', `no date is on or after ${c.notBefore.date} and on or before ${c.notAfter.date}.`);
  if (c.notBefore && c.notAfter && 'today' in c.notBefore && 'today' in c.notAfter && c.notBefore.today > c.notAfter.today) push('notAfter', 'no date can be that many days from today and also that few.');
  if (c.rule) out.push(...checkRuleSite(c.rule.holds, [...at, 'rule', 'holds'], `${name} constraint rule`, undefined));
  return out;
}

/**
 * Why a pattern cannot be used: it does not compile, it could take
 * exponential time on some texts ({@link slowPattern}), or its cost grows as a
 * power of the text's length (k ≥ 2, {@link patternCost}) and `maxLength` does
 * not keep that within the step budget (PATTERN_STEP_BUDGET).
 */
function patternProblem(pattern: string, maxLength: number | undefined): string | undefined {
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    return `the pattern does not compile: ${e instanceof Error ? e.message : String(e)}.`;
  }
  const slow = slowPattern(pattern);
  if (slow === 'nested') return 'the pattern repeats a group that itself repeats (or refers back to a group), which can take exponential time on some texts; write it without nested repetition.';
  if (slow === 'alternatives') return 'the pattern repeats a group of alternatives (a|b), which can take exponential time on some texts; use a character class such as [ab] instead.';
  const { degree, parts } = patternCost(pattern);
  const safe = safeLengthFor(degree);
  if (degree < 2 || (maxLength !== undefined && maxLength <= safe)) return undefined;
  const named = parts.map((x) => `'${x}'`);
  const list = `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  const now = maxLength === undefined ? 'the field has no maxLength' : `maxLength is ${maxLength}`;
  return `the pattern's repeated parts ${list} can match the same characters, so checking a text of n characters that does not match can take about n^${degree} steps (a long text could hold the engine for minutes); set 'maxLength' to at most ${safe} (${now}), or rewrite the pattern so that no two repeated parts in a row can match the same characters.`;
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
