/**
 * Drafts: the one place where a flow draft is made (new, from a published
 * version, or imported); it becomes a version through change control
 * (./changes.ts). Ids and versions are the product's: a draft keeps the id of its
 * flow, and is published as one above the newest deployed version (1 for a
 * new flow), whatever the flow object says.
 */
import { nextVersion, planImport, type ImportPlan, type KnownFlow } from '@crm/designer';
import type { Flow } from '@crm/flow-runtime';
import type { FlowDraft } from '../db/crm-db';
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
  const draft: FlowDraft = { flowId: flow.id, flow: { ...flow, version: 1 }, baseVersion: 0, updatedAt: rt.clock.now(), updatedBy: by, editors: [by], createdAt: rt.clock.now() };
  await rt.db.drafts.put(draft);
  return draft;
}

/** Starts a draft of a deployed flow: a copy of its newest version, numbered the next one. */
export async function draftFromPublished(rt: Pick<DemoRuntime, 'engine' | 'db' | 'clock'>, flowId: string, by: string): Promise<FlowDraft> {
  const latest = await latestVersion(rt, flowId);
  const published = await rt.engine.definition(flowId, latest);
  const draft: FlowDraft = { flowId, flow: { ...structuredClone(published), version: nextVersion(latest) }, baseVersion: latest, updatedAt: rt.clock.now(), updatedBy: by, editors: [by], createdAt: rt.clock.now() };
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
    editors: [...new Set([...(previous?.editors ?? []), by])],
    createdAt: rt.clock.now(),
  };
  await rt.db.drafts.put(draft);
  return draft;
}
