// Loads the sample catalog, flows and scenarios shipped in examples/flows.
import { readFileSync } from 'node:fs';
import { parseCatalogOrThrow, parseFlowOrThrow, type Catalog, type Flow, type LocalizedText } from '../../src/schema/index.js';
import { EXAMPLES_DIR } from '../paths.js';

/** The nine sample flows the product ships (PRODUCT.md, FLOWS.md). */
export const FLOW_IDS = [
  'new-customer-approval',
  'new-order',
  'prepaid-order',
  'sample-order',
  'rework-order',
  'quotation',
  'credit-limit-review',
  'complaint-handling',
  'lead-to-order',
] as const;

/** A conference-room scenario (examples/flows/scenarios/README.md). */
export interface Scenario {
  name: LocalizedText;
  data: Record<string, unknown>;
  choices?: Record<string, Record<string, unknown> | Array<Record<string, unknown>>>;
  actors: Record<string, string>;
  expect: { path: string[]; outcome: string };
}

export function readExample(file: string): unknown {
  return JSON.parse(readFileSync(`${EXAMPLES_DIR}${file}`, 'utf8')) as unknown;
}

export function loadCatalog(): Catalog {
  return parseCatalogOrThrow(readExample('catalog.json'));
}

export function loadFlow(id: string, catalog: Catalog): Flow {
  return parseFlowOrThrow(readExample(`${id}.json`), catalog);
}

/**
 * The scenarios of a sample flow, each actor by the person's id (a name per
 * language `{ en, zh }` is read by its English, as the simulator does).
 */
export function loadScenarios(id: string): Scenario[] {
  const raw = readExample(`scenarios/${id}.scenarios.json`) as Array<Omit<Scenario, 'actors'> & { actors: Record<string, string | LocalizedText> }>;
  return raw.map((s) => ({ ...s, actors: Object.fromEntries(Object.entries(s.actors).map(([role, person]) => [role, typeof person === 'string' ? person : person.en])) }));
}
