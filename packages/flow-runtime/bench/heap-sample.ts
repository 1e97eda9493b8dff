// Where the engine allocates: V8's sampling heap profiler over start+complete cycles, counting
// collected objects too. Run: node --import tsx bench/heap-sample.ts  (prints the top allocation sites);
// `node --expose-gc --import tsx bench/heap-sample.ts parked`: what parked cases keep, by allocation site.
// For readable sites, bundle first (one file, functions named as in the source):
//   npx esbuild bench/heap-sample.ts --bundle --platform=node --format=esm --conditions=source \
//     --external:xstate --external:bpmn-engine --outfile=bench/.hs.mjs && node bench/.hs.mjs
import { Session } from 'node:inspector/promises';
import { createEngine } from '../src/engine/engine.js';
import type { Actor } from '../src/engine/types.js';
import { createMemoryStore } from '../src/stores/memory.js';
import { BENCH_FLOW } from './suites/engine.js';

const actor: Actor = { id: 'sam', roles: ['sales-rep'] };
const engine = createEngine({ store: createMemoryStore() });
await engine.deploy(BENCH_FLOW, { actor: { id: 'admin', roles: ['admin'] } });
const parked = process.argv[2] === 'parked';
const cycle = async (i: number) => {
  const { instance } = await engine.start('bench-order', { actor });
  if (parked) return;
  const taskId = Object.keys(instance.tasks)[0]!;
  await engine.complete(instance.instanceId, taskId, { actor, data: { amount: i % 200 } });
};
for (let i = 0; i < 5000; i++) await cycle(i);
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 32, includeObjectsCollectedByMajorGC: !parked, includeObjectsCollectedByMinorGC: !parked });
const N = 20_000;
for (let i = 0; i < N; i++) await cycle(i);
if (parked) for (let i = 0; i < 4; i++) (globalThis as { gc?: () => void }).gc?.();
const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: Node } };
interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] }
const sites = new Map<string, number>();
const walk = (n: Node) => {
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*\/src\//, 'src/').replace(/.*node_modules\//, 'nm/')}:${n.callFrame.lineNumber + 1}`;
  sites.set(k, (sites.get(k) ?? 0) + n.selfSize);
  n.children.forEach(walk);
};
walk(profile.head);
let total = 0;
for (const v of sites.values()) total += v;
console.log(`total ${(total / N).toFixed(0)} B per instance (sampled)`);
for (const [k, v] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(v / N).toFixed(0).padStart(6)} B  ${k}`);
