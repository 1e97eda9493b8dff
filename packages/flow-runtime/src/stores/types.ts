/**
 * The storage interface of the engine: a handful of Promise methods taking
 * request objects (in the manner of Dexie's DBCore). Every adapter passes
 * the same contract suite (test/stores/contract.ts).
 */
import type { Flow } from '../schema/flow.js';
import type { ChangeEvent } from '../changes/types.js';
import type { FlowEvent, InstanceState, InstanceStatus, InstanceSummary, OpenTaskRow } from '../engine/types.js';

/** The events one command appends to one instance, with the projections after them. */
export interface InstanceWrite {
  instanceId: string;
  /** The instance's last `seq` the command was decided on (0 for a new instance). */
  expectedSeq: number;
  events: FlowEvent[];
  /** The instance's summary after the events. */
  summary: InstanceSummary;
  /** The instance's open tasks after the events (replaces the previous rows). */
  openTasks: OpenTaskRow[];
  /**
   * The instance's state after the events (a snapshot), so readers such as
   * work lists build views without replaying the log. Optional: stores keep
   * the latest one given and {@link FlowStore.states} leaves out instances
   * without one.
   */
  state?: InstanceState;
}

/** One command's writes: all are applied, or none. */
export interface AppendRequest {
  writes: InstanceWrite[];
}

/** Refused when an instance's last `seq` is not the expected one (optimistic concurrency). */
export type AppendResult = { ok: true } | { ok: false; instanceId: string; expectedSeq: number; actualSeq: number };

/** Reads an instance's events, all or after a `seq`. */
export interface LoadRequest {
  instanceId: string;
  afterSeq?: number;
}

/** Where a page of instances ends: instances are listed by start time, then id. */
export interface InstanceKey {
  startedAt: number;
  instanceId: string;
}

/** Lists instances, ordered by `startedAt` then `instanceId`. */
export interface InstancesRequest {
  flowId?: string;
  status?: InstanceStatus;
  /** Only instances with a pending timer or SLA due at or before this time. */
  dueBefore?: number;
  parentId?: string;
  /** At most this many. */
  limit?: number;
  /** Only instances after this key (the last of the previous page). */
  after?: InstanceKey;
}

/** Where a page of open tasks ends: tasks are listed by open time, then instance id, then task id. */
export interface TaskKey {
  openedAt: number;
  instanceId: string;
  taskId: string;
}

/**
 * Lists open tasks, ordered by `openedAt`, `instanceId`, `taskId`: those any
 * of `roles` may do, those of one instance, or all. Stores answer from rows
 * indexed by role and open time, so a page costs the same with 100 or
 * 100,000 open tasks.
 */
export interface OpenTasksRequest {
  roles?: readonly string[];
  instanceId?: string;
  /** At most this many rows. */
  limit?: number;
  /** Only rows after this key (the last row of the previous page). */
  after?: TaskKey;
}

/**
 * Finds instances with a timer or SLA due, from an index of next-due times
 * (never a scan), earliest first.
 */
export interface DueRequest {
  /** Due at or before this time. */
  before: number;
  /** At most this many. */
  limit: number;
  /**
   * Claims what it returns for this many milliseconds of wall time: other
   * calls (in any process sharing the store) skip a claimed instance until
   * the claim ends or the instance is written again. Without it nothing is
   * claimed. Claims only spread work; exactly-once firing comes from the
   * optimistic sequence check of {@link FlowStore.append}.
   */
  leaseMs?: number;
}

/** Reads the global event feed after a position. */
export interface FeedRequest {
  /** A position returned as `next` by an earlier page; from the beginning when absent. */
  after?: string;
  /** At most this many events (default 100). */
  limit?: number;
}

/**
 * A page of the global event feed. Events come in one global order that
 * never changes once read: an event committed late is never placed before a
 * position a reader has passed, so reading `after: next` again and again sees
 * every event exactly once.
 */
export interface FeedPage {
  events: FlowEvent[];
  /** The position after the last event of this page (`after` again when the page is empty). Pass it as `after` to continue. */
  next: string;
}

/** A subscriber's durable feed position. */
export interface FeedCursorRequest {
  subscriber: string;
}

/** Saves a subscriber's feed position (what it has processed). */
export interface SaveFeedCursorRequest {
  subscriber: string;
  position: string;
}

/** A deployed flow version. */
export interface StoredDefinition {
  flowId: string;
  version: number;
  flow: Flow;
  deployedAt: number;
  /** Set when an administrator retired the version: no new cases start on it. */
  retired?: Retirement;
}

/** Who retired a version, when, and why. */
export interface Retirement {
  at: number;
  by: { id: string; name?: string };
  reason: string;
}

/** Marks a stored version retired (the first retirement stays). */
export interface RetireDefinitionRequest {
  flowId: string;
  version: number;
  retired: Retirement;
}

/** Stores a definition unless its id and version exist already. */
export interface PutDefinitionRequest {
  definition: StoredDefinition;
}

/** `created: false` returns what was there. */
export type PutDefinitionResult = { created: true } | { created: false; existing: StoredDefinition };

