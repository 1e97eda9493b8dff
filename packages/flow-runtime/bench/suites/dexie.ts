// dexie.events_per_s: events appended through the Dexie store under fake-indexeddb
// (a figure to watch, not a target: the real browser IndexedDB is faster), both as raw
// appends of one command's events and through the engine working instances.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createEngine } from '../../src/engine/engine.js';
import type { Actor, FlowEvent } from '../../src/engine/types.js';
import { createDexieStore } from '../../src/stores/dexie/index.js';
import { opsPerSecondAsync, type BenchResult } from '../harness.js';
import { BENCH_FLOW } from './engine.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const actor: Actor = { id: 'sam', roles: ['sales-rep'] };
const EVENTS_PER_APPEND = 4;

export default async function dexieBench(): Promise<BenchResult[]> {
  // Raw appends, as commands make them: an instance opens a task (four events), then closes it (four more).
  const store = createDexieStore({ name: 'bench-raw', indexedDB: new IDBFactory(), IDBKeyRange });
  let n = 0;
  const write = (instanceId: string, expectedSeq: number, open: boolean) => {
    const seq = expectedSeq + EVENTS_PER_APPEND;
    const events: FlowEvent[] = Array.from({ length: EVENTS_PER_APPEND }, (_, k) => ({ type: 'decision.taken', instanceId, seq: expectedSeq + k + 1, at: n, tokenId: 'k1', nodeId: 'd', edgeId: 'e', byDefault: false }));
    return {
      instanceId,
      expectedSeq,
      events,
      summary: { instanceId, flowId: 'f', version: 1, status: open ? ('active' as const) : ('completed' as const), seq, startedAt: n, updatedAt: n, at: open ? ['t'] : [] },
      openTasks: open ? [{ instanceId, taskId: 't1', nodeId: 't', flowId: 'f', version: 1, roles: ['sales-rep'], openedAt: n }] : [],
    };
  };
  const pairsPerS = await opsPerSecondAsync(
    async () => {
      const instanceId = `i${++n}`;
      const first = await store.append({ writes: [write(instanceId, 0, true)] });
      const second = await store.append({ writes: [write(instanceId, EVENTS_PER_APPEND, false)] });
      if (!first.ok || !second.ok) throw new Error('append refused');
    },
    { ms: 400, rounds: 5, batch: 10 },
  );
  const appendsPerS = pairsPerS * 2;
  store.db.close();

  // Through the engine: start → task → decision → end, two commands and eleven events per instance.
  const engineStore = createDexieStore({ name: 'bench-engine', indexedDB: new IDBFactory(), IDBKeyRange });
  let m = 0;
  const engine = createEngine({ store: engineStore, ids: () => `e${++m}` });
  await engine.deploy(BENCH_FLOW, { actor: DEPLOYER });
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
