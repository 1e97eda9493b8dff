// worklist.*: work lists and ticks at scale, on the memory store with 100,000 open cases (and on
// Dexie over fake-indexeddb with 5,000), each also parked on an SLA not yet due. Each figure is measured beside the approach the engine used
// before (in this process and run), and the ratio is how many times faster the new one is:
// - the first page (50) of one role's tasks: indexed open-task rows + state snapshots, against
//   reading every open row and rebuilding each case from its log (the previous engine.tasks);
// - a tick with nothing due: the next-due index, against scanning every instance's summary for a
//   due time (the previous tick).
import { replay } from '../../src/engine/apply.js';
import { compileFlow } from '../../src/engine/compiled.js';
import { createEngine } from '../../src/engine/engine.js';
import type { Actor, TaskView } from '../../src/engine/types.js';
import { taskView } from '../../src/engine/views.js';
import type { Flow } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { createDexieStore } from '../../src/stores/dexie/index.js';
import type { FlowStore, InstanceWrite } from '../../src/stores/types.js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { median, type BenchResult } from '../harness.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const CASES = Number(process.env.WORKLIST_CASES ?? 100_000);
/** fake-indexeddb is slow to fill in Node; the browser's IndexedDB is not the bottleneck this measures. */
const DEXIE_CASES = Number(process.env.WORKLIST_DEXIE_CASES ?? 5_000);
const PAGE = 50;