/** Reads a definition; the highest version when `version` is absent. */
export interface GetDefinitionRequest {
  flowId: string;
  version?: number;
}

/** Lists definitions (of one flow, or all), by flow id then version. */
export interface DefinitionsRequest {
  flowId?: string;
}

/** Appends one change-control event to a flow's change log: its `seq` must be the log's last `seq` + 1. */
export interface AppendChangeRequest {
  event: ChangeEvent;
}

/** Refused when the flow's change log does not end at `event.seq - 1` (someone else recorded first). */
export type AppendChangeResult = { ok: true } | { ok: false; actualSeq: number };

/** Reads change logs: one flow's, or every flow's (by flow id, then `seq`). */
export interface ChangesRequest {
  flowId?: string;
}

/**
 * Finds the versions whose publication is scheduled and still stands: the
 * `scheduled` change event of each flow version whose latest change event
 * (other than `migrated`) is that one, with `publishAt` at or before
 * `before`. Stores keep these in an index updated by
 * {@link FlowStore.appendChange}, so the answer costs what is scheduled,
 * never the change history.
 */
export interface ScheduledChangesRequest {
  /** Publication time at or before this. */
  before: number;
}

/**
 * Synchronous access to a store that answers from memory: the same answers as
 * the {@link FlowStore} methods of the same names, without a promise. When a
 * store offers it ({@link FlowStore.sync}), the engine runs a command whose
 * definition and state it has cached from start to append without waiting,
 * so no promise frames are allocated on the way (the public API still
 * returns promises).
 */
export interface SyncStoreAccess {
  /**
   * The store this access belongs to. The engine uses the access only on that
   * very store, so a wrapper that copies a store's methods and replaces some
   * (a spread, a proxy) runs through its own Promise methods.
   */
  readonly store: FlowStore;
  /**
   * As {@link FlowStore.append}. The engine hands the same request and write
   * objects to every call (their contents are new each time): keep what they
   * hold, never the request, its `writes` list or a write itself.
   */
  append(request: AppendRequest): AppendResult;
  /** As {@link FlowStore.getDefinition}; the engine reuses the request object too (never keep it). */
  getDefinition(request: GetDefinitionRequest): StoredDefinition | undefined;
}

/**
 * Where the engine keeps definitions, event logs and projections. Adapters:
 * {@link createMemoryStore}, the Dexie store from `@crm/flow-runtime/dexie`,
 * and the PostgreSQL/PGlite store from `@crm/flow-store-postgres`.
 */
export interface FlowStore {
  /** Synchronous access, offered by stores that answer from memory (the memory store); absent for stores that do I/O. */
  readonly sync?: SyncStoreAccess;
  /** Appends atomically: every write's `expectedSeq` must match, else nothing is written. */
  append(request: AppendRequest): Promise<AppendResult>;
  /** An instance's events in `seq` order; empty when unknown. */
  load(request: LoadRequest): Promise<FlowEvent[]>;
  /** Instance summaries by `startedAt` then `instanceId`, filtered and paged. */
  instances(request: InstancesRequest): Promise<InstanceSummary[]>;
  /** One instance's summary, or undefined. */
  instance(request: { instanceId: string }): Promise<InstanceSummary | undefined>;
  /** The latest state snapshots of these instances (those stored with one), in no particular order. */
  states(request: { instanceIds: readonly string[] }): Promise<InstanceState[]>;
  /** Open-task rows by `openedAt`, `instanceId`, `taskId`, filtered and paged. */
  openTasks(request: OpenTasksRequest): Promise<OpenTaskRow[]>;
  /** Instances with a timer or SLA due, earliest first, from an index; optionally claimed for a while. */
  due(request: DueRequest): Promise<InstanceSummary[]>;
  /** The global event feed: every appended event once, in a gap-free order. */
  feed(request: FeedRequest): Promise<FeedPage>;
  /** A subscriber's saved feed position, or undefined. */
  feedCursor(request: FeedCursorRequest): Promise<string | undefined>;
  /** Saves a subscriber's feed position durably (as durable as the store). */
  saveFeedCursor(request: SaveFeedCursorRequest): Promise<void>;
  putDefinition(request: PutDefinitionRequest): Promise<PutDefinitionResult>;
  getDefinition(request: GetDefinitionRequest): Promise<StoredDefinition | undefined>;
  definitions(request: DefinitionsRequest): Promise<StoredDefinition[]>;
  /** Marks a version retired unless it already is; returns the stored definition after (undefined when there is no such version). */
  retireDefinition(request: RetireDefinitionRequest): Promise<StoredDefinition | undefined>;
  /** Appends a change-control event (draft, submission, review, publication, retirement, migration) to its flow's log. */
  appendChange(request: AppendChangeRequest): Promise<AppendChangeResult>;
  /** Change-control events, by flow id then `seq`. */
  changes(request: ChangesRequest): Promise<ChangeEvent[]>;
  /** The standing `scheduled` events due by a time, by `publishAt`, flow id, version, from an index (see {@link ScheduledChangesRequest}). */
  scheduledChanges(request: ScheduledChangesRequest): Promise<ChangeEvent[]>;
}
