// Work lists that scale: tasks and instances a page at a time from the store's indexes and
// snapshots, ticks from the next-due index, the global feed. Run on the memory and Dexie stores.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createDexieStore } from '../../src/stores/dexie/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import type { FlowStore } from '../../src/stores/types.js';
import type { TaskView } from '../../src/engine/types.js';
import { finance, orderFlow, sales, sales2, sodFlow, waitFlow } from './fixtures.js';
import { HOUR, refusal, T0, testEngine } from './helpers.js';

const customer = { name: 'A', creditLimit: 10, creditUsed: 0, paymentTerms: 'net30' };

/** Counts the store calls a test cares about. */
function counting(store: FlowStore) {
  const calls = { load: 0, instances: 0 };
  const wrapped: FlowStore = {
    ...store,
    append: (r) => store.append(r),
    load: (r) => (calls.load++, store.load(r)),
    instances: (r) => (calls.instances++, store.instances(r)),
  };
  return { store: wrapped, calls };
}

const stores: [string, () => FlowStore][] = [
  ['memory', () => createMemoryStore()],
  ['dexie', () => createDexieStore({ name: 'lists', indexedDB: new IDBFactory(), IDBKeyRange })],
];

describe.each(stores)('work lists on the %s store', (_, make) => {
  it('pages one role\'s tasks by open time without replaying any log, and the pages add up to the whole list', async () => {
    const { store, calls } = counting(make());
    const { engine, clock } = await testEngine([orderFlow], store);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      ids.push((await engine.start('order', { actor: sales, hostData: { customer } })).instance.instanceId);
    }
    // A fresh engine (nothing cached) reads the list from the store.
    const { engine: reader } = await testEngine([], store);
    calls.load = 0;
    const all = await reader.tasks({ actor: sales });
    expect(all.map((t) => t.instanceId)).toEqual(ids);
    expect(all.next).toBeUndefined();
    const pages: TaskView[][] = [];
    let cursor: string | undefined;
    do {
      const page = await reader.tasks({ actor: sales2, limit: 3, ...(cursor ? { cursor } : {}) });
      pages.push(page);
      cursor = page.next;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(all.map((t) => ({ ...t })));
    expect(calls.load).toBe(0);
    expect(await reader.tasks({ actor: finance, limit: 5 })).toEqual([]);
  });

  it('fills a page past tasks the actor may not do (separation of duties)', async () => {
    const { engine, clock } = await testEngine([sodFlow, orderFlow], make());
    const mine: string[] = [];
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      const { instance } = await engine.start('sod', { actor: sales });
      const [prepare] = await engine.tasks(instance.instanceId, { actor: sales });
      // sales prepares two of them: the check of those must go to someone else.
      const actor = i % 2 ? sales2 : sales;
      await engine.complete(instance.instanceId, prepare!.taskId, { actor, data: {} });
      if (actor !== sales) mine.push(instance.instanceId);
    }
    const first = await engine.tasks({ actor: sales, limit: 1 });
    const second = await engine.tasks({ actor: sales, limit: 1, cursor: first.next! });
    expect([...first, ...second].map((t) => t.instanceId)).toEqual(mine);
    expect(await engine.tasks({ actor: sales, limit: 5, cursor: second.next! })).toEqual([]);
  });

  it('refuses a cursor it did not hand out and a page size below one', async () => {
    const { engine } = await testEngine([orderFlow], make());
    expect((await refusal(engine.tasks({ actor: sales, cursor: 'garbage' }))).code).toBe('INVALID_CURSOR');
    expect((await refusal(engine.tasks({ actor: sales, limit: 0 }))).code).toBe('INVALID_CURSOR');
    expect((await refusal(engine.instances({ cursor: 't.1.a.b' }))).code).toBe('INVALID_CURSOR');
  });

  it('pages instances by start time with filters', async () => {
    const { engine, clock } = await testEngine([orderFlow, waitFlow], make());
    const started: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      started.push((await engine.start(i % 2 ? 'wait' : 'order', { actor: sales, ...(i % 2 ? {} : { hostData: { customer } }) })).instance.instanceId);
    }
    const first = await engine.instances({ limit: 2 });
    const second = await engine.instances({ limit: 2, cursor: first.next! });
    const third = await engine.instances({ limit: 2, cursor: second.next! });
    expect([...first, ...second, ...third].map((s) => s.instanceId)).toEqual(started);
    expect(third.next).toBeUndefined();
    const orders = await engine.instances({ flowId: 'order', status: 'active', limit: 2 });
    expect(orders.map((s) => s.instanceId)).toEqual([started[0], started[2]]);
    expect((await engine.instances({ flowId: 'order', status: 'active', cursor: orders.next! })).map((s) => s.instanceId)).toEqual([started[4]]);
  });

  it('ticks only what is due, found through the next-due index, each timer once', async () => {
    const { store, calls } = counting(make());
    const { engine } = await testEngine([waitFlow], store);
    const waiting: string[] = [];
    for (let i = 0; i < 3; i++) waiting.push((await engine.start('wait', { actor: { id: 'u', roles: [] } })).instance.instanceId);
    calls.instances = 0;
    expect((await engine.tick(T0 + 23 * HOUR)).instances).toEqual([]);
    const fired = await engine.tick(T0 + 25 * HOUR);
    expect(fired.instances.sort()).toEqual(waiting.sort());
    expect((await engine.tick(T0 + 26 * HOUR)).instances).toEqual([]);
    expect(calls.instances).toBe(0);
    for (const id of waiting) expect(await engine.instance(id)).toMatchObject({ status: 'completed', data: { result: 'expired' } });
  });

  it('reads every event of every instance through the engine\'s feed', async () => {
    const { engine } = await testEngine([orderFlow], make());
    const a = await engine.start('order', { actor: sales, hostData: { customer } });
    const b = await engine.start('order', { actor: sales, hostData: { customer } });
    const [task] = await engine.tasks(a.instance.instanceId, { actor: sales });
    await engine.complete(a.instance.instanceId, task!.taskId, { actor: sales, data: { 'order.amount': 5 } });
    const seen = [];
    let after: string | undefined;
    for (;;) {
      const page = await engine.feed({ limit: 3, ...(after ? { after } : {}) });
      if (!page.events.length) break;
      seen.push(...page.events);
      after = page.next;
    }
    const logs = [...(await engine.events(a.instance.instanceId)), ...(await engine.events(b.instance.instanceId))];
    expect(seen).toHaveLength(logs.length);
    expect(new Set(seen.map((e) => `${e.instanceId}:${e.seq}`))).toEqual(new Set(logs.map((e) => `${e.instanceId}:${e.seq}`)));
  });
});

