/** What readers get: task views, history lines, summary and task rows. */
import type { Access, LocalizedText } from '../../schema/common.js';
import type { ActorRef, DataChange } from './actors.js';
import type { FlowEvent, FlowEventType } from './events.js';
import type { InstanceStatus } from './state.js';
import type { EngineText } from '../texts/types.js';

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
  /**
   * A plain-language sentence ("Li Na (sales rep) completed 'Order entry'."),
   * in the language and time zone asked of `history` (English and UTC by default).
   */
  summary: string;
  /** The sentence as an engine text: `formatEngineText(entry.text, { locale, timeZone, catalog })`. */
  text: EngineText;
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
  /** Earliest pending timer or SLA due time, for `Engine.tick`. */
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
