// On a store with synchronous access (the memory store) the engine decides and
// appends a command on a cached case without waiting; it must answer exactly as
// the full path does on a store without it (Dexie, PostgreSQL), refusals included.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import type { FlowStore } from '../../src/stores/types.js';
import { catalog, finance, orderFlow, sales, sales2 } from './fixtures.js';
import { refusal, testEngine } from './helpers.js';

const ADMIN = { id: 'admin', name: 'Admin', roles: ['admin'] };
const customer = { name: 'A', creditLimit: 10, creditUsed: 0 };

/** The same memory store seen only through its Promise methods, as a store doing I/O is. */
function withoutSync(store: FlowStore): FlowStore {
  return Object.fromEntries(Object.entries(store).filter(([k]) => k !== 'sync')) as unknown as FlowStore;
}

async function scenario(engine: Engine) {
  const { instance } = await engine.start('order', { actor: sales, hostData: { customer } });
  const id = instance.instanceId;
  const [entry] = await engine.tasks(id, { actor: sales });
  const rejected = await refusal(engine.complete(id, entry!.taskId, { actor: finance, data: { 'order.amount': 1 } }));
  await engine.updateData(id, { actor: sales, data: { 'order.amount': 3 } });
  const done = await engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 1 } });
  const [credit] = await engine.tasks(id, { actor: finance });
  const cancelled = await engine.cancel(id, { actor: ADMIN, reason: 'test' });
  return { rejected, done, credit, cancelled, events: await engine.events(id), state: await engine.instance(id) };
}

describe('the synchronous path', () => {
  it('gives the same events, states and refusals as the full path', async () => {
    const sync = await scenario((await testEngine([orderFlow])).engine);
    const full = await scenario((await testEngine([orderFlow], withoutSync(createMemoryStore()))).engine);
    expect(sync).toStrictEqual(full);
    expect(sync.rejected.code).toBe('NOT_PERMITTED');
    expect(sync.cancelled.instance.status).toBe('cancelled');
  });

  it('rejects instead of throwing, and names who got there first when another engine completed the task', async () => {
    for (const store of [createMemoryStore(), withoutSync(createMemoryStore())]) {
      const { engine } = await testEngine([orderFlow], store);
      const other = createEngine({ store, catalog });
      // Refusals come as rejected promises, never thrown from the call.
      const unknown = engine.start('nope', { actor: sales });
      expect((await refusal(unknown)).code).toBe('UNKNOWN_FLOW');
      const { instance } = await engine.start('order', { actor: sales, hostData: { customer } });
      const id = instance.instanceId;
      const [entry] = await engine.tasks(id, { actor: sales });
      await other.complete(id, entry!.taskId, { actor: sales2, data: { 'order.amount': 1 } });
      // `engine` still has the task open in its cache: the store's log decides, and says who did it.
      const r = await refusal(engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 2 } }));
      expect(r.code).toBe('VERSION_CONFLICT');
      expect(r.message).toContain('Sue');
      const events = await engine.events(id);
      expect(events.filter((e) => e.type === 'task.completed')).toHaveLength(1);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    }
  });

  it('starts on the newest version in service when the latest is retired, and refuses a retired version asked for', async () => {
    const { engine } = await testEngine([orderFlow, { ...orderFlow, version: 2 }]);
    await engine.retire('order', 2, { actor: ADMIN, reason: 'wrong limits' });
    expect((await engine.start('order', { actor: sales })).instance.version).toBe(1);
    expect((await refusal(engine.start('order', { actor: sales, version: 2 }))).code).toBe('FLOW_RETIRED');
    await engine.deploy({ ...orderFlow, version: 3 }, { actor: ADMIN });
    expect((await engine.start('order', { actor: sales })).instance.version).toBe(3);
  });

  it('runs a wrapper\'s own append when it copied the memory store and replaced that method', async () => {
    const store = createMemoryStore();
    const seen: string[] = [];
    // An auditing wrapper, as a host might write: every append must pass through it.
    const audited: FlowStore = { ...store, append: async (request) => (seen.push(...request.writes.map((w) => w.instanceId)), store.append(request)) };
    const { engine } = await testEngine([orderFlow], audited);
    const { instance } = await engine.start('order', { actor: sales, hostData: { customer } });
    const [entry] = await engine.tasks(instance.instanceId, { actor: sales });
    await engine.complete(instance.instanceId, entry!.taskId, { actor: sales, data: { 'order.amount': 1 } });
    expect(seen).toEqual([instance.instanceId, instance.instanceId]);
  });

  it('reports a failing synchronous store as STORE_FAILED, writing nothing', async () => {
    const store = createMemoryStore();
    const { engine } = await testEngine([orderFlow], store);
    let fail = false;
    const broken: FlowStore = { ...store };
    // A wrapper offering its own synchronous access (naming itself as the store it belongs to).
    Object.assign(broken, {
      sync: {
        ...store.sync!,
        store: broken,
        append: (request: Parameters<NonNullable<FlowStore['sync']>['append']>[0]) => {
          if (fail) throw new Error('disk full');
          return store.sync!.append(request);
        },
      },
    });
    const onBroken = createEngine({ store: broken, catalog });
    // The first start loads and compiles the definition; the next takes the synchronous path.
    await onBroken.start('order', { actor: sales });
    fail = true;
    const r = await refusal(onBroken.start('order', { actor: sales }));
    expect(r.code).toBe('STORE_FAILED');
    expect(r.message).toContain('disk full');
    expect(await engine.instances()).toHaveLength(1);
  });
});
