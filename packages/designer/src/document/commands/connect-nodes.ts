import type { Command } from '../types.js';
import { uniqueId } from '../ids.js';

/**
 * Connects two steps. A second connection between the same two steps, or a
 * step to itself, is not added.
 */
export function connectNodes({ source, target, id }: { source: string; target: string; id?: string }): Command {
  return {
    name: 'Connect steps',
    recipe(flow) {
      if (source === target) return;
      if (!flow.nodes.some((n) => n.id === source) || !flow.nodes.some((n) => n.id === target)) return;
      if (flow.edges.some((e) => e.source === source && e.target === target)) return;
      flow.edges.push({ id: id ?? uniqueId(flow as never, `${source}-${target}`), source, target });
    },
  };
}
