/**
 * Checks that a written value fits its field type. The problem is an engine
 * text completing the sentence "<Field> must be …" (`value.*` entries).
 */
import type { PathInfo } from '../schema/data-paths.js';
import type { EnumOption, ItemField } from '../schema/common.js';
import { isPlainObject } from './data.js';
import type { EngineText } from './texts/types.js';

const t = (key: string, args: EngineText['args'] = {}): EngineText => ({ key, args });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A date and time as ISO 8601 writes it: the day, then optionally a time
 * (hours and minutes, seconds, fractions) and a zone (`Z` or ±hh:mm) that
 * `Date.parse` reads (no 25:00). Other
 * texts `Date.parse` happens to read ("Tue Mar 01 1999", "1") are refused:
 * they would compare and sort wrongly against real dates.
 */
const DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True when `day` (YYYY-MM-DD) is a day of the calendar: no 31 February, no month 13. */
function realDay(day: string): boolean {
  const ms = Date.parse(day);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

/** Undefined when `value` fits, else what it must be ("a number", "one of new, prepaid") as an engine text. */
export function valueProblem(info: Extract<PathInfo, { ok: true }>, value: unknown): EngineText | undefined {
  if (value === null) return undefined;
  const field = info.field as { options?: EnumOption[]; itemFields?: ItemField[] } | undefined;
  switch (info.type) {
    case 'unknown':
      return undefined;
    case 'record':
      return isPlainObject(value) ? undefined : t('value.record');
    case 'list':
      if (!Array.isArray(value)) return t('value.list');
      if (info.itemFields) {
        for (const item of value) {
          const p = itemProblem(info.itemFields, item);
          if (p) return t('value.listWhose', { problem: { kind: 'msg', ...p } });
        }
      }
      return undefined;
    default:
      return scalarProblem(info.type, value, field?.options);
  }
}

/**
 * Undefined when `item` is one item of a list with these fields: an object of
 * those fields only (unknown keys refused), each of its type; else what the
 * item must be, completing "<Field> must be …".
 */
export function itemProblem(itemFields: ReadonlyArray<ItemField>, item: unknown): EngineText | undefined {
  if (!isPlainObject(item)) return t('value.item', { fields: fieldList(itemFields) });
  for (const key of Object.keys(item)) {
    if (!itemFields.some((f) => f.id === key)) return t('value.itemUnknown', { key, fields: fieldList(itemFields) });
  }
  for (const f of itemFields) {
    // An item's money is never negative (item fields carry no constraints to allow it).
    const p = valueProblem({ ok: true, type: f.type, field: f }, item[f.id] ?? null) ?? (f.type === 'money' && (item[f.id] as number) < 0 ? t('limit.notNegative') : undefined);
    if (p) return t('value.itemField', { item: { kind: 'text', ...f.name }, problem: { kind: 'msg', ...p } });
  }
  return undefined;
}

function fieldList(itemFields: ReadonlyArray<ItemField>): EngineText['args'][string] {
  return { kind: 'list', items: itemFields.map((f) => ({ kind: 'text', ...f.name })) };
}

function scalarProblem(type: string, value: unknown, options: EnumOption[] | undefined): EngineText | undefined {
  switch (type) {
    case 'string':
    case 'text':
    case 'reference':
    case 'user':
      return typeof value === 'string' ? undefined : t('value.text');
    case 'number':
    case 'money':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : t('value.number');
    case 'integer':
      return Number.isInteger(value) ? undefined : t('value.integer');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : t('value.boolean');
    case 'date':
      return typeof value === 'string' && DATE.test(value) && realDay(value) ? undefined : t('value.date');
    case 'datetime': {
      const m = typeof value === 'string' ? DATETIME.exec(value) : null;
      return m && realDay(m[1]!) && !Number.isNaN(Date.parse(value as string)) ? undefined : t('value.datetime');
    }
    case 'enum':
      if (typeof value !== 'string') return t('value.option');
      if (options && !options.some((o) => o.value === value)) return t('value.option', { options: { kind: 'list', join: 'or', items: options.map((o) => ({ kind: 'text', en: `${o.name.en} (${o.value})`, zh: `${o.name.zh ?? o.name.en}（${o.value}）` })) } });
      return undefined;
    default:
      return undefined;
  }
}
