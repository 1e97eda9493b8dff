import type { Edge, Node } from '@xyflow/react';
import type { FlowEdge, FlowNode } from '@crm/flow-runtime';

/** A step's state in a running instance or a simulation. */
export type StepStatus = 'done' | 'active' | 'waiting' | 'skipped';

/** How a version diff marks an element. */
export type DiffMark = 'added' | 'removed' | 'changed';

/** Problem counts of one element. */
export interface ProblemCount {
  error: number;
  warning: number;
}

/** What a step's React Flow node carries; everything is derived from the document. */
export interface StepData extends Record<string, unknown> {
  node: FlowNode;
  /** The department's colour, when the step is in a lane. */
  color: string | undefined;
  title: string;
  windowName: string | undefined;
  roleNames: string[];
  problems: ProblemCount | undefined;
  /** Names of gates that block this step. */
  gates: string[];
  dimmed: boolean;
  status: StepStatus | undefined;
  diff: DiffMark | undefined;
  /** Subflow: the called flow's name; decision: its question. */
  subtitle: string | undefined;
}

/** What a lane's React Flow node carries. */
export interface LaneData extends Record<string, unknown> {
  department: string;
  name: string;
  color: string;
  index: number;
  count: number;
  editable: boolean;
  empty: boolean;
}

/** What a connection's React Flow edge carries. */
export interface GuardEdgeData extends Record<string, unknown> {
  edge: FlowEdge;
  text: string | undefined;
  /** The guard in plain language (full, for the tooltip). */
  guardText: string | undefined;
  isDefault: boolean;
  problems: ProblemCount | undefined;
  crossesLanes: boolean;
  /** One of several connections leaving the same step (a decision's branches): labelled near its target, so siblings' labels never meet. */
  branch: boolean;
  highlighted: boolean;
  dimmed: boolean;
  diff: DiffMark | undefined;
}

export type StepRFNode = Node<StepData, FlowNode['kind']>;
export type LaneRFNode = Node<LaneData, 'lane'>;
export type DesignerRFNode = StepRFNode | LaneRFNode;
export type GuardRFEdge = Edge<GuardEdgeData, 'guard'>;

/** The id of a department's lane node. */
export const laneNodeId = (department: string): string => `lane:${department}`;
/** Whether a React Flow node id is a lane. */
export const isLaneId = (id: string): boolean => id.startsWith('lane:');
