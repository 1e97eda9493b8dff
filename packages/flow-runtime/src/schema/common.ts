import * as z from 'zod/mini';

/**
 * Attaches a description (shown in the JSON Schema files) to a schema.
 * The schemas use zod's tree-shakable `zod/mini` API: it keeps the runtime's
 * root entry about 20 KB gzip smaller than the chained API, with the same
 * checks and the same issues.
 */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** Ids of nodes, edges, roles, windows…: a letter, then letters, digits, `-`, `_` or `.`. */
export const Id = described(
  z.string().check(z.maxLength(64), z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'an id starts with a letter and holds only letters, digits, "-", "_" or "."')),
  'An identifier: a letter, then letters, digits, "-", "_" or ".".',
);

/** A name in English and, optionally, Chinese (our users are Chinese-speaking). */
export const LocalizedText = described(
  z.strictObject({
    en: z.string().check(z.minLength(1), z.maxLength(500)),
    zh: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  }),
  'Text in English (en) and Chinese (zh).',
);
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * A note or open question a person writes on a step: plain text (read the
 * same in every language, as notes were before they were localized) or
 * English (en) and, optionally, Chinese (zh).
 */
export const LocalizedNote = described(
  z.union([
    z.string().check(z.maxLength(2000)),
    z.strictObject({
      en: z.string().check(z.minLength(1), z.maxLength(2000)),
      zh: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
    }),
  ]),
  'A note: plain text, or text in English (en) and Chinese (zh).',
);
export type LocalizedNote = z.infer<typeof LocalizedNote>;

/**
 * A note in one language: Chinese (`zh`) falls back to English when the note
 * has no Chinese; a plain-text note reads the same in every language.
 */
export function noteIn(note: LocalizedNote, locale: 'en' | 'zh'): string {
  if (typeof note === 'string') return note;
  return locale === 'zh' ? (note.zh ?? note.en) : note.en;
}

/** Longer localized text (descriptions, purposes). */
export const LocalizedParagraph = z.strictObject({
  en: z.string().check(z.maxLength(20_000)),
  zh: z.optional(z.string().check(z.maxLength(20_000))),
});
export type LocalizedParagraph = z.infer<typeof LocalizedParagraph>;

/**
 * A JsonLogic rule. Its shape is checked by the JsonLogic policy when the
 * definition is parsed, not by the schema.
 */
export const JsonLogicRule = described(z.unknown(), 'A JsonLogic rule (jsonlogic.com). Operators method and log are not allowed.');
export type JsonLogicRule = unknown;

/** Types of entity fields and flow variables. */
const FIELD_TYPES = [
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
] as const;
export const FieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof FieldType>;

/** Field types compared as numbers. */
export const NUMERIC_FIELD_TYPES: ReadonlySet<FieldType> = new Set(['number', 'integer', 'money', 'percent']);

/** One allowed value of an enum field. */
export const EnumOption = z.strictObject({
  value: z.string().check(z.minLength(1), z.maxLength(200)),
  name: LocalizedText,
});
export type EnumOption = z.infer<typeof EnumOption>;

/** A field of a list item (an order line's sku, qty, price). */
export const ItemField = z.strictObject({
  id: Id,
  name: LocalizedText,
  type: z.enum(FIELD_TYPES.filter((t): t is Exclude<FieldType, 'list'> => t !== 'list')),
  options: z.optional(z.array(EnumOption).check(z.maxLength(500))),
  entity: described(z.optional(Id), 'For reference fields: the entity referred to.'),
});
export type ItemField = z.infer<typeof ItemField>;

/** Window and field access of a role: may change, may only see, or may not see. */
export const Access = z.enum(['edit', 'view', 'none']);
export type Access = z.infer<typeof Access>;
