/**
 * Where a drag frame's time goes: drags a step of the 1,000-step bench flow
 * (focus mode, readable zoom, as open-and-drag.ts does) under Chromium's CPU
 * profiler and a timeline trace, then prints the frame figures, the trace
 * events of the page's main thread (Paint, Layout, EventDispatch…) and the
 * functions with the most self and total time. Writes nothing to
 * bench/results.json; the full profile goes to $PROFILE_OUT (default
 * /tmp/designer-drag.cpuprofile, opens in Chrome's DevTools).
 *
 * Run: pnpm --filter @crm/flow-runtime exec tsx ../designer/bench/profile-drag.ts
 * (NOBUILD=1 reuses the last build; IDLE=1 records 3 s without dragging.)
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import type { Catalog } from '@crm/flow-runtime';
import catalogJson from '../../../examples/flows/catalog.json' with { type: 'json' };
import { generateFlow } from '../playground/generate.js';
import { CHROMIUM_ARGS, CONFIG, DIST, FOCUS, TASK_NEAR_CENTRE } from './page.js';

const OUT = process.env.PROFILE_OUT ?? '/tmp/designer-drag.cpuprofile';

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  dur?: number;
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

process.env.PLAYGROUND_STATIC = '1';
// Unminified, so the functions keep their names.
if (!process.env.NOBUILD) await build({ configFile: CONFIG, logLevel: 'warn', build: { minify: false } });
const { flow, catalog } = generateFlow(1000, catalogJson as unknown as Catalog);
writeFileSync(`${DIST}bench-flow-1000.json`, JSON.stringify(flow));
writeFileSync(`${DIST}bench-catalog-1000.json`, JSON.stringify(catalog));
const server = await preview({ configFile: CONFIG, preview: { port: 0, strictPort: false, host: '127.0.0.1' } });
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('the preview server did not report its address');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.addInitScript(FOCUS);
  await page.goto(`${base}?src=/bench-flow-1000.json&catalog=/bench-catalog-1000.json`);
  await page.waitForSelector('.react-flow__node-task');
  await page.waitForFunction(() => !document.querySelector('.cfd-tabs-status')?.textContent?.includes('Checking'), undefined, { timeout: 30_000 });
  await page.waitForTimeout(800);
  const box = await page.evaluate<{ x: number; y: number } | null>(TASK_NEAR_CENTRE);
  if (!box) throw new Error('no task visible to drag');

  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const traced = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.evaluate(`(() => { window.__frames = []; window.__stop = false; let prev = 0; const loop = (t) => { window.__frames.push(t - prev); prev = t; if (!window.__stop) requestAnimationFrame(loop); }; requestAnimationFrame((t) => { prev = t; requestAnimationFrame(loop); }); })()`);
  await cdp.send('Profiler.start');
  if (process.env.IDLE) await page.waitForTimeout(3000);
  else {
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    for (let i = 1; i <= 120; i++) await page.mouse.move(box.x + i * 3, box.y + Math.sin(i / 10) * 40);
    await page.mouse.up();
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.send('Tracing.end');
  await traced;
  const frames = (await page.evaluate<number[]>(`(() => { window.__stop = true; return window.__frames; })()`)).slice(2);
  writeFileSync(OUT, JSON.stringify(profile));

  const xs = [...frames].sort((a, b) => a - b);
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!.toFixed(1);
  console.log(`${frames.length} frames: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms, ${((xs.filter((x) => x > 25).length / xs.length) * 100).toFixed(1)} % over 25 ms`);

  const mainTid = events.find((e) => e.name === 'FunctionCall')?.tid;
  const byEvent = new Map<string, [number, number]>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.tid !== mainTid) continue;
    const v = byEvent.get(e.name) ?? [0, 0];
    byEvent.set(e.name, [v[0] + e.dur / 1000, v[1] + 1]);
  }
  console.log('--- main thread trace events (ms including nested, count)');
  for (const [name, [ms, n]] of [...byEvent].sort((a, b) => b[1][0] - a[1][0]).slice(0, 16)) console.log(`${ms.toFixed(1).padStart(9)} ms ${String(n).padStart(6)}  ${name}`);

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (let i = 0; i < samples.length; i++) {
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const leaf = byId.get(samples[i]!)!;
    self.set(label(leaf), (self.get(label(leaf)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const k = label(byId.get(id)!);
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + ms);
      seen.add(k);
    }
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(1).padStart(9)} ms  ${n}`).join('\n');
  console.log(`--- self time\n${top(self, 25)}\n--- total time\n${top(total, 40)}`);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
