import { memo } from 'react';
import { MiniMap, useStore, type Node } from '@xyflow/react';
import type { Rect } from './fit.js';
import { isLaneId } from './types.js';

/** Whether part of `bounds` lies outside the pane at the current pan and zoom (a pixel of slack for rounding). */
export function partlyOutOfView(bounds: Rect, transform: readonly [number, number, number], width: number, height: number): boolean {
  const [x, y, zoom] = transform;
  const left = bounds.x * zoom + x;
  const top = bounds.y * zoom + y;
  return left < -1 || top < -1 || left + bounds.width * zoom > width + 1 || top + bounds.height * zoom > height + 1;
}

/** Below this pane size (px) an automatic minimap would cover too much of the flow: it stays hidden. */
export const MINIMAP_MIN_PANE = { width: 560, height: 360 } as const;

/**
 * The minimap's size for a pane: a fifth of it, between 120×90 and React
 * Flow's 200×150, so on a small embedded canvas it covers at most a corner
 * instead of the steps. `undefined` when an automatic map should not show
 * at all on a pane this small.
 */
export function minimapSize(mode: boolean | 'auto', paneWidth: number, paneHeight: number): { width: number; height: number } | undefined {
  if (mode === 'auto' && (paneWidth < MINIMAP_MIN_PANE.width || paneHeight < MINIMAP_MIN_PANE.height)) return undefined;
  const clamp = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)));
  return { width: clamp(paneWidth / 5, 120, 200), height: clamp(paneHeight / 5, 90, 150) };
}

/**
 * React Flow's minimap in the designer's colours. With `auto`, it shows
 * only while part of the flow is out of view: a flow fitted to the pane is
 * not covered by a map of itself, and a pane too small for a map
 * ({@link MINIMAP_MIN_PANE}) gets none. Its size follows the pane
 * ({@link minimapSize}). Subscribes to the size as text, so panning does not
 * re-render the canvas. Memoized: a drag frame re-renders the canvas, not the map's 1,000 steps.
 */
export const FlowMiniMap = memo(function FlowMiniMap({ mode, bounds }: { mode: boolean | 'auto'; bounds: Rect | undefined }) {
  const size = useStore((s) => {
    if (mode === false) return '';
    if (mode === 'auto' && (bounds === undefined || !partlyOutOfView(bounds, s.transform, s.width, s.height))) return '';
    const m = minimapSize(mode, s.width, s.height);
    return m ? `${m.width}x${m.height}` : '';
  });
  if (!size) return null;
  const [width, height] = size.split('x').map(Number) as [number, number];
  return (
    <MiniMap
      style={{ width, height }}
      pannable
      zoomable
      nodeColor={nodeColor}
      nodeStrokeColor={nodeStrokeColor}
    />
  );
});

// Made once: a new colour function would re-render every step of the map (1,000 on a large flow) on every canvas render.
const nodeColor = (n: Node) => (isLaneId(n.id) ? 'transparent' : ((n.data as { color?: string }).color ?? '#94a3b8'));
const nodeStrokeColor = (n: Node) => (isLaneId(n.id) ? '#cbd5e1' : 'transparent');
