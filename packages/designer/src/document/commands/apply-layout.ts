import type { Layout } from '@crm/flow-runtime';
import type { Command } from '../types.js';
import { draftLayout } from './shared.js';

/** Applies a computed layout (auto-layout): new positions and lane sizes, as one undo step. */
export function applyLayout(layout: { nodes: NonNullable<Layout['nodes']>; lanes: NonNullable<Layout['lanes']> }): Command {
  return {
    name: 'Auto-layout',
    recipe(flow) {
      const target = draftLayout(flow);
      for (const [id, p] of Object.entries(layout.nodes)) target.nodes[id] = { ...p };
      target.lanes = layout.lanes.map((l) => ({ ...l }));
    },
  };
}
