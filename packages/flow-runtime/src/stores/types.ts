/**
 * The storage interface of the engine: a handful of Promise methods taking
 * request objects (in the manner of Dexie's DBCore). Every adapter passes
 * the same contract suite (test/stores/contract.ts).
 */
import type { Flow } from '../schema/flow.js';
import type { FlowEvent, InstanceStatus, InstanceSummary, OpenTaskRow } from '../engine/types.js';

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

/** Lists instances. */
export interface InstancesRequest {
  flowId?: string;
  status?: InstanceStatus;
  /** Only instances with a pending timer or SLA due at or before this time. */
  dueBefore?: number;
  parentId?: string;
}

/** Lists open tasks: those any of `roles` may do, or those of one instance. */
export interface OpenTasksRequest {
  roles?: readonly string[];
  instanceId?: string;
}

/** A deployed flow version. */
export interface StoredDefinition {
  flowId: string;
  version: number;
  flow: Flow;
  deployedAt: number;
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

/**
 * Where the engine keeps definitions, event logs and projections. Adapters:
 * {@link createMemoryStore}, and the Dexie store from `@crm/flow-runtime/dexie`.
 */
export interface FlowStore {
  /** Appends atomically: every write's `expectedSeq` must match, else nothing is written. */
  append(request: AppendRequest): Promise<AppendResult>;
  /** An instance's events in `seq` order; empty when unknown. */
  load(request: LoadRequest): Promise<FlowEvent[]>;
  instances(request: InstancesRequest): Promise<InstanceSummary[]>;
  /** One instance's summary, or undefined. */
  instance(request: { instanceId: string }): Promise<InstanceSummary | undefined>;
  openTasks(request: OpenTasksRequest): Promise<OpenTaskRow[]>;
  putDefinition(request: PutDefinitionRequest): Promise<PutDefinitionResult>;
  getDefinition(request: GetDefinitionRequest): Promise<StoredDefinition | undefined>;
  definitions(request: DefinitionsRequest): Promise<StoredDefinition[]>;
}
