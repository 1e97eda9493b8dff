/** The events of an instance's log. */
import type { LocalizedText } from '../../schema/common.js';
import type { EngineText } from '../texts/types.js';
import type { ActorRef, DataChange, ProcessData } from './actors.js';

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
    | { type: 'alert.raised'; alertId: string; source: AlertSource; message: LocalizedText; text?: EngineText; to: string[]; severity: AlertSeverity }
    | { type: 'wait.started'; tokenId: string; nodeId: string; dueAt?: number }
    | { type: 'wait.ended'; tokenId: string; nodeId: string; reason: 'condition' | 'timer' }
    | { type: 'subflow.started'; tokenId: string; nodeId: string; childInstanceId: string; flowId: string; version: number }
    | { type: 'subflow.completed'; tokenId: string; nodeId: string; childInstanceId: string; outcome?: string }
    | { type: 'incident.raised'; incidentId: string; tokenId?: string; nodeId?: string; controlId?: string; code: IncidentCode; message: string; text?: EngineText }
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
