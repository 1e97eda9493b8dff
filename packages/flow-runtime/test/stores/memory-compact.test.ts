// The memory store keeps logs compactly encoded and no snapshot per instance:
// what a user reads back (events, feed, states, summaries) must be exactly what
// was written, and the sync access must answer as the Promise methods do.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { FlowEvent } from '../../src/engine/types.js';
import { eventCodec } from '../../src/stores/event-log.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { catalog, orderFlow, sales } from '../engine/fixtures.js';

const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

describe('the compact event log', () => {
  it('decodes events equal to those encoded, keys in the same order, odd values kept', () => {
    const codec = eventCodec();
    const actor = { id: 'sam', roles: ['sales-rep'] };
    const data = { nested: { a: 1 } };
    const events = [
      { type: 'instance.started', instanceId: 'i1', seq: 1, at: 1_700_000_000_000, actor, flowId: 'f', version: 2, data: {} },
      { type: 'token.moved', instanceId: 'i1', seq: 2, at: 1_700_000_000_000, actor: undefined, tokenId: 'k2', from: undefined, to: 'start', edgeId: undefined },
      // Keys in another order, a time that differs, a seq and instance id that are not the log's own, a fractional time.
      { seq: 99, type: 'data.changed', at: 1_700_000_000_000.5, instanceId: 'other', cause: 'task', changes: [{ path: 'a', from: null, to: data }] },
      // A key the event before lacks, holding undefined; -0 after 0; NaN after NaN.
      { type: 'token.moved', instanceId: 'i1', seq: 4, at: 1_700_000_000_000.5, tokenId: undefined, n: 0, m: Number.NaN },
      { type: 'token.moved', instanceId: 'i1', seq: 5, at: 1_700_000_000_000.5, tokenId: 'k2', n: -0, m: Number.NaN },
      { type: 'instance.cancelled', instanceId: 'i1', seq: 6, at: 1_700_000_000_001, reason: 'x'.repeat(100) },
    ] as unknown as FlowEvent[];
    // Encoded in two writes, the second given as two lists (a kept write and the one coming in).
    const log = codec.encode(codec.encode([], 0, events.slice(0, 2)), 2, events.slice(2, 4), events.slice(4));
    const back = codec.decode(log);
    expect(back).toStrictEqual(events);
    back.forEach((e, i) => expect(Object.keys(e)).toEqual(Object.keys(events[i]!)));
    expect(Object.is((back[4] as unknown as { n: number }).n, -0)).toBe(true);
    // Nested values are the objects given.
    expect((back[2] as { changes: { to: unknown }[] }).changes[0]!.to).toBe(data);
    // After a seq, and a limited number.
    expect(codec.decode(log, 2).map((e) => e.seq)).toEqual([99, 4, 5, 6]);
    expect(codec.decode(log, 1, 2).map((e) => e.type)).toEqual(['token.moved', 'data.changed']);
    // Fewer slots than values: the type, the seq, and what the event before holds take none.
    expect(codec.decode(log, 0, 2)).toStrictEqual(events.slice(0, 2));
    const values = events.reduce((sum, e) => sum + Object.keys(e).length, 0);
    expect(log.length).toBeLessThan(values - 2 * events.length);
  });
});

