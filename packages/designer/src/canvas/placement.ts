import type { Catalog, Flow, NodeKind } from '@crm/flow-runtime';
import { GRID, LANE_HEADER_WIDTH, NODE_SIZE, laneAt, laneBands, snap } from '../document/geometry.js';

/** Room kept free around a placed step, so new steps never touch others. */
const GAP = 20;

/**
 * The spot nearest `desired` (moving right along its row, then trying rows
 * just above and below) where a step of `kind` overlaps no step of `flow`,
 * with a small gap around. Drops and clicks use it, so steps never land on
 * one another.
 */
export function freeSpot(flow: Flow, kind: NodeKind, desired: { x: number; y: number }): { x: number; y: number } {
  const size = NODE_SIZE[kind];
  const pos = flow.layout?.nodes ?? {};
  const rects = flow.nodes.filter((n) => pos[n.id]).map((n) => ({ ...pos[n.id]!, ...NODE_SIZE[n.kind] }));
  const clear = (x: number, y: number) =>
    rects.every((r) => x + size.width + GAP <= r.x || r.x + r.width + GAP <= x || y + size.height + GAP <= r.y || r.y + r.height + GAP <= y);
  for (let step = 0; step < 400; step++) {
    const x = desired.x + step * GRID * 2;
    for (const dy of [0, -GRID * 2, GRID * 2]) if (clear(x, desired.y + dy)) return { x, y: desired.y + dy };
  }
  return desired;
}

/**
 * Where a step added by a click or the keyboard goes: right of `after` in its
 * lane, or at the end of `department`'s lane (the first lane without one),
 * always on a free spot.
 */
export function placementFor(flow: Flow, catalog: Catalog | undefined, kind: NodeKind, after?: string, department?: string): { x: number; y: number; department: string | undefined } {
  const bands = laneBands(flow, catalog);
  const size = NODE_SIZE[kind];
  const pos = flow.layout?.nodes ?? {};
  const prev = after ? flow.nodes.find((n) => n.id === after) : undefined;
  if (prev && pos[prev.id]) {
    const p = pos[prev.id]!;
    const ps = NODE_SIZE[prev.kind];
    const lane = prev.department ? bands.find((b) => b.department === prev.department) : laneAt(bands, p.y);
    // Right of it, stepping aside of whatever already sits there.
    const spot = freeSpot(flow, kind, { x: snap(p.x + ps.width + 80), y: snap(p.y + ps.height / 2 - size.height / 2) });
    return { ...spot, department: lane?.department ?? prev.department };
  }
  const lane = bands.find((b) => b.department === department) ?? bands[0];
  const inLane = flow.nodes.filter((n) => (lane ? n.department === lane.department : !n.department) && pos[n.id]);
  const right = inLane.reduce((m, n) => Math.max(m, pos[n.id]!.x + NODE_SIZE[n.kind].width), LANE_HEADER_WIDTH);
  const spot = freeSpot(flow, kind, { x: snap(right + (inLane.length ? 80 : 40)), y: snap((lane?.top ?? 0) + (lane?.height ?? 200) / 2 - size.height / 2) });
  return { ...spot, department: lane?.department };
}
