/**
 * Checks that a written value fits its field type. Messages complete the
 * sentence "<Field> must be …".
 */
import type { PathInfo } from '../schema/data-paths.js';
import type { EnumOption, ItemField } from '../schema/common.js';
import { isPlainObject } from './data.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Undefined when `value` fits, else what it must be ("a number", "one of new, prepaid"). */
export function valueProblem(info: Extract<PathInfo, { ok: true }>, value: unknown): string | undefined {
  if (value === null) return undefined;
  const field = info.field as { options?: EnumOption[]; itemFields?: ItemField[] } | undefined;
  switch (info.type) {
    case 'unknown':
      return undefined;
    case 'record':
      return isPlainObject(value) ? undefined : 'a record (an object of fields)';
    case 'list':
      if (!Array.isArray(value)) return 'a list';
      if (info.itemFields) {
        for (const item of value) {
          if (!isPlainObject(item)) return 'a list of items (objects)';
          for (const f of info.itemFields) {
            const p = valueProblem({ ok: true, type: f.type, field: f }, item[f.id] ?? null);
            if (p) return `a list whose items' ${f.id} is ${p}`;
          }
        }
      }
      return undefined;
    default:
      return scalarProblem(info.type, value, field?.options);
  }
}

function scalarProblem(type: string, value: unknown, options: EnumOption[] | undefined): string | undefined {
  switch (type) {
    case 'string':
    case 'text':
    case 'reference':
    case 'user':
      return typeof value === 'string' ? undefined : 'text';
    case 'number':
    case 'money':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'a whole number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'yes or no (true or false)';
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'a date written YYYY-MM-DD';
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : 'a date and time (ISO 8601)';
    case 'enum':
      if (typeof value !== 'string') return 'one of its options';
      if (options && !options.some((o) => o.value === value)) return `one of ${options.map((o) => o.value).join(', ')}`;
      return undefined;
    default:
      return undefined;
  }
}
