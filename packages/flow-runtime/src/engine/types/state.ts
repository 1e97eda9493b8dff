/** An instance's state: the fold of its events. */
import type { EngineText } from '../texts/types.js';
import type { LocalizedText } from '../../schema/common.js';
import type { ActorRef, ProcessData } from './actors.js';
import type { AlertSeverity, AlertSource, IncidentCode, ParentLink } from './events.js';

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
  /** The alert as an engine text, when the engine wrote it (an SLA escalation): render it with `formatEngineText`. */
  text?: EngineText;
  to: string[];
  severity: AlertSeverity;
}

/** A stuck path. */
export interface IncidentState {
  incidentId: string;
  at: number;
  code: IncidentCode;
  /** In English; `text` renders in the reader's language. */
  message: string;
  /** The incident as an engine text: render it with `formatEngineText(incident.text, { locale, timeZone })`. */
  text?: EngineText;
  nodeId?: string;
  tokenId?: string;
  /** The control whose rule could not be evaluated (a gate then holds, an alert cannot fire). */
  controlId?: string;
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
