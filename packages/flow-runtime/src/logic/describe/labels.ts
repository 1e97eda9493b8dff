import type { Catalog } from '../../schema/catalog.js';
import type { EnumOption, ItemField, LocalizedText } from '../../schema/common.js';
import { indexEntities, resolveDataPath, resolveItemPath, type EntityIndex, type PathInfo } from '../../schema/data-paths.js';
import type { Flow } from '../../schema/flow.js';

/** Languages {@link describe} writes. */
export type DescribeLocale = 'en' | 'zh';

/** What a data path is called and what it holds, as far as the flow and catalog tell. */
export interface FieldLabel {
  /** The field's name in the locale, English lower-cased unless it is an acronym. */
  label: string;
  /** The name of the record variable it belongs to, for telling apart fields with the same name. */
  owner?: string;
  type?: string;
  options?: ReadonlyArray<EnumOption>;
  itemFields?: ReadonlyArray<ItemField>;
}

/** Where labels come from: the flow's data schema, through record variables to the catalog's entity fields. */
export interface LabelSource {
  locale: DescribeLocale;
  flow?: Flow | undefined;
  catalog?: Catalog | undefined;
  entities?: EntityIndex | undefined;
}

export function labelSource(locale: DescribeLocale, catalog?: Catalog, flow?: Flow): LabelSource {
  return { locale, flow, catalog, entities: indexEntities(catalog) };
}

/** "creditLimit" → "credit limit", "credit_limit" → "credit limit". */
export function humanize(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
}

/** Lower-cases an English name for use inside a sentence, keeping acronyms (SLA, VAT) and one-letter codes. */
export function inSentence(name: string): string {
  if (/^[A-Z]{2,}/.test(name) || /^[A-Z]$/.test(name)) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function text(name: LocalizedText | undefined, locale: DescribeLocale): string | undefined {
  if (!name) return undefined;
  return locale === 'zh' ? (name.zh ?? name.en) : inSentence(name.en);
}

/**
 * The label of a root data path. Falls back to the path's last name, made
 * readable, when the flow or catalog does not know it.
 */
export function rootLabel(path: string, src: LabelSource): FieldLabel {
  const segments = path.split('.');
  const last = segments[segments.length - 1]!;
  const fallback: FieldLabel = { label: humanize(/^\d+$/.test(last) && segments.length > 1 ? segments[segments.length - 2]! : last) };
  if (!src.flow || !Object.prototype.hasOwnProperty.call(src.flow.data, segments[0]!)) {
    const known = byEntityId(segments, src);
    if (known) return known;
    // A path nobody knows: say it in full rather than guess a name.
    if (src.flow) return { label: src.locale === 'zh' ? `“${path}”` : humanize(segments.slice(-2).join(' ')) };
    return fallback;
  }
  const info = resolveDataPath(path, src.flow.data, src.entities);
  const head = src.flow.data[segments[0]!];
  const owner = head ? (text(head.name, src.locale) ?? (head.entity ? entityName(head.entity, src) : undefined) ?? humanize(segments[0]!)) : undefined;
  // A record's implicit id reads as "customer id", not "id".
  if (segments.length === 2 && last === 'id' && head?.type === 'record' && owner && !(head.entity && src.entities?.get(head.entity)?.fields.some((f) => f.id === 'id'))) {
    return { label: src.locale === 'zh' ? `${owner}编号` : `${owner} id`, type: 'string' };
  }
  return fromInfo(info, fallback, owner, src.locale, segments.length === 1 ? undefined : owner);
}

/** Without a flow, `customer.creditLimit` is read as field creditLimit of entity customer when the catalog has one. */
function byEntityId(segments: string[], src: LabelSource): FieldLabel | undefined {
  const entity = src.entities?.get(segments[0]!);
  if (!entity || segments.length < 2) return undefined;
  const data = { [entity.id]: { type: 'record' as const, entity: entity.id } };
  const info = resolveDataPath(segments.join('.'), data, src.entities);
  if (!info.ok) return undefined;
  return fromInfo(info, { label: humanize(segments[segments.length - 1]!) }, undefined, src.locale, text(entity.name, src.locale));
}

function entityName(id: string, src: LabelSource): string | undefined {
  const e = src.entities?.get(id);
  return e ? text(e.name, src.locale) : undefined;
}

/** The label of a path inside a list item (`qty` of `order.lines`). */
export function itemLabel(path: string, itemFields: ReadonlyArray<ItemField> | undefined, listPath: string, src: LabelSource): FieldLabel {
  const fallback: FieldLabel = { label: humanize(path.split('.').pop() ?? path) };
  if (!itemFields) return fallback;
  return fromInfo(resolveItemPath(path, itemFields, listPath), fallback, undefined, src.locale, undefined);
}

function fromInfo(info: PathInfo, fallback: FieldLabel, recordName: string | undefined, locale: DescribeLocale, owner: string | undefined): FieldLabel {
  if (!info.ok) return fallback;
  const field = info.field;
  const label = field && 'name' in field ? text(field.name, locale) : undefined;
  const out: FieldLabel = { label: label ?? (info.type === 'record' && recordName ? recordName : fallback.label), type: info.type };
  if (owner) out.owner = owner;
  if (field && 'options' in field && field.options) out.options = field.options;
  if (info.itemFields) out.itemFields = info.itemFields;
  return out;
}
