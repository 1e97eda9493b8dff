/**
 * The sample catalog and flows shipped in examples/flows, parsed once. The
 * demo deploys every flow at version 1 when its data is (re)seeded.
 */
import { parseCatalog, parseFlow, type Catalog, type Flow } from '@crm/flow-runtime';

const files = import.meta.glob<unknown>('../../../../examples/flows/*.json', { eager: true, import: 'default' });

function load(): { catalog: Catalog; flows: Flow[] } {
  const entries = Object.entries(files);
  const catalogEntry = entries.find(([path]) => path.endsWith('/catalog.json'));
  if (!catalogEntry) throw new Error('examples/flows/catalog.json is missing');
  const parsedCatalog = parseCatalog(catalogEntry[1]);
  if (!parsedCatalog.ok) throw new Error(`The sample catalog does not parse: ${parsedCatalog.problems.map((p) => p.message).join('; ')}`);
  const catalog = parsedCatalog.value;
  const flows: Flow[] = [];
  for (const [path, json] of entries) {
    if (path.endsWith('/catalog.json')) continue;
    const parsed = parseFlow(json, catalog);
    if (parsed.ok) flows.push(parsed.value);
    else console.warn(`Sample flow ${path} does not parse and is left out:`, parsed.problems);
  }
  return { catalog, flows };
}

const loaded = load();

/**
 * The CRM catalog: departments, roles, entities, windows. One live object:
 * the engine and the CRM screens read it, and {@link applyPublishedCatalog}
 * swaps in the windows an admin published from the catalog editor.
 */
export const catalog: Catalog = loaded.catalog;
const sampleWindows = structuredClone(loaded.catalog.windows);

/**
 * Makes the windows of a published catalog the demo's (kept in the `meta`
 * table under `catalog`), or the shipped ones again when `next` is
 * undefined. Refuses a catalog that does not parse, or one that changes the
 * departments, roles or entities (the editor only edits windows).
 */
export function applyPublishedCatalog(next: Catalog | undefined): void {
  if (!next) {
    catalog.windows = structuredClone(sampleWindows);
    return;
  }
  const parsed = parseCatalog(next);
  if (!parsed.ok) throw new Error(`The published catalog does not parse: ${parsed.problems.map((p) => p.message).join('; ')}`);
  catalog.windows = structuredClone(parsed.value.windows);
}

/** The sample flows, as shipped (version 1). */
export const sampleFlows: readonly Flow[] = loaded.flows;

/** The sample flow with this id. */
export function sampleFlow(flowId: string): Flow | undefined {
  return sampleFlows.find((f) => f.id === flowId);
}

const scenarioFiles = import.meta.glob<unknown>('../../../../examples/flows/scenarios/*.scenarios.json', { eager: true, import: 'default' });

/** Sample data and choices for the designer's simulation, by flow id (examples/flows/scenarios). */
export function sampleScenarios(flowId: string): unknown[] {
  const entry = Object.entries(scenarioFiles).find(([path]) => path.endsWith(`/${flowId}.scenarios.json`));
  return Array.isArray(entry?.[1]) ? entry[1] : [];
}

/** Order types and the flow that handles each (one flow per business variant). */
export const ORDER_FLOWS: Record<string, string> = {
  new: 'new-order',
  prepaid: 'prepaid-order',
  sample: 'sample-order',
  rework: 'rework-order',
};
