import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { catalog, orderFlow, sales } from '../engine/fixtures.js';
import { storeContract } from './contract.js';

storeContract('memory', () => createMemoryStore());

describe('memory store: no snapshot kept per case', () => {
  it('answers states by folding the log, and leaves out a case whose last write came without one', async () => {
    const store = createMemoryStore();
    let n = 0;
    const engine = createEngine({ store, catalog, clock: { now: () => 1_000 + n }, ids: () => `m${++n}` });
    await engine.deploy(orderFlow, { actor: { id: 'admin', roles: ['admin'] } });
    const live = [];
    for (let i = 0; i < 3; i++) live.push((await engine.start('order', { actor: sales, hostData: { customer: { name: `C${i}`, creditLimit: 10, creditUsed: 0 } } })).instance);
    const [entry] = await engine.tasks(live[1]!.instanceId, { actor: sales });
    live[1] = (await engine.complete(live[1]!.instanceId, entry!.taskId, { actor: sales, data: { 'order.amount': 4 } })).instance;
    const ids = live.map((s) => s.instanceId);
    expect(await store.states({ instanceIds: ids })).toEqual(live);
    // A write without a snapshot: the store has none to give for that case.
    const seq = live[2]!.seq;
    const at = { type: 'decision.taken', instanceId: ids[2]!, seq: seq + 1, at: 5, tokenId: 'k', nodeId: 'n', edgeId: 'e', byDefault: false } as const;
    const summary = (await store.instance({ instanceId: ids[2]! }))!;
    await store.append({ writes: [{ instanceId: ids[2]!, expectedSeq: seq, events: [at], summary: { ...summary, seq: seq + 1 }, openTasks: [] }] });
    expect((await store.states({ instanceIds: ids })).map((s) => s.instanceId)).toEqual(ids.slice(0, 2));
  });
});
