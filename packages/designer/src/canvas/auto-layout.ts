import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Catalog, Flow, Layout } from '@crm/flow-runtime';
import { DEFAULT_LANE_SIZE, LANE_HEADER_WIDTH, MIN_LANE_SIZE, NODE_SIZE, laneOrder, snap } from '../document/geometry.js';

const ROW = 120;
const PAD = 40;

interface Elk {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let elk: Promise<Elk> | undefined;

/** ELK in a Web Worker where the browser has one (large flows stay responsive), else on this thread. */
function getElk(): Promise<Elk> {
  elk ??= (async () => {
    const { default: ELK } = await import('elkjs/lib/elk-api.js');
    const canWork = typeof Worker !== 'undefined' && typeof navigator !== 'undefined' && !navigator.userAgent.includes('HappyDOM');
    if (canWork) {
      try {
        const { default: url } = await import('elkjs/lib/elk-worker.min.js?url');
        return new ELK({ workerFactory: () => new Worker(url) }) as unknown as Elk;
      } catch {
        // fall through to the bundled build
      }
    }
    const { default: Bundled } = await import('elkjs/lib/elk.bundled.js');
    return new Bundled() as unknown as Elk;
  })();
  return elk;
}

/**
 * Lays the flow out left to right with ELK's layered algorithm, then keeps
 * every step in its department's lane: within a lane, steps take rows in the
 * order ELK placed them, and each lane grows to hold its rows.
 */
export async function autoLayout(flow: Flow, catalog: Catalog | undefined): Promise<{ nodes: NonNullable<Layout['nodes']>; lanes: NonNullable<Layout['lanes']> }> {
  const engine = await getElk();
  const ids = new Set(flow.nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.nodeNode': '50',
      'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: flow.nodes.map((n) => ({ id: n.id, ...NODE_SIZE[n.kind] })),
    edges: flow.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const result = await engine.layout(graph);
  const placed = new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));

  const lanes = laneOrder(flow, catalog);
  const groups = new Map<string, typeof flow.nodes>();
  for (const d of [...lanes, '']) groups.set(d, []);
  for (const n of flow.nodes) groups.get(n.department && lanes.includes(n.department) ? n.department : '')!.push(n);

  const nodes: NonNullable<Layout['nodes']> = {};
  const laneSizes: NonNullable<Layout['lanes']> = [];
  let top = 0;
  for (const [department, members] of groups) {
    if (department === '' && members.length === 0) continue;
    // Rows: each step goes to the first row where it overlaps nothing horizontally.
    const rows: { from: number; to: number }[][] = [];
    const rowOf = new Map<string, number>();
    for (const n of [...members].sort((a, b) => placed.get(a.id)!.y - placed.get(b.id)!.y)) {
      const x = placed.get(n.id)!.x;
      const span = { from: x - 30, to: x + NODE_SIZE[n.kind].width + 30 };
      let r = rows.findIndex((row) => row.every((s) => s.to <= span.from || s.from >= span.to));
      if (r < 0) r = rows.push([]) - 1;
      rows[r]!.push(span);
      rowOf.set(n.id, r);
    }
    const height = Math.max(department === '' ? MIN_LANE_SIZE : DEFAULT_LANE_SIZE, snap(rows.length * ROW + PAD * 2 - 40));
    const inner = (height - rows.length * ROW) / 2;
    for (const n of members) {
      const s = NODE_SIZE[n.kind];
      nodes[n.id] = { x: snap(LANE_HEADER_WIDTH + PAD + placed.get(n.id)!.x), y: snap(top + inner + rowOf.get(n.id)! * ROW + (ROW - s.height) / 2) };
    }
    if (department !== '') laneSizes.push({ department, size: height });
    top += height;
  }
  return { nodes, lanes: laneSizes };
}
