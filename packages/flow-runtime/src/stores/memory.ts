/**
 * The memory store: logs, projections and definitions in Maps, with sorted
 * indexes for the work lists (open tasks by role and open time), instance
 * listing (by start time, per flow, status and parent) and due work (by
 * next-due time), so pages and ticks never scan every instance. Everything a
 * command writes is applied synchronously inside `append`, so it is atomic,
 * and the store offers {@link FlowStore.sync}, so the engine runs commands on
 * it without waiting on promises. Logs are kept compactly encoded (see
 * {@link EventCodec}) and decoded when read. Summaries, task rows and
 * definitions are shared with the engine, not copied: treat what it returns
 * as read-only.
 */
import type { ChangeEvent } from '../changes/types.js';
import { replay } from '../engine/apply.js';
import type { FlowEvent, InstanceState, InstanceSummary, OpenTaskRow } from '../engine/types.js';
import { eventCodec } from './event-log.js';
import { IdTable } from './id-table.js';
import { checkStoredId, compareInstanceKeys, compareTaskKeys, compareText, parseCounterPosition, SortedList } from './sorted.js';
import type { AppendRequest, AppendResult, FlowStore, GetDefinitionRequest, InstanceKey, StoredDefinition, TaskKey } from './types.js';

/**
 * What the store keeps per instance. The listing indexes hold these entries
 * (sorted by start time and id, which never change), so a command that leaves
 * an instance in the same lists touches none of them.
 */
interface Stored extends InstanceKey {
  /** The encoded part of the log ({@link EventCodec}). */
  log: unknown[];
  /** The events after it, not encoded yet: those of the last write while the entry is among the {@link RECENT} written last. */
  raw: readonly FlowEvent[];
  /** Events in the log. */
  count: number;
  summary: InstanceSummary;
  /** The open-task rows of the last append (empty when none). */
  tasks: OpenTaskRow[];
  /**
   * Whether the last append came with a state snapshot. The snapshot itself is
   * not kept (it would double what each case costs): {@link FlowStore.states}
   * folds the log, which gives the same state.
   */
  snapshot: boolean;
  /** The instance-listing indexes the summary is in ({@link listKeys}; shared between instances, never changed). */
  keys: string[];
}

/** An entry of the next-due index. */
interface DueEntry {
  dueAt: number;
  instanceId: string;
}

const NO_ROWS: OpenTaskRow[] = [];
/** What every append that went through answers (one shared, frozen object). */
const APPENDED: AppendResult = Object.freeze({ ok: true });
const NO_KEYS: string[] = [];
const NO_EVENTS: readonly FlowEvent[] = [];
/** The encoded log of an entry that has none yet (never changed: encoding makes a new array). */
const NO_LOG: unknown[] = [];
/**
 * How many of the entries written last keep their last write's events as
 * given: a case is often written again soon after (a task done right after
 * it opened, a parent and its sub-flow), and its log is then encoded once,
 * not once per write. An entry leaving this window is encoded.
 */
const RECENT = 64;
const ALL = '\u0000all';

const compareDue = (a: DueEntry, b: DueEntry) => a.dueAt - b.dueAt || compareText(a.instanceId, b.instanceId);

