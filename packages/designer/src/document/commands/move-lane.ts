import type { Catalog } from '@crm/flow-runtime';
import type { Command } from '../types.js';
import { materializeLanes, withLanesShifted } from './lane-shift.js';

/** Moves a lane to another place in the order (its steps move with it). */
export function moveLane(department: string, toIndex: number, catalog?: Catalog): Command {
  return {
    name: 'Reorder lanes',
    recipe(flow) {
      withLanesShifted(flow, catalog, () => {
        const lanes = materializeLanes(flow, catalog);
        const from = lanes.findIndex((l) => l.department === department);
        if (from < 0) return;
        const to = Math.max(0, Math.min(lanes.length - 1, toIndex));
        if (from === to) return;
        const [lane] = lanes.splice(from, 1);
        lanes.splice(to, 0, lane!);
      });
    },
  };
}
