/**
 * Public types of the engine: actors, events, instance state, task views,
 * commands and the {@link Engine} facade. These are the contract the
 * designer and the demo code against; keep them stable.
 */
import type { Catalog } from '../schema/catalog.js';
import type { Access, LocalizedText } from '../schema/common.js';
import type { Flow } from '../schema/flow.js';
import type { FlowStore } from '../stores/types.js';

// ───────────────────────────── actors, clock, ids ─────────────────────────────

/**
 * Who issues a command. An actor may hold several roles; a task may be done
 * by an actor holding any of its candidate roles. A `system` actor is the
 * host application itself (imports, integrations): its {@link Engine.updateData}
 * writes are not checked against window access, and history says so.
 */
export interface Actor {
  id: string;
  roles: readonly string[];
  name?: string;
  system?: boolean;
}

/** The actor as recorded in an event. */
export interface ActorRef {
  id: string;
  roles: string[];
  name?: string;
  system?: boolean;
}

/** The injected clock: milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** The injected id source for new instances. */
export type IdGenerator = () => string;

// ───────────────────────────────── data ─────────────────────────────────

/** Process data: keyed by the flow's data variables; a record variable holds an object of the record's fields. */
export type ProcessData = Record<string, unknown>;

/**
 * A change to the data. Keys are dotted paths (`customer.creditLimit`) or
 * variable names; a plain object under a record variable is read as its
 * fields (`{ customer: { creditLimit: 5000 } }` equals
 * `{ 'customer.creditLimit': 5000 }`). A value of `null` clears the field.
 */
export type DataPatch = Record<string, unknown>;

/** One field changed, as recorded in history. */
export interface DataChange {
  path: string;
  from: unknown;
  to: unknown;
}

// ──────────────────────────────── events ────────────────────────────────

/** Fields every event carries. `seq` counts from 1 per instance; `at` is ms since the epoch. */
export interface EventBase {
  instanceId: string;
  seq: number;
  at: number;
  /** Who caused it; absent for what the engine does on its own (timers, system steps). */
  actor?: ActorRef;
}

/** Where an alert came from. */
export type AlertSource =
  | { kind: 'control'; controlId: string }
  | { kind: 'system'; nodeId: string }
  | { kind: 'sla'; nodeId: string; taskId: string };

/** Severity of an alert. */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** Codes of incidents: run-time conditions that stop a path without crashing. */
export type IncidentCode =
  | 'NO_PATH' // a decision had no true guard and no default
  | 'RULE_FAILED' // a guard could not be evaluated (budget, bad data)
  | 'STEP_FAILED' // a system step's assignment or a sub-flow's input could not be computed
  | 'SUBFLOW_UNAVAILABLE' // the sub-flow or its version is not deployed
  | 'SUBFLOW_CANCELLED' // the child instance was cancelled
  | 'MANDATORY_SKIPPED' // an end was reached without a mandatory step
  | 'DEAD_END' // a node has no outgoing edge
  | 'LOOP_LIMIT'; // automatic steps ran in a loop without stopping at a person

/** Every event of an instance's log, told apart by `type`. */
export type FlowEvent = EventBase &
  (
    | { type: 'instance.started'; flowId: string; version: number; data: ProcessData; parent?: ParentLink }
    | { type: 'token.moved'; tokenId: string; from?: string; to: string; edgeId?: string }
    | { type: 'token.split'; tokenId: string; nodeId: string; familyId: string; branches: { tokenId: string; edgeId: string; to: string }[] }
    | { type: 'token.joined'; nodeId: string; familyId: string; consumed: string[]; tokenId: string }
    | { type: 'token.held'; tokenId: string; nodeId: string; controlIds: string[] }
    | { type: 'token.ended'; tokenId: string; nodeId: string; outcome?: string }
    | { type: 'decision.taken'; tokenId: string; nodeId: string; edgeId: string; byDefault: boolean }
    | { type: 'task.opened'; taskId: string; tokenId: string; nodeId: string; roles: string[]; dueAt?: number }
    | { type: 'task.completed'; taskId: string; nodeId: string }
    | { type: 'task.escalated'; taskId: string; nodeId: string; to?: string }
    | { type: 'data.changed'; cause: 'start' | 'task' | 'update' | 'system' | 'subflow'; nodeId?: string; taskId?: string; changes: DataChange[] }
    | { type: 'control.changed'; controlId: string; holds: boolean }
    | { type: 'alert.raised'; alertId: string; source: AlertSource; message: LocalizedText; to: string[]; severity: AlertSeverity }
    | { type: 'wait.started'; tokenId: string; nodeId: string; dueAt?: number }
    | { type: 'wait.ended'; tokenId: string; nodeId: string; reason: 'condition' | 'timer' }
    | { type: 'subflow.started'; tokenId: string; nodeId: string; childInstanceId: string; flowId: string; version: number }
    | { type: 'subflow.completed'; tokenId: string; nodeId: string; childInstanceId: string; outcome?: string }
    | { type: 'incident.raised'; incidentId: string; tokenId?: string; nodeId?: string; code: IncidentCode; message: string }
    | { type: 'incident.resolved'; incidentId: string }
    | { type: 'instance.completed'; nodeId: string; outcome?: string }
    | { type: 'instance.cancelled'; reason: string }
    | { type: 'instance.migrated'; fromVersion: number; toVersion: number; nodeMap: Record<string, string>; taskRoles: Record<string, string[]> }
  );

