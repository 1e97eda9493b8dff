import { describe, expect, it } from 'vitest';
import { DEFAULT_READABLE_FIT, DESIGNER_READABLE_FIT, readableViewport } from '../../src/canvas/fit.js';
import { minimapSize, partlyOutOfView } from '../../src/canvas/FlowMiniMap.js';

describe('readableViewport', () => {
  it('shows a small flow whole at 100 %, centred, rather than blowing it up', () => {
    const v = readableViewport({ x: 0, y: 0, width: 400, height: 200 }, 1000, 600);
    expect(v).toEqual({ x: 300, y: 200, zoom: 1 });
  });

  it('shrinks a flow to fit while it stays readable', () => {
    // 1,904 px of flow in a 1,448 px wide drawing area: 76 %, just above the readable minimum
    const v = readableViewport({ x: 0, y: 0, width: 1904, height: 400 }, 1496, 600);
    expect(v.zoom).toBeCloseTo(1448 / 1904, 5);
    expect(v.x).toBeCloseTo((1496 - 1904 * v.zoom) / 2, 5);
  });

  it('keeps a long flow at the readable minimum, its start (top left) in view', () => {
    const v = readableViewport({ x: -40, y: -10, width: 4000, height: 2000 }, 1000, 500);
    expect(v.zoom).toBe(DEFAULT_READABLE_FIT.minZoom);
    expect(v.x).toBeCloseTo(24 + 40 * 0.75, 5);
    expect(v.y).toBeCloseTo(24 + 10 * 0.75, 5);
  });
});

describe('readableViewport with a focus', () => {
  const flow = { x: 0, y: 0, width: 3000, height: 400 };
  it('centres the step a case is at when the flow is too wide to show whole', () => {
    const v = readableViewport(flow, 1000, 400, DEFAULT_READABLE_FIT, { x: 1500, y: 100, width: 180, height: 84 });
    expect(1590 * v.zoom + v.x).toBeCloseTo(500, 5);
  });

  it('does not scroll past either end of the flow to centre a step near it', () => {
    const nearStart = readableViewport(flow, 1000, 400, DEFAULT_READABLE_FIT, { x: 40, y: 100, width: 48, height: 48 });
    expect(nearStart.x).toBeCloseTo(24, 5);
    const nearEnd = readableViewport(flow, 1000, 400, DEFAULT_READABLE_FIT, { x: 2950, y: 100, width: 48, height: 48 });
    expect(nearEnd.x + 3000 * nearEnd.zoom).toBeCloseTo(1000 - 24, 5);
  });
});

describe('the designer opens a flow centred on its start', () => {
  const start = { x: 84, y: 276, width: 48, height: 48 };
  it('puts the start in the middle of the pane when the flow does not fit at a readable zoom', () => {
    const v = readableViewport({ x: 44, y: 0, width: 2600, height: 800 }, 1100, 500, DESIGNER_READABLE_FIT, start);
    expect(v.zoom).toBeCloseTo(0.85, 5);
    expect((start.x + start.width / 2) * v.zoom + v.x).toBeCloseTo(550, 5);
    expect((start.y + start.height / 2) * v.zoom + v.y).toBeCloseTo(250, 5);
  });

  it('shows a flow that fits whole, centred, at no more than 100 %', () => {
    const v = readableViewport({ x: 44, y: 0, width: 700, height: 400 }, 1100, 500, DESIGNER_READABLE_FIT, start);
    expect(v.zoom).toBe(1);
    expect(44 + v.x).toBeCloseTo((1100 - 700) / 2, 5);
  });
});

