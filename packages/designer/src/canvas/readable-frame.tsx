import { useCallback, useEffect, useRef } from 'react';
import { ControlButton, useReactFlow, useStore, type Node } from '@xyflow/react';
import { derivedBounds, readableViewport, type ReadableFit } from './fit.js';

/** React Flow's own fit-view icon, for the viewer's fit button (which frames for reading). */
const FIT_ICON =
  'M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z';

/** Whether a case is at this step (active or waiting): a flow too wide for its pane is centred on those. */
function isAt(node: Node): boolean {
  const status = (node.data as { status?: string }).status;
  return status === 'active' || status === 'waiting';
}

/** A lane band; the designer keeps every lane in view when a new or small flow opens. */
function isLane(node: Node): boolean {
  return node.type === 'lane';
}

/** A start step: a flow with no case at a step is framed on where it begins. */
function isStart(node: Node): boolean {
  return node.type === 'start';
}

/**
 * Frames the flow for reading (see {@link readableViewport}) when the canvas
 * opens, whenever its pane resizes and when the steps a case is at change;
 * returns the framing for a button. Computed from the derived geometry, so
 * nothing waits for measuring. With no case at a step, it centres on the
 * start as far as the flow reaches. With `once` (the designer, where the user
 * pans and panels come and go) it frames on opening only, not on resizes.
 * Without `readable` it does nothing.
 */
export function useReadableFrame(nodes: readonly Node[], readable: ReadableFit | undefined, once = false): () => void {
  const rf = useReactFlow();
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const latest = useRef(nodes);
  latest.current = nodes;
  const frame = useCallback(() => {
    if (!readable || paneWidth <= 0 || paneHeight <= 0) return;
    const all = latest.current;
    const bounds = derivedBounds(all);
    if (!bounds) return;
    const lanes = derivedBounds(all, isLane);
    const steps = derivedBounds(all, (n) => !isLane(n));
    void rf.setViewport(readableViewport(bounds, paneWidth, paneHeight, readable, derivedBounds(all, isAt) ?? derivedBounds(all, isStart), lanes ? { lanes, ...(steps ? { steps } : {}) } : undefined));
  }, [rf, readable, paneWidth, paneHeight]);
  // Re-framed on resize, when the flow first has steps and when the case moves on; not on other updates (the user may have panned).
  const hasNodes = nodes.length > 0;
  const atKey = nodes
    .filter(isAt)
    .map((n) => n.id)
    .join('|');
  const framed = useRef(false);
  useEffect(() => {
    if (!hasNodes || paneWidth <= 0 || paneHeight <= 0 || (once && framed.current)) return;
    framed.current = true;
    frame();
  }, [frame, hasNodes, atKey, once, paneWidth, paneHeight]);
  return frame;
}

/** The fit button of a read-only canvas: frames the flow for reading again. */
export function FrameButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <ControlButton className="react-flow__controls-fitview" onClick={onClick} title={label} aria-label={label}>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
        <path d={FIT_ICON} />
      </svg>
    </ControlButton>
  );
}
