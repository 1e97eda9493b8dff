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

/** Where {@link placementFor} puts a new step, and which steps it moves aside to make room. */
export interface Placement {
  x: number;
  y: number;
  department: string | undefined;
  /** Steps right of the one the new step follows, pushed right along its row so the new step sits next to it. */
  makeRoom: Record<string, { x: number; y: number }>;
}

/**
 * Where a step added by a click or the keyboard goes: right of `after` in its
 * lane (the steps already standing there in its row move right to make room,
 * so the new step is next to the one it follows and its connection crosses
 * no other step), or at the end of `department`'s lane (the first lane
 * without one), always on a free spot.
 */
export function placementFor(flow: Flow, catalog: Catalog | undefined, kind: NodeKind, after?: string, department?: string): Placement {
  const bands = laneBands(flow, catalog);
  const size = NODE_SIZE[kind];
  const pos = flow.layout?.nodes ?? {};
  const prev = after ? flow.nodes.find((n) => n.id === after) : undefined;
  if (prev && pos[prev.id]) {
    const p = pos[prev.id]!;
    const ps = NODE_SIZE[prev.kind];
    const lane = prev.department ? bands.find((b) => b.department === prev.department) : laneAt(bands, p.y);
    const desired = { x: snap(p.x + ps.width + 80), y: snap(p.y + ps.height / 2 - size.height / 2) };
    // The row: steps right of `prev` whose height overlaps the new step's (with the gap).
    const row = flow.nodes.filter((n) => {
      const q = pos[n.id];
      if (!q || n.id === prev.id || q.x < p.x + ps.width) return false;
      const h = NODE_SIZE[n.kind].height;
      return q.y < desired.y + size.height + GAP && desired.y < q.y + h + GAP;
    });
    const first = row.reduce((m, n) => Math.min(m, pos[n.id]!.x), Infinity);
    const makeRoom: Placement['makeRoom'] = {};
    if (first < desired.x + size.width + GAP) {
      const shift = Math.ceil((desired.x + size.width + 80 - first) / GRID) * GRID;
      for (const n of row) makeRoom[n.id] = { x: pos[n.id]!.x + shift, y: pos[n.id]!.y };
    }
    // Whatever else still stands there (a step reaching in from another row), the new step steps aside of it.
    const moved: Flow = { ...flow, layout: { ...flow.layout, nodes: { ...pos, ...makeRoom } } };
    const spot = freeSpot(moved, kind, desired);
    return { ...spot, department: lane?.department ?? prev.department, makeRoom };
  }
  const lane = bands.find((b) => b.department === department) ?? bands[0];
  const inLane = flow.nodes.filter((n) => (lane ? n.department === lane.department : !n.department) && pos[n.id]);
  const right = inLane.reduce((m, n) => Math.max(m, pos[n.id]!.x + NODE_SIZE[n.kind].width), LANE_HEADER_WIDTH);
  const spot = freeSpot(flow, kind, { x: snap(right + (inLane.length ? 80 : 40)), y: snap((lane?.top ?? 0) + (lane?.height ?? 200) / 2 - size.height / 2) });
  return { ...spot, department: lane?.department, makeRoom: {} };
}
