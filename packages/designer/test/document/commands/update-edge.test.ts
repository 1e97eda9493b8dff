import { describe, expect, it } from 'vitest';
import { updateEdge } from '../../../src/document/commands/index.js';
import { smallFlow } from '../../fixtures/flow.js';
import { checkCommand } from '../check-command.js';

describe('updateEdge', () => {
  it('sets a guard and a label', () => {
    // when a guard is set on e4
    const guard = { '>': [{ var: 'customer.creditLimit' }, 1000] };
    checkCommand(smallFlow(), updateEdge('e4', { guard, label: { en: 'big' } }), (after) => {
      // then the edge carries it
      expect(after.edges.find((e) => e.id === 'e4')).toMatchObject({ guard, label: { en: 'big' } });
    });
  });

  it('keeps one default per decision', () => {
    // when e4 becomes the default
    checkCommand(smallFlow(), updateEdge('e4', { default: true }), (after) => {
      // then e5 is no longer
      expect(after.edges.find((e) => e.id === 'e4')?.default).toBe(true);
      expect(after.edges.find((e) => e.id === 'e5')).not.toHaveProperty('default');
    });
  });

  it('removes the guard and the default flag', () => {
    // when they are cleared
    checkCommand(smallFlow(), updateEdge('e5', { default: false }), (after) => {
      // then the flag is gone rather than false
      expect(after.edges.find((e) => e.id === 'e5')).not.toHaveProperty('default');
    });
  });
});
