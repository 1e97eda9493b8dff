// Run by bench/suites/memory.ts in a child process; for allocation with a young
// generation large enough that no garbage collection happens while it counts:
//   node --expose-gc --max-semi-space-size=512 --min-semi-space-size=512 --import tsx bench/alloc-probe.ts ours-alloc
//   node --expose-gc --import tsx bench/alloc-probe.ts ours-parked
// Prints one JSON line: bytes allocated per instance (heap growth over a batch
// with no GC in between — checked, the run is refused if a GC happened) or
// bytes kept per parked instance (heap growth after a full GC).
import { PerformanceObserver } from 'node:perf_hooks';
import { createActor } from 'xstate';
import { createEngine } from '../src/engine/engine.js';
import type { Actor } from '../src/engine/types.js';
import { createMemoryStore } from '../src/stores/memory.js';
import { BENCH_FLOW, benchMachine } from './suites/engine.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const what = process.argv[2] ?? 'ours-alloc';
const actor: Actor = { id: 'sam', roles: ['sales-rep'] };

let gcs = 0;
new PerformanceObserver((list) => {
  gcs += list.getEntries().length;
}).observe({ entryTypes: ['gc'] });

const heap = () => process.memoryUsage().heapUsed;
const settle = async () => {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 20));
    gc();
  }
};

async function cycle(engine: ReturnType<typeof createEngine>, stored: Map<string, unknown>, ours: boolean, i: number, complete: boolean): Promise<void> {
  if (ours) await oursCycle(engine, i, complete);
  else xstateCycle(stored, i, complete);
}

async function oursCycle(engine: ReturnType<typeof createEngine>, i: number, complete: boolean): Promise<void> {
  const { instance } = await engine.start('bench-order', { actor });
  if (!complete) return;
  const taskId = Object.keys(instance.tasks)[0]!;
  await engine.complete(instance.instanceId, taskId, { actor, data: { amount: i % 200 } });
}

function xstateCycle(stored: Map<string, unknown>, i: number, complete: boolean): void {
  const id = globalThis.crypto.randomUUID();
  const a = createActor(benchMachine);
  a.start();
  stored.set(id, a.getPersistedSnapshot());
  if (!complete) {
    a.stop();
    return;
  }
  a.send({ type: 'COMPLETE', amount: i % 200 });
  stored.set(id, a.getPersistedSnapshot());
  a.stop();
}

async function main(): Promise<void> {
  const N = what.endsWith('alloc') ? 2_000 : 20_000;
  const ours = what.startsWith('ours');
  const engine = createEngine({ store: createMemoryStore() });
  await engine.deploy(BENCH_FLOW, { actor: DEPLOYER });
  const stored = new Map<string, unknown>();
  // Kept reachable to the end: otherwise V8 may collect the engine and its store once the loop is done.
  (globalThis as { keep?: unknown }).keep = [engine, stored];
  // Warm up (compile, JIT, deploy caches) with the same work that is measured.
  const completes = what.endsWith('alloc');
  for (let i = 0; i < 5_000; i++) await cycle(engine, stored, ours, i, completes);
  if (what.endsWith('alloc')) {
    // Allocation per started-and-completed instance, growth of kept state subtracted
    // by measuring the kept bytes separately is not needed: both sides keep their logs,
    // and the figure is what a host's GC must deal with.
    const rounds: number[] = [];
    for (let r = 0; r < 5; r++) {
      await settle();
      const before = heap();
      const g0 = gcs;
      for (let i = 0; i < N; i++) await cycle(engine, stored, ours, i, true);
      const after = heap();
      if (gcs !== g0) continue; // a GC ran: the difference would undercount
      rounds.push((after - before) / N);
    }
    if (rounds.length === 0) throw new Error('every round saw a GC; raise --max-semi-space-size');
    rounds.sort((a, b) => a - b);
    console.log(JSON.stringify({ what, bytes: rounds[rounds.length >> 1], rounds: rounds.length }));
    return;
  }
  // Parked: cases waiting at their task, nothing else happening. The figure is the median growth of
  // the heap (after full GCs) per case over four rounds of N/4 more parked cases, so one-off effects
  // (code compiled, caches filled, a heap compacted) do not land in it — a single before/after pair
  // once reported a negative figure.
  const rounds: number[] = [];
  const per = N / 4;
  await settle();
  let before = heap();
  for (let r = 0; r < 4; r++) {
    for (let i = 0; i < per; i++) await cycle(engine, stored, ours, i, false);
    await settle();
    const after = heap();
    rounds.push((after - before) / per);
    before = after;
  }
  rounds.sort((a, b) => a - b);
  console.log(JSON.stringify({ what, bytes: (rounds[1]! + rounds[2]!) / 2, rounds }));
}

await main();
