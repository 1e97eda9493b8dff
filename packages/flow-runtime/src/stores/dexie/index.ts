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
import { Dexie, type Collection, type DexieOptions, type Table, type Transaction } from 'dexie';
import type { ChangeEvent } from '../../changes/types.js';
import type { FlowEvent, InstanceState, InstanceSummary, OpenTaskRow } from '../../engine/types.js';
import { checkStoredId, compareTaskKeys, parseCounterPosition } from '../sorted.js';
import type { AppendChangeResult, AppendResult, FlowStore, StoredDefinition, TaskKey } from '../types.js';

/**
 * The tables and indexes the store needs. Hosts that keep their own data in
 * the same Dexie database add these to their schema and pass `db`:
 * `db.version(2).stores({ ...myTables, ...FLOW_STORE_SCHEMA })` (a database
 * made with the first schema upgrades in place: see {@link upgradeFlowStore}).
 *
 * - `flow_task_roles`: one row per open task and role, keyed by role then
 *   open time, so a page of one role's work list is one index range.
 * - `flow_instances`: compound indexes by filter then start time (paged
 *   listing) and `nextDueAt` (due work for `tick`).
 * - `flow_feed`: the global event order (auto-increment; IndexedDB runs
 *   read-write transactions on the same tables one after another, so the
 *   order never gains a late event before a position already read).
 * - `flow_scheduled`: one row per flow version whose publication is
 *   scheduled and still stands, by publication time, so a change-control
 *   tick reads what is due, never the change history.
 */
export const FLOW_STORE_SCHEMA = {
  flow_events: '[instanceId+seq]',
  flow_instances:
    'instanceId, flowId, status, [flowId+status], nextDueAt, parentId, [startedAt+instanceId], [flowId+startedAt+instanceId], [status+startedAt+instanceId], [flowId+status+startedAt+instanceId], [parentId+startedAt+instanceId]',
  flow_tasks: '[instanceId+taskId], instanceId, *roles, [openedAt+instanceId+taskId]',
  flow_task_roles: '[role+openedAt+instanceId+taskId], instanceId',
  flow_states: 'instanceId',
  flow_feed: '++pos',
  flow_cursors: 'subscriber',
  flow_definitions: '[flowId+version], flowId',
  flow_changes: '[flowId+seq]',
  flow_scheduled: '[flowId+version], [publishAt+flowId+version]',
} as const;

/** The third schema (before the index of scheduled publications), for hosts whose databases were made with it. */
export const FLOW_STORE_SCHEMA_V3 = {
  flow_events: '[instanceId+seq]',
  flow_instances:
    'instanceId, flowId, status, [flowId+status], nextDueAt, parentId, [startedAt+instanceId], [flowId+startedAt+instanceId], [status+startedAt+instanceId], [flowId+status+startedAt+instanceId], [parentId+startedAt+instanceId]',
  flow_tasks: '[instanceId+taskId], instanceId, *roles, [openedAt+instanceId+taskId]',
  flow_task_roles: '[role+openedAt+instanceId+taskId], instanceId',
  flow_states: 'instanceId',
  flow_feed: '++pos',
  flow_cursors: 'subscriber',
  flow_definitions: '[flowId+version], flowId',
  flow_changes: '[flowId+seq]',
} as const;

/** The second schema (before the change log), for hosts whose databases were made with it. */
export const FLOW_STORE_SCHEMA_V2 = {
  flow_events: '[instanceId+seq]',
  flow_instances:
    'instanceId, flowId, status, [flowId+status], nextDueAt, parentId, [startedAt+instanceId], [flowId+startedAt+instanceId], [status+startedAt+instanceId], [flowId+status+startedAt+instanceId], [parentId+startedAt+instanceId]',
  flow_tasks: '[instanceId+taskId], instanceId, *roles, [openedAt+instanceId+taskId]',
  flow_task_roles: '[role+openedAt+instanceId+taskId], instanceId',
  flow_states: 'instanceId',
  flow_feed: '++pos',
  flow_cursors: 'subscriber',
  flow_definitions: '[flowId+version], flowId',
} as const;

