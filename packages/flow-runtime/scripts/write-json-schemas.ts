// Writes the JSON Schema files shipped in schemas/. A test fails when they are stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogJsonSchema, flowJsonSchema } from '../src/schema/json-schema.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
writeFileSync(`${dir}catalog.schema.json`, JSON.stringify(catalogJsonSchema(), null, 2) + '\n');
writeFileSync(`${dir}flow.schema.json`, JSON.stringify(flowJsonSchema(), null, 2) + '\n');
console.log('wrote schemas/catalog.schema.json and schemas/flow.schema.json');