/** The `type` of a {@link FlowEvent}. */
export type FlowEventType = FlowEvent['type'];

/** An event of one type. */
export type FlowEventOf<T extends FlowEventType> = Extract<FlowEvent, { type: T }>;

/** A child instance's link to the step of the parent that started it. */
export interface ParentLink {
  instanceId: string;
  nodeId: string;
  tokenId: string;
}

// ──────────────────────────────── state ────────────────────────────────

/** Lifecycle of an instance. `incident` means a path is stuck and someone must look (never a crash). */
export type InstanceStatus = 'active' | 'incident' | 'completed' | 'cancelled';

/** A position of execution. */
export interface TokenState {
  id: string;
  nodeId: string;
  /** The parallel split this token belongs to (joins wait for all of its live members). */
  familyId?: string;
  /** What the token waits for at its node. */
  waiting?: 'task' | 'wait' | 'join' | 'gate' | 'subflow' | 'incident';
  /** For `wait` nodes with a timer: when it fires. */
  dueAt?: number;
  /** For `subflow` nodes: the child instance. */
  childInstanceId?: string;
}

/** A task of the instance, open or done. */
export interface TaskState {
  taskId: string;
  nodeId: string;
  tokenId: string;
  /** Candidate roles; empty when anyone may do it. */
  roles: string[];
  status: 'open' | 'completed' | 'cancelled';
  openedAt: number;
  dueAt?: number;
  escalated?: boolean;
  completedAt?: number;
  completedBy?: ActorRef;
}

/** A parallel split's live members. */
export interface FamilyState {
  id: string;
  /** The family of the token that split (restored when the join fires). */
  outer?: string;
  members: string[];
}

/** An alert raised on the instance. */
export interface AlertState {
  alertId: string;
  at: number;
  source: AlertSource;
  message: LocalizedText;
  to: string[];
  severity: AlertSeverity;
}

/** A stuck path. */
export interface IncidentState {
  incidentId: string;
  at: number;
  code: IncidentCode;
  message: string;
  nodeId?: string;
  tokenId?: string;
  resolved: boolean;
}

/**
 * An instance's state: the pure fold of its events
 * (`events.reduce(applyEvent, undefined)`). Plain JSON, so it can be saved
 * and restored as is.
 */
export interface InstanceState {
  instanceId: string;
  flowId: string;
  version: number;
  status: InstanceStatus;
  /** Number of events applied; the `expectedSeq` for the next command. */
  seq: number;
  data: ProcessData;
  tokens: Record<string, TokenState>;
  tasks: Record<string, TaskState>;
  families: Record<string, FamilyState>;
  /** Controls whose condition holds now. */
  controls: Record<string, boolean>;
  alerts: AlertState[];
  incidents: IncidentState[];
  /** Nodes passed, in order (tasks count when completed). */
  visited: string[];
  /** Who completed each task node last (separation of duties). */
  completedBy: Record<string, ActorRef>;
  startedAt: number;
  startedBy?: ActorRef;
  updatedAt: number;
  endedAt?: number;
  outcome?: string;
  endNodeId?: string;
  cancelReason?: string;
  parent?: ParentLink;
  /** Child instances started by sub-flow steps. */
  children: string[];
}

// ──────────────────────────────── views ────────────────────────────────

/** Why a task cannot be completed right now. */
export interface TaskBlock {
  controlId: string;
  message: LocalizedText;
}

/**
 * An open task as one actor sees it: what to open, what they may change and
 * see, and by when. Paths are data paths (`customer.creditLimit`, `approved`).
 */
