import type { Flow } from '@crm/flow-runtime';
import type { StepStatus } from '../canvas/types.js';

/** The part of an engine instance state the viewer reads (structurally the engine's `InstanceState`). */
export interface InstanceLike {
  status: 'active' | 'incident' | 'completed' | 'cancelled';
  visited: string[];
  tokens: Record<string, { nodeId: string; waiting?: string }>;
}

/** An event the viewer reads to highlight the path taken (structurally the engine's `FlowEvent`). */
export interface PathEventLike {
  type: string;
  edgeId?: string;
  branches?: { edgeId: string }[];
}

/**
 * Per-step progress of an instance: done (passed), active (a person or a
 * wait is on it), waiting (join, gate, sub-flow), skipped (never reached by a
 * finished instance); plus the edges taken.
 */
export function instanceProgress(flow: Flow, instance: InstanceLike, events?: readonly PathEventLike[]): { status: Map<string, StepStatus>; taken: Set<string> } {
  const status = new Map<string, StepStatus>();
  for (const id of instance.visited) status.set(id, 'done');
  for (const token of Object.values(instance.tokens)) {
    status.set(token.nodeId, token.waiting === 'task' || token.waiting === 'wait' || token.waiting === undefined ? 'active' : 'waiting');
  }
  if (instance.status === 'completed' || instance.status === 'cancelled') {
    for (const n of flow.nodes) if (!status.has(n.id)) status.set(n.id, 'skipped');
  }
  const taken = new Set<string>();
  if (events) {
    for (const e of events) {
      if (e.edgeId) taken.add(e.edgeId);
      for (const br of e.branches ?? []) taken.add(br.edgeId);
    }
  } else {
    const seen = new Set(instance.visited);
    for (const e of flow.edges) if (seen.has(e.source) && (seen.has(e.target) || status.get(e.target) === 'active')) taken.add(e.id);
  }
  return { status, taken };
}
