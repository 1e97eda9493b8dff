import type { FlowEdge } from '@crm/flow-runtime';
import type { Command } from '../types.js';
import { assignOrDelete } from './shared.js';

/** Properties of a connection; `undefined` removes one. */
export type EdgePatch = { [K in Exclude<keyof FlowEdge, 'id'>]?: FlowEdge[K] | undefined };

/**
 * Changes a connection: label, guard, default. Making a connection the
 * default clears the flag on its siblings, since a decision has one default.
 */
export function updateEdge(id: string, patch: EdgePatch, name = 'Change connection'): Command {
  return {
    name,
    recipe(flow) {
      const edge = flow.edges.find((e) => e.id === id);
      if (!edge) return;
      const p: Record<string, unknown> = { ...patch };
      if (p.default === false) p.default = undefined;
      assignOrDelete(edge, p);
      if (patch.default === true) {
        for (const e of flow.edges) if (e !== edge && e.source === edge.source && e.default) delete e.default;
      }
    },
  };
}
