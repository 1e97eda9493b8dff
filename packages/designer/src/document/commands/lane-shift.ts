import type { Draft } from 'immer';
import type { Catalog, Flow } from '@crm/flow-runtime';
import { laneBands, laneOrder, DEFAULT_LANE_SIZE } from '../geometry.js';
import { draftLayout } from './shared.js';

/** Lists every lane in the layout (departments used by steps but not yet listed are appended). */
export function materializeLanes(flow: Draft<Flow>, catalog: Catalog | undefined): { department: string; size?: number }[] {
  const order = laneOrder(flow as Flow, catalog);
  const layout = draftLayout(flow);
  for (const d of order) if (!layout.lanes.some((l) => l.department === d)) layout.lanes.push({ department: d, size: DEFAULT_LANE_SIZE });
  return layout.lanes;
}

/**
 * Runs a change of lane order or sizes and moves every step with its lane,
 * since step positions are absolute canvas coordinates.
 */
export function withLanesShifted(flow: Draft<Flow>, catalog: Catalog | undefined, change: () => void): void {
  const before = new Map(laneBands(flow as Flow, catalog).map((b) => [b.department, b.top]));
  change();
  const after = new Map(laneBands(flow as Flow, catalog).map((b) => [b.department, b.top]));
  const positions = flow.layout?.nodes;
  if (!positions) return;
  for (const n of flow.nodes) {
    if (!n.department) continue;
    const from = before.get(n.department);
    const to = after.get(n.department);
    const p = positions[n.id];
    if (p && from !== undefined && to !== undefined && from !== to) p.y += to - from;
  }
}
