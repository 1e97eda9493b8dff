/**
 * Public types of the engine: actors, events, instance state, task views,
 * commands and the {@link Engine} facade. These are the contract the
 * designer and the demo code against; keep them stable.
 */
import type { DeployFinding } from './errors.js';
import type { FormatTextOptions } from './texts/types.js';
import type { RuleSource } from '../logic/compile.js';
import type { Catalog } from '../schema/catalog.js';
import type { LocalizedText } from '../schema/common.js';
import type { DeployOverride, Flow } from '../schema/flow.js';
import type { FeedPage, FlowStore, Retirement } from '../stores/types.js';
import type { Actor, Clock, DataPatch, IdGenerator } from './types/actors.js';
import type { FlowEvent } from './types/events.js';
import type { InstanceState, InstanceStatus } from './types/state.js';
import type { HistoryEntry, InstanceSummary, TaskView } from './types/views.js';

export type * from './types/actors.js';
export type * from './types/events.js';
export type * from './types/state.js';
export type * from './types/views.js';

/** Options of {@link createEngine}. */
export interface EngineOptions {
  store: FlowStore;
  /** The CRM catalog the flows were written for (windows, roles). */
  catalog?: Catalog;
  clock?: Clock;
  ids?: IdGenerator;
  /** Roles that may deploy, cancel and migrate any instance. Default `['admin']`. */
  adminRoles?: readonly string[];
  /**
   * Checks a parsed flow before it is deployed; every finding refuses the
   * deploy (UNSAFE_FLOW). The root entry's `createEngine` passes the
   * analysis-based check (mandatory steps never bypassed, sub-flows
   * deployed, decisions that always find a branch, joins that cannot wait
   * forever, waits that end); the engine itself never depends on linting.
   */
  deployCheck?: DeployCheck;
  /**
   * Rules compiled ahead of time (`precompiledRules` of
   * `@crm/flow-runtime/precompiled`): the flows' rules found there run as
   * code of their own, the others as usual. Same results either way.
   */
  rules?: RuleSource;
}

/** What a deploy check is given besides the flow. */
export interface DeployCheckContext {
  catalog: Catalog | undefined;
  /** Every deployed version of each flow a sub-flow step of this one runs (empty list: none deployed). */
  deployed: ReadonlyMap<string, ReadonlyArray<Flow>>;
}

/** A check run on a parsed flow before deploy; returns what makes it unsafe (nothing: deploy goes ahead). */
export type DeployCheck = (flow: Flow, context: DeployCheckContext) => DeployFinding[];

/** What a command returns: the instance after it and the events it appended. */
export interface CommandResult {
  instance: InstanceState;
  events: FlowEvent[];
  /** Events appended to other instances by the same command (sub-flow children, parents). */
  related: FlowEvent[];
}

/** A deployed version. */
export interface DeployResult {
  flowId: string;
  version: number;
  /** False when exactly this definition was already deployed. */
  created: boolean;
  /** Findings of the deploy check let through by the definition's `deployOverride` (who, why, which rules). */
  accepted?: DeployFinding[];
}

/** A deployed definition, as listed. */
export interface DefinitionInfo {
  flowId: string;
  version: number;
  name: LocalizedText;
  deployedAt: number;
  /** The recorded decision to deploy it despite the deploy check, if any. */
  deployOverride?: DeployOverride;
  /** Set once an administrator retired the version (who, when, why): no new cases start on it. */
  retired?: Retirement;
}

/** What one call to {@link Engine.tick} did. */
export interface TickResult {
  /** Instances that changed. */
  instances: string[];
  events: FlowEvent[];
}

/** A batch of events appended by one command, as seen by subscribers. */
export interface EngineNotice {
  instanceId: string;
  events: FlowEvent[];
  instance: InstanceState;
}

/**
 * One page of a list: the items, and `next`, the cursor of the following page
 * (undefined on the last page). `next` is a non-enumerable property of the
 * array, so the page still compares and serialises as a plain array.
 */
export type Page<T> = T[] & { readonly next?: string };

/** Paging of a list: at most `limit` items, after the position `cursor` (a `next` of an earlier page). */
export interface PageQuery {
  limit?: number;
  /** The `next` of the previous page. */
  cursor?: string;
  /** Same as `cursor`. */
  after?: string;
}

/** What {@link Engine.tasks} lists. */
export interface TasksQuery extends PageQuery {
  actor: Actor;
}

/** What {@link Engine.instances} lists. */
export interface InstancesQuery extends PageQuery {
  flowId?: string;
  status?: InstanceStatus;
  parentId?: string;
}

