import { expect } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { createDocumentStore, type DocumentStore } from '../../src/document/store.js';
import type { Command } from '../../src/document/types.js';

/**
 * Runs a command on a store over `flow`, hands the result to `then`, and
 * checks that undo restores the original flow exactly and redo the result.
 */
export function checkCommand(flow: Flow, command: Command, then: (after: Flow, before: Flow) => void): DocumentStore {
  const store = createDocumentStore(flow);
  const before = store.getSnapshot().flow;
  store.run(command);
  const after = store.getSnapshot().flow;
  then(after, before);
  store.undo();
  expect(store.getSnapshot().flow).toEqual(before);
  store.redo();
  expect(store.getSnapshot().flow).toEqual(after);
  then(store.getSnapshot().flow, before);
  return store;
}
