/**
 * What the designer's bench (open-and-drag.ts) and its drag profiler (profile-drag.ts) share: the
 * playground build they serve, the headless chromium they start, the layout they open in and how
 * they find a step to grab.
 */
import { fileURLToPath } from 'node:url';

/** The designer's Vite config (it builds the playground page the benches open). */
export const CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
/** Where the playground is built, and where the bench flows are written beside it. */
export const DIST = fileURLToPath(new URL('../playground/dist/', import.meta.url));
/** Debian's chromium, headless, with nothing running in the background to disturb the timing. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Opens the designer in focus mode with its panels, as a key user reviewing a big flow would. */
export const FOCUS = `localStorage.setItem('crm-flow-designer.layout', JSON.stringify({ focus: true, palette: true, inspector: true, bottom: true }))`;
/** The task nearest the middle of the canvas: where to grab it. */
export const TASK_NEAR_CENTRE = `(() => {
  const pane = document.querySelector('.react-flow__renderer').getBoundingClientRect();
  const cx = pane.left + pane.width / 2, cy = pane.top + pane.height / 2;
  let best, dist = Infinity;
  for (const el of document.querySelectorAll('.react-flow__node-task')) {
    const r = el.getBoundingClientRect();
    const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
    if (d < dist) { best = r; dist = d; }
  }
  return best ? { x: best.left + best.width / 2, y: best.top + 10 } : null;
})()`;
