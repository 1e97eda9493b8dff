import type { Command } from './types.js';

/** Runs several commands as one named step (add a step and connect it, for instance). */
export function compose(name: string, ...commands: Command[]): Command {
  return {
    name,
    recipe(flow) {
      for (const c of commands) c.recipe(flow);
    },
  };
}
