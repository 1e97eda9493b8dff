/**
 * Change control in the demo: a flow draft edited in the designer becomes a
 * recorded change (the runtime's `createChangeControl`), submitted with a
 * note, approved by an administrator who did not author it, and published
 * now or at a set time — with the windows edited with it. Every editor of
 * the draft is recorded as an author, so none of them may approve it.
 */
import { nextVersion } from '@crm/designer';
import type { Actor, Catalog, ChangeNote, Flow, VersionRecord } from '@crm/flow-runtime';
import { changeLogMarkdown, type MigrationPlan, type Scenario } from '@crm/flow-runtime/analysis';
import type { FlowDraft } from '../db/crm-db';
import { actorOf, demoUserById } from './actors';
import { applyPublishedCatalog, catalog, sampleScenarios } from './definitions';
import type { DemoRuntime } from './runtime';

/** Who approves, sends back, publishes, retires and rolls back: the demo's system administrators. */
export const CHANGE_ADMIN_ROLES: readonly string[] = ['admin'];
/** Who drafts and submits changes besides administrators: the key users (sales and general manager). */
export const CHANGE_AUTHOR_ROLES: readonly string[] = ['sales-manager', 'general-manager'];

type Rt = Pick<DemoRuntime, 'engine' | 'db' | 'changes' | 'changesWith' | 'clock'>;

/** Stages of a change still on its way (not published, retired). */
const OPEN_STAGES = new Set(['draft', 'submitted', 'sent-back', 'approved', 'scheduled']);

/** The newest deployed version of a flow, 0 when it has none. */
async function newestDeployed(rt: Pick<DemoRuntime, 'engine'>, flowId: string): Promise<number> {
  return (await rt.engine.definitions(flowId)).reduce((m, d) => Math.max(m, d.version), 0);
}

/**
 * The change of a flow on its way: its newest version above the newest
 * deployed one that is drafted, under review, sent back, approved or
 * scheduled; undefined when there is none.
 */
export async function pendingChange(rt: Pick<DemoRuntime, 'engine' | 'changes'>, flowId: string): Promise<VersionRecord | undefined> {
  const latest = await newestDeployed(rt, flowId);
  return (await rt.changes.versions(flowId)).filter((v) => v.version > latest && OPEN_STAGES.has(v.stage)).at(-1);
}

/** True while the draft may be edited: no change under review, or one sent back (or only drafted). */
export function draftEditable(pending: VersionRecord | undefined): boolean {
  return !pending || pending.stage === 'draft' || pending.stage === 'sent-back';
}

/** What a submission did. */
export type SubmitOutcome = { submitted: true; record: VersionRecord } | { submitted: false; reason: 'unchanged' };

/**
 * Submits a flow's draft for review with a change note (English and
 * Chinese): the draft's flow at one above the newest deployed version,
 * recorded as drafted by each user who edited the draft (they are all its
 * authors) and submitted by `actor`. Refuses a draft identical to a
 * deployed version with no window changed. Runtime refusals
 * (NOT_PERMITTED, INVALID_VALUE for a missing note, CHANGE_STAGE,
 * INVALID_FLOW) are thrown as `EngineError`s.
 */
export async function submitDraft(rt: Rt, input: { flowId: string; flow: Flow; catalog?: Catalog; actor: Actor; note: ChangeNote }): Promise<SubmitOutcome> {
  const { flowId, actor } = input;
  const latest = await newestDeployed(rt, flowId);
  const version = nextVersion(latest);
  const flow: Flow = { ...input.flow, id: flowId, version };
  const catalogChanged = input.catalog !== undefined && JSON.stringify(input.catalog.windows) !== JSON.stringify(catalog.windows);
  if (!catalogChanged && latest > 0) {
    const same = (f: Flow) => JSON.stringify({ ...f, version: 0 }) === JSON.stringify({ ...flow, version: 0 });
    for (const d of await rt.engine.definitions(flowId)) if (same(await rt.engine.definition(flowId, d.version))) return { submitted: false, reason: 'unchanged' };
  }
  const draft = await rt.db.drafts.get(flowId);
  // Checked against the windows edited with the draft (they go live with it).
  const changes = input.catalog ? rt.changesWith(input.catalog) : rt.changes;
  // Everyone who edited the draft is one of its authors (none of them may approve it); the submitter last.
  for (const id of draft?.editors ?? []) {
    const user = id === actor.id ? undefined : demoUserById(id);
    if (user && user.role !== 'sales-rep') await changes.draft(flow, { actor: actorOf(user) });
  }
  await changes.draft(flow, { actor });
  const record = await changes.submit(flowId, version, { actor, note: input.note });
  if (draft) await rt.db.drafts.update(flowId, { flow, ...(input.catalog ? { catalog: input.catalog } : {}), updatedAt: rt.clock.now(), updatedBy: actor.id });
  return { submitted: true, record };
}

/**
 * The change control a version is reviewed with: checking against the
 * windows edited with its draft (not live until it is published), else the
 * live catalog. Approvals and review packs go through it.
 */
export async function reviewControl(rt: Pick<DemoRuntime, 'db' | 'changes' | 'changesWith'>, flowId: string, version: number): Promise<DemoRuntime['changes']> {
  const draft = await draftOf(rt, flowId, version);
  return draft?.catalog ? rt.changesWith(draft.catalog) : rt.changes;
}

