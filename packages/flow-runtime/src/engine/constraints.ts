/**
 * Field constraints from the catalog (min/max, money never negative,
 * lengths, patterns, date bounds, cross-field rules), checked on the data
 * after a write for every field the write changed. Kept apart from the type
 * checks (values.ts) because date bounds need the command's time and rules
 * need the whole data after the write.
 */
import type { EntityField, FieldConstraints } from '../schema/catalog.js';
import { compileRule, type CompiledRule } from '../logic/compile.js';
import type { CompiledFlow } from './compiled.js';
import { applyChanges, copyJson, getPath, isPlainObject } from './data.js';
import { isEngineError, refusal, type EngineError } from './errors.js';
import { fieldArg } from './names.js';
import type { EngineText, TextArg } from './texts/types.js';
import type { DataChange, ProcessData } from './types.js';
import { valueProblem } from './values.js';

/** A field whose new value breaks one of its limits, and which limit (an engine text completing "<Field> must be …"). */
export interface Violation {
  path: string;
  limit: EngineText;
  value: unknown;
}

const DAY = 86_400_000;
/** Each pattern compiled to match the whole text, with the longest value it is run on. */
const patterns = new WeakMap<FieldConstraints, [RegExp, number]>();
let patternLimit = (_pattern: string) => Infinity;

/**
 * Sets how long a value a pattern may be run on (longer is refused as
 * INVALID_VALUE, "at most N characters", without running it). The root entry
 * sets the length from the pattern's cost (schema/pattern-cost.ts); the small
 * `/engine` entry runs validated catalogs and leaves it unlimited.
 *
 * @internal
 */
export function usePatternLimit(limit: (pattern: string) => number): void {
  patternLimit = limit;
}
const rules = new WeakMap<FieldConstraints, CompiledRule>();

function isEntityField(f: unknown): f is EntityField {
  return typeof f === 'object' && f !== null && 'type' in f && 'id' in f && !('entity' in f && (f as { type: string }).type === 'record');
}

/** The violations of the fields `changes` wrote, judged on `data` (the data after the write) at time `now`. */
export function constraintViolations(flow: CompiledFlow, data: ProcessData, changes: readonly DataChange[], now: number): Violation[] {
  // Found into one list kept for every call (emptied first, in case a check threw last time), copied
  // out only when something is found: a write within its limits (the usual one) allocates none.
  const out = found;
  out.length = 0;
  for (const c of changes) {
    if (c.to === null || c.to === undefined) continue;
    const info = flow.pathInfo(c.path);
    if (!info.ok) continue;
    if (info.type === 'record' && isPlainObject(c.to)) {
      // A whole record written at once (an automatic step's assignment): each of its fields.
      const entityId = (info.field as { entity?: string } | undefined)?.entity;
      const entity = entityId ? flow.catalog?.entities.find((e) => e.id === entityId) : undefined;
      if (!entity) continue;
      for (const f of entity.fields) {
        const v = c.to[f.id];
        if (v !== null && v !== undefined) check(f, `${c.path}.${f.id}`, v, data, now, out, entity.fields);
      }
      continue;
    }
    if (isEntityField(info.field)) check(info.field, c.path, c.to, data, now, out, siblingsOf(flow, c.path));
  }
  // A date bound on another field holds both ways: moving the order date past the ship date breaks the
  // ship date's bound as surely as moving the ship date would. Only the bound is judged again, not the
  // field's other limits (a ship date set yesterday is not refused today for being in the past).
  for (const c of changes) {
    for (const [path, field, siblings, id] of boundDependents(flow, c.path)) {
      const v = getPath(data, path);
      if (typeof v === 'string' && !changes.some((x) => x.path === path)) checkBounds(field, path, v, data, now, out, siblings, id);
    }
  }
  if (out.length === 0) return NO_VIOLATIONS;
  const violations = out.slice();
  out.length = 0;
  return violations;
}

const found: Violation[] = [];
/** No violations (shared; never written). */
const NO_VIOLATIONS: Violation[] = Object.freeze([]) as unknown as Violation[];

/** A field whose date bound names another field: its path, the field, its record's fields, the other field's id. */
type BoundDependent = [string, EntityField, readonly EntityField[], string];
const dependentsMemo = new WeakMap<CompiledFlow, Map<string, BoundDependent[]>>();

/** The fields of the same record whose notBefore/notAfter names the field at `path` (memoised per flow and path). */
function boundDependents(flow: CompiledFlow, path: string): BoundDependent[] {
  let byPath = dependentsMemo.get(flow);
  if (!byPath) dependentsMemo.set(flow, (byPath = new Map()));
  let found = byPath.get(path);
  if (!found) {
    found = [];
    const dot = path.lastIndexOf('.');
    const siblings = dot > 0 ? siblingsOf(flow, path) : undefined;
    const id = path.slice(dot + 1);
    const names = (b: FieldConstraints['notBefore']) => b !== undefined && 'field' in b && b.field === id;
    for (const f of siblings ?? []) if (f.id !== id && (names(f.constraints?.notBefore) || names(f.constraints?.notAfter))) found.push([`${path.slice(0, dot)}.${f.id}`, f, siblings!, id]);
    byPath.set(path, found);
  }
  return found;
}

