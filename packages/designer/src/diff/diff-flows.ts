import type { Flow } from '@crm/flow-runtime';
import type { DiffMark } from '../canvas/types.js';

/** What changed between two versions of a flow. */
export interface FlowDiffResult {
  /** Marks by node id, and by `edge:<id>` for connections. */
  before: Map<string, DiffMark>;
  after: Map<string, DiffMark>;
  added: number;
  removed: number;
  changed: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares two versions: steps and connections added (only in `after`),
 * removed (only in `before`) and changed (same id, different content;
 * moving a step is not a change).
 */
export function diffFlows(before: Flow, after: Flow): FlowDiffResult {
  const b = new Map<string, DiffMark>();
  const a = new Map<string, DiffMark>();
  let added = 0;
  let removed = 0;
  let changed = 0;
  const compare = <T extends { id: string }>(xs: readonly T[], ys: readonly T[], prefix: string) => {
    const old = new Map(xs.map((x) => [x.id, x]));
    const now = new Map(ys.map((y) => [y.id, y]));
    for (const [id, x] of old) {
      const y = now.get(id);
      if (!y) {
        b.set(prefix + id, 'removed');
        removed++;
      } else if (!same(x, y)) {
        b.set(prefix + id, 'changed');
        a.set(prefix + id, 'changed');
        changed++;
      }
    }
    for (const id of now.keys()) {
      if (!old.has(id)) {
        a.set(prefix + id, 'added');
        added++;
      }
    }
  };
  compare(before.nodes, after.nodes, '');
  compare(before.edges, after.edges, 'edge:');
  return { before: b, after: a, added, removed, changed };
}
