import { describe, expect, it } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { freeSpot, placementFor } from '../../src/canvas/placement.js';
import { NODE_SIZE, laneBands } from '../../src/document/geometry.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';

type Box = { x: number; y: number; width: number; height: number };
const boxes = (flow: Flow): Box[] => flow.nodes.map((n) => ({ ...flow.layout!.nodes![n.id]!, ...NODE_SIZE[n.kind] }));
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placement', () => {
  it('moves a step dropped onto every existing step to a spot that overlaps none', () => {
    // given the sample flow with its steps laid out
    const flow = newCustomerApproval();
    for (const target of boxes(flow)) {
      // when a task is dropped right on top of each step
      const spot = freeSpot(flow, 'task', { x: target.x, y: target.y });
      // then it lands where it overlaps no step at all
      const placed = { ...spot, ...NODE_SIZE.task };
      expect(boxes(flow).filter((b) => overlaps(placed, b))).toEqual([]);
      // and stays near where it was dropped (same row give or take 20 px)
      expect(Math.abs(spot.y - target.y)).toBeLessThanOrEqual(20);
    }
  });

  it('leaves a drop on empty canvas where it was dropped', () => {
    const flow = newCustomerApproval();
    expect(freeSpot(flow, 'task', { x: 5000, y: 40 })).toEqual({ x: 5000, y: 40 });
  });

  it('puts a clicked step in the asked lane, on a free spot, repeatedly', () => {
    // given the sample and its finance lane
    let flow = newCustomerApproval();
    const finance = laneBands(flow, sampleCatalog).find((b) => b.department === 'finance')!;
    for (let i = 0; i < 4; i++) {
      // when a task is added to the finance lane four times
      const place = placementFor(flow, sampleCatalog, 'task', undefined, 'finance');
      // then each lands in the finance band, on no other step
      expect(place.department).toBe('finance');
      expect(place.y + NODE_SIZE.task.height / 2).toBeGreaterThanOrEqual(finance.top);
      expect(place.y + NODE_SIZE.task.height / 2).toBeLessThan(finance.top + finance.height);
      const placed = { x: place.x, y: place.y, ...NODE_SIZE.task };
      expect(boxes(flow).filter((b) => overlaps(placed, b))).toEqual([]);
      const id = `added-${i}`;
      flow = { ...flow, nodes: [...flow.nodes, { id, kind: 'task', department: 'finance', name: { en: id } } as Flow['nodes'][number]], layout: { ...flow.layout, nodes: { ...flow.layout!.nodes, [id]: { x: place.x, y: place.y } } } };
    }
  });
});
