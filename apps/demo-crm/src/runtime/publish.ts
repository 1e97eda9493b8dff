/**
 * Drafts and publishing: the one place where a flow draft is made (new,
 * from a published version, or imported) and where it becomes a deployed
 * version. Ids and versions are the product's: a draft keeps the id of its
 * flow, and is published as one above the newest deployed version (1 for a
 * new flow), whatever the flow object says.
 */
import { nextVersion, planImport, type ImportPlan, type KnownFlow } from '@crm/designer';
import type { Actor, Catalog, Flow } from '@crm/flow-runtime';
import type { FlowDraft } from '../db/crm-db';
import { applyPublishedCatalog, catalog } from './definitions';
import type { DemoRuntime } from './runtime';

/** The newest deployed version of a flow, 0 when it has none. */
export async function latestVersion(rt: Pick<DemoRuntime, 'engine'>, flowId: string): Promise<number> {
  const defs = await rt.engine.definitions();
  return defs.filter((d) => d.flowId === flowId).reduce((m, d) => Math.max(m, d.version), 0);
}

/** Every flow the demo knows, deployed or only drafted, for new ids and import plans. */
export async function knownFlows(rt: Pick<DemoRuntime, 'engine' | 'db'>): Promise<KnownFlow[]> {
  const byId = new Map<string, KnownFlow>();
  for (const d of await rt.engine.definitions()) {
    const k = byId.get(d.flowId);
    if (!k || (k.latest ?? 0) < d.version) byId.set(d.flowId, { flowId: d.flowId, name: d.name, latest: d.version });
  }
  for (const draft of await rt.db.drafts.toArray()) {
    const k = byId.get(draft.flowId) ?? { flowId: draft.flowId, name: draft.flow.name };
    byId.set(draft.flowId, { ...k, draft: { version: draft.flow.version, name: draft.flow.name, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy } });
  }
  return [...byId.values()];
}

/** Saves a new flow (made by the designer's "New flow", version 1) as its first draft. Refuses an id in use. */
export async function createFlowDraft(rt: Pick<DemoRuntime, 'engine' | 'db' | 'clock'>, flow: Flow, by: string): Promise<FlowDraft> {
  if ((await knownFlows(rt)).some((k) => k.flowId === flow.id)) throw new Error(`A flow with the id '${flow.id}' already exists.`);
  const draft: FlowDraft = { flowId: flow.id, flow: { ...flow, version: 1 }, baseVersion: 0, updatedAt: rt.clock.now(), updatedBy: by, createdAt: rt.clock.now() };
  await rt.db.drafts.put(draft);
  return draft;
}

/** Starts a draft of a deployed flow: a copy of its newest version, numbered the next one. */
export async function draftFromPublished(rt: Pick<DemoRuntime, 'engine' | 'db' | 'clock'>, flowId: string, by: string): Promise<FlowDraft> {
  const latest = await latestVersion(rt, flowId);
  const published = await rt.engine.definition(flowId, latest);
  const draft: FlowDraft = { flowId, flow: { ...structuredClone(published), version: nextVersion(latest) }, baseVersion: latest, updatedAt: rt.clock.now(), updatedBy: by, createdAt: rt.clock.now() };
  await rt.db.drafts.put(draft);
  return draft;
}

/** What importing a flow file would do (see the designer's `planImport`). */
export async function planFlowImport(rt: Pick<DemoRuntime, 'engine' | 'db'>, file: Flow): Promise<ImportPlan> {
  return planImport(file, await knownFlows(rt));
}

/**
 * Carries out a confirmed import: the file becomes the draft of its flow at
 * the planned version (a draft there was is replaced; catalog edits made
 * with it stay), or a new flow's first draft.
 */
export async function applyFlowImport(rt: Pick<DemoRuntime, 'engine' | 'db' | 'clock'>, plan: ImportPlan, by: string): Promise<FlowDraft> {
  const previous = await rt.db.drafts.get(plan.flow.id);
  const latest = await latestVersion(rt, plan.flow.id);
  const draft: FlowDraft = {
    flowId: plan.flow.id,
    flow: { ...plan.flow, version: nextVersion(latest) },
    baseVersion: latest,
    ...(previous?.catalog ? { catalog: previous.catalog } : {}),
    updatedAt: rt.clock.now(),
    updatedBy: by,
    createdAt: rt.clock.now(),
  };
  await rt.db.drafts.put(draft);
  return draft;
}

/** What a publish did. */
export type PublishOutcome = { published: true; version: number } | { published: false; reason: 'unchanged' };

/**
 * Publishes a flow's draft as its next version: the flow under the draft's
 * id at one above the newest deployed version, with the windows edited with
 * it (the catalog goes live with the flow, and back if the engine refuses).
 * Refuses a draft identical to a deployed version with no window changed.
 * Engine refusals (invalid or unsafe flow, not an admin) are thrown as the
 * engine's errors. The draft is removed once published.
 */
export async function publishDraft(rt: Pick<DemoRuntime, 'engine' | 'db'>, input: { flowId: string; flow: Flow; catalog?: Catalog; actor: Actor }): Promise<PublishOutcome> {
  const { flowId, actor } = input;
  const latest = await latestVersion(rt, flowId);
  const version = nextVersion(latest);
  const flow: Flow = { ...input.flow, id: flowId, version };
  const edited = input.catalog;
  const catalogChanged = edited !== undefined && JSON.stringify(edited.windows) !== JSON.stringify(catalog.windows);
  if (!catalogChanged && latest > 0) {
    const same = (f: Flow) => JSON.stringify({ ...f, version: 0 }) === JSON.stringify({ ...flow, version: 0 });
    for (const d of await rt.engine.definitions()) if (d.flowId === flowId && same(await rt.engine.definition(flowId, d.version))) return { published: false, reason: 'unchanged' };
  }
  const before = structuredClone(catalog);
  try {
    if (edited) applyPublishedCatalog(edited);
    const result = await rt.engine.deploy(flow, { actor });
    if (edited) await rt.db.meta.put({ key: 'catalog', value: structuredClone(catalog) });
    await rt.db.drafts.delete(flowId);
    return { published: true, version: result.version };
  } catch (e) {
    if (edited) applyPublishedCatalog(before);
    throw e;
  }
}
