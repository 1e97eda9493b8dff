/** Room left for the arrowhead between a label placed at the target and the target. */
const ARROW_ROOM = 14;

/**
 * Where an edge's label stands. On a branch (one of several connections
 * leaving a decision) going forward, it sits on the last stretch into the
 * target, right-aligned before the arrow: each branch's label is then on its
 * target's row, clear of the diamond and of its sibling's label, however short
 * the connection. Otherwise it is centred on the path, as wide as the gap.
 */
export function labelPlacement(p: { sourceX: number; targetX: number; targetY: number; labelX: number; labelY: number; branch: boolean }): { transform: string; maxWidth: number } {
  const gap = p.targetX - p.sourceX;
  if (p.branch && gap > 2 * ARROW_ROOM) {
    const right = p.targetX - ARROW_ROOM;
    return { transform: `translate(-100%, -50%) translate(${right}px, ${p.targetY}px)`, maxWidth: Math.min(240, Math.max(60, gap - 2 * ARROW_ROOM)) };
  }
  // Never wider than the gap the edge crosses, so labels do not cover the steps they join.
  return { transform: `translate(-50%, -50%) translate(${p.labelX}px, ${p.labelY}px)`, maxWidth: Math.min(240, Math.max(70, Math.abs(gap) - 24)) };
}
