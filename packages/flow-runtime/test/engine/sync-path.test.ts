// On a store with synchronous access (the memory store) the engine decides and
// appends a command on a cached case without waiting; it must answer exactly as
// the full path does on a store without it (Dexie, PostgreSQL), refusals included.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { replay } from '../../src/engine/apply.js';
import type { CommandResult, Engine, IdRequest } from '../../src/engine/types.js';
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

  it('keeps each command whole when the id source runs other commands while one is being decided', async () => {
    // The synchronous path reuses one run, one decision and one start and complete command; a command
    // begun while another is decided (here by the id source, asked for a record id mid-decision) must
    // get its own, and neither may see the other's case, data or events.
    let n = 0;
    let armed = false;
    let other = { id: '', taskId: '' };
    const inner: Promise<CommandResult>[] = [];
    const engine: Engine = createEngine({
      store: createMemoryStore(),
      catalog,
      ids: (request?: IdRequest) => {
        if (armed && request?.kind === 'record') {
          armed = false;
          inner.push(engine.start('order', { actor: sales2, hostData: { customer } }));
          inner.push(engine.complete(other.id, other.taskId, { actor: sales2, data: { 'order.amount': 2 } }));
        }
        return `inst-${++n}`;
      },
    });
    await engine.deploy(orderFlow, { actor: ADMIN });
    const first = (await engine.start('order', { actor: sales, hostData: { customer } })).instance;
    const second = (await engine.start('order', { actor: sales2, hostData: { customer } })).instance;
    other = { id: second.instanceId, taskId: Object.keys(second.tasks)[0]! };
    armed = true;
    const done = await engine.complete(first.instanceId, Object.keys(first.tasks)[0]!, { actor: sales, data: { 'order.amount': 1 } });
    const [started, completed] = await Promise.all(inner);
    expect(inner).toHaveLength(2);
    const changed = (r: CommandResult) => r.events.flatMap((e) => (e.type === 'data.changed' ? e.changes.map((c) => [c.path, c.to]) : []));
    expect(done.instance.instanceId).toBe(first.instanceId);
    expect(done.events.every((e) => e.instanceId === first.instanceId && e.actor?.id !== 'sue')).toBe(true);
    expect(changed(done)).toContainEqual(['order.amount', 1]);
    expect(completed!.instance.instanceId).toBe(second.instanceId);
    expect(changed(completed!)).toContainEqual(['order.amount', 2]);
    const third = started!.instance.instanceId;
    expect([first.instanceId, second.instanceId]).not.toContain(third);
    expect(started!.events.every((e) => e.instanceId === third)).toBe(true);
    for (const id of [first.instanceId, second.instanceId, third]) {
      const events = await engine.events(id);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.every((e) => e.instanceId === id)).toBe(true);
      expect(replay(events)).toEqual(await engine.instance(id));
    }
    expect((await engine.instance(first.instanceId)).data).toMatchObject({ order: { amount: 1 } });
    expect((await engine.instance(second.instanceId)).data).toMatchObject({ order: { amount: 2 } });

    // A start whose host data holds a record without an id: the id source runs another start mid-decision.
    inner.length = 0;
    other = { id: third, taskId: Object.keys(started!.instance.tasks)[0]! };
    armed = true;
    const outer = await engine.start('order', { actor: sales, hostData: { customer, order: { amount: 5 } } });
    const [nested] = await Promise.all(inner);
    const ids = [outer.instance.instanceId, nested!.instance.instanceId];
    expect(new Set(ids).size).toBe(2);
    for (const r of [outer, nested!]) {
      expect(r.events.every((e) => e.instanceId === r.instance.instanceId)).toBe(true);
      expect(await engine.events(r.instance.instanceId)).toEqual(r.events);
    }
    expect(outer.instance.data).toMatchObject({ order: { amount: 5 } });
    expect(nested!.instance.data).not.toHaveProperty('order.amount');
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
