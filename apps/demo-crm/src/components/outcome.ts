import type { Flow, InstanceState } from '@crm/flow-runtime';

/**
 * What a finished case came to, in words: the name of the end step it
 * reached ("Order shipped" / "订单已发货"), not its outcome code (`shipped`),
 * which is for machines and would show in English in the Chinese UI.
 */
export function outcomeName(flow: Pick<Flow, 'nodes'>, state: Pick<InstanceState, 'visited' | 'outcome'>): { en: string; zh?: string } | undefined {
  const ends = flow.nodes.filter((n) => n.kind === 'end');
  const reached = ends.find((n) => state.visited.includes(n.id)) ?? ends.find((n) => n.kind === 'end' && n.outcome !== undefined && n.outcome === state.outcome);
  return reached?.name ?? (state.outcome ? { en: state.outcome } : undefined);
}
