import { describe, expect, it } from 'vitest';
import { addLane, moveLane, removeLane, resizeLane } from '../../../src/document/commands/index.js';
import { laneBands } from '../../../src/document/geometry.js';
import { catalog } from '../../fixtures/catalog.js';
import { smallFlow } from '../../fixtures/flow.js';
import { checkCommand } from '../check-command.js';

describe('moveLane', () => {
  it('reorders lanes and moves their steps with them', () => {
    // when finance is moved above sales
    checkCommand(smallFlow(), moveLane('finance', 0, catalog), (after) => {
      // then finance comes first and its steps moved up by the height of sales
      expect(after.layout?.lanes?.map((l) => l.department)).toEqual(['finance', 'sales']);
      expect(after.layout?.nodes?.review).toEqual({ x: 440, y: 60 });
      expect(after.layout?.nodes?.enter).toEqual({ x: 180, y: 260 });
    });
  });
});

describe('resizeLane', () => {
  it('makes a lane taller and moves the lanes below', () => {
    // when sales grows by 100
    checkCommand(smallFlow(), resizeLane('sales', 300, catalog), (after) => {
      // then finance starts 100 lower, with its steps
      expect(laneBands(after, catalog).map((b) => b.top)).toEqual([0, 300]);
      expect(after.layout?.nodes?.review?.y).toBe(360);
      expect(after.layout?.nodes?.enter?.y).toBe(60);
    });
  });
});

describe('addLane and removeLane', () => {
  it('adds a lane at the bottom', () => {
    checkCommand(smallFlow(), addLane('warehouse', catalog), (after) => {
      expect(after.layout?.lanes?.at(-1)?.department).toBe('warehouse');
    });
  });

  it('removes an empty lane but never one that holds steps', () => {
    // given a flow with an empty warehouse lane
    const flow = smallFlow();
    flow.layout!.lanes!.splice(1, 0, { department: 'warehouse', size: 150 });
    for (const id of ['review', 'ok', 'end-ok']) flow.layout!.nodes![id]!.y += 150;
    // when the warehouse lane is removed
    checkCommand(flow, removeLane('warehouse', catalog), (after) => {
      // then finance moves up into its place
      expect(after.layout?.lanes?.map((l) => l.department)).toEqual(['sales', 'finance']);
      expect(after.layout?.nodes?.review?.y).toBe(260);
    });
    // and removing sales, which holds steps, does nothing
    checkCommand(smallFlow(), removeLane('sales', catalog), (after, before) => expect(after).toEqual(before));
  });
});
