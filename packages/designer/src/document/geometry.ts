import type { Catalog, Flow, FlowNode, NodeKind } from '@crm/flow-runtime';

/** Width of a lane's header strip, where its department's name stands. */
export const LANE_HEADER_WIDTH = 44;
/** Height of a lane when the layout does not say. */
export const DEFAULT_LANE_SIZE = 200;
/** The smallest a lane may be resized to. */
export const MIN_LANE_SIZE = 100;
/** Snapping grid of the canvas. */
export const GRID = 10;

/** Drawn size of a node of each kind (a fixed size keeps layout and hit-testing predictable). */
export const NODE_SIZE: Record<NodeKind, { width: number; height: number }> = {
  start: { width: 48, height: 48 },
  end: { width: 48, height: 48 },
  task: { width: 180, height: 84 },
  decision: { width: 96, height: 96 },
  parallel: { width: 20, height: 88 },
  join: { width: 20, height: 88 },
  wait: { width: 150, height: 60 },
  system: { width: 180, height: 64 },
  subflow: { width: 180, height: 84 },
};

/** A department's swimlane: a horizontal band of the canvas. */
export interface LaneBand {
  department: string;
  top: number;
  height: number;
}

/**
 * The lanes in drawing order: those the layout lists, then departments that
 * steps use but the layout does not list, in catalog order.
 */
export function laneOrder(flow: Flow, catalog: Catalog | undefined): string[] {
  const listed = (flow.layout?.lanes ?? []).map((l) => l.department);
  const seen = new Set(listed);
  const used = new Set<string>();
  for (const n of flow.nodes) if (n.department && !seen.has(n.department)) used.add(n.department);
  const extra = catalog ? catalog.departments.map((d) => d.id).filter((d) => used.has(d)) : [];
  for (const d of used) if (!extra.includes(d)) extra.push(d);
  return [...listed, ...extra];
}

/** Lane bands stacked from y = 0 in {@link laneOrder}. */
export function laneBands(flow: Flow, catalog: Catalog | undefined): LaneBand[] {
  const sizes = new Map((flow.layout?.lanes ?? []).map((l) => [l.department, l.size]));
  let top = 0;
  return laneOrder(flow, catalog).map((department) => {
    const height = sizes.get(department) ?? DEFAULT_LANE_SIZE;
    const band = { department, top, height };
    top += height;
    return band;
  });
}

/** The lane whose band holds `y`, if any. */
export function laneAt(bands: readonly LaneBand[], y: number): LaneBand | undefined {
  return bands.find((b) => y >= b.top && y < b.top + b.height);
}

/** Where a node is drawn (absolute canvas coordinates), with a fallback for nodes the layout lacks. */
export function nodePosition(flow: Flow, node: FlowNode, index: number): { x: number; y: number } {
  const p = flow.layout?.nodes?.[node.id];
  if (p) return { x: p.x, y: p.y };
  return { x: LANE_HEADER_WIDTH + 40 + (index % 8) * 240, y: 40 + Math.floor(index / 8) * 140 };
}

/** Rounds to the snapping grid. */
export function snap(v: number): number {
  return Math.round(v / GRID) * GRID;
}
