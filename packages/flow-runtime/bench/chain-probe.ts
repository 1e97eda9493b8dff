// A case with several completes in a row on the memory store (start + 3 completes): the write of
// the third complete continues a log the second write already encoded, so its first event is
// encoded without the event before it at hand. Prints cases/s (median of rounds) and bytes
// allocated per case:
//   node --expose-gc --max-semi-space-size=512 --min-semi-space-size=512 --import tsx bench/chain-probe.ts
import { PerformanceObserver } from 'node:perf_hooks';
import { createEngine } from '../src/engine/engine.js';
import type { Actor } from '../src/engine/types.js';
import type { Flow } from '../src/schema/flow.js';
import { createMemoryStore } from '../src/stores/memory.js';

const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };
const actor: Actor = { id: 'sam', roles: ['sales-rep'] };
const task = (id: string, field: string) => ({ id, kind: 'task' as const, name: { en: id }, roles: ['sales-rep'], fields: [field] });
const CHAIN_FLOW: Flow = {
  id: 'chain',
  version: 1,
  name: { en: 'Chain' },
  data: { a: { type: 'number' }, b: { type: 'number' }, c: { type: 'number' } },
  nodes: [{ id: 'start', kind: 'start', name: { en: 'Start' } }, task('one', 'a'), task('two', 'b'), task('three', 'c'), { id: 'end', kind: 'end', name: { en: 'End' } }],
  edges: [
    { id: 'e1', source: 'start', target: 'one' },
    { id: 'e2', source: 'one', target: 'two' },
    { id: 'e3', source: 'two', target: 'three' },
    { id: 'e4', source: 'three', target: 'end' },
  ],
};

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
let gcs = 0;
new PerformanceObserver((list) => {
  gcs += list.getEntries().length;
}).observe({ entryTypes: ['gc'] });

const engine = createEngine({ store: createMemoryStore() });
await engine.deploy(CHAIN_FLOW, { actor: DEPLOYER });
(globalThis as { keep?: unknown }).keep = engine;

async function cycle(i: number): Promise<void> {
  let { instance } = await engine.start('chain', { actor });
  for (const field of ['a', 'b', 'c']) {
    const taskId = Object.keys(instance.tasks).find((t) => instance.tasks[t]!.status === 'open')!;
    instance = (await engine.complete(instance.instanceId, taskId, { actor, data: { [field]: i } })).instance;
  }
  if (instance.status !== 'completed') throw new Error('chain case did not complete');
}

for (let i = 0; i < 5_000; i++) await cycle(i);
const N = 2_000;
const bytes: number[] = [];
const rates: number[] = [];
for (let r = 0; r < 7; r++) {
  for (let k = 0; k < 4; k++) {
    await new Promise((res) => setTimeout(res, 10));
    gc();
  }
  const g0 = gcs;
  const h0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await cycle(i);
  const t1 = performance.now();
  const h1 = process.memoryUsage().heapUsed;
  rates.push((N / (t1 - t0)) * 1000);
  if (gcs === g0) bytes.push((h1 - h0) / N);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(JSON.stringify({ casesPerS: Math.round(median(rates)!), bytes: median(bytes), rounds: bytes.length }));
