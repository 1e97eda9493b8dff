import type { LocalizedParagraph, LocalizedText } from '@crm/flow-runtime';
import type { Command } from '../types.js';
import { assignOrDelete } from './shared.js';

/** Changes the flow's own properties: name, description, id. */
export function updateFlow(patch: { name?: LocalizedText; description?: LocalizedParagraph | undefined; id?: string }): Command {
  return {
    name: 'Change flow',
    recipe(flow) {
      assignOrDelete(flow, patch);
    },
  };
}
