/**
 * The Dexie (IndexedDB) store, exported as `@crm/flow-runtime/dexie` so that
 * Node users and bundles that do not want Dexie never load it. One command's
 * writes run in one read-write transaction: the sequence checks, the events,
 * the instance summaries and the open-task rows commit together or not at all.
 *
 * @example
 * import { createDexieStore } from '@crm/flow-runtime/dexie';
 * const engine = createEngine({ store: createDexieStore({ name: 'crm-flow' }), catalog });
 *
 * @packageDocumentation
 */
import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { FlowEvent, InstanceSummary, OpenTaskRow } from '../../engine/types.js';
import type { AppendResult, FlowStore, StoredDefinition } from '../types.js';

/**
 * The tables and indexes the store needs. Hosts that keep their own data in
 * the same Dexie database add these to their schema and pass `db`:
 * `db.version(1).stores({ ...myTables, ...FLOW_STORE_SCHEMA })`.
 */
export const FLOW_STORE_SCHEMA = {
  flow_events: '[instanceId+seq]',
  flow_instances: 'instanceId, flowId, status, [flowId+status], nextDueAt, parentId',
  flow_tasks: '[instanceId+taskId], instanceId, *roles',
  flow_definitions: '[flowId+version], flowId',
} as const;

/** Options of {@link createDexieStore}. */
export interface DexieStoreOptions {
  /** Database name when the store opens its own database. Default `crm-flow`. */
  name?: string;
  /** An existing database whose schema includes {@link FLOW_STORE_SCHEMA}. */
  db?: Dexie;
  /** IndexedDB implementation (e.g. `new IDBFactory()` from `fake-indexeddb` in Node). */
  indexedDB?: DexieOptions['indexedDB'];
  /** The matching IDBKeyRange. */
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
}

/** The Dexie store, with its database for hosts that want to close or inspect it. */
export interface DexieFlowStore extends FlowStore {
  readonly db: Dexie;
}

/** Signals a sequence mismatch out of the transaction, which aborts it. */
class SeqConflict extends Error {
  constructor(readonly result: Extract<AppendResult, { ok: false }>) {
    super('sequence conflict');
  }
}

/** Creates a store over IndexedDB through Dexie. */
export function createDexieStore(options: DexieStoreOptions = {}): DexieFlowStore {
  let db = options.db;
  if (!db) {
    const deps = options.indexedDB ? { indexedDB: options.indexedDB, ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}) } : undefined;
    db = new Dexie(options.name ?? 'crm-flow', deps);
    db.version(1).stores(FLOW_STORE_SCHEMA);
  }
  const events: Table<FlowEvent, [string, number]> = db.table('flow_events');
  const instances: Table<InstanceSummary, string> = db.table('flow_instances');
  const tasks: Table<OpenTaskRow, [string, string]> = db.table('flow_tasks');
  const definitions: Table<StoredDefinition, [string, number]> = db.table('flow_definitions');

  return {
    db,
    async append({ writes }) {
      try {
        await db.transaction('rw', [events, instances, tasks], async () => {
          const current = await instances.bulkGet(writes.map((w) => w.instanceId));
          writes.forEach((w, i) => {
            const actualSeq = current[i]?.seq ?? 0;
            if (actualSeq !== w.expectedSeq) throw new SeqConflict({ ok: false, instanceId: w.instanceId, expectedSeq: w.expectedSeq, actualSeq });
          });
          for (const w of writes) {
            await events.bulkAdd(w.events);
            await instances.put(w.summary);
            await tasks.where('instanceId').equals(w.instanceId).delete();
            if (w.openTasks.length) await tasks.bulkPut(w.openTasks);
          }
        });
        return { ok: true };
      } catch (e) {
        if (e instanceof SeqConflict) return e.result;
        // Two transactions raced past the check: the event keys collide, which is the same conflict.
        if (e instanceof Error && (e.name === 'BulkError' || e.name === 'ConstraintError')) {
          const w = writes[0]!;
          const actualSeq = (await instances.get(w.instanceId))?.seq ?? 0;
          return { ok: false, instanceId: w.instanceId, expectedSeq: w.expectedSeq, actualSeq };
        }
        throw e;
      }
    },
    async load({ instanceId, afterSeq = 0 }) {
      return events.where('[instanceId+seq]').between([instanceId, afterSeq + 1], [instanceId, Dexie.maxKey], true, true).toArray();
    },
    async instance({ instanceId }) {
      return instances.get(instanceId);
    },
    async instances({ flowId, status, dueBefore, parentId }) {
      let rows: InstanceSummary[];
      if (flowId !== undefined && status !== undefined) rows = await instances.where('[flowId+status]').equals([flowId, status]).toArray();
      else if (dueBefore !== undefined) rows = await instances.where('nextDueAt').belowOrEqual(dueBefore).toArray();
      else if (parentId !== undefined) rows = await instances.where('parentId').equals(parentId).toArray();
      else if (flowId !== undefined) rows = await instances.where('flowId').equals(flowId).toArray();
      else if (status !== undefined) rows = await instances.where('status').equals(status).toArray();
      else rows = await instances.toArray();
      return rows.filter(
        (s) =>
          (flowId === undefined || s.flowId === flowId) &&
          (status === undefined || s.status === status) &&
          (dueBefore === undefined || (s.nextDueAt !== undefined && s.nextDueAt <= dueBefore)) &&
          (parentId === undefined || s.parentId === parentId),
      );
    },
    async openTasks({ roles, instanceId }) {
      if (instanceId !== undefined) {
        const rows = await tasks.where('instanceId').equals(instanceId).toArray();
        return roles ? rows.filter((r) => r.roles.some((x) => roles.includes(x))) : rows;
      }
      if (!roles) return tasks.toArray();
      if (roles.length === 0) return [];
      return tasks.where('roles').anyOf([...roles]).distinct().toArray();
    },
    async putDefinition({ definition }) {
      let existing: StoredDefinition | undefined;
      await db.transaction('rw', definitions, async () => {
        existing = await definitions.get([definition.flowId, definition.version]);
        if (!existing) await definitions.add(definition);
      });
      return existing ? { created: false, existing } : { created: true };
    },
    async getDefinition({ flowId, version }) {
      if (version !== undefined) return definitions.get([flowId, version]);
      return definitions.where('[flowId+version]').between([flowId, Dexie.minKey], [flowId, Dexie.maxKey], true, true).last();
    },
    async definitions({ flowId }) {
      if (flowId !== undefined) return definitions.where('flowId').equals(flowId).sortBy('version');
      return definitions.orderBy('[flowId+version]').toArray();
    },
  };
}
