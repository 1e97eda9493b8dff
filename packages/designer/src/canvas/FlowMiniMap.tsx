import { MiniMap, useStore } from '@xyflow/react';
import type { Rect } from './fit.js';
import { isLaneId } from './types.js';

/** Whether part of `bounds` lies outside the pane at the current pan and zoom (a pixel of slack for rounding). */
export function partlyOutOfView(bounds: Rect, transform: readonly [number, number, number], width: number, height: number): boolean {
  const [x, y, zoom] = transform;
  const left = bounds.x * zoom + x;
  const top = bounds.y * zoom + y;
  return left < -1 || top < -1 || left + bounds.width * zoom > width + 1 || top + bounds.height * zoom > height + 1;
}

/**
 * React Flow's minimap in the designer's colours. With `auto`, it shows
 * only while part of the flow is out of view: a flow fitted to the pane is
 * not covered by a map of itself. Subscribes to a yes/no, so panning does
 * not re-render the canvas.
 */
export function FlowMiniMap({ mode, bounds }: { mode: boolean | 'auto'; bounds: Rect | undefined }) {
  const needed = useStore((s) => mode === true || (mode === 'auto' && bounds !== undefined && partlyOutOfView(bounds, s.transform, s.width, s.height)));
  if (!needed) return null;
  return (
    <MiniMap
      pannable
      zoomable
      nodeColor={(n) => (isLaneId(n.id) ? 'transparent' : ((n.data as { color?: string }).color ?? '#94a3b8'))}
      nodeStrokeColor={(n) => (isLaneId(n.id) ? '#cbd5e1' : 'transparent')}
    />
  );
}
