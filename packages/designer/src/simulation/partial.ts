import type { Flow, FlowNode } from '@crm/flow-runtime';
import type { Diagnostic } from '../validation/types.js';

/**
 * The part of a flow with errors that can still be walked: every step with
 * an error becomes an end ("stops here"), its outgoing connections and
 * connections with errors are dropped. Undefined when the errors are not
 * tied to steps after the start (the format itself is broken, or the start
 * has an error), so nothing can be walked.
 */
export function walkablePart(flow: Flow, diagnostics: readonly Diagnostic[]): { flow: Flow; stops: string[] } | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return { flow, stops: [] };
  if (errors.some((d) => d.nodeIds.length === 0 && d.edgeIds.length === 0)) return undefined;
  const stops = new Set(errors.flatMap((d) => d.nodeIds));
  const badEdges = new Set(errors.flatMap((d) => d.edgeIds));
  const start = flow.nodes.find((n) => n.kind === 'start');
  if (!start || stops.has(start.id)) return undefined;
  const nodes: FlowNode[] = flow.nodes.map((n) =>
    stops.has(n.id) ? { id: n.id, kind: 'end', name: n.name, ...(n.department ? { department: n.department } : {}), outcome: 'stopped-by-error' } : n,
  );
  const edges = flow.edges.filter((e) => !stops.has(e.source) && !badEdges.has(e.id));
  // Controls that block a step now ending the walk would name an end; keep the rest.
  const controls = flow.controls?.map((c) => (c.blocks ? { ...c, blocks: c.blocks.filter((b) => !stops.has(b)) } : c));
  return { flow: { ...flow, nodes, edges, ...(controls ? { controls } : {}) }, stops: [...stops] };
}
