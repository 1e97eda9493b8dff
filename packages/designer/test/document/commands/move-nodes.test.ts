import { describe, expect, it } from 'vitest';
import { moveNodes } from '../../../src/document/commands/index.js';
import { smallFlow } from '../../fixtures/flow.js';
import { checkCommand } from '../check-command.js';

describe('moveNodes', () => {
  it('moves several steps at once', () => {
    // when two steps are moved
    checkCommand(smallFlow(), moveNodes({ enter: { x: 200, y: 70 }, start: { x: 90, y: 90 } }), (after) => {
      // then both have their new places
      expect(after.layout?.nodes?.enter).toEqual({ x: 200, y: 70 });
      expect(after.layout?.nodes?.start).toEqual({ x: 90, y: 90 });
    });
  });

  it('sets the department of a step moved into another lane', () => {
    // when the sales step is moved into the finance lane
    checkCommand(smallFlow(), moveNodes({ enter: { x: 180, y: 260, department: 'finance' } }), (after) => {
      // then it belongs to finance
      expect(after.nodes.find((n) => n.id === 'enter')?.department).toBe('finance');
    });
  });

  it('clears the department of a step moved out of every lane', () => {
    // when a step is moved below all lanes
    checkCommand(smallFlow(), moveNodes({ enter: { x: 180, y: 900, department: null } }), (after) => {
      // then it has no department
      expect(after.nodes.find((n) => n.id === 'enter')?.department).toBeUndefined();
    });
  });
});
