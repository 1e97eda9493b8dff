import { describe, expect, it } from 'vitest';
import { addNode } from '../../../src/document/commands/index.js';
import { smallFlow } from '../../fixtures/flow.js';
import { checkCommand } from '../check-command.js';

describe('addNode', () => {
  it('adds a step where it was dropped, in the lane it was dropped in', () => {
    // given the small flow
    // when a task is dropped in the warehouse lane
    checkCommand(smallFlow(), addNode({ kind: 'task', position: { x: 300, y: 450 }, department: 'warehouse' }), (after, before) => {
      // then there is one more node, placed, belonging to warehouse, with a new lane
      expect(after.nodes).toHaveLength(before.nodes.length + 1);
      const added = after.nodes.at(-1)!;
      expect(added).toMatchObject({ kind: 'task', department: 'warehouse' });
      expect(after.layout?.nodes?.[added.id]).toEqual({ x: 300, y: 450 });
      expect(after.layout?.lanes?.map((l) => l.department)).toEqual(['sales', 'finance', 'warehouse']);
    });
  });

  it('gives each new step its own id', () => {
    // given a flow that already has a node called "task"
    const flow = smallFlow();
    flow.nodes.push({ id: 'task', kind: 'task', name: { en: 'x' } });
    // when another task is added
    checkCommand(flow, addNode({ kind: 'task', position: { x: 0, y: 0 } }), (after) => {
      // then its id differs from every other
      const ids = after.nodes.map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.at(-1)).toBe('task-2');
    });
  });

  it('creates sub-flow nodes with a flow to call', () => {
    // when a sub-flow is added
    checkCommand(smallFlow(), addNode({ kind: 'subflow', position: { x: 0, y: 0 } }), (after) => {
      // then it names a flow (the format requires one)
      expect(after.nodes.at(-1)).toMatchObject({ kind: 'subflow', flow: expect.any(String) });
    });
  });
});
