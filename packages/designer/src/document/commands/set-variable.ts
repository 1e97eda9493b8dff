import type { Variable } from '@crm/flow-runtime';
import type { Command } from '../types.js';

/**
 * Adds or changes a variable of the data schema. With `previousName`, renames
 * it (keeping its place in the schema); rules that read the old name are not
 * rewritten, so the problems panel points at them.
 */
export function setVariable(name: string, variable: Variable, previousName?: string): Command {
  return {
    name: previousName && previousName !== name ? 'Rename variable' : 'Change variable',
    recipe(flow) {
      if (previousName && previousName !== name && Object.prototype.hasOwnProperty.call(flow.data, previousName)) {
        if (Object.prototype.hasOwnProperty.call(flow.data, name)) return;
        const entries = Object.entries(flow.data).map(([k, v]) => (k === previousName ? [name, variable] : [k, v]));
        for (const k of Object.keys(flow.data)) delete flow.data[k];
        for (const [k, v] of entries) flow.data[k as string] = v as Variable;
        return;
      }
      flow.data[name] = variable;
    },
  };
}
