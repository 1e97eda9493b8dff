import { describe, expect, it } from 'vitest';
import { applyLayout, pasteElements, replaceFlow } from '../../../src/document/commands/index.js';
import { smallFlow } from '../../fixtures/flow.js';
import { checkCommand } from '../check-command.js';

describe('pasteElements', () => {
  it('pastes copies with new ids and the connections between them', () => {
    // given enter and review copied with the edge between them
    const flow = smallFlow();
    const clip = {
      nodes: flow.nodes.filter((n) => n.id === 'enter' || n.id === 'review'),
      edges: flow.edges.filter((e) => e.id === 'e2' || e.id === 'e1'),
      positions: { enter: { x: 180, y: 60 }, review: { x: 440, y: 260 } },
    };
    let ids: { nodes: string[]; edges: string[] } | undefined;
    // when they are pasted 40 px further
    checkCommand(flow, pasteElements(clip, { x: 40, y: 40 }, (x) => (ids = x)), (after, before) => {
      // then two nodes and one edge (e1 reaches outside the copy) are added
      expect(after.nodes).toHaveLength(before.nodes.length + 2);
      expect(ids?.nodes).toEqual(['enter-copy', 'review-copy']);
      expect(after.edges.at(-1)).toMatchObject({ source: 'enter-copy', target: 'review-copy' });
      expect(after.layout?.nodes?.['review-copy']).toEqual({ x: 480, y: 300 });
      // and separation of duties points at the copy
      expect(after.nodes.find((n) => n.id === 'review-copy')).toMatchObject({ notSameActorAs: ['enter-copy'] });
    });
  });
});

describe('applyLayout', () => {
  it('sets positions and lane sizes in one step', () => {
    checkCommand(smallFlow(), applyLayout({ nodes: { enter: { x: 1, y: 2 } }, lanes: [{ department: 'finance', size: 120 }, { department: 'sales', size: 140 }] }), (after) => {
      expect(after.layout?.nodes?.enter).toEqual({ x: 1, y: 2 });
      expect(after.layout?.lanes).toEqual([{ department: 'finance', size: 120 }, { department: 'sales', size: 140 }]);
    });
  });
});

describe('replaceFlow', () => {
  it('replaces the whole flow as one undoable step', () => {
    const other = { ...smallFlow(), id: 'other', nodes: [], edges: [] };
    checkCommand(smallFlow(), replaceFlow(other), (after) => {
      expect(after.id).toBe('other');
      expect(after.nodes).toEqual([]);
    });
  });
});
