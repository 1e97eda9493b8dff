/**
 * Browser bench of the designer: builds the playground, serves it, and in
 * Debian's Chromium measures
 *  - designer.open_1000_nodes_ms: a generated 1,000-node flow in 8 lanes, from
 *    navigation until every visible step is rendered (target < 1,500 ms);
 *  - designer.drag_frame_ms_p50: the median frame time while dragging a step
 *    of that flow (target ≤ 16.7 ms).
 * Results merge into bench/results.json (the runtime bench's format).
 *
 * Run: pnpm --filter @crm/designer bench
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { median, printTable, writeResults, type BenchResult } from '../../flow-runtime/bench/harness.js';

const CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RUNS = 5;
const N = 1000;

// In-page code is plain JavaScript text: tsx would wrap functions passed to page.evaluate in a helper the page lacks.

/** Resolves when the steps in view are rendered, visible and stable for two frames, with ms since navigation start. */
const OPENED_AT = `new Promise((resolve) => {
  let last = -1;
  const tick = () => {
    const nodes = document.querySelectorAll('.react-flow__node:not(.react-flow__node-lane)');
    const pane = document.querySelector('.react-flow__renderer')?.getBoundingClientRect();
    let visible = 0;
    let ready = nodes.length > 0 && !!pane;
    for (const el of nodes) {
      const r = el.getBoundingClientRect();
      if (!pane || r.right < pane.left || r.left > pane.right || r.bottom < pane.top || r.top > pane.bottom) continue;
      visible++;
      if (getComputedStyle(el).visibility === 'hidden' || r.width === 0) ready = false;
    }
    if (ready && visible > 0 && visible === last) resolve(performance.now());
    else { last = visible; requestAnimationFrame(tick); }
  };
  requestAnimationFrame(tick);
})`;

/** The task nearest the middle of the canvas: where to grab it. */
const TASK_NEAR_CENTRE = `(() => {
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

/** Records the time between animation frames until stopped. */
const RECORD_FRAMES = `(() => {
  window.__frames = []; window.__stop = false;
  let prev = 0;
  const loop = (t) => { window.__frames.push(t - prev); prev = t; if (!window.__stop) requestAnimationFrame(loop); };
  requestAnimationFrame((t) => { prev = t; requestAnimationFrame(loop); });
})()`;

const STOP_FRAMES = `(() => { window.__stop = true; return window.__frames; })()`;

async function openedAt(page: Page): Promise<number> {
  return page.evaluate<number>(OPENED_AT);
}

async function measureOpen(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await openedAt(page);
  await page.close();
  return ms;
}

async function measureDrag(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(url);
  await openedAt(page);
  // Drag once validation (in its worker) has reported, so its results are on screen as a user would have them.
  await page.waitForFunction(() => !document.querySelector('.cfd-tabs-status')?.textContent?.includes('Checking'), undefined, { timeout: 30_000 });
  await page.waitForTimeout(500);
  const box = await page.evaluate<{ x: number; y: number } | null>(TASK_NEAR_CENTRE);
  if (!box) throw new Error('no task visible to drag');
  await page.evaluate(RECORD_FRAMES);
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) await page.mouse.move(box.x + i * 3, box.y + Math.sin(i / 10) * 40);
  await page.mouse.up();
  const frames = await page.evaluate<number[]>(STOP_FRAMES);
  await page.close();
  return median(frames.slice(2));
}

async function main(): Promise<void> {
  process.env.PLAYGROUND_STATIC = '1';
  await build({ configFile: CONFIG, logLevel: 'warn' });
  // Port 0: any free port, so the bench never collides with a dev server someone left running.
  const server = await preview({ configFile: CONFIG, preview: { port: 0, strictPort: false, host: '127.0.0.1' } });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the preview server did not report its address');
  const url = `${base}?flow=generated&n=${N}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    await measureOpen(browser, url); // warm-up: browser caches, JIT
    const opens: number[] = [];
    for (let i = 0; i < RUNS; i++) opens.push(await measureOpen(browser, url));
    const drags: number[] = [];
    for (let i = 0; i < 3; i++) drags.push(await measureDrag(browser, url));
    const results: BenchResult[] = [
      { name: 'designer.open_1000_nodes_ms', value: median(opens), unit: 'ms', target: '< 1,500 ms' },
      { name: 'designer.drag_frame_ms_p50', value: median(drags), unit: 'ms', target: '≤ 16.7 ms' },
    ];
    printTable(results);
    writeResults(results);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

await main();
