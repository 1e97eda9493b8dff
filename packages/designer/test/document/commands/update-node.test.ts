import { describe, expect, it } from 'vitest';
import { updateNode } from '../../../src/document/commands/index.js';
import { smallFlow } from '../../fixtures/flow.js';
import { checkCommand } from '../check-command.js';

describe('updateNode', () => {
  it('changes names, roles and the SLA, and removes properties set to undefined', () => {
    // when the inspector changes enter
    checkCommand(smallFlow(), updateNode('enter', { name: { en: 'Enter', zh: '录入' }, roles: ['sales-manager'], sla: { hours: 24 }, mandatory: undefined }), (after) => {
      // then the node has the new values and no mandatory flag
      expect(after.nodes.find((n) => n.id === 'enter')).toMatchObject({ name: { en: 'Enter', zh: '录入' }, roles: ['sales-manager'], sla: { hours: 24 } });
      expect(after.nodes.find((n) => n.id === 'enter')).not.toHaveProperty('mandatory');
    });
  });

  it('renames the id everywhere it is referred to', () => {
    // when enter is renamed to entry
    checkCommand(smallFlow(), updateNode('enter', { id: 'entry' }), (after) => {
      // then edges, layout and separation of duties follow
      expect(after.edges.filter((e) => e.source === 'entry' || e.target === 'entry')).toHaveLength(2);
      expect(after.layout?.nodes?.entry).toEqual({ x: 180, y: 60 });
      expect(after.nodes.find((n) => n.id === 'review')).toMatchObject({ notSameActorAs: ['entry'] });
    });
  });

  it('adds a lane when a step gets a department without one', () => {
    // when a step's department is set to warehouse
    checkCommand(smallFlow(), updateNode('review', { department: 'warehouse' }), (after) => {
      // then a warehouse lane exists
      expect(after.layout?.lanes?.map((l) => l.department)).toContain('warehouse');
    });
  });
});
