import type { FlowNode, LocalizedText, NodeKind } from '@crm/flow-runtime';
import { uniqueId } from '../ids.js';
import type { Command } from '../types.js';
import { draftLayout, ensureLane } from './shared.js';

/** What {@link addNode} needs: the kind and where it was dropped. */
export interface AddNodeInput {
  kind: NodeKind;
  position: { x: number; y: number };
  /** The lane it was dropped in. */
  department?: string;
  /** Defaults to a readable id made from the kind. */
  id?: string;
  name?: LocalizedText;
}

const DEFAULT_NAMES: Record<NodeKind, LocalizedText> = {
  start: { en: 'Start', zh: '开始' },
  end: { en: 'End', zh: '结束' },
  task: { en: 'New step', zh: '新步骤' },
  decision: { en: 'Decision', zh: '判断' },
  parallel: { en: 'Split', zh: '并行' },
  join: { en: 'Join', zh: '汇合' },
  wait: { en: 'Wait', zh: '等待' },
  system: { en: 'System step', zh: '系统步骤' },
  subflow: { en: 'Sub-flow', zh: '子流程' },
};

/** A fresh node of `kind` with the fields its kind requires. */
export function newNode(kind: NodeKind, id: string, name: LocalizedText = DEFAULT_NAMES[kind]): FlowNode {
  const base = { id, name: { ...name } };
  switch (kind) {
    case 'subflow':
      return { ...base, kind, flow: 'choose-a-flow' };
    default:
      return { ...base, kind } as FlowNode;
  }
}

/**
 * Adds a step (dropped from the palette) at a canvas position; a step dropped
 * in a lane belongs to that lane's department.
 */
export function addNode(input: AddNodeInput): Command {
  return {
    name: `Add ${input.kind}`,
    recipe(flow) {
      const id = input.id ?? uniqueId(flow as never, input.kind);
      const node = newNode(input.kind, id, input.name);
      if (input.department) node.department = input.department;
      flow.nodes.push(node);
      draftLayout(flow).nodes[id] = { x: input.position.x, y: input.position.y };
      ensureLane(flow, input.department);
    },
  };
}
