import type { Flow } from '@crm/flow-runtime';

/**
 * A new id, unique among the flow's nodes, edges and controls, made from a
 * readable stem: `task`, `task-2`, `task-3`…
 */
export function uniqueId(flow: Pick<Flow, 'nodes' | 'edges'> & { controls?: Flow['controls'] }, stem: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set<string>(taken);
  for (const n of flow.nodes) used.add(n.id);
  for (const e of flow.edges) used.add(e.id);
  for (const c of flow.controls ?? []) used.add(c.id);
  const base = stem.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z]+/, '') || 'id';
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}
