import { describe, expect, it } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { freeSpot, placementFor } from '../../src/canvas/placement.js';
import { NODE_SIZE, laneBands } from '../../src/document/geometry.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';
import { blankFlow } from '../../src/document/new-flow.js';

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

  it('puts a step added after the start of a blank flow between start and end, moving the end right; its connection crosses no step', () => {
    // given a blank flow: start and end in one lane, not connected
    const flow = blankFlow({ name: { en: 'Warranty claim' }, departments: ['sales', 'finance'], taken: [], catalog: sampleCatalog });
    const pos = flow.layout!.nodes!;
    // when a task is added after the start
    const place = placementFor(flow, sampleCatalog, 'task', 'start');
    // then it stands right of the start, in its lane, and the end moved right of it along its row
    expect(place.department).toBe('sales');
    expect(place.x).toBeGreaterThan(pos.start!.x + NODE_SIZE.start.width);
    const end = place.makeRoom.end!;
    expect(end.y).toBe(pos.end!.y);
    expect(end.x).toBeGreaterThanOrEqual(place.x + NODE_SIZE.task.width + 40);
    // and the straight line start → new step passes through no other step
    const lineY = pos.start!.y + NODE_SIZE.start.height / 2;
    const after = { ...pos, ...place.makeRoom };
    const crossed = flow.nodes.filter((n) => n.id !== 'start' && after[n.id]!.x < place.x && after[n.id]!.x + NODE_SIZE[n.kind].width > pos.start!.x + NODE_SIZE.start.width && after[n.id]!.y < lineY && lineY < after[n.id]!.y + NODE_SIZE[n.kind].height);
    expect(crossed).toEqual([]);
  });

  it('pushes the rest of a row right when a step is inserted after one in the middle, keeping the row in order', () => {
    // given the sample: the first finance step, followed in its row by others
    const flow = newCustomerApproval();
    const pos = flow.layout!.nodes!;
    const [firstId] = Object.entries(pos).filter(([id]) => flow.nodes.find((n) => n.id === id)?.kind === 'task').sort((a, b) => a[1].x - b[1].x)[0]!;
    const place = placementFor(flow, sampleCatalog, 'task', firstId);
    const placed = { x: place.x, y: place.y, ...NODE_SIZE.task };
    const moved: Flow = { ...flow, layout: { ...flow.layout, nodes: { ...pos, ...place.makeRoom } } };
    expect(Object.keys(place.makeRoom).length, 'the steps after it in its row make room').toBeGreaterThan(0);
    // and nothing nothing overlaps the new step, moved steps only went right and kept their row
    expect(boxes(moved).filter((b) => overlaps(placed, b))).toEqual([]);
    for (const [id, to] of Object.entries(place.makeRoom)) {
      expect(to.x).toBeGreaterThan(pos[id]!.x);
      expect(to.y).toBe(pos[id]!.y);
    }
  });

  it('moves nothing when the spot right of the step is free', () => {
    const flow = blankFlow({ name: { en: 'Warranty claim' }, departments: ['sales'], taken: [], catalog: sampleCatalog });
    const place = placementFor(flow, sampleCatalog, 'task', 'end');
    expect(place.makeRoom).toEqual({});
  });
});
