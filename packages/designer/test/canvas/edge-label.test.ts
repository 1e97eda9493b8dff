import { describe, expect, it } from 'vitest';
import { labelPlacement } from '../../src/canvas/edges/label-placement.js';

/** The screen point a label's transform puts its anchor at. */
const anchor = (transform: string) => {
  const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(transform);
  return { x: Number(m![1]), y: Number(m![2]) };
};

describe('edge label placement', () => {
  it("puts a decision's branch labels on their targets' rows, clear of the diamond", () => {
    // given a decision whose right tip is at x = 456 and two targets 124 px further, above and below the midline
    const up = labelPlacement({ sourceX: 456, targetX: 580, targetY: 82, labelX: 518, labelY: 90, branch: true });
    const down = labelPlacement({ sourceX: 456, targetX: 580, targetY: 172, labelX: 518, labelY: 135, branch: true });
    // then each label stands on its target's row, right-aligned before the arrow
    expect(anchor(up.transform).y).toBe(82);
    expect(anchor(down.transform).y).toBe(172);
    expect(up.transform).toContain('translate(-100%, -50%)');
    // and even at its widest it starts right of the diamond's tip
    expect(anchor(up.transform).x - up.maxWidth).toBeGreaterThan(456);
  });

  it('centres the label of a single connection on its path', () => {
    const p = labelPlacement({ sourceX: 100, targetX: 400, targetY: 80, labelX: 250, labelY: 60, branch: false });
    expect(anchor(p.transform)).toEqual({ x: 250, y: 60 });
    expect(p.transform).toContain('translate(-50%, -50%)');
  });

  it('keeps a backward branch (a loop) labelled at its path', () => {
    const p = labelPlacement({ sourceX: 900, targetX: 300, targetY: 80, labelX: 600, labelY: 200, branch: true });
    expect(anchor(p.transform)).toEqual({ x: 600, y: 200 });
  });
});
