import type { Catalog } from '@crm/flow-runtime';
import type { Command } from '../types.js';
import { materializeLanes } from './lane-shift.js';
import { DEFAULT_LANE_SIZE } from '../geometry.js';

/** Adds a department's lane at the bottom. */
export function addLane(department: string, catalog?: Catalog): Command {
  return {
    name: 'Add lane',
    recipe(flow) {
      const lanes = materializeLanes(flow, catalog);
      if (!lanes.some((l) => l.department === department)) lanes.push({ department, size: DEFAULT_LANE_SIZE });
    },
  };
}
