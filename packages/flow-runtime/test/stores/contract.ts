// The store contract: every adapter must pass this same suite (STYLE rule 6).
import { describe, expect, it } from 'vitest';
import type { FlowEvent, InstanceSummary, OpenTaskRow } from '../../src/engine/types.js';
import type { FlowStore, InstanceWrite } from '../../src/stores/types.js';
import { createEngine } from '../../src/engine/engine.js';
import { replay } from '../../src/engine/apply.js';
import { catalog, finance, orderFlow, sales } from '../engine/fixtures.js';

const ev = (instanceId: string, seq: number): FlowEvent => ({ type: 'decision.taken', instanceId, seq, at: seq * 1000, tokenId: 'k', nodeId: 'n', edgeId: 'e', byDefault: false });

function write(instanceId: string, expectedSeq: number, count: number, extra: Partial<InstanceSummary> = {}, openTasks: OpenTaskRow[] = []): InstanceWrite {
  const events = Array.from({ length: count }, (_, i) => ev(instanceId, expectedSeq + i + 1));
  const seq = expectedSeq + count;
  return { instanceId, expectedSeq, events, openTasks, summary: { instanceId, flowId: 'f', version: 1, status: 'active', seq, startedAt: 0, updatedAt: seq, at: [], ...extra } };
}

const row = (instanceId: string, taskId: string, roles: string[]): OpenTaskRow => ({ instanceId, taskId, nodeId: taskId, flowId: 'f', version: 1, roles, openedAt: 0 });