/** A subscriber. Errors it throws are swallowed so one bad listener cannot break a command. */
export type EngineListener = (notice: EngineNotice) => void;

/**
 * The engine facade: loads an instance's events from the store, runs the
 * pure transition, appends the new events with the expected sequence and
 * tells subscribers. Refusals reject with an {@link EngineError}.
 */
export interface Engine {
  /**
   * Validates and stores a flow version; only an actor with an admin role may
   * deploy (NOT_PERMITTED otherwise). Versions are immutable: redeploying a
   * different body under the same version fails. With a deploy check (the
   * root entry's default), a flow that could skip a mandatory step or get a
   * case stuck is refused with UNSAFE_FLOW listing every finding.
   */
  deploy(flow: Flow | unknown, options: { actor: Actor }): Promise<DeployResult>;
  /**
   * Retires a version: no new case starts on it (starting it asks for
   * FLOW_RETIRED; a start without a version takes the newest version in
   * service), while its running cases go on to their end. Only an
   * administrator retires (NOT_PERMITTED otherwise), with a reason, kept with
   * the version. Retiring again changes nothing.
   */
  retire(flowId: string, version: number, options: { actor: Actor; reason: string }): Promise<DefinitionInfo>;
  /** Deployed definitions (all, or one flow's versions). */
  definitions(flowId?: string): Promise<DefinitionInfo[]>;
  /** A deployed definition; the latest version when `version` is absent. */
  definition(flowId: string, version?: number): Promise<Flow>;
  /**
   * Starts an instance on the latest (or the given) version. `data` is what
   * the starter enters, checked like any write: the ids of the records the
   * case is about, and the fields the starter's roles may edit in the steps
   * that open right after the start; anything else is refused
   * (FIELD_NOT_EDITABLE, nothing stored). `hostData` is what the host loaded
   * from its own systems (the customer record the case is about, a flag set
   * by the calling application): checked against the data schema, not
   * against the starter's access — never pass a user's input as `hostData`.
   * A system actor's `data` is the host's too.
   */
  start(flowId: string, options: { actor: Actor; data?: DataPatch; hostData?: DataPatch; version?: number }): Promise<CommandResult>;
  /**
   * Open tasks the actor may do, across all instances (by open time, from the
   * store's indexed open-task rows and the states of that page's instances
   * only: no other case is read),
   * a page at a time with `limit` and `cursor`; or all of one instance's.
   * Without `limit`, every one.
   */
  tasks(query: TasksQuery): Promise<Page<TaskView>>;
  tasks(instanceId: string, query: { actor: Actor }): Promise<TaskView[]>;
  /** Completes a task, applying the actor's data first. */
  complete(instanceId: string, taskId: string, options: { actor: Actor; data?: DataPatch; expectedSeq?: number }): Promise<CommandResult>;
  /** Saves data without completing a task (a draft, or a system actor's update). Waits and controls are re-checked. */
  updateData(instanceId: string, options: { actor: Actor; data: DataPatch; expectedSeq?: number }): Promise<CommandResult>;
  /** Fires due timers and SLA escalations at `now` (the clock's time when absent). */
  tick(now?: number): Promise<TickResult>;
  /** Cancels an instance and its running sub-flows. */
  cancel(instanceId: string, options: { actor: Actor; reason: string }): Promise<CommandResult>;
  /** Moves an instance to another version of its flow; `nodeMap` maps the old nodes where it stands to new ones (same ids map by default). */
  migrate(instanceId: string, toVersion: number, nodeMap: Record<string, string>, options: { actor: Actor }): Promise<CommandResult>;
  /** The instance's current state. */
  instance(instanceId: string): Promise<InstanceState>;
  /** Instances by start time, optionally by flow, status and parent, a page at a time with `limit` and `cursor`. */
  instances(query?: InstancesQuery): Promise<Page<InstanceSummary>>;
  /**
   * The global event feed of the store: every event of every instance once,
   * in an order that never puts a late-committed event before a position a
   * reader has passed. Read with `after: page.next` to continue.
   */
  feed(query?: { after?: string; limit?: number }): Promise<FeedPage>;
  /** The raw event log. */
  events(instanceId: string): Promise<FlowEvent[]>;
  /**
   * The audit trail in plain language: each `summary` in `locale` (`en` or
   * `zh`), times in `timeZone`, roles by their catalog names (English and UTC
   * when not given); each entry's `text` renders it again in any language.
   */
  history(instanceId: string, options?: FormatTextOptions): Promise<HistoryEntry[]>;
  /** Calls `listener` after every command with the events it appended. Returns the unsubscribe function. */
  subscribe(listener: EngineListener): () => void;
}