describe('the Dexie store upgrading a database of the first schema', () => {
  it('keeps its instances and fills the work lists and the feed from them', async () => {
    const { Dexie } = await import('dexie');
    const { FLOW_STORE_SCHEMA_V1 } = await import('../../src/stores/dexie/index.js');
    const indexedDB = new IDBFactory();
    // A database as the first version of the store wrote it: no role index, no feed, no snapshots.
    const old = new Dexie('upgrade', { indexedDB, IDBKeyRange });
    old.version(1).stores(FLOW_STORE_SCHEMA_V1);
    const { engine: writer } = await testEngine([orderFlow], createMemoryStore());
    const { instance } = await writer.start('order', { actor: sales, hostData: { customer } });
    const events = await writer.events(instance.instanceId);
    const summary = (await writer.instances())[0]!;
    const [row] = await writer.tasks(instance.instanceId, { actor: sales });
    await old.table('flow_events').bulkAdd(events);
    await old.table('flow_instances').put(summary);
    await old.table('flow_tasks').put({ instanceId: instance.instanceId, taskId: row!.taskId, nodeId: row!.nodeId, flowId: 'order', version: 1, roles: ['sales-rep'], openedAt: row!.openedAt });
    await old.table('flow_definitions').put({ flowId: 'order', version: 1, flow: orderFlow, deployedAt: T0 });
    old.close();
    const store = createDexieStore({ name: 'upgrade', indexedDB, IDBKeyRange });
    const { engine } = await testEngine([], store);
    expect((await engine.tasks({ actor: sales, limit: 10 })).map((t) => t.taskId)).toEqual([row!.taskId]);
    expect((await store.feed({})).events).toEqual(events);
    expect(await engine.instance(instance.instanceId)).toEqual(instance);
  });
});
