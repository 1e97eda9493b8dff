/**
 * Keeps the CRM's records in step with the flows: when a step changes a
 * record variable (`customer.creditLimit`, `order.status`), the change is
 * written to that record in the CRM tables. A record a flow makes (a payment,
 * an expense estimate) has the id the engine gave it (numbered by the demo's
 * id source, `PAY-…`); it is written to the CRM once a step fills in more
 * than its links to other records. A flow that records a new payment each
 * round empties its `payment` itself, so each round is a record of its own.
 *
 * The process data holds copies of records; the CRM tables hold the records.
 * Only the fields a step changed are written back, so two flows touching
 * the same customer do not overwrite each other's fields with stale copies.
 */
import type { Engine, EngineNotice, Flow, FlowEvent, InstanceState } from '@crm/flow-runtime';
import type { CrmDb, CrmRecord, RecordLink } from '../db/crm-db';
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
    for (const touch of recordTouches(events, instance.data, vars).values()) {
      const { variable, entity, recordId, value, change } = touch;
      const table = db.records(entity);
      const existing = await table.get(recordId);
      if (existing) {
        if (change.byWork) {
          const fields = change.whole ? undefined : change.fields;
          await table.update(recordId, { ...pickFields(entity, value, fields), updatedAt: at });
        }
      } else if (change.byWork && change.ownField) {
        // A record the flow makes exists once a step fills in more than its links to other records.
        const record: CrmRecord = { ...pickFields(entity, value), id: recordId, createdAt: at, updatedAt: at };
        await table.put(record);
      } else {
        continue;
      }
      // One link per record: a variable that holds a new record each round (a payment) links every one of them.
      const key = linkKey(instanceId, variable, recordId);
      if (!(await db.links.get(key))) {
        const row: RecordLink = { key, instanceId, flowId: instance.flowId, version: instance.version, variable, entity, recordId, startedAt: instance.startedAt, ...(existing ? {} : { made: true }) };
        await db.links.put(row);
      }
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

/** What a batch of events did to one record. */
interface RecordTouch {
  variable: string;
  entity: string;
  recordId: string;
  /** The record's fields as the batch left them (while the variable still held it). */
  value: Record<string, unknown>;
  change: { fields: Set<string>; whole: boolean; byWork: boolean; ownField: boolean };
}

/**
 * The records a batch touched, by variable and record id. A variable may hold
 * several records within one batch — a payment filled in, booked, and emptied
 * for the next round — so the batch is walked change by change from the data
 * it began with, and each record keeps the fields it had while it was there.
 */
function recordTouches(events: readonly FlowEvent[], finalData: Record<string, unknown>, vars: Record<string, string>): Map<string, RecordTouch> {
  const touches = new Map<string, RecordTouch>();
  const touch = (variable: string, data: Record<string, unknown>): RecordTouch | undefined => {
    const value = data[variable];
    // The engine gives every record that has a field an id; a variable without one holds no record (yet, or any more).
    if (!isObject(value) || typeof value.id !== 'string') return undefined;
    const key = `${variable}|${value.id}`;
    let t = touches.get(key);
    if (!t) touches.set(key, (t = { variable, entity: vars[variable]!, recordId: value.id, value, change: { fields: new Set(), whole: false, byWork: false, ownField: false } }));
    t.value = value;
    return t;
  };
  let data = dataBefore(events, finalData);
  for (const e of events) {
    if (e.type === 'instance.started') {
      data = e.data;
      for (const variable of Object.keys(vars)) touch(variable, data);
      continue;
    }
    if (e.type !== 'data.changed') continue;
    for (const c of e.changes) data = setPath(data, c.path, c.to);
    for (const c of e.changes) {
      const [root, field] = c.path.split('.');
      if (!root || !vars[root]) continue;
      const t = touch(root, data);
      if (!t) continue;
      if (field) t.change.fields.add(field);
      else t.change.whole = true;
      if (e.cause !== 'start') t.change.byWork = true;
      // Only a filled-in own field makes a record (its id, links, or clearing do not).
      if ((!field || (field !== 'id' && !referenceFields.get(vars[root]!)?.has(field))) && c.to !== null) t.change.ownField = true;
    }
  }
  return touches;
}

/** The data before a batch: the batch's changes undone, last first, from the data after it. */
function dataBefore(events: readonly FlowEvent[], after: Record<string, unknown>): Record<string, unknown> {
  let data = after;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type !== 'data.changed') continue;
    for (let j = e.changes.length - 1; j >= 0; j--) data = setPath(data, e.changes[j]!.path, e.changes[j]!.from);
  }
  return data;
}

/** A copy of `data` with `value` at the dotted `path` (numbers index lists). */
function setPath(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  return setIn(data, path.split('.'), value) as Record<string, unknown>;
}

function setIn(target: unknown, keys: readonly string[], value: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  if (Array.isArray(target) && /^\d+$/.test(key)) {
    const copy = target.slice();
    copy[Number(key)] = setIn(copy[Number(key)], rest, value);
    return copy;
  }
  const base = isObject(target) ? target : {};
  return { ...base, [key]: setIn(base[key], rest, value) };
}

/** The key of the link between an instance's variable and the record it holds. */
export function linkKey(instanceId: string, variable: string, recordId: string): string {
  return `${instanceId}|${variable}|${recordId}`;
}

/** The id of the record a variable of an instance stands for, if it has one. */
export async function recordIdOf(db: CrmDb, instance: Pick<InstanceState, 'instanceId' | 'data'>, variable: string): Promise<string | undefined> {
  const v = instance.data[variable];
  if (isObject(v) && typeof v.id === 'string') return v.id;
  // The last record the variable held, when the case has emptied it since.
  const links = await db.links.where('instanceId').equals(instance.instanceId).toArray();
  return links.filter((l) => l.variable === variable).at(-1)?.recordId;
}

/** Events that changed data, for callers that want to know whether a batch touched records. */
export function touchesData(events: readonly FlowEvent[]): boolean {
  return events.some((e) => e.type === 'data.changed');
}
