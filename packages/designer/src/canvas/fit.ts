import type { Node } from '@xyflow/react';

/** A rectangle in canvas coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A React Flow viewport: the canvas is drawn at `zoom`, shifted by `x`, `y` screen pixels. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** How a read-only canvas frames its flow. */
export interface ReadableFit {
  /** Screen pixels kept free around the flow. */
  padding: number;
  /** The smallest zoom to open at, so names stay legible; a flow that does not fit at it opens at its start. */
  minZoom: number;
  /** The largest zoom to open at, so a small flow is not blown up. */
  maxZoom: number;
  /**
   * How a flow that does not fit is framed on its focus (the start, or the
   * steps a case is at): `clamped` (default) centres it as far as the flow
   * reaches, so no empty canvas shows before the flow's edge; `exact` puts
   * the focus in the middle of the pane on both axes.
   */
  centre?: 'clamped' | 'exact';
  /**
   * With the lanes given: when the framing above would cut a lane but the
   * steps are few enough to fit the pane at `minZoom` (a new or small flow),
   * the lanes are shown top to bottom, header to last step, at no less than
   * this zoom. Flows with more steps keep the framing above.
   */
  lanesMinZoom?: number;
}

/** Default framing of {@link FlowViewer}: 24 px around, never below 75 % (task titles stay about 9 px and up). */
export const DEFAULT_READABLE_FIT: ReadableFit = { padding: 24, minZoom: 0.75, maxZoom: 1 };

/**
 * Framing of the designer: never below 85 %, so step titles (13 px) stay at
 * 11 px or more on screen; a flow that does not fit its pane opens centred
 * on its start.
 */
export const DESIGNER_READABLE_FIT: ReadableFit = { padding: 24, minZoom: 0.85, maxZoom: 1, centre: 'exact', lanesMinZoom: 0.65 };

/**
 * The viewport that shows `bounds` in a `width` × `height` pane: as large as
 * fits (between `minZoom` and `maxZoom`), centred when it fits. When it does
 * not fit, it is anchored at the top left, where a flow starts, or, given a
 * `focus` (the start, or the steps a case is at), centred on that — as far
 * as the flow reaches, or exactly with `centre: 'exact'`; the rest is a pan away.
 */
export function readableViewport(bounds: Rect, width: number, height: number, fit: ReadableFit = DEFAULT_READABLE_FIT, focus?: Rect, lanes?: { lanes: Rect; steps?: Rect }): Viewport {
  const framed = flowViewport(bounds, width, height, fit, focus);
  if (!lanes || fit.lanesMinZoom === undefined) return framed;
  const band = lanes.lanes;
  const shows = (v: Viewport) => band.y * v.zoom + v.y >= -0.5 && (band.y + band.height) * v.zoom + v.y <= height + 0.5 && band.x * v.zoom + v.x >= -0.5;
  if (shows(framed)) return framed;
  const steps = lanes.steps;
  const availW = Math.max(1, width - 2 * fit.padding);
  const availH = Math.max(1, height - 2 * fit.padding);
  if (steps && (steps.width * fit.minZoom > availW || steps.height * fit.minZoom > availH)) return framed;
  // The lanes from their headers to the last step, every lane top to bottom (half the padding above and below).
  const right = steps ? Math.max(steps.x + steps.width, band.x + 1) : band.x + band.width;
  const rect = { x: band.x, y: band.y, width: right - band.x, height: band.height };
  const zoom = Math.min(fit.maxZoom, availW / Math.max(1, rect.width), Math.max(1, height - fit.padding) / Math.max(1, rect.height));
  if (zoom < fit.lanesMinZoom) return framed;
  return { x: (width - rect.width * zoom) / 2 - rect.x * zoom, y: (height - rect.height * zoom) / 2 - rect.y * zoom, zoom };
}

function flowViewport(bounds: Rect, width: number, height: number, fit: ReadableFit, focus?: Rect): Viewport {
  const availW = Math.max(1, width - 2 * fit.padding);
  const availH = Math.max(1, height - 2 * fit.padding);
  const whole = Math.min(availW / Math.max(1, bounds.width), availH / Math.max(1, bounds.height));
  const zoom = Math.min(fit.maxZoom, Math.max(fit.minZoom, whole));
  if (fit.centre === 'exact' && focus && whole < zoom) {
    // Too large for the pane at a readable zoom: the focus in the middle, the rest a pan away.
    return { x: width / 2 - (focus.x + focus.width / 2) * zoom, y: height / 2 - (focus.y + focus.height / 2) * zoom, zoom };
  }
  const place = (start: number, size: number, pane: number, focusStart?: number, focusSize?: number) => {
    const drawn = size * zoom;
    if (drawn <= pane - 2 * fit.padding) return (pane - drawn) / 2 - start * zoom;
    const atStart = fit.padding - start * zoom;
    if (focusStart === undefined || focusSize === undefined) return atStart;
    // Centre the focus, but never past either end of the flow.
    const atEnd = pane - fit.padding - (start + size) * zoom;
    const centred = pane / 2 - (focusStart + focusSize / 2) * zoom;
    return Math.min(atStart, Math.max(atEnd, centred));
  };
  return {
    x: place(bounds.x, bounds.width, width, focus?.x, focus?.width),
    y: place(bounds.y, bounds.height, height, focus?.y, focus?.height),
    zoom,
  };
}

/**
 * Bounds of derived nodes (children are placed relative to their lane),
 * without asking React Flow to measure; of those `only` accepts, when given.
 */
export function derivedBounds(nodes: readonly Node[], only?: (node: Node) => boolean): Rect | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const n of nodes) {
    if (only && !only(n)) continue;
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    const x = n.position.x + (parent?.position.x ?? 0);
    const y = n.position.y + (parent?.position.y ?? 0);
    const w = n.width ?? n.measured?.width ?? 0;
    const h = n.height ?? n.measured?.height ?? 0;
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + w);
    bottom = Math.max(bottom, y + h);
  }
  return left === Infinity ? undefined : { x: left, y: top, width: right - left, height: bottom - top };
}
