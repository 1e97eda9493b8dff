// Graph facts about a flow used by the sample-flow tests: what follows what,
// what reaches what, and whether a step lies on every path to an end.
import type { Flow, FlowNode } from '../../src/schema/index.js';

export function successors(flow: Flow, id: string): string[] {
  return flow.edges.filter((e) => e.source === id).map((e) => e.target);
}

function predecessors(flow: Flow, id: string): string[] {
  return flow.edges.filter((e) => e.target === id).map((e) => e.source);
}

function closure(from: string[], step: (id: string) => string[], skip?: string): Set<string> {
  const seen = new Set<string>();
  const pending = from.filter((id) => id !== skip);
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of step(id)) if (n !== skip && !seen.has(n)) pending.push(n);
  }
  return seen;
}

export function startOf(flow: Flow): FlowNode {
  const start = flow.nodes.find((n) => n.kind === 'start');
  if (!start) throw new Error(`${flow.id} has no start`);
  return start;
}

/** Nodes reachable from the start. */
export function reachable(flow: Flow, without?: string): Set<string> {
  return closure([startOf(flow).id], (id) => successors(flow, id), without);
}

/** Nodes from which some end can be reached. */
export function reachesEnd(flow: Flow): Set<string> {
  const ends = flow.nodes.filter((n) => n.kind === 'end').map((n) => n.id);
  return closure(ends, (id) => predecessors(flow, id));
}

/** True when no path from the start reaches an end without passing `id`. */
export function onEveryPath(flow: Flow, id: string): boolean {
  const seen = reachable(flow, id);
  return !flow.nodes.some((n) => n.kind === 'end' && seen.has(n.id));
}

/** Task windows met walking from the start along single edges until the first branch. */
export function leadingTaskWindows(flow: Flow): string[] {
  const out: string[] = [];
  let id: string | undefined = startOf(flow).id;
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  while (id) {
    const node = byId.get(id);
    if (node?.kind === 'task' && node.window) out.push(node.window);
    const next = successors(flow, id);
    id = next.length === 1 ? next[0] : undefined;
  }
  return out;
}