/** Creates an empty memory store. */
export function createMemoryStore(): FlowStore {
  /** One entry per instance (log, summary and open tasks together), so a command touches one Map entry. */
  const instances = new IdTable<Stored>();
  /** role (or {@link ALL}) → open-task rows in task-key order. */
  const byRole = new Map<string, SortedList<OpenTaskRow, TaskKey>>();
  /** '' for all, `f:<flowId>`, `s:<status>`, `p:<parentId>`, `fs:<flowId>\0<status>` → summaries in instance-key order. */
  const listed = new Map<string, SortedList<Stored, InstanceKey>>();
  const dueIndex = new SortedList<DueEntry>(compareDue);
  const claims = new Map<string, number>();
  const defs = new Map<string, Map<number, StoredDefinition>>();
  /** flow id → its highest version, so asking for the latest needs no scan. */
  const latestDefs = new Map<string, StoredDefinition>();
  const changes = new Map<string, ChangeEvent[]>();
  /** The standing `scheduled` event of each flow version, with its time (by flow id, NUL, version: ids hold no NUL). */
  const scheduled = new Map<string, [number, ChangeEvent]>();
  const codec = eventCodec();
  /**
   * The global feed, three slots per write: the feed position of its first
   * event (a position is an event's index in the whole feed), its entry, and
   * that event's `seq`.
   */
  const feed: (number | Stored)[] = [];
  let feedLength = 0;
  /** The entries written last (a ring), and where the next goes. */
  const recent: Stored[] = [];
  let recentAt = 0;

  /** Encodes the entry's raw events, then `more` (those of a write coming in). */
  const encode = (entry: Stored, more?: readonly FlowEvent[]) => {
    entry.log = codec.encode(entry.log, entry.count - entry.raw.length, entry.raw, more);
    entry.raw = NO_EVENTS;
  };

  /**
   * The entry's events after `afterSeq`, at most `limit`: those of the log
   * decoded, then copies of its raw events (a read does not encode them: the
   * case is often written again right after it is read, and they are encoded
   * with that write's).
   */
  const eventsOf = (entry: Stored, afterSeq = 0, limit = Infinity): FlowEvent[] => {
    const raw = entry.raw;
    const encoded = entry.count - raw.length;
    const out = afterSeq < encoded ? codec.decode(entry.log, afterSeq, limit) : [];
    for (let i = Math.max(0, afterSeq - encoded); i < raw.length && out.length < limit; i++) out.push({ ...raw[i]! });
    return out;
  };
  const cursors = new Map<string, string>();

  const roleList = (role: string) => {
    let list = byRole.get(role);
    if (!list) byRole.set(role, (list = new SortedList<OpenTaskRow, TaskKey>(compareTaskKeys)));
    return list;
  };
  /** flowId → status → listing keys of instances without a parent: shared, so a command builds no key. */
  const sharedKeys = new Map<string, Map<string, string[]>>();
  const listKeys = (s: InstanceSummary): string[] => {
    if (s.parentId !== undefined) return ['', `f:${s.flowId}`, `s:${s.status}`, `fs:${s.flowId}\u0000${s.status}`, `p:${s.parentId}`];
    let byStatus = sharedKeys.get(s.flowId);
    if (!byStatus) sharedKeys.set(s.flowId, (byStatus = new Map()));
    let keys = byStatus.get(s.status);
    if (!keys) byStatus.set(s.status, (keys = ['', `f:${s.flowId}`, `s:${s.status}`, `fs:${s.flowId}\u0000${s.status}`]));
    return keys;
  };
  // (Index loops on the append path: `for…of` makes an iterator per list.)
  const setTasks = (before: OpenTaskRow[], rows: OpenTaskRow[]) => {
    if (before.length === 0 && rows.length === 0) return;
    for (let i = 0; i < before.length; i++) {
      const row = before[i]!;
      byRole.get(ALL)?.remove(row);
      for (let j = 0; j < row.roles.length; j++) byRole.get(row.roles[j]!)?.remove(row);
    }
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      roleList(ALL).insert(row);
      for (let j = 0; j < row.roles.length; j++) roleList(row.roles[j]!).insert(row);
    }
  };

  /** Puts the instance in its listing and due indexes after a write; `before` is its summary before (none when new). */
  const setSummary = (entry: Stored, before: InstanceSummary | undefined, after: InstanceSummary) => {
    const beforeKeys = before ? entry.keys : NO_KEYS;
    const keys = before && before.flowId === after.flowId && before.status === after.status && before.parentId === after.parentId ? beforeKeys : listKeys(after);
    if (keys !== beforeKeys) {
      // Status (or parent) changed: leave the lists it is no longer in, join the new ones. The lists
      // of all instances and of its flow stay as they are.
      for (let i = 0; i < beforeKeys.length; i++) if (!keys.includes(beforeKeys[i]!)) listed.get(beforeKeys[i]!)?.remove(entry);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (beforeKeys.includes(key)) continue;
        let list = listed.get(key);
        if (!list) listed.set(key, (list = new SortedList<Stored, InstanceKey>(compareInstanceKeys)));
        list.insert(entry);
      }
      entry.keys = keys;
    }
    if (before?.nextDueAt !== after.nextDueAt) {
      if (before?.nextDueAt !== undefined) dueIndex.remove({ dueAt: before.nextDueAt, instanceId: before.instanceId });
      if (after.nextDueAt !== undefined) dueIndex.insert({ dueAt: after.nextDueAt, instanceId: after.instanceId });
    }
    claims.delete(after.instanceId);
  };

  /**
   * The entry written or read last, and the id last found to have none: a
   * command reads and writes one case, often right after the one before it
   * did, so most look-ups skip the Map (a hash look-up that grows slower
   * with the store).
   */
  let lastEntry: Stored | undefined;
  let lastMissing: string | undefined;
  const entryOf = (instanceId: string): Stored | undefined => {
    if (lastEntry !== undefined && lastEntry.instanceId === instanceId) return lastEntry;
    if (instanceId === lastMissing) return undefined;
    const entry = instances.get(instanceId);
    if (entry !== undefined) lastEntry = entry;
    else lastMissing = instanceId;
    return entry;
  };

  const appendSync = ({ writes }: AppendRequest): AppendResult => {
      for (let i = 0; i < writes.length; i++) {
        const w = writes[i]!;
        checkStoredId(w.instanceId, 'instanceId');
        const actualSeq = entryOf(w.instanceId)?.summary.seq ?? 0;
        if (actualSeq !== w.expectedSeq) return { ok: false, instanceId: w.instanceId, expectedSeq: w.expectedSeq, actualSeq };
      }
      for (let i = 0; i < writes.length; i++) {
        const w = writes[i]!;
        let entry = entryOf(w.instanceId);
        const before = entry?.summary;
        if (!entry) {
          instances.add((entry = { startedAt: w.summary.startedAt, instanceId: w.instanceId, log: NO_LOG, raw: NO_EVENTS, count: 0, summary: w.summary, tasks: NO_ROWS, snapshot: false, keys: NO_KEYS }));
          lastEntry = entry;
          lastMissing = undefined;
        }
        feed.push(feedLength, entry, entry.count + 1);
        feedLength += w.events.length;
        if (entry.raw.length) encode(entry, w.events);
        else {
          // Kept as given, as the events themselves are (the engine changes neither after the append).
          entry.raw = w.events;
          const out = recent[recentAt];
          recent[recentAt] = entry;
          recentAt = (recentAt + 1) % RECENT;
          if (out?.raw.length) encode(out);
        }
        entry.count += w.events.length;
        entry.summary = w.summary;
        setSummary(entry, before, w.summary);
        setTasks(entry.tasks, w.openTasks);
        entry.tasks = w.openTasks;
        // A write without a snapshot makes the old one stale: readers fall back to the log.
        entry.snapshot = w.state !== undefined;
      }
      return APPENDED;
  };

  const getDefinitionSync = ({ flowId, version }: GetDefinitionRequest): StoredDefinition | undefined =>
    version === undefined ? latestDefs.get(flowId) : defs.get(flowId)?.get(version);

  const self: FlowStore = {
    append: async (request) => appendSync(request),
    async load({ instanceId, afterSeq = 0 }) {
      const entry = instances.get(instanceId);
      return entry ? eventsOf(entry, afterSeq) : [];
    },
    async instance({ instanceId }) {
      return instances.get(instanceId)?.summary;
    },
    async states({ instanceIds }) {
      const out: InstanceState[] = [];
      for (const id of instanceIds) {
        const entry = instances.get(id);
        const state = entry?.snapshot ? replay(eventsOf(entry)) : undefined;
        if (state) out.push(state);
      }
      return out;
    },
    async instances({ flowId, status, dueBefore, parentId, limit, after }) {
      // The most selective list that exists for the filters, then the rest checked per entry.
      const key =
        parentId !== undefined ? `p:${parentId}` : flowId !== undefined && status !== undefined ? `fs:${flowId}\u0000${status}` : flowId !== undefined ? `f:${flowId}` : status !== undefined ? `s:${status}` : '';
      const list = listed.get(key);
      if (!list) return [];
      const out: InstanceSummary[] = [];
      const max = limit ?? Infinity;
      const items = list.items;
      for (let i = after ? list.seek(after, true) : 0; i < items.length && out.length < max; i++) {
        const s = items[i]!.summary;
        if (flowId !== undefined && s.flowId !== flowId) continue;
        if (status !== undefined && s.status !== status) continue;
        if (dueBefore !== undefined && (s.nextDueAt === undefined || s.nextDueAt > dueBefore)) continue;
        if (parentId !== undefined && s.parentId !== parentId) continue;
        out.push(s);
      }
      return out;
    },
    async due({ before, limit, leaseMs }) {
      const out: InstanceSummary[] = [];
      const wall = Date.now();
      for (const entry of dueIndex.items) {
        if (entry.dueAt > before || out.length >= limit) break;
        const claimed = claims.get(entry.instanceId);
        if (claimed !== undefined && claimed > wall) continue;
        const summary = instances.get(entry.instanceId)?.summary;
        if (!summary) continue;
        if (leaseMs !== undefined) claims.set(entry.instanceId, wall + leaseMs);
        out.push(summary);
      }
      return out;
    },
    async openTasks({ roles, instanceId, limit, after }) {
      const max = limit ?? Infinity;
      if (instanceId !== undefined) {
        const rows = (instances.get(instanceId)?.tasks ?? NO_ROWS).filter((r) => (!roles || r.roles.some((x) => roles.includes(x))) && (!after || compareTaskKeys(r, after) > 0));
        return rows.sort(compareTaskKeys).slice(0, max);
      }
      const lists = roles ? roles.map((r) => byRole.get(r)).filter((l) => l !== undefined) : [byRole.get(ALL)].filter((l) => l !== undefined);
      // Merge the role lists from the cursor on, one row at a time, skipping rows two roles share.
      const pos = lists.map((l) => (after ? l.seek(after, true) : 0));
      const out: OpenTaskRow[] = [];
      let last: OpenTaskRow | undefined;
      while (out.length < max) {
        let best = -1;
        for (let i = 0; i < lists.length; i++) {
          const row = lists[i]!.items[pos[i]!];
          if (row && (best < 0 || compareTaskKeys(row, lists[best]!.items[pos[best]!]!) < 0)) best = i;
        }
        if (best < 0) break;
        const row = lists[best]!.items[pos[best]!]!;
        pos[best]!++;
        if (last && compareTaskKeys(last, row) === 0) continue;
        out.push(row);
        last = row;
      }
      return out;
    },
    async feed({ after, limit = 100 }) {
      const from = parseCounterPosition(after);
      const events: FlowEvent[] = [];
      const end = Math.min(from + Math.max(0, limit), feedLength);
      // The last write starting at or before `from` (a binary search over the writes), then whole writes until `end`.
      let lo = 0;
      for (let hi = feed.length / 3; lo < hi; ) {
        const mid = (lo + hi) >>> 1;
        if ((feed[mid * 3] as number) <= from) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo * 3 - 3, pos = from; pos < end; i += 3) {
        const next = (feed[i + 3] as number | undefined) ?? feedLength;
        for (const e of eventsOf(feed[i + 1] as Stored, (feed[i + 2] as number) + pos - (feed[i] as number) - 1, Math.min(end, next) - pos)) events[pos++ - from] = e;
      }
      return { events, next: String(from + events.length) };
    },
    async feedCursor({ subscriber }) {
      return cursors.get(subscriber);
    },
    async saveFeedCursor({ subscriber, position }) {
      parseCounterPosition(position);
      checkStoredId(subscriber, 'subscriber');
      cursors.set(subscriber, position);
    },
    async putDefinition({ definition }) {
      checkStoredId(definition.flowId);
      let versions = defs.get(definition.flowId);
      const existing = versions?.get(definition.version);
      if (existing) return { created: false, existing };
      if (!versions) defs.set(definition.flowId, (versions = new Map()));
      versions.set(definition.version, definition);
      const latest = latestDefs.get(definition.flowId);
      if (!latest || definition.version > latest.version) latestDefs.set(definition.flowId, definition);
      return { created: true };
    },
    getDefinition: async (request) => getDefinitionSync(request),
    async definitions({ flowId }) {
      const all = flowId !== undefined ? [...(defs.get(flowId)?.values() ?? [])] : [...defs.values()].flatMap((m) => [...m.values()]);
      return all.sort((a, b) => (a.flowId === b.flowId ? a.version - b.version : a.flowId < b.flowId ? -1 : 1));
    },
    async retireDefinition({ flowId, version, retired }) {
      const versions = defs.get(flowId);
      const existing = versions?.get(version);
      if (!versions || !existing) return undefined;
      if (existing.retired) return existing;
      const after = { ...existing, retired: structuredClone(retired) };
      versions.set(version, after);
      if (latestDefs.get(flowId) === existing) latestDefs.set(flowId, after);
      return after;
    },
    async appendChange({ event }) {
      checkStoredId(event.flowId);
      const log = changes.get(event.flowId) ?? [];
      const last = log.at(-1)?.seq ?? 0;
      if (event.seq !== last + 1) return { ok: false, actualSeq: last };
      const kept = structuredClone(event);
      log.push(kept);
      changes.set(event.flowId, log);
      const key = `${event.flowId}\0${event.version}`;
      if (event.type === 'scheduled') scheduled.set(key, [event.publishAt ?? event.at, kept]);
      else if (event.type !== 'migrated') scheduled.delete(key);
      return { ok: true };
    },
    async changes({ flowId }) {
      const logs = flowId !== undefined ? [changes.get(flowId) ?? []] : [...changes.keys()].sort().map((k) => changes.get(k)!);
      return structuredClone(logs.flat());
    },
    async scheduledChanges({ before }) {
      const due = [...scheduled.values()].filter((x) => x[0] <= before);
      return structuredClone(due.sort((a, b) => a[0] - b[0] || compareText(a[1].flowId, b[1].flowId) || a[1].version - b[1].version).map((x) => x[1]));
    },
  };
  Object.assign(self, { sync: { store: self, append: appendSync, getDefinition: getDefinitionSync } });
  return self;
}
