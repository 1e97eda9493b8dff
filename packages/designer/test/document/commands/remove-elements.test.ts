import { describe, expect, it } from 'vitest';
import { removeElements } from '../../../src/document/commands/index.js';
import { smallFlow } from '../../fixtures/flow.js';
import { checkCommand } from '../check-command.js';

describe('removeElements', () => {
  it('deletes a step with its connections and the references to it', () => {
    // given the small flow, where review must not be done by the actor of enter, and a gate blocks review
    // when enter and review are deleted
    checkCommand(smallFlow(), removeElements({ nodeIds: ['enter'] }), (after) => {
      // then no edge touches it, its position is gone, and separation of duties no longer names it
      expect(after.nodes.map((n) => n.id)).not.toContain('enter');
      expect(after.edges.some((e) => e.source === 'enter' || e.target === 'enter')).toBe(false);
      expect(after.layout?.nodes?.enter).toBeUndefined();
      const review = after.nodes.find((n) => n.id === 'review');
      expect(review && 'notSameActorAs' in review ? review.notSameActorAs : undefined).toBeUndefined();
    });
  });

  it('deletes connections alone', () => {
    // when one edge is deleted
    checkCommand(smallFlow(), removeElements({ edgeIds: ['e4'] }), (after, before) => {
      // then only that edge is gone
      expect(after.edges.map((e) => e.id)).toEqual(before.edges.map((e) => e.id).filter((id) => id !== 'e4'));
      expect(after.nodes).toEqual(before.nodes);
    });
  });

  it('drops a deleted step from gates', () => {
    // when the gated step is deleted
    checkCommand(smallFlow(), removeElements({ nodeIds: ['review'] }), (after) => {
      // then the gate blocks nothing that is gone
      expect(after.controls?.[0]?.blocks).toEqual([]);
    });
  });
});