export interface TaskView {
  instanceId: string;
  taskId: string;
  nodeId: string;
  flowId: string;
  version: number;
  name: LocalizedText;
  description?: LocalizedText;
  department?: string;
  roles: string[];
  /** The window to open, the record variable it shows, and the record's id when it has one. */
  window?: { id: string; name: LocalizedText; entity: string; variable: string; recordId?: string };
  /** Paths the actor may change. */
  editable: string[];
  /** Paths the actor may see (includes editable). */
  visible: string[];
  /** Access per visible path. */
  access: Record<string, Access>;
  /** Paths that must have a value to complete. */
  required: string[];
  /** Current values of the visible paths. */
  values: Record<string, unknown>;
  mandatory: boolean;
  openedAt: number;
  dueAt?: number;
  overdue: boolean;
  /** Gates that hold now and block this step; completing it would fail with GATE_CLOSED. */
  blockedBy: TaskBlock[];
  /** The instance's `seq` this view was built from; pass it as `expectedSeq` to detect concurrent changes. */
  seq: number;
}

/** A line of the audit trail: who, what, when, and the data changed. */
export interface HistoryEntry {
  seq: number;
  at: number;
  type: FlowEventType;
  actor?: ActorRef;
  nodeId?: string;
  /** A plain-language sentence ("alice (sales-rep) completed 'Order entry'"). */
  summary: string;
  changes?: DataChange[];
  event: FlowEvent;
}

/** A summary row of an instance, kept by the store for listing. */
export interface InstanceSummary {
  instanceId: string;
  flowId: string;
  version: number;
  status: InstanceStatus;
  seq: number;
  startedAt: number;
  updatedAt: number;
  /** Earliest pending timer or SLA due time, for {@link Engine.tick}. */
  nextDueAt?: number;
  parentId?: string;
  outcome?: string;
  /** Nodes where the instance stands now. */
  at: string[];
}

/** A row of the open-task projection, kept by the store and indexed by role. `roles` holds `'*'` when anyone may do the task. */
export interface OpenTaskRow {
  instanceId: string;
  taskId: string;
  nodeId: string;
  flowId: string;
  version: number;
  roles: string[];
  openedAt: number;
  dueAt?: number;
}

// ────────────────────────────── the engine ──────────────────────────────

/** Options of {@link createEngine}. */
export interface EngineOptions {
  store: FlowStore;
  /** The CRM catalog the flows were written for (windows, roles). */
  catalog?: Catalog;
  clock?: Clock;
  ids?: IdGenerator;
  /** Roles that may cancel and migrate any instance. Default `['admin']`. */
  adminRoles?: readonly string[];
}

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
}

/** A deployed definition, as listed. */
export interface DefinitionInfo {
  flowId: string;
  version: number;
  name: LocalizedText;
  deployedAt: number;
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

/** A subscriber. Errors it throws are swallowed so one bad listener cannot break a command. */
export type EngineListener = (notice: EngineNotice) => void;

/**
 * The engine facade: loads an instance's events from the store, runs the
 * pure transition, appends the new events with the expected sequence and
 * tells subscribers. Refusals reject with an {@link EngineError}.
 */
export interface Engine {
  /** Validates and stores a flow version. Versions are immutable: redeploying a different body under the same version fails. */
  deploy(flow: Flow | unknown): Promise<DeployResult>;
  /** Deployed definitions (all, or one flow's versions). */
  definitions(flowId?: string): Promise<DefinitionInfo[]>;
  /** A deployed definition; the latest version when `version` is absent. */
  definition(flowId: string, version?: number): Promise<Flow>;
  /** Starts an instance on the latest (or the given) version. */
  start(flowId: string, options: { actor: Actor; data?: DataPatch; version?: number }): Promise<CommandResult>;
  /** Open tasks the actor may do: across all instances, or in one instance. */
  tasks(query: { actor: Actor }): Promise<TaskView[]>;
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
  migrate(instanceId: string, toVersion: number, nodeMap?: Record<string, string>, options?: { actor?: Actor }): Promise<CommandResult>;
  /** The instance's current state. */
  instance(instanceId: string): Promise<InstanceState>;
  /** Instances, optionally by flow and status. */
  instances(query?: { flowId?: string; status?: InstanceStatus }): Promise<InstanceSummary[]>;
  /** The raw event log. */
  events(instanceId: string): Promise<FlowEvent[]>;
  /** The audit trail in plain language. */
  history(instanceId: string): Promise<HistoryEntry[]>;
  /** Calls `listener` after every command with the events it appended. Returns the unsubscribe function. */
  subscribe(listener: EngineListener): () => void;
}
