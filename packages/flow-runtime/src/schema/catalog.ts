import * as z from 'zod';
import { Access, EnumOption, FieldType, Id, ItemField, JsonLogicRule, LocalizedParagraph, LocalizedText } from './common.js';

/** A field of a CRM entity. */
export const EntityField = z.strictObject({
  id: Id,
  name: LocalizedText,
  type: FieldType,
  options: z.array(EnumOption).max(500).optional().meta({ description: 'For enum fields: the allowed values.' }),
  entity: Id.optional().meta({ description: 'For reference fields: the entity referred to.' }),
  itemFields: z.array(ItemField).max(200).optional().meta({ description: 'For list fields: the fields of each item.' }),
  required: z.boolean().optional(),
});
export type EntityField = z.infer<typeof EntityField>;

/** A kind of CRM record: customer, order, complaint… Every record also has an implicit `id`. */
export const Entity = z.strictObject({
  id: Id,
  name: LocalizedText,
  fields: z.array(EntityField).max(500),
});
export type Entity = z.infer<typeof Entity>;

/** A department; flows show departments as swimlanes in their colour. */
export const Department = z.strictObject({
  id: Id,
  name: LocalizedText,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb'),
});
export type Department = z.infer<typeof Department>;

/** A role people act in: sales rep, finance… */
export const Role = z.strictObject({
  id: Id,
  name: LocalizedText,
  department: Id.optional(),
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
  description: LocalizedParagraph.optional(),
  entity: Id,
  fields: z.array(Id).min(1).max(500),
  access: z.record(Id, Access),
  fieldAccess: z.record(Id, z.record(Id, Access)).optional(),
  required: z.array(Id).max(500).optional(),
  recordFilter: JsonLogicRule.optional(),
});
export type Window = z.infer<typeof Window>;

/** What a CRM has: departments, roles, entities and windows, shared by many flows. */
export const Catalog = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  name: LocalizedText,
  description: LocalizedParagraph.optional(),
  departments: z.array(Department).max(200),
  roles: z.array(Role).max(500),
  entities: z.array(Entity).max(500),
  windows: z.array(Window).max(2000),
});
export type Catalog = z.infer<typeof Catalog>;