/**
 * The limits a value of `field` breaks, as engine texts completing "… must
 * be …" (render one with `formatEngineText(text, { locale })`, or inline as
 * `limit.inline` with `{ limit: { kind: 'msg', ...text } }`). Forms use it to
 * say what is wrong before a person submits; the engine runs the same check
 * on every write and stays the authority. `now` (default: the current time)
 * judges bounds relative to today; `record` (the form's record) lets bounds
 * on its other fields and rules be judged (rules see `data` empty here: a
 * rule about other records is judged by the engine only); `fields` (the
 * entity's fields) names a date bound on another field by its catalog name.
 *
 * @example
 * fieldLimits(creditLimitField, -5000) // [{ key: 'limit.notNegative', args: {} }]
 */
export function fieldLimits(field: EntityField, value: unknown, context: { now?: number; record?: Record<string, unknown>; fields?: readonly EntityField[] } = {}): EngineText[] {
  if (value === null || value === undefined || value === '') return [];
  const out: Violation[] = [];
  const judged = context.record || !field.constraints?.rule ? field : { ...field, constraints: { ...field.constraints, rule: undefined } };
  check(judged, `record.${field.id}`, value, { record: context.record ?? {} }, context.now ?? Date.now(), out, context.fields);
  return out.map((v) => v.limit);
}

/** HTML input attributes for a field's limits (min/max for numbers, money never below 0, lengths for texts), for forms. */
export function inputLimits(field: Pick<EntityField, 'type' | 'constraints'>): { min?: number; max?: number; minLength?: number; maxLength?: number } {
  const c = field.constraints;
  const out: { min?: number; max?: number; minLength?: number; maxLength?: number } = {};
  const min = c?.min ?? (field.type === 'money' && !c?.allowNegative ? 0 : undefined);
  if (min !== undefined) out.min = min;
  if (c?.max !== undefined) out.max = c.max;
  if (c?.minLength !== undefined) out.minLength = c.minLength;
  if (c?.maxLength !== undefined) out.maxLength = c.maxLength;
  return out;
}

/** The fields of the record a field path ends in (so a date bound on another field can name it). */
function siblingsOf(flow: CompiledFlow, path: string): readonly EntityField[] | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  const owner = flow.pathInfo(path.slice(0, dot));
  const entityId = owner.ok && owner.type === 'record' ? (owner.field as { entity?: string } | undefined)?.entity : undefined;
  return entityId ? flow.catalog?.entities.find((e) => e.id === entityId)?.fields : undefined;
}

/** Records a broken limit (a plain function: `check` runs on every write of a catalog field). */
function add(out: Violation[], path: string, value: unknown, key: string, args: EngineText['args'] = {}): void {
  out.push({ path, limit: { key, args }, value });
}

function check(field: EntityField, path: string, value: unknown, data: ProcessData, now: number, out: Violation[], siblings?: readonly EntityField[]): void {
  const c = field.constraints;
  if (typeof value === 'number') {
    // Money is never negative unless the field allows it (a min of its own, 0 or more, says it more precisely).
    if (field.type === 'money' && !c?.allowNegative && value < 0 && !(c?.min !== undefined && c.min >= 0)) add(out, path, value, 'limit.notNegative');
    if (c?.min !== undefined && value < c.min) add(out, path, value, 'limit.min', { min: c.min });
    if (c?.max !== undefined && value > c.max) add(out, path, value, 'limit.max', { max: c.max });
  }
  if (!c) return;
  if (typeof value === 'string') {
    // Characters as a person counts them (code points), without a list of them.
    let length = 0;
    for (const _ of value) length++;
    // The whole text must match (a pattern written without ^…$ still means the whole value): anchored,
    // which also spares the search from each place in the text (a power more on a slow pattern). A value
    // longer than the pattern is safe to run on is refused (as too long) without running it.
    let re = patterns.get(c);
    if (!re && c.pattern !== undefined) patterns.set(c, (re = [new RegExp(`^(?:${c.pattern})$`, 'u'), patternLimit(c.pattern)]));
    const limit = re?.[1];
    const max = c.maxLength! < limit! ? c.maxLength : (limit ?? c.maxLength);
    if (length < c.minLength!) add(out, path, value, 'limit.minLength', { n: c.minLength });
    if (length > max!) add(out, path, value, 'limit.maxLength', { n: max });
    if (re && !(length > re[1]) && !re[0].test(value)) add(out, path, value, 'limit.pattern', c.patternHint ? { hint: { kind: 'text', ...c.patternHint } } : { pattern: c.pattern });
    checkBounds(field, path, value, data, now, out, siblings);
  }
  if (c.rule) {
    let rule = rules.get(c);
    if (!rule) rules.set(c, (rule = compileRule(c.rule.holds)));
    const recordPath = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : path;
    let holds: boolean;
    try {
      const v = rule({ value, record: getPath(data, recordPath) ?? null, data });
      holds = v === true || (v !== false && !!v && !(Array.isArray(v) && v.length === 0));
    } catch {
      holds = false; // a limit that cannot be checked is not met (fail closed)
    }
    if (!holds) add(out, path, value, 'limit.rule', { message: { kind: 'text', ...c.rule.message } });
  }
}