describe('the designer opens a new flow with every lane in view', () => {
  // a blank flow: the start and the end in the first lane, lanes of 200 px and 1,600 px long, in the demo's pane at 1280×800
  const steps = { x: 84, y: 76, width: 328, height: 48 };
  const start = { x: 84, y: 76, width: 48, height: 48 };
  const pane = { width: 555, height: 437 };
  const lanesOf = (n: number) => ({ x: 0, y: 0, width: 1600, height: 200 * n });
  const open = (n: number, s = steps) => readableViewport(lanesOf(n), pane.width, pane.height, DESIGNER_READABLE_FIT, start, { lanes: lanesOf(n), steps: s });
  const shown = (v: { x: number; y: number; zoom: number }, n: number) => ({ top: v.y, bottom: v.y + 200 * n * v.zoom, header: v.x });

  it('shows both lanes of a two-lane flow, headers and steps, not centred on the start with the second lane cut', () => {
    // before: centred on the start at 85 %, the second lane ran off the bottom
    const before = readableViewport(lanesOf(2), pane.width, pane.height, DESIGNER_READABLE_FIT, start);
    expect(before.y + 400 * before.zoom).toBeGreaterThan(pane.height);
    const v = open(2);
    const s = shown(v, 2);
    expect(s.top).toBeGreaterThanOrEqual(0);
    expect(s.bottom).toBeLessThanOrEqual(pane.height);
    expect(s.header).toBeGreaterThanOrEqual(0);
    expect((steps.x + steps.width) * v.zoom + v.x).toBeLessThanOrEqual(pane.width);
    expect(v.zoom).toBeGreaterThanOrEqual(0.85);
  });

  it('zooms out for three lanes no further than the lanes’ readable minimum', () => {
    const v = open(3);
    expect(v.zoom).toBeLessThan(0.85);
    expect(v.zoom).toBeGreaterThanOrEqual(DESIGNER_READABLE_FIT.lanesMinZoom!);
    const s = shown(v, 3);
    expect(s.top).toBeGreaterThanOrEqual(0);
    expect(s.bottom).toBeLessThanOrEqual(pane.height + 1e-9);
  });

  it('keeps a flow with many steps centred on its start at the readable zoom, even if lanes run off', () => {
    const v = open(3, { x: 84, y: 40, width: 2400, height: 520 });
    expect(v.zoom).toBeCloseTo(0.85, 5);
    expect((start.x + start.width / 2) * v.zoom + v.x).toBeCloseTo(pane.width / 2, 5);
    expect((start.y + start.height / 2) * v.zoom + v.y).toBeCloseTo(pane.height / 2, 5);
  });

  it('does not go below the lanes’ readable minimum for many lanes', () => {
    const v = open(8);
    expect(v.zoom).toBeCloseTo(0.85, 5);
  });
});

describe("the designer's minimap (auto)", () => {
  const flow = { x: 0, y: 0, width: 2000, height: 560 };
  it('is not needed while the whole flow is in view', () => {
    expect(partlyOutOfView(flow, [20, 20, 0.45], 1000, 600)).toBe(false);
  });
  it('is needed once part of the flow is out of view', () => {
    expect(partlyOutOfView(flow, [20, 20, 0.75], 1000, 600)).toBe(true);
    expect(partlyOutOfView(flow, [-100, 20, 0.45], 1000, 600)).toBe(true);
  });
});

describe("the minimap's size follows the pane", () => {
  it('is React Flow\'s 200×150 on a wide pane', () => {
    expect(minimapSize('auto', 1400, 900)).toEqual({ width: 200, height: 150 });
  });
  it('shrinks to a fifth of a smaller pane, so it covers a corner, not the steps', () => {
    const m = minimapSize('auto', 700, 400)!;
    expect(m).toEqual({ width: 140, height: 90 });
    expect(m.width * m.height).toBeLessThan(0.05 * 700 * 400);
  });
  it('does not show by itself on a pane too small for it, but a host that asks still gets a small one', () => {
    expect(minimapSize('auto', 500, 600)).toBeUndefined();
    expect(minimapSize('auto', 900, 300)).toBeUndefined();
    expect(minimapSize(true, 500, 300)).toEqual({ width: 120, height: 90 });
  });
});
