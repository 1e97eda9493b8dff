import type { Catalog, Entity, EntityField } from './catalog.js';
import type { FieldType, ItemField } from './common.js';
import type { Variable } from './flow.js';
import { nearest } from './collect.js';

/** What a data path resolves to. `type` is `unknown` where the catalog cannot tell. */
export type PathInfo =
  | { ok: true; type: FieldType | 'record' | 'unknown'; field?: EntityField | ItemField | Variable; itemFields?: ReadonlyArray<ItemField> }
  | {
      ok: false;
      reason: string;
      /** The existing path the misspelt one most likely meant (`customer.creditLimit` for `customer.creditLimt`), when there is a near miss. */
      suggestion?: string;
    };

/** `" Did you mean 'x'?"` for a failed path with a near miss, else `''`: appended to messages after the reason. */
export function didYouMean(info: PathInfo): string {
  return !info.ok && info.suggestion ? ` Did you mean '${info.suggestion}'?` : '';
}

function miss(reason: string, prefix: string | undefined, name: string, known: ReadonlyArray<string>): PathInfo {
  const near = nearest(name, known);
  return near === undefined ? { ok: false, reason } : { ok: false, reason, suggestion: prefix ? `${prefix}.${near}` : near };
}

/** Entities by id, for path resolution. */
export type EntityIndex = ReadonlyMap<string, Entity>;

export function indexEntities(catalog: Catalog | undefined): EntityIndex | undefined {
  return catalog ? new Map(catalog.entities.map((e) => [e.id, e])) : undefined;
}

const ID_FIELD: EntityField = { id: 'id', name: { en: 'Id' }, type: 'string' };

/**
 * Resolves a dotted path against a flow's data schema and, through record
 * variables, the catalog's entity fields. Numeric segments index lists.
 *
 * @example
 * resolveDataPath('customer.creditLimit', flow.data, entities) // { ok: true, type: 'money', field: … }
 */
export function resolveDataPath(path: string, data: Readonly<Record<string, Variable>>, entities: EntityIndex | undefined): PathInfo {
  const segments = path.split('.');
  const head = segments[0]!;
  if (!Object.prototype.hasOwnProperty.call(data, head)) {
    const names = Object.keys(data);
    return miss(`'${head}' is not a variable of the flow's data${names.length ? ` (it has ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''})` : ' (it has none)'}`, undefined, head, names);
  }
  const variable = data[head]!;
  if (variable.type === 'record') {
    if (segments.length === 1) return { ok: true, type: 'record', field: variable };
    const entity = variable.entity ? entities?.get(variable.entity) : undefined;
    if (!entity) return { ok: true, type: 'unknown' };
    return resolveInFields(segments.slice(1), entity.fields, `${head}`, entity.id);
  }
  return resolveFrom(variable.type, variable, variable.itemFields, segments.slice(1), head);
}

/** Resolves an item-relative path (inside map/filter/some…) against a list's item fields. */
export function resolveItemPath(path: string, itemFields: ReadonlyArray<ItemField>, listPath: string): PathInfo {
  if (path === '') return { ok: true, type: 'unknown' };
  const segments = path.split('.');
  const field = itemFields.find((f) => f.id === segments[0]);
  if (!field) return miss(`the items of '${listPath}' have no field '${segments[0]}' (they have ${itemFields.map((f) => f.id).join(', ')})`, undefined, segments[0]!, itemFields.map((f) => f.id));
  if (segments.length > 1) return { ok: false, reason: `'${listPath}' item field '${field.id}' is ${field.type}; it has no '${segments.slice(1).join('.')}'` };
  return { ok: true, type: field.type, field };
}

function resolveInFields(rest: string[], fields: ReadonlyArray<EntityField>, prefix: string, entityId: string): PathInfo {
  const name = rest[0]!;
  const field = name === 'id' ? (fields.find((f) => f.id === 'id') ?? ID_FIELD) : fields.find((f) => f.id === name);
  if (!field) return miss(`'${prefix}' is a ${entityId} record, and ${entityId} has no field '${name}'`, prefix, name, fields.map((f) => f.id));
  return resolveFrom(field.type, field, field.itemFields, rest.slice(1), `${prefix}.${name}`);
}

function resolveFrom(type: FieldType, field: EntityField | ItemField | Variable, itemFields: ReadonlyArray<ItemField> | undefined, rest: string[], prefix: string): PathInfo {
  if (rest.length === 0) return itemFields ? { ok: true, type, field, itemFields } : { ok: true, type, field };
  if (type === 'list') {
    if (rest[0] === 'length' && rest.length === 1) return { ok: true, type: 'integer' };
    if (!/^\d+$/.test(rest[0]!)) return { ok: false, reason: `'${prefix}' is a list; read its items with some/all/map, or by number (${prefix}.0)` };
    if (rest.length === 1) return { ok: true, type: 'unknown' };
    if (!itemFields) return { ok: true, type: 'unknown' };
    return resolveItemPath(rest.slice(1).join('.'), itemFields, prefix);
  }
  if ((type === 'string' || type === 'text') && rest.length === 1 && rest[0] === 'length') return { ok: true, type: 'integer' };
  return { ok: false, reason: `'${prefix}' is ${type === 'enum' || type === 'integer' ? 'an' : 'a'} ${type}; it has no '${rest.join('.')}'` };
}