/** The date bounds of a date field (only those naming field `only`, when given). */
function checkBounds(field: EntityField, path: string, value: string, data: ProcessData, now: number, out: Violation[], siblings: readonly EntityField[] | undefined, only?: string): void {
  const c = field.constraints;
  if (!c || (field.type !== 'date' && field.type !== 'datetime')) return;
  const judged = (b: FieldConstraints['notBefore']) => b !== undefined && (only === undefined || ('field' in b && b.field === only));
  const day = value.slice(0, 10);
  const recordPath = path.slice(0, path.lastIndexOf('.'));
  const before = judged(c.notBefore) ? boundDay(c.notBefore!, data, recordPath, now, siblings) : undefined;
  const after = judged(c.notAfter) ? boundDay(c.notAfter!, data, recordPath, now, siblings) : undefined;
  if (before && day < before.day) out.push({ path, limit: { key: 'limit.notBefore', args: { bound: before.arg } }, value });
  if (after && day > after.day) out.push({ path, limit: { key: 'limit.notAfter', args: { bound: after.arg } }, value });
}

/** The day (YYYY-MM-DD, UTC) a bound stands for, and how to name it; undefined when it refers to a field without a value. */
function boundDay(bound: NonNullable<FieldConstraints['notBefore']>, data: ProcessData, recordPath: string, now: number, siblings?: readonly EntityField[]): { day: string; arg: TextArg } | undefined {
  if ('date' in bound) return { day: bound.date, arg: { kind: 'value', value: bound.date, type: 'date' } };
  if ('today' in bound) {
    const day = new Date(now + bound.today * DAY).toISOString().slice(0, 10);
    return { day, arg: bound.today === 0 ? { kind: 'msg', key: 'limit.today' } : { kind: 'msg', key: 'limit.todayPlus', args: { days: bound.today } } };
  }
  const other = getPath(data, `${recordPath}.${bound.field}`);
  if (typeof other !== 'string') return undefined;
  const base = Date.parse(other.slice(0, 10));
  if (Number.isNaN(base)) return undefined;
  const day = new Date(base + (bound.days ?? 0) * DAY).toISOString().slice(0, 10);
  const name = siblings?.find((f) => f.id === bound.field)?.name;
  return { day, arg: { kind: 'field', path: `${recordPath}.${bound.field}`, ...(name ? { name } : {}) } };
}

/** The refusal for violations: INVALID_VALUE naming each field, its limit and its value, nothing stored. */
export function limitsError(flow: CompiledFlow, violations: readonly Violation[], where: object): EngineError {
  const problems: TextArg = {
    kind: 'list',
    join: 'semi',
    items: violations.map((v) => ({ kind: 'msg', key: 'value.limitWas', args: { field: fieldArg(flow, v.path), limit: { kind: 'msg', ...v.limit }, value: { kind: 'value', value: v.value } } })),
  };
  return refusal('INVALID_VALUE', 'INVALID_VALUE.limits', { problems }, { ...where, fields: violations.map((v) => v.path) });
}

/**
 * What is wrong with an engine-made write (an automatic step's assignments, a
 * sub-flow's results): values of the wrong type or outside their limits, as a
 * list for an incident; undefined when the write is fine.
 */
export function engineWriteProblems(flow: CompiledFlow, before: ProcessData, changes: readonly DataChange[], now: number): TextArg | undefined {
  const items: TextArg[] = [];
  for (const c of changes) {
    // What a rule computed is stored only if every store keeps it alike: no NaN or Infinity (1/0),
    // no NUL in text, within the size of a write — the same as a person's write (even untyped).
    try {
      copyJson(c.to);
    } catch (e) {
      if (isEngineError(e) && e.details.text) items.push({ kind: 'msg', ...e.details.text, args: { ...e.details.text.args, field: fieldArg(flow, c.path) } });
      continue;
    }
    const info = flow.pathInfo(c.path);
    if (!info.ok) continue;
    const problem = valueProblem(info, c.to);
    if (problem) items.push({ kind: 'msg', key: 'value.mustBe', args: { field: fieldArg(flow, c.path), problem: { kind: 'msg', ...problem } } });
  }
  if (items.length === 0) {
    for (const v of constraintViolations(flow, applyChanges(before, changes), changes, now)) {
      items.push({ kind: 'msg', key: 'value.limitWas', args: { field: fieldArg(flow, v.path), limit: { kind: 'msg', ...v.limit }, value: { kind: 'value', value: v.value } } });
    }
  }
  return items.length ? { kind: 'list', join: 'semi', items } : undefined;
}
