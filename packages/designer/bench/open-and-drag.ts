/**
 * Browser bench of the designer, in Debian's Chromium, on a generated flow
 * served as JSON text (a file as a host would publish it): the page fetches
 * the flow and its catalog and runs them through `parseCatalogText` and
 * `parseFlowText` (validation) before the designer opens, in focus mode
 * (the whole 1600×900 window), at a readable zoom centred on the start.
 *
 *  - designer.open_<N>_nodes_ms (N = 1,000 and 2,000): from navigation until
 *    the steps in view are rendered and stable (target < 1,500 ms for 1,000);
 *    the number of steps on screen is printed beside it;
 *  - designer.overview_<N>_nodes_ms: after that, "fit view" (the whole flow),
 *    until every step the canvas shows is rendered;
 *  - designer.drag_frame_ms_p95 (target ≤ 33 ms), with p50, max and the share
 *    of frames over 25 ms, while dragging a step at the readable zoom; the
 *    same in the overview (designer.drag_overview_frame_ms_p95).
 * Results merge into bench/results.json (the runtime bench's format).
 *
 * Run: pnpm --filter @crm/designer bench
 */
import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { Catalog } from '@crm/flow-runtime';
import { median, printTable, writeResults, type BenchResult } from '../../flow-runtime/bench/harness.js';
import catalogJson from '../../../examples/flows/catalog.json' with { type: 'json' };
import { generateFlow } from '../playground/generate.js';
import { CHROMIUM_ARGS, CONFIG, DIST, FOCUS, TASK_NEAR_CENTRE } from './page.js';

const RUNS = 5;
const VIEWPORT = { width: 1600, height: 900 };
/** Focus mode, as a user who switched it on has it remembered (the designer's layout storage). */

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


/** Records the time between animation frames until stopped. */
const RECORD_FRAMES = `(() => {
  window.__frames = []; window.__stop = false;
  let prev = 0;
  const loop = (t) => { window.__frames.push(t - prev); prev = t; if (!window.__stop) requestAnimationFrame(loop); };
  requestAnimationFrame((t) => { prev = t; requestAnimationFrame(loop); });
})()`;

const STOP_FRAMES = `(() => { window.__stop = true; return window.__frames; })()`;

