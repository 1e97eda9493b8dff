/**
 * Keeps the CRM's records in step with the flows: when a step changes a
 * record variable (`customer.creditLimit`, `order.status`), the change is
 * written to that record in the CRM tables. A record a flow makes (a payment,
 * an expense estimate) gets an id when a person or a step first fills it.
 *
 * The process data holds copies of records; the CRM tables hold the records.
 * Only the fields a step changed are written back, so two flows touching
 * the same customer do not overwrite each other's fields with stale copies.
 */
import type { Engine, EngineNotice, Flow, FlowEvent, InstanceState } from '@crm/flow-runtime';
import type { CrmDb, CrmRecord, RecordLink } from '../db/crm-db';
import { nextRecordId } from '../db/ids';
import { SYSTEM_ACTOR } from './actors';
import { catalog } from './definitions';

export interface RecordSync {
  /** Resolves when every change seen so far is written. */
  flush(): Promise<void>;
  /** Called after each batch is written. */
  onApplied(listener: () => void): () => void;
  stop(): void;
}

/** The record variables of a flow: variable name → entity. */
export function recordVariables(flow: Flow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(flow.data ?? {})) if (v.type === 'record' && v.entity) out[name] = v.entity;
  return out;
}

const entityFields = new Map(catalog.entities.map((e) => [e.id, e.fields]));
const referenceFields = new Map(catalog.entities.map((e) => [e.id, new Set(e.fields.filter((f) => f.type === 'reference').map((f) => f.id))]));

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The record fields of a process value (drops anything the entity does not define). */
function pickFields(entity: string, value: Record<string, unknown>, only?: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of entityFields.get(entity) ?? []) {
    if (only && !only.has(f.id)) continue;
    if (Object.prototype.hasOwnProperty.call(value, f.id)) out[f.id] = value[f.id];
  }
  return out;
}

