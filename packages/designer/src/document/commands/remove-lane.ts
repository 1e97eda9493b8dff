import type { Catalog } from '@crm/flow-runtime';
import type { Command } from '../types.js';
import { materializeLanes, withLanesShifted } from './lane-shift.js';

/** Removes an empty lane (a lane that still holds steps stays). */
export function removeLane(department: string, catalog?: Catalog): Command {
  return {
    name: 'Remove lane',
    recipe(flow) {
      if (flow.nodes.some((n) => n.department === department)) return;
      withLanesShifted(flow, catalog, () => {
        const lanes = materializeLanes(flow, catalog);
        const i = lanes.findIndex((l) => l.department === department);
        if (i >= 0) lanes.splice(i, 1);
      });
    },
  };
}