/** The windows edited with the draft of `version`, if that draft is the flow's working draft. */
async function draftOf(rt: Pick<DemoRuntime, 'db'>, flowId: string, version: number): Promise<FlowDraft | undefined> {
  const draft = await rt.db.drafts.get(flowId);
  return draft && draft.flow.version === version ? draft : undefined;
}

/**
 * Makes a published version's draft history: the windows edited with it go
 * live (and are kept), and the working draft is removed.
 */
async function settle(rt: Pick<DemoRuntime, 'db'>, flowId: string, version: number): Promise<void> {
  const draft = await draftOf(rt, flowId, version);
  if (!draft) return;
  if (draft.catalog) {
    applyPublishedCatalog(draft.catalog);
    await rt.db.meta.put({ key: 'catalog', value: structuredClone(catalog) });
  }
  await rt.db.drafts.delete(flowId);
}

/**
 * Publishes an approved change now (`at` absent or past) or at `at`. Now:
 * the windows edited with the draft go live with the flow (and back if the
 * runtime refuses) and the working draft is removed. Later: recorded as
 * scheduled; the demo clock publishes it (see {@link publishDue}).
 */
export async function publishChange(rt: Rt, flowId: string, version: number, options: { actor: Actor; at?: number }): Promise<VersionRecord> {
  const at = options.at !== undefined && options.at > rt.clock.now() ? options.at : undefined;
  if (at !== undefined) return rt.changes.publish(flowId, version, { actor: options.actor, at });
  const draft = await draftOf(rt, flowId, version);
  const before = structuredClone(catalog);
  try {
    // The windows go live first: the flow may use a window made with it.
    if (draft?.catalog) applyPublishedCatalog(draft.catalog);
    const record = await rt.changes.publish(flowId, version, { actor: options.actor });
    await settle(rt, flowId, version);
    return record;
  } catch (e) {
    if (draft?.catalog) applyPublishedCatalog(before);
    throw e;
  }
}

/** Publishes the scheduled changes that are due at the demo clock's time, with their windows. */
export async function publishDue(rt: Rt): Promise<VersionRecord[]> {
  // The windows of the changes due go live first: their flows may use them.
  const now = rt.clock.now();
  for (const draft of await rt.db.drafts.toArray()) {
    if (!draft.catalog) continue;
    const r = (await rt.changes.versions(draft.flowId)).find((v) => v.version === draft.flow.version);
    if (r?.stage === 'scheduled' && r.scheduled && r.scheduled.publishAt <= now) applyPublishedCatalog(draft.catalog);
  }
  const done = await rt.changes.tick();
  for (const r of done) await settle(rt, r.flowId, r.version);
  return done;
}

/** The saved scenarios of a flow (the samples and those saved with its draft), for the review pack. */
export async function flowScenarios(rt: Pick<DemoRuntime, 'db'>, flowId: string): Promise<Scenario[]> {
  const draft = await rt.db.drafts.get(flowId);
  return [...sampleScenarios(flowId), ...(draft?.scenarios ?? [])] as Scenario[];
}

/**
 * The actor a dry run (review-pack impact, migration plan) is computed for:
 * the user, holding the administrator role for the check only, since a dry
 * run writes nothing. Moving cases itself stays the administrators'.
 */
export function dryRunActor(actor: Actor): Actor {
  return actor.roles.some((r) => CHANGE_ADMIN_ROLES.includes(r)) ? actor : { ...actor, roles: [...actor.roles, ...CHANGE_ADMIN_ROLES] };
}

/** Each version's definition: deployed ones from the engine, the others as last drafted. */
export async function versionDefinitions(rt: Pick<DemoRuntime, 'engine'>, versions: readonly VersionRecord[]): Promise<Map<number, Flow>> {
  const out = new Map<number, Flow>();
  const deployed = new Set((await rt.engine.definitions(versions[0]?.flowId)).map((d) => d.version));
  for (const v of versions) {
    if (deployed.has(v.version)) out.set(v.version, await rt.engine.definition(v.flowId, v.version));
    else {
      const drafted = [...v.events].reverse().find((e) => e.type === 'drafted' && e.flow)?.flow;
      if (drafted) out.set(v.version, drafted);
    }
  }
  return out;
}

/** The change log of a flow as a Markdown file (name and text), each version with its SOP, times in `timeZone`. */
export async function changeLogFile(rt: Pick<DemoRuntime, 'engine' | 'changes'>, flowId: string, locale: 'en' | 'zh', timeZone?: string): Promise<{ name: string; text: string }> {
  const recorded = await rt.changes.versions(flowId);
  const definitions = await versionDefinitions(rt, recorded);
  // People by their names in the file's language (the log records the name the actor had).
  const versions = JSON.parse(JSON.stringify(recorded), (k: string, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { id?: unknown }).id === 'string' && Array.isArray((v as { roles?: unknown }).roles)) {
      const p = v as { id: string; name?: string };
      const user = demoUserById(p.id);
      return user ? { ...p, name: user.name[locale] } : p;
    }
    return v;
  }) as VersionRecord[];
  const text = changeLogMarkdown(versions, { locale, catalog, definitions, ...(timeZone ? { timeZone } : {}) });
  return { name: `${flowId}-change-log-${locale}.md`, text };
}

/** A migration plan's cases split into those that can move and those that stay (with their reasons). */
export function splitPlan(plan: Pick<MigrationPlan, 'cases'>): { movable: string[]; staying: string[] } {
  return { movable: plan.cases.filter((c) => c.ok).map((c) => c.instanceId), staying: plan.cases.filter((c) => !c.ok).map((c) => c.instanceId) };
}
