import { describe, expect, it } from 'vitest';
import { connectNodes } from '../../../src/document/commands/index.js';
import { createDocumentStore } from '../../../src/document/store.js';
import { smallFlow } from '../../fixtures/flow.js';
import { checkCommand } from '../check-command.js';

describe('connectNodes', () => {
  it('connects two steps', () => {
    // when review is connected to end-no
    checkCommand(smallFlow(), connectNodes({ source: 'review', target: 'end-no' }), (after, before) => {
      // then there is a new edge between them with a fresh id
      expect(after.edges).toHaveLength(before.edges.length + 1);
      expect(after.edges.at(-1)).toMatchObject({ source: 'review', target: 'end-no', id: 'review-end-no' });
    });
  });

  it('adds neither a duplicate nor a loop onto the same step', () => {
    // given a store
    const store = createDocumentStore(smallFlow());
    // when an existing connection and a self-loop are drawn
    store.run(connectNodes({ source: 'start', target: 'enter' }));
    store.run(connectNodes({ source: 'enter', target: 'enter' }));
    // then nothing changed and nothing can be undone
    expect(store.getSnapshot().flow.edges).toHaveLength(5);
    expect(store.getSnapshot().canUndo).toBe(false);
  });
});
