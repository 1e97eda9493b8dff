import type { Command } from '../types.js';

/** Removes a variable from the data schema. */
export function removeVariable(name: string): Command {
  return {
    name: 'Remove variable',
    recipe(flow) {
      delete flow.data[name];
    },
  };
}
