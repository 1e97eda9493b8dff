import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { isEngineError } from '../../src/engine/errors.js';
import { catalog, finance, orderFlow, sales } from './fixtures.js';
import { refusal, testEngine } from './helpers.js';

describe('optimistic concurrency', () => {
  it('two people completing the same task at once: one wins, the other gets a conflict, nothing lost or doubled', async () => {
    const { engine, store } = await testEngine([orderFlow]);
    // a second engine on the same store, as another tab or server would be
    const other = createEngine({ store, catalog, clock: { now: () => 0 } });
    const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 1, creditUsed: 0 } } });
    const id = instance.instanceId;
    const [task] = await engine.tasks(id, { actor: sales });
    await other.tasks(id, { actor: sales });
    const results = await Promise.allSettled([
      engine.complete(id, task!.taskId, { actor: sales, data: { 'order.amount': 1 } }),
      other.complete(id, task!.taskId, { actor: { id: 'bo', roles: ['sales-rep'] }, data: { 'order.amount': 2 } }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(isEngineError(failed[0]!.reason, 'VERSION_CONFLICT')).toBe(true);
    const events = await engine.events(id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'task.completed')).toHaveLength(1);
  });

  it('refuses a command based on an old view (expectedSeq)', async () => {
    const { engine } = await testEngine([orderFlow]);
    const { instance } = await engine.start('order', { actor: sales });
    const id = instance.instanceId;
    const [task] = await engine.tasks(id, { actor: sales });
    await engine.updateData(id, { actor: sales, data: { 'order.amount': 5 } });
    const r = await refusal(engine.complete(id, task!.taskId, { actor: sales, expectedSeq: task!.seq }));
    expect(r.code).toBe('VERSION_CONFLICT');
    const fresh = await engine.instance(id);
    await engine.complete(id, task!.taskId, { actor: sales, expectedSeq: fresh.seq });
    expect((await engine.tasks(id, { actor: finance }))[0]?.nodeId).toBe('credit');
  });

  it('without expectedSeq, a concurrent change to another part is retried on the fresh state', async () => {
    const { engine } = await testEngine([orderFlow]);
    const { instance } = await engine.start('order', { actor: sales });
    const id = instance.instanceId;
    await Promise.all([
      engine.updateData(id, { actor: sales, data: { 'order.amount': 5 } }),
      engine.updateData(id, { actor: sales, data: { 'order.lines': [{ sku: 'A', qty: 1 }] } }),
    ]);
    // Both writes kept; the order got one id, on the first of them.
    expect((await engine.instance(id)).data.order).toEqual({ amount: 5, lines: [{ sku: 'A', qty: 1 }], id: expect.any(String) });
  });

  it('an engine whose copy is behind the store still acts on the stored truth', async () => {
    const { engine, store } = await testEngine([orderFlow]);
    const other = createEngine({ store, catalog });
    const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 10, creditUsed: 0 } } });
    const id = instance.instanceId;
    // engine has the instance cached at order entry; the other engine moves it on to the credit check
    const [entry] = await other.tasks(id, { actor: sales });
    await other.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 1 } });
    const [credit] = await other.tasks(id, { actor: finance });
    // engine completes the credit check it has not seen open, and the log stays whole
    const done = await engine.complete(id, credit!.taskId, { actor: finance });
    expect(done.instance.tasks[credit!.taskId]?.status).toBe('completed');
    const again = await refusal(engine.complete(id, entry!.taskId, { actor: sales }));
    expect(again.code).toBe('TASK_NOT_OPEN');
    const events = await engine.events(id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });
});
