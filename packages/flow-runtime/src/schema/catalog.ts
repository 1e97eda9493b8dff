import * as z from 'zod/mini';
import { described, Access, EnumOption, FieldType, Id, ItemField, JsonLogicRule, LocalizedParagraph, LocalizedText } from './common.js';

/** A date a date field may not be before (or after): a fixed date, today plus some days, or another date field of the record. */
export const DateBound = z.union([
  z.strictObject({ date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')) }),
  z.strictObject({ today: z.int().check(z.minimum(-36_500), z.maximum(36_500)) }),
  z.strictObject({ field: Id, days: z.optional(z.int().check(z.minimum(-36_500), z.maximum(36_500))) }),
]);
export type DateBound = z.infer<typeof DateBound>;

/**
 * Limits a field's values must keep, checked by the engine on every write
 * (start, complete, update, automatic steps, sub-flow results) and shown by
 * forms. Money is never negative unless `allowNegative` says so.
 */
export const FieldConstraints = described(
  z.strictObject({
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    allowNegative: z.optional(z.boolean()),
    minLength: z.optional(z.int().check(z.minimum(0), z.maximum(1_000_000))),
    maxLength: z.optional(z.int().check(z.minimum(0), z.maximum(1_000_000))),
    pattern: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    patternHint: z.optional(LocalizedText),
    notBefore: z.optional(DateBound),
    notAfter: z.optional(DateBound),
    rule: z.optional(
      z.strictObject({
        holds: JsonLogicRule,
        message: LocalizedText,
      }),
    ),
  }),
  'Limits the values of the field: min/max (numbers, money, percent), minLength/maxLength and pattern with a plain-language patternHint (texts), notBefore/notAfter (dates: a date, today + days, or another date field), and a JsonLogic rule over {value, record, data} that must hold, with its message.',
);
export type FieldConstraints = z.infer<typeof FieldConstraints>;

/** A field of a CRM entity. */
export const EntityField = z.strictObject({
  id: Id,
  name: LocalizedText,
  type: FieldType,
  options: described(z.optional(z.array(EnumOption).check(z.maxLength(500))), 'For enum fields: the allowed values.'),
  entity: described(z.optional(Id), 'For reference fields: the entity referred to.'),
  itemFields: described(z.optional(z.array(ItemField).check(z.maxLength(200))), 'For list fields: the fields of each item.'),
  required: z.optional(z.boolean()),
  constraints: z.optional(FieldConstraints),
});
export type EntityField = z.infer<typeof EntityField>;

/** A kind of CRM record: customer, order, complaint… Every record also has an implicit `id`. */
export const Entity = z.strictObject({
  id: Id,
  name: LocalizedText,
  fields: z.array(EntityField).check(z.maxLength(500)),
});
export type Entity = z.infer<typeof Entity>;

/** A department; flows show departments as swimlanes in their colour. */
export const Department = z.strictObject({
  id: Id,
  name: LocalizedText,
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb')),
});
export type Department = z.infer<typeof Department>;

/** A role people act in: sales rep, finance… */
export const Role = z.strictObject({
  id: Id,
  name: LocalizedText,
  department: z.optional(Id),
});
export type Role = z.infer<typeof Role>;

/**
 * A CRM screen bound to an entity. `access` gives each role's access to the
 * whole window (roles not listed have none); `fieldAccess` overrides it per
 * field; `recordFilter` is the record-display condition over the entity's
 * fields (only matching records are listed).
 */
export const Window = z.strictObject({
  id: Id,
  name: LocalizedText,
  description: z.optional(LocalizedParagraph),
  entity: Id,
  fields: z.array(Id).check(z.minLength(1), z.maxLength(500)),
  access: z.record(Id, Access),
  fieldAccess: z.optional(z.record(Id, z.record(Id, Access))),
  required: z.optional(z.array(Id).check(z.maxLength(500))),
  recordFilter: z.optional(JsonLogicRule),
});
export type Window = z.infer<typeof Window>;

/** What a CRM has: departments, roles, entities and windows, shared by many flows. */
export const Catalog = z.strictObject({
  $schema: z.optional(z.string()),
  id: Id,
  name: LocalizedText,
  description: z.optional(LocalizedParagraph),
  departments: z.array(Department).check(z.maxLength(200)),
  roles: z.array(Role).check(z.maxLength(500)),
  entities: z.array(Entity).check(z.maxLength(500)),
  windows: z.array(Window).check(z.maxLength(2000)),
});
export type Catalog = z.infer<typeof Catalog>;