/** The first schema (before paging, snapshots and the feed), for hosts whose databases were made with it. */
export const FLOW_STORE_SCHEMA_V1 = {
  flow_events: '[instanceId+seq]',
  flow_instances: 'instanceId, flowId, status, [flowId+status], nextDueAt, parentId',
  flow_tasks: '[instanceId+taskId], instanceId, *roles',
  flow_definitions: '[flowId+version], flowId',
} as const;

/** A role index row. */
interface TaskRoleRow {
  role: string;
  openedAt: number;
  instanceId: string;
  taskId: string;
}

/** A feed entry: the event at this global position. */
interface FeedRow {
  pos?: number;
  instanceId: string;
  seq: number;
}

const roleRows = (rows: readonly OpenTaskRow[]): TaskRoleRow[] => rows.flatMap((r) => r.roles.map((role) => ({ role, openedAt: r.openedAt, instanceId: r.instanceId, taskId: r.taskId })));

/**
 * Fills the tables added in schema 2 from a database made with schema 1:
 * role index rows from the open tasks, the feed from the events (in time
 * order). Pass it to `db.version(2).stores(...).upgrade(upgradeFlowStore)`.
 */
export async function upgradeFlowStore(tx: Transaction): Promise<void> {
  const tasks = (await tx.table('flow_tasks').toArray()) as OpenTaskRow[];
  await tx.table('flow_task_roles').bulkPut(roleRows(tasks));
  const events = (await tx.table('flow_events').toArray()) as FlowEvent[];
  events.sort((a, b) => a.at - b.at || (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : a.seq - b.seq));
  await tx.table('flow_feed').bulkAdd(events.map((e) => ({ instanceId: e.instanceId, seq: e.seq })));
}

/** A standing scheduled publication: the flow version, when it is due, and the `seq` of its `scheduled` change event. */
interface ScheduledRow {
  flowId: string;
  version: number;
  publishAt: number;
  seq: number;
}

/** The index row a change event leaves: a row for `scheduled`, none (the version's row goes) for any other but `migrated`. */
const scheduledRow = (e: ChangeEvent): ScheduledRow | undefined | null =>
  e.type === 'scheduled' ? { flowId: e.flowId, version: e.version, publishAt: e.publishAt ?? e.at, seq: e.seq } : e.type === 'migrated' ? null : undefined;

/**
 * Fills the index of scheduled publications added in schema 4 from the
 * change logs of a database made with schema 3 (read once, in the upgrade).
 * Pass it to `db.version(4).stores(...).upgrade(upgradeFlowStoreScheduled)`.
 */
