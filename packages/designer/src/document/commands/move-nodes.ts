import type { Command } from '../types.js';
import { draftLayout, ensureLane, findNode } from './shared.js';

/** A node's new place and, when it was moved into another lane, its new department (`null`: no lane). */
export interface NodeMove {
  x: number;
  y: number;
  department?: string | null;
}

/**
 * Moves steps. Moving a step into a lane sets its department. A drag sends
 * this with capture `eventually` on every frame and once with `now` at the
 * end, so the whole drag is one undo step.
 */
export function moveNodes(moves: Readonly<Record<string, NodeMove>>): Command {
  const n = Object.keys(moves).length;
  return {
    name: n === 1 ? 'Move step' : `Move ${n} steps`,
    recipe(flow) {
      const layout = draftLayout(flow);
      for (const [id, m] of Object.entries(moves)) {
        const node = findNode(flow, id);
        if (!node) continue;
        const prev = layout.nodes[id];
        if (prev) {
          if (prev.x !== m.x) prev.x = m.x;
          if (prev.y !== m.y) prev.y = m.y;
        } else layout.nodes[id] = { x: m.x, y: m.y };
        if (m.department === null) {
          if (node.department !== undefined) delete node.department;
        } else if (m.department !== undefined && node.department !== m.department) {
          node.department = m.department;
          ensureLane(flow, m.department);
        }
      }
    },
  };
}
