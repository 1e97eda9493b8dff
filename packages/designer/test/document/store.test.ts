import { describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../src/document/store.js';
import { moveNodes, updateNode } from '../../src/document/commands/index.js';
import { smallFlow } from '../fixtures/flow.js';

describe('document store', () => {
  it('makes a whole drag one undo step', () => {
    // given a store
    const store = createDocumentStore(smallFlow());
    const before = store.getSnapshot().flow;
    // when a drag sends many frames and then ends
    for (let i = 1; i <= 10; i++) store.run(moveNodes({ enter: { x: 180 + i * 10, y: 60 } }), { capture: 'eventually', key: 'drag' });
    store.run(moveNodes({ enter: { x: 290, y: 60 } }));
    // then one undo brings the step back to where it started
    expect(store.getSnapshot().flow.layout?.nodes?.enter).toEqual({ x: 290, y: 60 });
    store.undo();
    expect(store.getSnapshot().flow).toEqual(before);
    expect(store.getSnapshot().canUndo).toBe(false);
    store.redo();
    expect(store.getSnapshot().flow.layout?.nodes?.enter).toEqual({ x: 290, y: 60 });
  });

  it('keeps typing in a field and a following drag as two steps', () => {
    // given a store
    const store = createDocumentStore(smallFlow());
    // when a name is typed, then a step is dragged
    store.run(updateNode('enter', { name: { en: 'E' } }), { capture: 'eventually', key: 'name' });
    store.run(updateNode('enter', { name: { en: 'Ent' } }), { capture: 'eventually', key: 'name' });
    store.run(moveNodes({ review: { x: 500, y: 260 } }), { capture: 'eventually', key: 'drag' });
    store.flush();
    // then undoing the drag keeps the new name
    store.undo();
    expect(store.getSnapshot().flow.layout?.nodes?.review).toEqual({ x: 440, y: 260 });
    expect(store.getSnapshot().flow.nodes[1]!.name.en).toBe('Ent');
    store.undo();
    expect(store.getSnapshot().flow.nodes[1]!.name.en).toBe('Enter customer');
  });

  it('does not record changes that change nothing', () => {
    // given a store
    const store = createDocumentStore(smallFlow());
    const rev = store.getSnapshot().revision;
    // when a step is moved to where it already is
    store.run(moveNodes({ enter: { x: 180, y: 60 } }));
    // then there is nothing to undo and no new revision
    expect(store.getSnapshot().canUndo).toBe(false);
    expect(store.getSnapshot().revision).toBe(rev);
  });

  it('clears redo after a new change', () => {
    // given an undone change
    const store = createDocumentStore(smallFlow());
    store.run(updateNode('enter', { mandatory: false }));
    store.undo();
    expect(store.getSnapshot().canRedo).toBe(true);
    // when another change is made
    store.run(updateNode('review', { mandatory: true }));
    // then redo is no longer possible
    expect(store.getSnapshot().canRedo).toBe(false);
    expect(store.getSnapshot().undoName).toBe('Change step');
  });
});