export async function upgradeFlowStoreScheduled(tx: Transaction): Promise<void> {
  const standing = new Map<string, ScheduledRow>();
  await tx
    .table('flow_changes')
    .orderBy('[flowId+seq]')
    .each((e: ChangeEvent) => {
      const row = scheduledRow(e);
      const key = `${e.flowId}\0${e.version}`;
      if (row) standing.set(key, row);
      else if (row === undefined) standing.delete(key);
    });
  await tx.table('flow_scheduled').bulkPut([...standing.values()]);
}

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
    db.version(1).stores(FLOW_STORE_SCHEMA_V1);
    db.version(2).stores(FLOW_STORE_SCHEMA_V2).upgrade(upgradeFlowStore);
    db.version(3).stores(FLOW_STORE_SCHEMA_V3);
    db.version(4).stores(FLOW_STORE_SCHEMA).upgrade(upgradeFlowStoreScheduled);
  }
  const changeLog: Table<ChangeEvent, [string, number]> = db.table('flow_changes');
  const scheduled: Table<ScheduledRow, [string, number]> = db.table('flow_scheduled');
  const events: Table<FlowEvent, [string, number]> = db.table('flow_events');
  const instances: Table<InstanceSummary, string> = db.table('flow_instances');
  const tasks: Table<OpenTaskRow, [string, string]> = db.table('flow_tasks');
  const definitions: Table<StoredDefinition, [string, number]> = db.table('flow_definitions');
  const taskRoles: Table<TaskRoleRow, [string, number, string, string]> = db.table('flow_task_roles');
  const states: Table<InstanceState, string> = db.table('flow_states');
  const feedTable: Table<FeedRow, number> = db.table('flow_feed');
  const cursors: Table<{ subscriber: string; position: string }, string> = db.table('flow_cursors');
  /** Claims of due instances by this store object (wall-clock ms); they only spread work, so they need not be shared. */
  const claims = new Map<string, number>();

  /** Rows of one task index range, from after a key, at most `limit`. */
  const roleRange = (role: string, after: TaskKey | undefined, limit: number | undefined) => {
    const lower = after ? [role, after.openedAt, after.instanceId, after.taskId] : [role, Dexie.minKey];
    const c = taskRoles.where('[role+openedAt+instanceId+taskId]').between(lower, [role, Dexie.maxKey], !after, true);
    return (limit === undefined ? c : c.limit(limit)).toArray();
  };

  return {
    db,
    async append({ writes }) {
      for (const w of writes) checkStoredId(w.instanceId, 'instanceId');
      try {
        await db.transaction('rw', [events, instances, tasks, taskRoles, states, feedTable], async () => {
          const current = await instances.bulkGet(writes.map((w) => w.instanceId));
          writes.forEach((w, i) => {
            const actualSeq = current[i]?.seq ?? 0;
            if (actualSeq !== w.expectedSeq) throw new SeqConflict({ ok: false, instanceId: w.instanceId, expectedSeq: w.expectedSeq, actualSeq });
          });
          for (const w of writes) {
            await events.bulkAdd(w.events);
            await feedTable.bulkAdd(w.events.map((e) => ({ instanceId: e.instanceId, seq: e.seq })));
            await instances.put(w.summary);
            // A write without a snapshot makes the old one stale: readers fall back to the log.
            if (w.state) await states.put(w.state);
            else await states.delete(w.instanceId);
            await tasks.where('instanceId').equals(w.instanceId).delete();
            await taskRoles.where('instanceId').equals(w.instanceId).delete();
            if (w.openTasks.length) {
              await tasks.bulkPut(w.openTasks);
              await taskRoles.bulkPut(roleRows(w.openTasks));
            }
            claims.delete(w.instanceId);
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
    async states({ instanceIds }) {
      const found = await states.bulkGet([...instanceIds]);
      return found.filter((x): x is InstanceState => x !== undefined);
    },
    async instances({ flowId, status, dueBefore, parentId, limit, after }) {
      // The compound index whose prefix the filters fix, ordered by start time then id after it.
      const [index, prefix] =
        parentId !== undefined
          ? ['[parentId+startedAt+instanceId]', [parentId]]
          : flowId !== undefined && status !== undefined
            ? ['[flowId+status+startedAt+instanceId]', [flowId, status]]
            : flowId !== undefined
              ? ['[flowId+startedAt+instanceId]', [flowId]]
              : status !== undefined
                ? ['[status+startedAt+instanceId]', [status]]
                : ['[startedAt+instanceId]', []];
      const lower = after ? [...prefix, after.startedAt, after.instanceId] : [...prefix, Dexie.minKey];
      const c: Collection<InstanceSummary, string> = instances.where(index).between(lower, [...prefix, Dexie.maxKey], !after, true);
      const keep = (s: InstanceSummary) =>
        (flowId === undefined || s.flowId === flowId) &&
        (status === undefined || s.status === status) &&
        (dueBefore === undefined || (s.nextDueAt !== undefined && s.nextDueAt <= dueBefore)) &&
        (parentId === undefined || s.parentId === parentId);
      // Filters the index prefix does not cover (rare) need a cursor; otherwise one range read.
      const covered = dueBefore === undefined && (parentId === undefined || (flowId === undefined && status === undefined));
      if (covered) return (limit === undefined ? c : c.limit(limit)).toArray();
      if (limit === undefined) return (await c.toArray()).filter(keep);
      return c.filter(keep).limit(limit).toArray();
    },
    async due({ before, limit, leaseMs }) {
      const wall = Date.now();
      const rows = await instances
        .where('nextDueAt')
        .belowOrEqual(before)
        .filter((s) => (claims.get(s.instanceId) ?? 0) <= wall)
        .limit(limit)
        .toArray();
      if (leaseMs !== undefined) for (const s of rows) claims.set(s.instanceId, wall + leaseMs);
      return rows;
    },
    async openTasks({ roles, instanceId, limit, after }) {
      if (instanceId !== undefined) {
        const rows = await tasks.where('instanceId').equals(instanceId).toArray();
        const kept = rows.filter((r) => (!roles || r.roles.some((x) => roles.includes(x))) && (!after || compareTaskKeys(r, after) > 0)).sort(compareTaskKeys);
        return limit === undefined ? kept : kept.slice(0, limit);
      }
      if (!roles) {
        const lower = after ? [after.openedAt, after.instanceId, after.taskId] : [Dexie.minKey];
        const c = tasks.where('[openedAt+instanceId+taskId]').between(lower, [Dexie.maxKey], !after, true);
        return (limit === undefined ? c : c.limit(limit)).toArray();
      }
      // One index range per role (each already in page order), merged, rows shared by two roles once.
      const keys = (await Promise.all([...new Set(roles)].map((role) => roleRange(role, after, limit)))).flat().sort(compareTaskKeys);
      const unique: TaskRoleRow[] = [];
      for (const k of keys) if (!unique.length || compareTaskKeys(unique[unique.length - 1]!, k) !== 0) unique.push(k);
      const page = limit === undefined ? unique : unique.slice(0, limit);
      const rows = await tasks.bulkGet(page.map((k) => [k.instanceId, k.taskId] as [string, string]));
      return rows.filter((r): r is OpenTaskRow => r !== undefined);
    },
    async feed({ after, limit = 100 }) {
      const from = parseCounterPosition(after);
      const refs = await feedTable.where('pos').above(from).limit(Math.max(0, limit)).toArray();
      const found = await events.bulkGet(refs.map((r) => [r.instanceId, r.seq] as [string, number]));
      const out = found.filter((e): e is FlowEvent => e !== undefined);
      return { events: out, next: refs.length ? String(refs[refs.length - 1]!.pos) : String(from) };
    },
    async feedCursor({ subscriber }) {
      return (await cursors.get(subscriber))?.position;
    },
    async saveFeedCursor({ subscriber, position }) {
      parseCounterPosition(position);
      checkStoredId(subscriber, 'subscriber');
      await cursors.put({ subscriber, position });
    },
    async putDefinition({ definition }) {
      checkStoredId(definition.flowId);
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
    async retireDefinition({ flowId, version, retired }) {
      return db.transaction('rw', definitions, async () => {
        const existing = await definitions.get([flowId, version]);
        if (!existing || existing.retired) return existing;
        const after = { ...existing, retired };
        await definitions.put(after);
        return after;
      });
    },
    async appendChange({ event }) {
      checkStoredId(event.flowId);
      return db.transaction('rw', [changeLog, scheduled], async (): Promise<AppendChangeResult> => {
        const last = (await changeLog.where('[flowId+seq]').between([event.flowId, Dexie.minKey], [event.flowId, Dexie.maxKey]).last())?.seq ?? 0;
        if (event.seq !== last + 1) return { ok: false, actualSeq: last };
        await changeLog.add(event);
        const row = scheduledRow(event);
        if (row) await scheduled.put(row);
        else if (row === undefined) await scheduled.delete([event.flowId, event.version]);
        return { ok: true };
      });
    },
    async changes({ flowId }) {
      if (flowId !== undefined) return changeLog.where('[flowId+seq]').between([flowId, Dexie.minKey], [flowId, Dexie.maxKey]).toArray();
      return changeLog.orderBy('[flowId+seq]').toArray();
    },
    async scheduledChanges({ before }) {
      const rows = await scheduled.where('[publishAt+flowId+version]').between([Dexie.minKey], [before, Dexie.maxKey], true, true).toArray();
      const found = await changeLog.bulkGet(rows.map((r) => [r.flowId, r.seq] as [string, number]));
      return found.filter((e): e is ChangeEvent => e !== undefined);
    },
  };
}
