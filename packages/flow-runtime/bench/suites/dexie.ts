// dexie.events_per_s: events appended through the Dexie store under fake-indexeddb
// (a figure to watch, not a target: the real browser IndexedDB is faster), both as raw
// appends of one command's events and through the engine working instances.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createEngine } from '../../src/engine/engine.js';
import type { Actor, FlowEvent } from '../../src/engine/types.js';
import { createDexieStore } from '../../src/stores/dexie/index.js';
import { opsPerSecondAsync, type BenchResult } from '../harness.js';
import { BENCH_FLOW } from './engine.js';

const actor: Actor = { id: 'sam', roles: ['sales-rep'] };
const EVENTS_PER_APPEND = 4;

export default async function dexieBench(): Promise<BenchResult[]> {
  // Raw appends: one instance per append, four events each (a typical command).
  const store = createDexieStore({ name: 'bench-raw', indexedDB: new IDBFactory(), IDBKeyRange });
  let n = 0;
  const appendsPerS = await opsPerSecondAsync(
    async () => {
      const instanceId = `i${++n}`;
      const events: FlowEvent[] = Array.from({ length: EVENTS_PER_APPEND }, (_, k) => ({ type: 'decision.taken', instanceId, seq: k + 1, at: n, tokenId: 'k1', nodeId: 'd', edgeId: 'e', byDefault: false }));
      const res = await store.append({
        writes: [
          {
            instanceId,
            expectedSeq: 0,
            events,
            summary: { instanceId, flowId: 'f', version: 1, status: 'active', seq: EVENTS_PER_APPEND, startedAt: n, updatedAt: n, at: ['t'] },
            openTasks: [{ instanceId, taskId: 't1', nodeId: 't', flowId: 'f', version: 1, roles: ['sales-rep'], openedAt: n }],
          },
        ],
      });
      if (!res.ok) throw new Error('append refused');
    },
    { ms: 400, rounds: 5, batch: 20 },
  );
  store.db.close();

  // Through the engine: start → task → decision → end, two commands and eleven events per instance.
  const engineStore = createDexieStore({ name: 'bench-engine', indexedDB: new IDBFactory(), IDBKeyRange });
  let m = 0;
  const engine = createEngine({ store: engineStore, ids: () => `e${++m}` });
  await engine.deploy(BENCH_FLOW);
  let eventsPerInstance = 0;
  const instancesPerS = await opsPerSecondAsync(
    async () => {
      const started = await engine.start('bench-order', { actor });
      const taskId = Object.keys(started.instance.tasks)[0]!;
      const done = await engine.complete(started.instance.instanceId, taskId, { actor, data: { amount: m % 200 } });
      eventsPerInstance = started.events.length + done.events.length;
    },
    { ms: 400, rounds: 5, batch: 10 },
  );
  engineStore.db.close();

  return [
    { name: 'dexie.events_per_s', value: appendsPerS * EVENTS_PER_APPEND, unit: 'events/s' },
    { name: 'dexie.appends_per_s', value: appendsPerS, unit: 'appends/s' },
    { name: 'dexie.engine_instances_per_s', value: instancesPerS, unit: 'instances/s' },
    { name: 'dexie.engine_events_per_s', value: instancesPerS * eventsPerInstance, unit: 'events/s' },
  ];
}
