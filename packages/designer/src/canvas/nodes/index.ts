import type { NodeTypes } from '@xyflow/react';
import { DecisionNode } from './DecisionNode.js';
import { EndNode } from './EndNode.js';
import { JoinNode, ParallelNode } from './GatewayBar.js';
import { LaneNode } from './LaneNode.js';
import { StartNode } from './StartNode.js';
import { SubflowNode } from './SubflowNode.js';
import { SystemNode } from './SystemNode.js';
import { TaskNode } from './TaskNode.js';
import { WaitNode } from './WaitNode.js';

/** A React Flow node component per node kind, plus lanes. */
export const nodeTypes: NodeTypes = {
  start: StartNode,
  end: EndNode,
  task: TaskNode,
  decision: DecisionNode,
  parallel: ParallelNode,
  join: JoinNode,
  wait: WaitNode,
  system: SystemNode,
  subflow: SubflowNode,
  lane: LaneNode,
};

export { DecisionNode, EndNode, JoinNode, LaneNode, ParallelNode, StartNode, SubflowNode, SystemNode, TaskNode, WaitNode };
