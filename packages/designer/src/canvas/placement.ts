import type { Catalog, Flow, NodeKind } from '@crm/flow-runtime';
import { LANE_HEADER_WIDTH, NODE_SIZE, laneAt, laneBands, snap } from '../document/geometry.js';

/**
 * Where a step added from the keyboard goes: right of `after` in its lane,
 * or at the end of the first lane (or of `department`'s lane).
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
    let x = snap(p.x + ps.width + 80);
    const y = snap(p.y + ps.height / 2 - size.height / 2);
    // Step aside of whatever already sits there.
    while (flow.nodes.some((n) => pos[n.id] && Math.abs(pos[n.id]!.x - x) < 60 && Math.abs(pos[n.id]!.y - y) < 60)) x += 40;
    return { x, y, department: lane?.department ?? prev.department };
  }
  const lane = bands.find((b) => b.department === department) ?? bands[0];
  const inLane = flow.nodes.filter((n) => (lane ? n.department === lane.department : !n.department) && pos[n.id]);
  const right = inLane.reduce((m, n) => Math.max(m, pos[n.id]!.x + NODE_SIZE[n.kind].width), LANE_HEADER_WIDTH);
  return {
    x: snap(right + (inLane.length ? 80 : 40)),
    y: snap((lane?.top ?? 0) + (lane?.height ?? 200) / 2 - size.height / 2),
    department: lane?.department,
  };
}
