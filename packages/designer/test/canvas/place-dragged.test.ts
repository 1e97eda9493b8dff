import { describe, expect, it } from 'vitest';
import { DeriveCache, deriveNodes, placeDragged, type DeriveInput } from '../../src/canvas/derive.js';
import { laneBands } from '../../src/document/geometry.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';

function derived() {
  const flow = newCustomerApproval();
  const input: DeriveInput = {
    flow,
    catalog: sampleCatalog,
    bands: laneBands(flow, sampleCatalog),
    locale: 'en',
    editable: true,
    selectedNodes: new Set(),
    selectedEdges: new Set(),
    nodeProblems: new Map(),
    edgeProblems: new Map(),
    viewAsRole: undefined,
    status: undefined,
    takenEdges: undefined,
    diff: undefined,
  };
  return deriveNodes(input, new DeriveCache());
}

describe('placeDragged (the canvas while a step is dragged, before the drop reaches the document)', () => {
  it('puts the dragged step where the pointer has it and leaves every other node as it was', () => {
    const nodes = derived();
    const placed = placeDragged(nodes, new Map([['evaluate-expenses', { x: 700, y: 50 }]]));
    expect(placed).toHaveLength(nodes.length);
    expect(placed.find((n) => n.id === 'evaluate-expenses')!.position).toEqual({ x: 700, y: 50 });
    for (const [i, n] of placed.entries()) if (n.id !== 'evaluate-expenses') expect(n).toBe(nodes[i]);
  });

  it('widens the lanes while a step is dragged past their end, so it never leaves its lane', () => {
    const nodes = derived();
    const width = nodes.find((n) => n.type === 'lane')!.width!;
    const placed = placeDragged(nodes, new Map([['evaluate-expenses', { x: width + 500, y: 50 }]]));
    for (const lane of placed.filter((n) => n.type === 'lane')) {
      expect(lane.width).toBe(width + 500 + 180 + 160);
      expect(lane.style?.width).toBe(width + 500 + 180 + 160);
    }
  });

  it('changes nothing when no step is being dragged', () => {
    const nodes = derived();
    expect(placeDragged(nodes, new Map())).toBe(nodes);
  });
});