/** One task for sales reps with a 4-hour SLA: every case is both open work and parked on a due time. */
const FLOW: Flow = {
  id: 'bench-worklist',
  version: 1,
  name: { en: 'Bench work list' },
  data: { amount: { type: 'number' } },
  nodes: [
    { id: 'start', kind: 'start', name: { en: 'Start' } },
    { id: 'enter', kind: 'task', name: { en: 'Enter order' }, roles: ['sales-rep'], fields: ['amount'], sla: { hours: 4, escalateTo: 'sales-manager' } },
    { id: 'end', kind: 'end', name: { en: 'End' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'enter' },
    { id: 'e2', source: 'enter', target: 'end' },
  ],
};

const actor: Actor = { id: 'sam', roles: ['sales-rep'] };

async function timeMs(fn: () => Promise<unknown>, rounds: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export default async function workLists(): Promise<BenchResult[]> {
  const writes: InstanceWrite[] = [];
  const mem = createMemoryStore();
  // Every write is kept, to fill the Dexie store with the same cases in large transactions.
  const store: FlowStore = { ...mem, append: async (r) => (writes.push(...r.writes), mem.append(r)) };
  let t = Date.parse('2026-03-02T09:00:00Z');
  const clock = { now: () => t };
  const writer = createEngine({ store, clock });
  await writer.deploy(FLOW, { actor: DEPLOYER });
  for (let i = 0; i < CASES; i++) {
    t += 10;
    await writer.start('bench-worklist', { actor, data: { amount: i } });
  }
  const now = t + 1000;
  // A reader that has cached nothing, as another server (or this one after a restart) would be.
  const reader = createEngine({ store, clock: { now: () => now } });

  const ours = async () => {
    const page = await reader.tasks({ actor, limit: PAGE });
    if (page.length !== PAGE || !page.next) throw new Error('bench: short first page');
  };
  // The compiled definition the views need, as the engine holds it.
  const compiled = compileFlow(await reader.definition('bench-worklist'));
  // The previous engine.tasks({actor}): every open row of the actor's roles, every case rebuilt from its log.
  const previous = async () => {
    const rows = await store.openTasks({ roles: [...actor.roles, '*'] });
    const out: TaskView[] = [];
    for (const r of rows) {
      const state = replay(await store.load({ instanceId: r.instanceId }))!;
      const task = state.tasks[r.taskId]!;
      const view = taskView(compiled, state, task, actor, now);
      if (view) out.push(view);
    }
    out.sort((x, y) => x.openedAt - y.openedAt || x.instanceId.localeCompare(y.instanceId));
    if (out.slice(0, PAGE).length !== PAGE) throw new Error('bench: short reference page');
  };
  const pageMs = await timeMs(ours, 30);
  const previousPageMs = await timeMs(previous, 3);

  // Ticks with nothing due: every case parked on an SLA 4 hours out.
  const tickOurs = async () => {
    const r = await reader.tick(now);
    if (r.instances.length) throw new Error('bench: something fired');
  };
  const tickPrevious = async () => {
    const due = (await store.instances({})).filter((s) => s.nextDueAt !== undefined && s.nextDueAt <= now);
    if (due.length) throw new Error('bench: something due');
  };
  const tickMs = await timeMs(tickOurs, 50);
  const previousTickMs = await timeMs(tickPrevious, 10);

  // The same on Dexie (fake-indexeddb), with fewer cases.
  const dexie = createDexieStore({ name: 'bench-worklist', indexedDB: new IDBFactory(), IDBKeyRange });
  const dexieEngine = createEngine({ store: dexie, clock: { now: () => now } });
  await dexieEngine.deploy(FLOW, { actor: DEPLOYER });
  const dexieWrites = writes.slice(0, DEXIE_CASES);
  let mark = performance.now();
  const step = (what: string) => {
    if (process.env.BENCH_DEBUG) console.error(`${what}: ${Math.round(performance.now() - mark)} ms`);
    mark = performance.now();
  };
  for (let i = 0; i < dexieWrites.length; i += 1000) await dexie.append({ writes: dexieWrites.slice(i, i + 1000) });
  step('dexie fill');
  const dexieReader = createEngine({ store: dexie, clock: { now: () => now } });
  const dexiePageMs = await timeMs(async () => {
    if ((await dexieReader.tasks({ actor, limit: PAGE })).length !== PAGE) throw new Error('bench: short Dexie page');
  }, 10);
  step('dexie page');
  const dexiePreviousMs = await timeMs(async () => {
    const rows = await dexie.openTasks({ roles: [...actor.roles, '*'] });
    const views: TaskView[] = [];
    for (const r of rows) {
      const state = replay(await dexie.load({ instanceId: r.instanceId }))!;
      const view = taskView(compiled, state, state.tasks[r.taskId]!, actor, now);
      if (view) views.push(view);
    }
    views.sort((x, y) => x.openedAt - y.openedAt || x.instanceId.localeCompare(y.instanceId));
  }, 1);
  step('dexie previous');
  const dexieTickMs = await timeMs(async () => {
    if ((await dexieReader.tick(now)).instances.length) throw new Error('bench: something fired');
  }, 10);
  const dexieScanMs = await timeMs(async () => {
    if ((await dexie.instances({})).some((s) => s.nextDueAt !== undefined && s.nextDueAt <= now)) throw new Error('bench: something due');
  }, 1);
  const dexieCases = DEXIE_CASES.toLocaleString('en-US');

  return [
    { name: 'worklist.dexie_tasks_first_page_ms', value: dexiePageMs, unit: 'ms', ratio: dexiePreviousMs / dexiePageMs, against: `replaying every open case (the previous engine.tasks), ${dexieCases} open cases, page of ${PAGE}, Dexie on fake-indexeddb` },
    { name: 'worklist.dexie_tick_parked_ms', value: dexieTickMs, unit: 'ms', ratio: dexieScanMs / dexieTickMs, against: `reading every instance for a due time, ${dexieCases} parked cases, Dexie on fake-indexeddb` },
    { name: 'worklist.tasks_first_page_ms', value: pageMs, unit: 'ms', ratio: previousPageMs / pageMs, against: `replaying every open case (the previous engine.tasks), ${CASES.toLocaleString('en-US')} open cases, page of ${PAGE}, memory store`, target: '≪ 1.9 s' },
    { name: 'worklist.tasks_all_replayed_ms', value: previousPageMs, unit: 'ms' },
    { name: 'worklist.tick_parked_ms', value: tickMs, unit: 'ms', ratio: previousTickMs / tickMs, against: `scanning every instance for a due time (the previous tick), ${CASES.toLocaleString('en-US')} parked cases, memory store` },
    { name: 'worklist.tick_scan_ms', value: previousTickMs, unit: 'ms' },
  ];
}