describe('the memory store without per-instance snapshots', () => {
  it('answers states, events, the feed and summaries from the compact log, for old and recent cases alike', async () => {
    const store = createMemoryStore();
    let n = 0;
    const engine = createEngine({ store, catalog, clock: { now: () => 1_000 + n }, ids: () => `s${++n}` });
    await engine.deploy(orderFlow, { actor: DEPLOYER });
    const live = new Map<string, unknown>();
    const logs = new Map<string, FlowEvent[]>();
    // More cases than the store keeps as written (its recent writes), so the first are read from their encoded logs.
    for (let i = 0; i < 1_100; i++) {
      const r = await engine.start('order', { actor: sales, hostData: { customer: { name: `C${i}`, creditLimit: 10, creditUsed: 0, paymentTerms: 'net30' } } });
      live.set(r.instance.instanceId, r.instance);
      logs.set(r.instance.instanceId, r.events);
    }
    const ids = [...live.keys()];
    const states = await store.states({ instanceIds: [ids[0]!, ids[1_099]!] });
    expect(states).toEqual([live.get(ids[0]!), live.get(ids[1_099]!)]);
    expect(await store.load({ instanceId: ids[0]! })).toStrictEqual(logs.get(ids[0]!));
    expect(await store.load({ instanceId: ids[5]!, afterSeq: 2 })).toStrictEqual(logs.get(ids[5]!)!.slice(2));
    // The feed, read in pages that cut through instances' writes, is every event once, in order.
    const all: FlowEvent[] = [];
    for (let after: string | undefined; ; ) {
      const page = await store.feed({ limit: 7, ...(after ? { after } : {}) });
      if (page.events.length === 0) break;
      all.push(...page.events);
      after = page.next;
    }
    expect(all).toStrictEqual(ids.flatMap((id) => logs.get(id)!));
    expect(await store.instance({ instanceId: ids[3]! })).toMatchObject({ instanceId: ids[3], flowId: 'order', status: 'active', seq: logs.get(ids[3]!)!.length });
  });

  it('keeps each case whole when its writes come between other cases\' (long after, and right after)', async () => {
    const store = createMemoryStore();
    let n = 0;
    const engine = createEngine({ store, catalog, clock: { now: () => 1_000 + n }, ids: () => `w${++n}` });
    await engine.deploy(orderFlow, { actor: DEPLOYER });
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) {
      const r = await engine.start('order', { actor: sales, hostData: { customer: { name: `C${i}`, creditLimit: 1, creditUsed: 0 } } });
      ids.push(r.instance.instanceId);
    }
    // The first case is done long after its start (150 other cases in between), the last right after.
    for (const id of [ids[0]!, ids[149]!, ids[70]!]) {
      const [task] = await engine.tasks(id, { actor: sales });
      await engine.complete(id, task!.taskId, { actor: sales, data: { 'order.amount': 1 } });
    }
    const feed: FlowEvent[] = [];
    for (let after: string | undefined; ; ) {
      const page = await store.feed({ limit: 5, ...(after ? { after } : {}) });
      if (page.events.length === 0) break;
      feed.push(...page.events);
      after = page.next;
    }
    for (const id of [ids[0]!, ids[149]!, ids[70]!, ids[1]!]) {
      const events = await store.load({ instanceId: id });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.every((e) => e.instanceId === id)).toBe(true);
      // The feed holds the case's events in its own order, interleaved with the others'.
      expect(feed.filter((e) => e.instanceId === id)).toStrictEqual(events);
      expect(await store.load({ instanceId: id, afterSeq: 3 })).toStrictEqual(events.slice(3));
      const [state] = await store.states({ instanceIds: [id] });
      expect(state).toEqual(await engine.instance(id));
    }
    expect((await store.load({ instanceId: ids[0]! })).some((e) => e.type === 'task.completed')).toBe(true);
    expect(feed).toHaveLength(new Set(feed.map((e) => `${e.instanceId}:${e.seq}`)).size);
  });

  it('reads recent writes without encoding them, as copies: changing what a read gave changes nothing kept', async () => {
    const store = createMemoryStore();
    let n = 0;
    const engine = createEngine({ store, catalog, clock: { now: () => 1_000 + n }, ids: () => `r${++n}` });
    await engine.deploy(orderFlow, { actor: DEPLOYER });
    const start = async (i: number) => (await engine.start('order', { actor: sales, hostData: { customer: { name: `C${i}`, creditLimit: 1, creditUsed: 0 } } })).instance.instanceId;
    const recent = await start(0);
    // One case written, pushed out of the recent writes (encoded), then written again: part encoded, part as given.
    const mixed = await start(1);
    for (let i = 0; i < 100; i++) await start(i + 2);
    const [task] = await engine.tasks(mixed, { actor: sales });
    await engine.complete(mixed, task!.taskId, { actor: sales, data: { 'order.amount': 1 } });
    for (const id of [recent, mixed]) {
      const events = await store.load({ instanceId: id });
      const kept = structuredClone(events);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      // Every way in: from the start, from the middle, a page of the feed.
      for (let after = 0; after <= events.length; after++) expect(await store.load({ instanceId: id, afterSeq: after })).toStrictEqual(events.slice(after));
      for (const e of events) {
        (e as { seq: number }).seq = -1;
        delete (e as { at?: number }).at;
      }
      expect(await store.load({ instanceId: id })).toStrictEqual(kept);
    }
    // The state folded from the log and the engine's own agree, for both.
    for (const id of [recent, mixed]) expect((await store.states({ instanceIds: [id] }))[0]).toEqual(await createEngine({ store, catalog }).instance(id));
  });

  it('keeps the latest version per flow, retired or not, for sync and Promise reads alike', async () => {
    const store = createMemoryStore();
    const def = (version: number) => ({ flowId: 'f', version, flow: { ...orderFlow, version }, deployedAt: version });
    await store.putDefinition({ definition: def(2) });
    await store.putDefinition({ definition: def(1) });
    expect((await store.getDefinition({ flowId: 'f' }))?.version).toBe(2);
    await store.putDefinition({ definition: def(3) });
    expect(store.sync!.getDefinition({ flowId: 'f' })?.version).toBe(3);
    await store.retireDefinition({ flowId: 'f', version: 3, retired: { at: 5, by: { id: 'admin' }, reason: 'old' } });
    expect(store.sync!.getDefinition({ flowId: 'f' })).toMatchObject({ version: 3, retired: { reason: 'old' } });
    expect(await store.getDefinition({ flowId: 'f', version: 1 })).toMatchObject({ version: 1 });
    expect(await store.getDefinition({ flowId: 'g' })).toBeUndefined();
  });
});
