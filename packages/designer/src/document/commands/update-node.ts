import type { FlowNode } from '@crm/flow-runtime';
import type { Command } from '../types.js';
import { assignOrDelete, ensureLane, findNode } from './shared.js';

/** Properties of any node kind; `undefined` removes the property. */
export type NodePatch = { [K in keyof FlowNode | 'roles' | 'window' | 'record' | 'mandatory' | 'sla' | 'notSameActorAs' | 'question' | 'outcome' | 'until' | 'timer' | 'assign' | 'alert' | 'flow' | 'version' | 'input' | 'output' | 'fields' | 'required']?: unknown };

/**
 * Changes properties of one step (from the inspector): names, department,
 * roles, window, mandatory, SLA, separation of duties, notes… Changing the
 * id renames every reference to it.
 */
export function updateNode(id: string, patch: NodePatch, name = 'Change step'): Command {
  return {
    name,
    recipe(flow) {
      const node = findNode(flow, id);
      if (!node) return;
      const { id: newId, ...rest } = patch as NodePatch & { id?: string };
      assignOrDelete(node, rest as Record<string, unknown>);
      if (typeof rest.department === 'string') ensureLane(flow, rest.department);
      if (typeof newId === 'string' && newId !== id && !flow.nodes.some((n) => n.id === newId)) {
        node.id = newId;
        for (const e of flow.edges) {
          if (e.source === id) e.source = newId;
          if (e.target === id) e.target = newId;
        }
        const pos = flow.layout?.nodes?.[id];
        if (pos && flow.layout?.nodes) {
          flow.layout.nodes[newId] = pos;
          delete flow.layout.nodes[id];
        }
        for (const n of flow.nodes) if (n.kind === 'task' && n.notSameActorAs) n.notSameActorAs = n.notSameActorAs.map((x) => (x === id ? newId : x));
        for (const c of flow.controls ?? []) if (c.blocks) c.blocks = c.blocks.map((x) => (x === id ? newId : x));
      }
    },
  };
}
