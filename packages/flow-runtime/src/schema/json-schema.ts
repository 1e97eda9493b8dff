import * as z from 'zod/mini';
import { Catalog } from './catalog.js';
import { Flow } from './flow.js';

/** JSON Schema (draft 2020-12) of the catalog format, generated from the zod schema. */
export function catalogJsonSchema(): Record<string, unknown> {
  return withHeader(z.toJSONSchema(Catalog, { io: 'input', unrepresentable: 'any' }), 'catalog', 'CRM Flow catalog: departments, roles, entities and windows.');
}

/** JSON Schema (draft 2020-12) of the flow format, generated from the zod schema. */
export function flowJsonSchema(): Record<string, unknown> {
  return withHeader(z.toJSONSchema(Flow, { io: 'input', unrepresentable: 'any' }), 'flow', 'CRM Flow process definition.');
}

function withHeader(schema: Record<string, unknown>, name: string, title: string): Record<string, unknown> {
  const { $schema, ...rest } = schema;
  return { $schema, $id: `https://crm-flow.dev/schemas/${name}.schema.json`, title, ...rest };
}