export function createRecordSync(db: CrmDb, engine: Engine): RecordSync {
  let queue: Promise<void> = Promise.resolve();
  const listeners = new Set<() => void>();
  const flows = new Map<string, Flow>();

  async function flowOf(instance: InstanceState): Promise<Flow> {
    const key = `${instance.flowId}@${instance.version}`;
    let flow = flows.get(key);
    if (!flow) {
      flow = await engine.definition(instance.flowId, instance.version);
      flows.set(key, flow);
    }
    return flow;
  }

  async function apply({ instanceId, events, instance }: EngineNotice): Promise<void> {
    const flow = await flowOf(instance);
    const vars = recordVariables(flow);
    const at = events[events.length - 1]?.at ?? instance.updatedAt;
    // Fields changed per variable in this batch, and whether anyone but `start` changed them.
    const changed = new Map<string, { fields: Set<string>; whole: boolean; byWork: boolean; ownField: boolean }>();
    for (const e of events) {
      if (e.type !== 'data.changed') continue;
      for (const c of e.changes) {
        const [root, field] = c.path.split('.');
        if (!root || !vars[root]) continue;
        let entry = changed.get(root);
        if (!entry) changed.set(root, (entry = { fields: new Set(), whole: false, byWork: false, ownField: false }));
        if (field) entry.fields.add(field);
        else entry.whole = true;
        if (e.cause !== 'start') entry.byWork = true;
        // Only a filled-in own field makes a record (links alone, or clearing, do not).
        if ((!field || !referenceFields.get(vars[root]!)?.has(field)) && c.to !== null) entry.ownField = true;
      }
    }
    const started = events.some((e) => e.type === 'instance.started');
    const idFixes: Record<string, string> = {};
    for (const [variable, entity] of Object.entries(vars)) {
      const value = instance.data[variable];
      const change = changed.get(variable);
      if (!isObject(value)) continue;
      if (!change && !started) continue;
      const table = db.records(entity);
      const key = `${instanceId}|${variable}`;
      const link = await db.links.get(key);
      let recordId = typeof value.id === 'string' ? value.id : link?.recordId;
      const existing = recordId ? await table.get(recordId) : undefined;
      if (existing) {
        if (change?.byWork) {
          const fields = change.whole ? undefined : change.fields;
          await table.update(recordId!, { ...pickFields(entity, value, fields), updatedAt: at });
        }
      } else if (change?.byWork && change.ownField) {
        // A record the flow makes exists once a step fills in more than its links to other records.
        recordId ??= await nextRecordId(db, entity);
        const record: CrmRecord = { ...pickFields(entity, value), id: recordId, createdAt: at, updatedAt: at };
        await fillReferences(db, entity, record, instance, vars, instanceId);
        await table.put(record);
        if (typeof value.id !== 'string') idFixes[`${variable}.id`] = recordId;
      } else {
        continue;
      }
      if (!link && recordId) {
        const row: RecordLink = { key, instanceId, flowId: instance.flowId, version: instance.version, variable, entity, recordId, startedAt: instance.startedAt, ...(existing ? {} : { made: true }) };
        await db.links.put(row);
      }
    }
    const clears = await reopenedRecords(db, flow, instance, events, vars);
    // A record emptied for a new round keeps no id from this batch.
    for (const path of Object.keys(idFixes)) if (Object.keys(clears).some((c) => c.split('.')[0] === path.split('.')[0])) delete idFixes[path];
    const patch = { ...idFixes, ...clears };
    if (Object.keys(patch).length > 0 && instance.status !== 'completed' && instance.status !== 'cancelled') {
      // Give the process its record's id (so later steps and sub-flows can refer to it), or a fresh record for a step done again.
      await engine.updateData(instanceId, { actor: SYSTEM_ACTOR, data: patch }).catch((e: unknown) => console.warn('Record sync could not update the case', e));
    }
  }

  const unsubscribe = engine.subscribe((notice) => {
    queue = queue
      .then(() => apply(notice))
      .catch((e: unknown) => console.error('Record sync failed', e))
      .then(() => listeners.forEach((l) => l()));
  });

  return {
    flush: () => queue,
    onApplied(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: unsubscribe,
  };
}

/**
 * A step the flow loops back to (a second partial payment) makes a new
 * record rather than overwriting the one it made the first time: when such
 * a step opens again, its record variable is emptied, keeping its links to
 * other records. Records the case was started with are never emptied.
 */
async function reopenedRecords(db: CrmDb, flow: Flow, instance: InstanceState, events: readonly FlowEvent[], vars: Record<string, string>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const e of events) {
    if (e.type !== 'task.opened') continue;
    const done = Object.values(instance.tasks).some((t) => t.nodeId === e.nodeId && t.status === 'completed');
    if (!done) continue;
    const node = flow.nodes.find((n) => n.id === e.nodeId);
    if (!node || node.kind !== 'task' || !node.window) continue;
    const win = catalog.windows.find((w) => w.id === node.window);
    const candidates = Object.entries(vars).filter(([, entity]) => entity === win?.entity);
    const variable = node.record ?? (candidates.length === 1 ? candidates[0]![0] : undefined);
    if (!variable || !vars[variable]) continue;
    const key = `${instance.instanceId}|${variable}`;
    const link = await db.links.get(key);
    if (!link?.made) continue;
    await db.links.delete(key);
    const value = instance.data[variable];
    if (!isObject(value)) continue;
    const refs = referenceFields.get(vars[variable]!) ?? new Set<string>();
    for (const field of Object.keys(value)) if (!refs.has(field)) out[`${variable}.${field}`] = null;
    out[`${variable}.id`] = null;
  }
  return out;
}

/**
 * Fills a new record's empty references from the other records of the same
 * instance (a payment made in an order flow refers to that order), when the
 * flow did not set them because its record had no id yet.
 */
async function fillReferences(db: CrmDb, entity: string, record: CrmRecord, instance: InstanceState, vars: Record<string, string>, instanceId: string): Promise<void> {
  for (const f of entityFields.get(entity) ?? []) {
    if (f.type !== 'reference' || !f.entity || record[f.id]) continue;
    const candidates = Object.entries(vars).filter(([, e]) => e === f.entity);
    if (candidates.length !== 1) continue;
    const [variable] = candidates[0]!;
    const v = instance.data[variable];
    const id = isObject(v) && typeof v.id === 'string' ? v.id : (await db.links.get(`${instanceId}|${variable}`))?.recordId;
    if (id) record[f.id] = id;
  }
}

/** The id of the record a variable of an instance stands for, if it has one. */
export async function recordIdOf(db: CrmDb, instance: Pick<InstanceState, 'instanceId' | 'data'>, variable: string): Promise<string | undefined> {
  const v = instance.data[variable];
  if (isObject(v) && typeof v.id === 'string') return v.id;
  return (await db.links.get(`${instance.instanceId}|${variable}`))?.recordId;
}

/** Events that changed data, for callers that want to know whether a batch touched records. */
export function touchesData(events: readonly FlowEvent[]): boolean {
  return events.some((e) => e.type === 'data.changed');
}
