import type { Flow } from '@crm/flow-runtime';
import type { Command } from '../types.js';

/** Replaces the whole flow (import, template) as one undoable step. */
export function replaceFlow(flow: Flow, name = 'Import flow'): Command {
  return {
    name,
    recipe: () => structuredClone(flow),
  };
}
