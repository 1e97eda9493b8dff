import type { Command } from '../types.js';

/**
 * Deletes steps and connections. Connections of a deleted step go with it,
 * and references to it (separation of duties, gates) are dropped so the flow
 * stays consistent.
 */
export function removeElements({ nodeIds = [], edgeIds = [] }: { nodeIds?: readonly string[]; edgeIds?: readonly string[] }): Command {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return {
    name: nodes.size > 0 ? (nodes.size === 1 ? 'Delete step' : `Delete ${nodes.size} steps`) : edges.size === 1 ? 'Delete connection' : 'Delete connections',
    recipe(flow) {
      if (nodes.size > 0) {
        flow.nodes = flow.nodes.filter((n) => !nodes.has(n.id));
        for (const id of nodes) delete flow.layout?.nodes?.[id];
        for (const n of flow.nodes) {
          if (n.kind === 'task' && n.notSameActorAs?.some((id) => nodes.has(id))) {
            n.notSameActorAs = n.notSameActorAs.filter((id) => !nodes.has(id));
            if (n.notSameActorAs.length === 0) delete n.notSameActorAs;
          }
        }
        for (const c of flow.controls ?? []) {
          if (c.blocks?.some((id) => nodes.has(id))) c.blocks = c.blocks.filter((id) => !nodes.has(id));
        }
      }
      if (nodes.size > 0 || edges.size > 0) {
        const keep = flow.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
        if (keep.length !== flow.edges.length) flow.edges = keep;
      }
    },
  };
}
