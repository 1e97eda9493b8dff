// The engine keeps the states of recently used running cases and drops the
// least recently used ones, many at a time, once it holds more than it keeps:
// a case dropped from the cache, one kept, and one touched again just before
// the drop must all answer from the store as if nothing had been cached.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { catalog, orderFlow, sales } from './fixtures.js';

const ADMIN = { id: 'admin', name: 'Admin', roles: ['admin'] };

describe('the state cache', () => {
  it('answers for running cases past what it keeps, the oldest, a re-touched one and the newest alike', async () => {
    const store = createMemoryStore();
    let n = 0;
    const engine = createEngine({ store, catalog, clock: { now: () => 1_000 + n }, ids: () => `c${++n}` });
    // A second engine on the same store that caches nothing of these cases: the reference.
    const fresh = () => createEngine({ store, catalog });
    await engine.deploy(orderFlow, { actor: ADMIN });
    const ids: string[] = [];
    for (let i = 0; i < 5_600; i++) {
      const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: `C${i}`, creditLimit: 10, creditUsed: 0 } } });
      ids.push(instance.instanceId);
      // The first case is used again while the cache fills, so it is among the most recent when the oldest go.
      if (i % 1_000 === 999) await engine.updateData(ids[0]!, { actor: sales, data: { 'order.amount': i } });
    }
    for (const id of [ids[0]!, ids[1]!, ids[2_000]!, ids[5_599]!]) {
      const [task] = await engine.tasks(id, { actor: sales });
      const done = await engine.complete(id, task!.taskId, { actor: sales, data: { 'order.amount': 1 } });
      expect(done.instance).toEqual(await fresh().instance(id));
      expect(done.instance.seq).toBe((await store.load({ instanceId: id })).length);
    }
    expect((await engine.instance(ids[0]!)).data).toMatchObject({ order: { amount: 1 } });
  });
});
