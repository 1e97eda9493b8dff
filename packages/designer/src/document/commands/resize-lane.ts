import type { Catalog } from '@crm/flow-runtime';
import { MIN_LANE_SIZE } from '../geometry.js';
import type { Command } from '../types.js';
import { materializeLanes, withLanesShifted } from './lane-shift.js';

/** Changes a lane's height; the lanes below (and their steps) move with it. */
export function resizeLane(department: string, size: number, catalog?: Catalog): Command {
  return {
    name: 'Resize lane',
    recipe(flow) {
      withLanesShifted(flow, catalog, () => {
        const lane = materializeLanes(flow, catalog).find((l) => l.department === department);
        const next = Math.max(MIN_LANE_SIZE, Math.round(size));
        if (lane && lane.size !== next) lane.size = next;
      });
    },
  };
}
