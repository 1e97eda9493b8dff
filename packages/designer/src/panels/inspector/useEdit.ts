import { useCallback } from 'react';
import { useDesigner } from '../../designer/context.js';
import type { Command } from '../../document/types.js';

/**
 * Inspector edits: `live` applies a change as the user types (one undo step
 * per field once they leave it, via `done`); `now` is one step at once
 * (checkboxes, selects).
 */
export function useEdit() {
  const { store } = useDesigner();
  const live = useCallback((command: Command, key: string) => store.run(command, { capture: 'eventually', key }), [store]);
  const now = useCallback((command: Command) => store.run(command), [store]);
  const done = useCallback(() => store.flush(), [store]);
  return { live, now, done };
}