/** Runs the contract against stores made by `make` (a fresh, empty store each time). */
export function storeContract(name: string, make: () => Promise<FlowStore> | FlowStore): void {
  describe(`store contract: ${name}`, () => {
    it('appends and loads events in seq order, all or after a seq', async () => {
      const store = await make();
      expect(await store.append({ writes: [write('a', 0, 3)] })).toEqual({ ok: true });
      expect(await store.append({ writes: [write('a', 3, 2)] })).toEqual({ ok: true });
      expect((await store.load({ instanceId: 'a' })).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect((await store.load({ instanceId: 'a', afterSeq: 3 })).map((e) => e.seq)).toEqual([4, 5]);
      expect(await store.load({ instanceId: 'nope' })).toEqual([]);
      expect(await store.instance({ instanceId: 'a' })).toMatchObject({ seq: 5 });
    });

    it('refuses a stale expected seq and writes nothing of the command', async () => {
      const store = await make();
      await store.append({ writes: [write('a', 0, 2)] });
      const res = await store.append({ writes: [write('b', 0, 1), write('a', 1, 1)] });
      expect(res).toEqual({ ok: false, instanceId: 'a', expectedSeq: 1, actualSeq: 2 });
      expect(await store.load({ instanceId: 'b' })).toEqual([]);
      expect(await store.instance({ instanceId: 'b' })).toBeUndefined();
      expect((await store.load({ instanceId: 'a' })).map((e) => e.seq)).toEqual([1, 2]);
      expect((await store.append({ writes: [write('a', 0, 1)] })).ok).toBe(false);
    });

    it('lets exactly one of two concurrent appends at the same seq win', async () => {
      const store = await make();
      await store.append({ writes: [write('a', 0, 1)] });
      const results = await Promise.all([store.append({ writes: [write('a', 1, 2)] }), store.append({ writes: [write('a', 1, 3)] })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const seqs = (await store.load({ instanceId: 'a' })).map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect([3, 4]).toContain(seqs.length);
    });

    it('lists instances by flow, status, due time and parent', async () => {
      const store = await make();
      await store.append({
        writes: [
          write('a', 0, 1, { flowId: 'x', status: 'active', nextDueAt: 100 }),
          write('b', 0, 1, { flowId: 'x', status: 'completed' }),
          write('c', 0, 1, { flowId: 'y', status: 'active', nextDueAt: 500, parentId: 'a' }),
        ],
      });
      const ids = (rows: InstanceSummary[]) => rows.map((r) => r.instanceId).sort();
      expect(ids(await store.instances({}))).toEqual(['a', 'b', 'c']);
      expect(ids(await store.instances({ flowId: 'x' }))).toEqual(['a', 'b']);
      expect(ids(await store.instances({ status: 'active' }))).toEqual(['a', 'c']);
      expect(ids(await store.instances({ flowId: 'x', status: 'active' }))).toEqual(['a']);
      expect(ids(await store.instances({ dueBefore: 100 }))).toEqual(['a']);
      expect(ids(await store.instances({ dueBefore: 1000, status: 'active' }))).toEqual(['a', 'c']);
      expect(ids(await store.instances({ parentId: 'a' }))).toEqual(['c']);
    });

    it('keeps open tasks by role, replaced by each append', async () => {
      const store = await make();
      await store.append({ writes: [write('a', 0, 1, {}, [row('a', 't1', ['sales-rep', 'sales-manager']), row('a', 't2', ['finance'])])] });
      await store.append({ writes: [write('b', 0, 1, {}, [row('b', 't1', ['*'])])] });
      const keys = (rows: OpenTaskRow[]) => rows.map((r) => `${r.instanceId}/${r.taskId}`).sort();
      expect(keys(await store.openTasks({ roles: ['sales-rep'] }))).toEqual(['a/t1']);
      expect(keys(await store.openTasks({ roles: ['sales-rep', 'sales-manager', '*'] }))).toEqual(['a/t1', 'b/t1']);
      expect(keys(await store.openTasks({ instanceId: 'a' }))).toEqual(['a/t1', 'a/t2']);
      expect(keys(await store.openTasks({ instanceId: 'a', roles: ['finance'] }))).toEqual(['a/t2']);
      await store.append({ writes: [write('a', 1, 1, {}, [row('a', 't3', ['finance'])])] });
      expect(keys(await store.openTasks({ roles: ['sales-rep'] }))).toEqual([]);
      expect(keys(await store.openTasks({ roles: ['finance'] }))).toEqual(['a/t3']);
      expect(keys(await store.openTasks({}))).toEqual(['a/t3', 'b/t1']);
    });

    it('stores each definition version once and finds the latest', async () => {
      const store = await make();
      const def = (version: number, flowId = 'order') => ({ flowId, version, flow: { ...orderFlow, id: flowId, version }, deployedAt: version });
      expect(await store.putDefinition({ definition: def(1) })).toEqual({ created: true });
      await store.putDefinition({ definition: def(3) });
      await store.putDefinition({ definition: def(2) });
      await store.putDefinition({ definition: def(1, 'alpha') });
      const again = await store.putDefinition({ definition: { ...def(2), deployedAt: 99 } });
      expect(again).toMatchObject({ created: false, existing: { version: 2, deployedAt: 2 } });
      expect((await store.getDefinition({ flowId: 'order' }))?.version).toBe(3);
      expect((await store.getDefinition({ flowId: 'order', version: 2 }))?.flow.version).toBe(2);
      expect(await store.getDefinition({ flowId: 'none' })).toBeUndefined();
      expect((await store.definitions({ flowId: 'order' })).map((d) => d.version)).toEqual([1, 2, 3]);
      expect((await store.definitions({})).map((d) => `${d.flowId}@${d.version}`)).toEqual(['alpha@1', 'order@1', 'order@2', 'order@3']);
    });

    it('runs the engine: a process worked by two roles replays to the same state', async () => {
      const store = await make();
      let n = 0;
      const engine = createEngine({ store, catalog, clock: { now: () => 1_000 }, ids: () => `i${++n}` });
      await engine.deploy(orderFlow);
      const { instance } = await engine.start('order', { actor: sales, data: { customer: { name: 'A', creditLimit: 10, creditUsed: 0, paymentTerms: 'net30' } } });
      const [entry] = await engine.tasks({ actor: sales });
      await engine.complete(instance.instanceId, entry!.taskId, { actor: sales, data: { 'order.amount': 5 } });
      const [credit] = await engine.tasks({ actor: finance });
      const { instance: live } = await engine.complete(instance.instanceId, credit!.taskId, { actor: finance });
      expect(replay(await store.load({ instanceId: instance.instanceId }))).toEqual(live);
      const fresh = createEngine({ store, catalog });
      expect(await fresh.instance(instance.instanceId)).toEqual(live);
      expect((await fresh.tasks({ actor: finance }))[0]?.nodeId).toBe('pay');
    });
  });
}
