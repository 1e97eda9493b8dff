import * as z from 'zod/mini';
import { described, Access, EnumOption, FieldType, Id, ItemField, JsonLogicRule, LocalizedParagraph, LocalizedText } from './common.js';

/** A field of a CRM entity. */
export const EntityField = z.strictObject({
  id: Id,
  name: LocalizedText,
  type: FieldType,
  options: described(z.optional(z.array(EnumOption).check(z.maxLength(500))), 'For enum fields: the allowed values.'),
  entity: described(z.optional(Id), 'For reference fields: the entity referred to.'),
  itemFields: described(z.optional(z.array(ItemField).check(z.maxLength(200))), 'For list fields: the fields of each item.'),
  required: z.optional(z.boolean()),
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
