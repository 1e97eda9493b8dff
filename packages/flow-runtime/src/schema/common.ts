import * as z from 'zod';

/** Ids of nodes, edges, roles, windows…: a letter, then letters, digits, `-`, `_` or `.`. */
export const Id = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'an id starts with a letter and holds only letters, digits, "-", "_" or "."')
  .meta({ description: 'An identifier: a letter, then letters, digits, "-", "_" or ".".' });

/** A name in English and, optionally, Chinese (our users are Chinese-speaking). */
export const LocalizedText = z
  .strictObject({
    en: z.string().min(1).max(500),
    zh: z.string().min(1).max(500).optional(),
  })
  .meta({ description: 'Text in English (en) and Chinese (zh).' });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Longer localized text (descriptions, purposes). */
export const LocalizedParagraph = z.strictObject({
  en: z.string().max(20_000),
  zh: z.string().max(20_000).optional(),
});
export type LocalizedParagraph = z.infer<typeof LocalizedParagraph>;

/**
 * A JsonLogic rule. Its shape is checked by the JsonLogic policy when the
 * definition is parsed, not by the schema.
 */
export const JsonLogicRule = z.unknown().meta({
  description: 'A JsonLogic rule (jsonlogic.com). Operators method and log are not allowed.',
});
export type JsonLogicRule = unknown;

/** Types of entity fields and flow variables. */
export const FieldType = z.enum([
  'string',
  'text',
  'number',
  'integer',
  'money',
  'percent',
  'boolean',
  'date',
  'datetime',
  'enum',
  'reference',
  'user',
  'list',
]);
export type FieldType = z.infer<typeof FieldType>;

/** Field types compared as numbers. */
export const NUMERIC_FIELD_TYPES: ReadonlySet<FieldType> = new Set(['number', 'integer', 'money', 'percent']);

/** One allowed value of an enum field. */
export const EnumOption = z.strictObject({
  value: z.string().min(1).max(200),
  name: LocalizedText,
});
export type EnumOption = z.infer<typeof EnumOption>;

/** A field of a list item (an order line's sku, qty, price). */
export const ItemField = z.strictObject({
  id: Id,
  name: LocalizedText,
  type: FieldType.exclude(['list']),
  options: z.array(EnumOption).max(500).optional(),
  entity: Id.optional().meta({ description: 'For reference fields: the entity referred to.' }),
});
export type ItemField = z.infer<typeof ItemField>;

/** Window and field access of a role: may change, may only see, or may not see. */
export const Access = z.enum(['edit', 'view', 'none']);
export type Access = z.infer<typeof Access>;