/** Resolves when the steps rendered have stayed the same for two frames: { at: ms since navigation, rendered, inView }. */
const RENDERED_STABLE = `new Promise((resolve) => {
  let last = -1, same = 0;
  const tick = () => {
    const nodes = document.querySelectorAll('.react-flow__node:not(.react-flow__node-lane)');
    const pane = document.querySelector('.react-flow__renderer')?.getBoundingClientRect();
    let inView = 0, hidden = 0;
    for (const el of nodes) {
      const r = el.getBoundingClientRect();
      if (getComputedStyle(el).visibility === 'hidden' || r.width === 0) hidden++;
      if (pane && !(r.right < pane.left || r.left > pane.right || r.bottom < pane.top || r.top > pane.bottom)) inView++;
    }
    const key = nodes.length * 100000 + inView;
    if (nodes.length > 0 && hidden === 0 && key === last) same++; else same = 0;
    last = key;
    if (same >= 2) resolve({ at: performance.now(), rendered: nodes.length, inView });
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

interface Opened {
  ms: number;
  inView: number;
  overviewMs: number;
  overviewInView: number;
}

async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(FOCUS);
  return page;
}

async function open(browser: Browser, url: string): Promise<Opened> {
  const page = await newPage(browser);
  await page.goto(url, { waitUntil: 'commit' });
  const first = await page.evaluate<{ at: number; inView: number }>(OPENED_AT_DETAILED);
  const focus = await page.getAttribute('.cfd-designer', 'data-focus-mode');
  if (focus !== 'on') throw new Error('the designer did not open in focus mode');
  const before = await page.evaluate(() => performance.now());
  await page.click('.react-flow__controls-fitview');
  await page.waitForTimeout(250); // fit view animates for 200 ms; wait it out, then for the rendering to settle
  const overview = await page.evaluate<{ at: number; inView: number }>(RENDERED_STABLE);
  await page.close();
  return { ms: first.at, inView: first.inView, overviewMs: overview.at - before, overviewInView: overview.inView };
}

/** OPENED_AT with the number of steps in view. */
const OPENED_AT_DETAILED = `${OPENED_AT}.then((at) => ({ at, inView: [...document.querySelectorAll('.react-flow__node:not(.react-flow__node-lane)')].filter((el) => { const p = document.querySelector('.react-flow__renderer').getBoundingClientRect(); const r = el.getBoundingClientRect(); return !(r.right < p.left || r.left > p.right || r.bottom < p.top || r.top > p.bottom); }).length }))`;

interface Frames {
  p50: number;
  p95: number;
  max: number;
  over25: number;
}

function frameStats(frames: number[]): Frames {
  const xs = [...frames].sort((a, b) => a - b);
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: xs[xs.length - 1]!, over25: xs.filter((x) => x > 25).length / xs.length };
}

async function drag(browser: Browser, url: string, overview: boolean): Promise<number[]> {
  const page = await newPage(browser);
  await page.goto(url);
  await page.evaluate(OPENED_AT);
  // Drag once validation (in its worker) has reported, so its results are on screen as a user would have them.
  await page.waitForFunction(() => !document.querySelector('.cfd-tabs-status')?.textContent?.includes('Checking'), undefined, { timeout: 30_000 });
  if (overview) {
    await page.click('.react-flow__controls-fitview');
    await page.waitForTimeout(250);
    await page.evaluate(RENDERED_STABLE);
  }
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
  return frames.slice(2);
}

/** Writes the generated flow and its catalog as JSON text beside the built playground; returns the page's URL for them. */
function publish(n: number): string {
  const { flow, catalog } = generateFlow(n, catalogJson as unknown as Catalog);
  writeFileSync(`${DIST}bench-flow-${n}.json`, JSON.stringify(flow, null, 2));
  writeFileSync(`${DIST}bench-catalog-${n}.json`, JSON.stringify(catalog, null, 2));
  return `?src=/bench-flow-${n}.json&catalog=/bench-catalog-${n}.json`;
}

async function main(): Promise<void> {
  process.env.PLAYGROUND_STATIC = '1';
  await build({ configFile: CONFIG, logLevel: 'warn' });
  const queries = { 1000: publish(1000), 2000: publish(2000) };
  // Port 0: any free port, so the bench never collides with a dev server someone left running.
  const server = await preview({ configFile: CONFIG, preview: { port: 0, strictPort: false, host: '127.0.0.1' } });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the preview server did not report its address');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results: BenchResult[] = [];
  const notes: string[] = [];
  try {
    for (const n of [1000, 2000] as const) {
      const url = `${base}${queries[n]}`;
      await open(browser, url); // warm-up: browser caches, JIT
      const runs: Opened[] = [];
      for (let i = 0; i < (n === 1000 ? RUNS : 3); i++) runs.push(await open(browser, url));
      const m = (f: (o: Opened) => number) => median(runs.map(f));
      results.push({ name: `designer.open_${n}_nodes_ms`, value: m((o) => o.ms), unit: 'ms', ...(n === 1000 ? { target: '< 1,500 ms' } : {}) });
      results.push({ name: `designer.overview_${n}_nodes_ms`, value: m((o) => o.overviewMs), unit: 'ms' });
      notes.push(`${n} steps: opened with ${m((o) => o.inView)} steps on screen at the readable zoom (focus mode, ${VIEWPORT.width}×${VIEWPORT.height}); the overview shows ${m((o) => o.overviewInView)}; open runs ${runs.map((o) => o.ms.toFixed(0)).join(', ')} ms`);
    }
    const url = `${base}${queries[1000]}`;
    for (const overview of [false, true]) {
      const frames: number[] = [];
      for (let i = 0; i < 3; i++) frames.push(...(await drag(browser, url, overview)));
      const f = frameStats(frames);
      const tag = overview ? 'drag_overview_frame' : 'drag_frame';
      results.push({ name: `designer.${tag}_ms_p95`, value: f.p95, unit: 'ms', ...(overview ? {} : { target: '≤ 33 ms' }) });
      results.push({ name: `designer.${tag}_ms_p50`, value: f.p50, unit: 'ms' });
      results.push({ name: `designer.${tag}_ms_max`, value: f.max, unit: 'ms' });
      results.push({ name: `designer.${tag}_share_over_25ms`, value: Math.round(f.over25 * 1000) / 10, unit: '%' });
      notes.push(`drag (${overview ? 'overview' : 'readable zoom'}, 1,000 steps): ${frames.length} frames`);
    }
    printTable(results);
    for (const n of notes) console.log(`  ${n}`);
    writeResults(results);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

await main();
