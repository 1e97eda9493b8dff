// The store contract: every adapter must pass this same suite (STYLE rule 6).
import { describe, expect, it } from 'vitest';
import type { FlowEvent, InstanceSummary, OpenTaskRow } from '../../src/engine/types.js';
import type { FlowStore, InstanceWrite } from '../../src/stores/types.js';
import { createEngine } from '../../src/engine/engine.js';
import { replay } from '../../src/engine/apply.js';
import { catalog, finance, orderFlow, sales } from '../engine/fixtures.js';
import { createChangeControl } from '../../src/changes/control.js';
import type { ChangeEvent, ChangeEventType } from '../../src/changes/types.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const ev = (instanceId: string, seq: number): FlowEvent => ({ type: 'decision.taken', instanceId, seq, at: seq * 1000, tokenId: 'k', nodeId: 'n', edgeId: 'e', byDefault: false });

function write(instanceId: string, expectedSeq: number, count: number, extra: Partial<InstanceSummary> = {}, openTasks: OpenTaskRow[] = []): InstanceWrite {
  const events = Array.from({ length: count }, (_, i) => ev(instanceId, expectedSeq + i + 1));
  const seq = expectedSeq + count;
  return { instanceId, expectedSeq, events, openTasks, summary: { instanceId, flowId: 'f', version: 1, status: 'active', seq, startedAt: 0, updatedAt: seq, at: [], ...extra } };
}

const row = (instanceId: string, taskId: string, roles: string[], openedAt = 0): OpenTaskRow => ({ instanceId, taskId, nodeId: taskId, flowId: 'f', version: 1, roles, openedAt });
const keys = (rows: OpenTaskRow[]) => rows.map((r) => `${r.instanceId}/${r.taskId}`);

/** Reads the whole feed a page at a time. */
async function readFeed(store: FlowStore, limit: number, after?: string): Promise<{ events: FlowEvent[]; next: string }> {
  const all: FlowEvent[] = [];
  let position = after;
  for (;;) {
    const page = await store.feed({ limit, ...(position !== undefined ? { after: position } : {}) });
    all.push(...page.events);
    if (page.events.length === 0) return { events: all, next: page.next };
    expect(page.events.length).toBeLessThanOrEqual(limit);
    position = page.next;
  }
}

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
      const sorted = (rows: OpenTaskRow[]) => keys(rows).sort();
      expect(sorted(await store.openTasks({ roles: ['sales-rep'] }))).toEqual(['a/t1']);
      expect(sorted(await store.openTasks({ roles: ['sales-rep', 'sales-manager', '*'] }))).toEqual(['a/t1', 'b/t1']);
      expect(sorted(await store.openTasks({ instanceId: 'a' }))).toEqual(['a/t1', 'a/t2']);
      expect(sorted(await store.openTasks({ instanceId: 'a', roles: ['finance'] }))).toEqual(['a/t2']);
      await store.append({ writes: [write('a', 1, 1, {}, [row('a', 't3', ['finance'])])] });
      expect(sorted(await store.openTasks({ roles: ['sales-rep'] }))).toEqual([]);
      expect(sorted(await store.openTasks({ roles: ['finance'] }))).toEqual(['a/t3']);
      expect(sorted(await store.openTasks({}))).toEqual(['a/t3', 'b/t1']);
    });

    it('pages one role\'s open tasks by open time, then instance and task id, with a cursor', async () => {
      const store = await make();
      // Opened out of id order, two roles sharing some tasks, one task anyone may do.
      await store.append({ writes: [write('c', 0, 1, {}, [row('c', 't1', ['sales', 'finance'], 30), row('c', 't2', ['finance'], 10)])] });
      await store.append({ writes: [write('a', 0, 1, {}, [row('a', 't1', ['sales'], 30), row('a', 't9', ['*'], 20)])] });
      await store.append({ writes: [write('b', 0, 1, {}, [row('b', 't1', ['sales'], 5)])] });
      const order = ['b/t1', 'c/t2', 'a/t9', 'a/t1', 'c/t1'];
      expect(keys(await store.openTasks({}))).toEqual(order);
      const roles = ['sales', 'finance', '*'];
      expect(keys(await store.openTasks({ roles }))).toEqual(order);
      const seen: string[] = [];
      let after: OpenTaskRow | undefined;
      for (let i = 0; i < 5; i++) {
        const page = await store.openTasks({ roles, limit: 2, ...(after ? { after } : {}) });
        if (page.length === 0) break;
        seen.push(...keys(page));
        after = page[page.length - 1];
      }
      expect(seen).toEqual(order);
      expect(keys(await store.openTasks({ roles: ['sales'], limit: 2 }))).toEqual(['b/t1', 'a/t1']);
      expect(keys(await store.openTasks({ roles: ['sales'], after: { openedAt: 30, instanceId: 'a', taskId: 't1' } }))).toEqual(['c/t1']);
      expect(keys(await store.openTasks({ limit: 1, after: { openedAt: 10, instanceId: 'c', taskId: 't2' } }))).toEqual(['a/t9']);
      expect(await store.openTasks({ roles: ['nobody'], limit: 10 })).toEqual([]);
      // A completed task leaves every role's list.
      await store.append({ writes: [write('c', 1, 1, {}, [row('c', 't2', ['finance'], 10)])] });
      expect(keys(await store.openTasks({ roles: ['sales'] }))).toEqual(['b/t1', 'a/t1']);
      expect(keys(await store.openTasks({ roles: ['finance'] }))).toEqual(['c/t2']);
    });

    it('pages instances by start time with filters', async () => {
      const store = await make();
      const writes = ['e', 'd', 'c', 'b', 'a'].map((id, i) => write(id, 0, 1, { startedAt: i < 2 ? 100 : 50 + i, flowId: i % 2 ? 'x' : 'y', status: i === 4 ? 'completed' : 'active', ...(i > 2 ? { parentId: 'e' } : {}) }));
      await store.append({ writes });
      const ids = (rows: InstanceSummary[]) => rows.map((r) => r.instanceId);
      // Start times: c 52, b 53, a 54 (completed), d 100, e 100.
      expect(ids(await store.instances({}))).toEqual(['c', 'b', 'a', 'd', 'e']);
      const first = await store.instances({ limit: 2 });
      expect(ids(first)).toEqual(['c', 'b']);
      const second = await store.instances({ limit: 2, after: first[1]! });
      expect(ids(second)).toEqual(['a', 'd']);
      expect(ids(await store.instances({ limit: 2, after: second[1]! }))).toEqual(['e']);
      expect(ids(await store.instances({ status: 'active', limit: 2, after: { startedAt: 52, instanceId: 'c' } }))).toEqual(['b', 'd']);
      expect(ids(await store.instances({ flowId: 'y', status: 'active' }))).toEqual(['c', 'e']);
      expect(ids(await store.instances({ parentId: 'e', limit: 1 }))).toEqual(['b']);
      // A status change moves the instance between filtered lists.
      await store.append({ writes: [write('c', 1, 1, { startedAt: 52, flowId: 'y', status: 'cancelled' })] });
      expect(ids(await store.instances({ flowId: 'y', status: 'active' }))).toEqual(['e']);
      expect(ids(await store.instances({ status: 'cancelled' }))).toEqual(['c']);
    });

    it('finds due instances from the next-due index, earliest first, and claims them', async () => {
      const store = await make();
      await store.append({
        writes: [
          write('late', 0, 1, { nextDueAt: 300 }),
          write('soon', 0, 1, { nextDueAt: 100 }),
          write('mid', 0, 1, { nextDueAt: 200 }),
          write('never', 0, 1, {}),
        ],
      });
      const ids = (rows: InstanceSummary[]) => rows.map((r) => r.instanceId);
      expect(ids(await store.due({ before: 250, limit: 10 }))).toEqual(['soon', 'mid']);
      expect(ids(await store.due({ before: 1000, limit: 2 }))).toEqual(['soon', 'mid']);
      expect(ids(await store.due({ before: 50, limit: 10 }))).toEqual([]);
      // A claim hides an instance from other callers until it is written again.
      expect(ids(await store.due({ before: 1000, limit: 1, leaseMs: 60_000 }))).toEqual(['soon']);
      expect(ids(await store.due({ before: 1000, limit: 10, leaseMs: 60_000 }))).toEqual(['mid', 'late']);
      expect(await store.due({ before: 1000, limit: 10 })).toEqual([]);
      await store.append({ writes: [write('soon', 1, 1, { nextDueAt: 150 })] });
      expect(ids(await store.due({ before: 1000, limit: 10 }))).toEqual(['soon']);
      // Fired: no next-due time, no longer due.
      await store.append({ writes: [write('soon', 2, 1, {})] });
      expect(await store.due({ before: 1000, limit: 10 })).toEqual([]);
    });

    it('keeps the latest state snapshot of each instance', async () => {
      const store = await make();
      let n = 0;
      const engine = createEngine({ store, catalog, clock: { now: () => 1_000 }, ids: () => `s${++n}` });
      await engine.deploy(orderFlow, { actor: DEPLOYER });
      const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 10, creditUsed: 0, paymentTerms: 'net30' } } });
      const [task] = await engine.tasks(instance.instanceId, { actor: sales });
      const { instance: live } = await engine.complete(instance.instanceId, task!.taskId, { actor: sales, data: { 'order.amount': 5 } });
      expect(await store.states({ instanceIds: [instance.instanceId, 'unknown'] })).toEqual([live]);
      expect(await store.states({ instanceIds: [] })).toEqual([]);
    });

    it('feeds every event once in a global order, in pages, with durable subscriber cursors', async () => {
      const store = await make();
      await store.append({ writes: [write('a', 0, 2), write('b', 0, 1)] });
      await store.append({ writes: [write('a', 2, 1)] });
      const first = await readFeed(store, 2);
      expect(first.events.map((e) => `${e.instanceId}${e.seq}`).sort()).toEqual(['a1', 'a2', 'a3', 'b1']);
      // Per instance the feed keeps seq order; the last append comes last.
      expect(first.events.filter((e) => e.instanceId === 'a').map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(first.events[3]).toMatchObject({ instanceId: 'a', seq: 3 });
      // Events stored later come after the position already read, and only they.
      await store.append({ writes: [write('c', 0, 2)] });
      const more = await readFeed(store, 10, first.next);
      expect(more.events.map((e) => `${e.instanceId}${e.seq}`)).toEqual(['c1', 'c2']);
      expect((await store.feed({ after: more.next })).events).toEqual([]);
      expect((await store.feed({ after: more.next })).next).toBe(more.next);
      // Feed events are the stored events.
      expect(more.events).toEqual(await store.load({ instanceId: 'c' }));
      expect(await store.feedCursor({ subscriber: 'mailer' })).toBeUndefined();
      await store.saveFeedCursor({ subscriber: 'mailer', position: first.next });
      await store.saveFeedCursor({ subscriber: 'audit', position: more.next });
      expect(await store.feedCursor({ subscriber: 'mailer' })).toBe(first.next);
      expect((await store.feed({ after: (await store.feedCursor({ subscriber: 'mailer' }))! })).events.map((e) => `${e.instanceId}${e.seq}`)).toEqual(['c1', 'c2']);
      await store.saveFeedCursor({ subscriber: 'mailer', position: more.next });
      expect(await store.feedCursor({ subscriber: 'mailer' })).toBe(more.next);
      // A refused append adds nothing to the feed.
      await store.append({ writes: [write('d', 0, 1), write('a', 0, 1)] });
      expect((await store.feed({ after: more.next })).events).toEqual([]);
    });

    it('gives a reader polling the feed every event once while concurrent writers commit', async () => {
      const store = await make();
      let writing = true;
      const reader = (async () => {
        const seen: string[] = [];
        let after: string | undefined;
        for (;;) {
          const finished = !writing;
          const page = await store.feed({ limit: 5, ...(after !== undefined ? { after } : {}) });
          seen.push(...page.events.map((e) => `${e.instanceId}:${e.seq}`));
          after = page.next;
          if (finished && page.events.length === 0) return seen;
        }
      })();
      await Promise.all(
        Array.from({ length: 6 }, async (_, w) => {
          for (let i = 0; i < 8; i++) {
            const id = `w${w}-${i % 3}`;
            const seq = (await store.instance({ instanceId: id }))?.seq ?? 0;
            // Two writers never share an instance, so every append here succeeds.
            expect((await store.append({ writes: [write(id, seq, 1 + (i % 2))] })).ok).toBe(true);
          }
        }),
      );
      writing = false;
      const seen = await reader;
      const all: string[] = [];
      for (let w = 0; w < 6; w++) for (let k = 0; k < 3; k++) all.push(...(await store.load({ instanceId: `w${w}-${k}` })).map((e) => `${e.instanceId}:${e.seq}`));
      expect(seen.length).toBe(all.length);
      expect([...seen].sort()).toEqual(all.sort());
    });

    it('rejects a feed position it never returned', async () => {
      const store = await make();
      await expect(store.feed({ after: 'not-a-position' })).rejects.toThrow(/not-a-position/);
    });

    it('answers every junk feed position with INVALID_CURSOR naming it, the same words on every store, never STORE_FAILED', async () => {
      const store = await make();
      await store.append({ writes: [write('a', 0, 3)] });
      const own = (await store.feed({ limit: 2 })).next;
      // A position of the other store kind: counters (memory, Dexie) against 'transaction.position' (PostgreSQL).
      const foreign = own.includes('.') ? '2' : '2.0';
      const junk: unknown[] = ['not-a-position', '', '-1', '-0.1', '1e3', '0x10', 'Infinity', 'NaN', ' 1', '1 ', '1\n', '1.', '.1', '1.2.3', '１', foreign];
      // Digits past what any store counts to (PostgreSQL's xid8 and bigint, the counters' 15 digits).
      junk.push('9'.repeat(16), '99999999999999999999.1', '18446744073709551616.0', '1.9223372036854775808', `${'9'.repeat(400)}`);
      const nonText: unknown[] = [5, -1, null, {}, ['0'], true];
      const engine = createEngine({ store, catalog });
      const loose = engine as unknown as { feed(q: unknown): Promise<unknown> };
      for (const after of [...junk, ...nonText]) {
        const shown = typeof after === 'string' ? after : after === null || typeof after === 'object' ? Object.prototype.toString.call(after) : String(after);
        const named = shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
        const e = await loose.feed({ after }).then(
          () => undefined,
          (x: { code?: string; message?: string; details?: unknown }) => x,
        );
        expect(e?.code, `feed after ${JSON.stringify(after)}`).toBe('INVALID_CURSOR');
        expect(e?.message).toBe(`'${named}' is not a cursor of this list; pass the 'next' of the page before, or nothing for the first page.`);
        // The store itself throws its FeedPositionError (the engine's cue), for reading and for saving alike.
        if (typeof after === 'string' || after === null) {
          await expect(store.feed({ after: after as string }), JSON.stringify(after)).rejects.toMatchObject({ name: 'FeedPositionError', code: 'INVALID_CURSOR' });
          await expect(store.saveFeedCursor({ subscriber: 'etl', position: after as string })).rejects.toMatchObject({ name: 'FeedPositionError' });
        }
      }
      expect(await store.feedCursor({ subscriber: 'etl' })).toBeUndefined();
      // What the store gave out still reads.
      expect((await engine.feed({ after: own })).events.map((e) => e.seq)).toEqual([3]);
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

    it('retires a version once: the first retirement stays, the definition is otherwise unchanged', async () => {
      const store = await make();
      const def = (version: number) => ({ flowId: 'order', version, flow: { ...orderFlow, version }, deployedAt: version });
      await store.putDefinition({ definition: def(1) });
      await store.putDefinition({ definition: def(2) });
      const retired = { at: 5, by: { id: 'ada', name: 'Ada' }, reason: 'Replaced by version 2' };
      const after = await store.retireDefinition({ flowId: 'order', version: 1, retired });
      expect(after).toMatchObject({ flowId: 'order', version: 1, deployedAt: 1, retired });
      expect((await store.retireDefinition({ flowId: 'order', version: 1, retired: { ...retired, reason: 'again' } }))?.retired?.reason).toBe('Replaced by version 2');
      expect(await store.retireDefinition({ flowId: 'order', version: 9, retired })).toBeUndefined();
      expect((await store.getDefinition({ flowId: 'order', version: 1 }))?.retired).toEqual(retired);
      expect((await store.getDefinition({ flowId: 'order', version: 1 }))?.flow).toEqual(def(1).flow);
      expect((await store.getDefinition({ flowId: 'order', version: 2 }))?.retired).toBeUndefined();
      expect((await store.definitions({ flowId: 'order' })).map((d) => !!d.retired)).toEqual([true, false]);
    });

    it('keeps each flow change log in a gap-free order: a stale append is refused and nothing is written', async () => {
      const store = await make();
      const by = { id: 'kim', name: 'Kim', roles: ['key-user'] };
      const ev = (flowId: string, seq: number, type: 'drafted' | 'submitted' | 'approved', at: number) => ({ flowId, seq, version: 2, type, at, by, ...(type === 'submitted' ? { note: { en: 'Shorter SLA', zh: '缩短时限' } } : {}) });
      expect(await store.changes({ flowId: 'order' })).toEqual([]);
      expect(await store.appendChange({ event: { ...ev('order', 1, 'drafted', 1), flow: { ...orderFlow, version: 2 } } })).toEqual({ ok: true });
      expect(await store.appendChange({ event: ev('order', 2, 'submitted', 2) })).toEqual({ ok: true });
      expect(await store.appendChange({ event: ev('order', 2, 'approved', 3) })).toEqual({ ok: false, actualSeq: 2 });
      expect(await store.appendChange({ event: ev('order', 4, 'approved', 3) })).toEqual({ ok: false, actualSeq: 2 });
      expect(await store.appendChange({ event: ev('alpha', 1, 'drafted', 4) })).toEqual({ ok: true });
      const order = await store.changes({ flowId: 'order' });
      expect(order.map((e) => [e.seq, e.type, e.at])).toEqual([
        [1, 'drafted', 1],
        [2, 'submitted', 2],
      ]);
      expect(order[0]!.flow).toEqual({ ...orderFlow, version: 2 });
      expect(order[1]!.note).toEqual({ en: 'Shorter SLA', zh: '缩短时限' });
      expect(order[1]!.by).toEqual(by);
      expect((await store.changes({})).map((e) => `${e.flowId}#${e.seq}`)).toEqual(['alpha#1', 'order#1', 'order#2']);
      // Concurrent recorders of one flow: exactly one gets each seq.
      const racers = await Promise.all([3, 3, 3].map((seq, i) => store.appendChange({ event: ev('order', seq, 'approved', 10 + i) })));
      expect(racers.filter((r) => r.ok)).toHaveLength(1);
      expect((await store.changes({ flowId: 'order' })).map((e) => e.seq)).toEqual([1, 2, 3]);
    });

    it('lists the versions whose publication is scheduled and still stands, due by a time, earliest first', async () => {
      const store = await make();
      const by = { id: 'ada', name: 'Ada', roles: ['admin'] };
      const seqs = new Map<string, number>();
      const add = async (flowId: string, version: number, type: ChangeEventType, publishAt?: number) => {
        const seq = (seqs.get(flowId) ?? 0) + 1;
        seqs.set(flowId, seq);
        const event: ChangeEvent = { flowId, seq, version, type, at: seq, by, ...(publishAt !== undefined ? { publishAt } : {}) };
        expect(await store.appendChange({ event })).toEqual({ ok: true });
      };
      const due = async (before: number) => (await store.scheduledChanges({ before })).map((e) => `${e.flowId} v${e.version} @${e.publishAt} #${e.seq}`);
      expect(await due(Number.MAX_SAFE_INTEGER)).toEqual([]);
      for (const t of ['drafted', 'submitted', 'approved'] as const) await add('order', 2, t);
      await add('order', 2, 'scheduled', 5_000);
      await add('alpha', 3, 'scheduled', 3_000);
      // Sent back, published, drafted again: no longer scheduled.
      await add('beta', 1, 'scheduled', 1_000);
      await add('beta', 1, 'sent-back');
      await add('eps', 4, 'scheduled', 1_000);
      await add('eps', 4, 'published');
      await add('eta', 2, 'scheduled', 1_000);
      await add('eta', 2, 'drafted');
      // Set again for another time: listed once, at the new time.
      await add('gamma', 2, 'scheduled', 4_000);
      await add('gamma', 2, 'scheduled', 2_000);
      // Another version's events, and a case moved, leave it scheduled.
      await add('zeta', 1, 'scheduled', 3_000);
      await add('zeta', 2, 'drafted');
      await add('zeta', 1, 'migrated');
      // A refused (stale) append changes nothing.
      expect(await store.appendChange({ event: { flowId: 'alpha', seq: 1, version: 3, type: 'sent-back', at: 9, by, reason: 'late' } })).toEqual({ ok: false, actualSeq: 1 });
      expect(await due(1_999)).toEqual([]);
      expect(await due(3_000)).toEqual(['gamma v2 @2000 #2', 'alpha v3 @3000 #1', 'zeta v1 @3000 #1']);
      expect(await due(Number.MAX_SAFE_INTEGER)).toEqual(['gamma v2 @2000 #2', 'alpha v3 @3000 #1', 'zeta v1 @3000 #1', 'order v2 @5000 #4']);
      const [first] = await store.scheduledChanges({ before: 2_000 });
      expect(first).toEqual({ flowId: 'gamma', seq: 2, version: 2, type: 'scheduled', at: 2, by, publishAt: 2_000 });
      await add('gamma', 2, 'published');
      expect(await due(3_000)).toEqual(['alpha v3 @3000 #1', 'zeta v1 @3000 #1']);
    });

    it('change control: a tick reads the change logs of the due versions only, however long the other flows\' history', async () => {
      const store = await make();
      let read = 0;
      const counted: FlowStore = {
        ...store,
        changes: async (r) => {
          const out = await store.changes(r);
          read += out.length;
          return out;
        },
        scheduledChanges: async (r) => {
          const out = await store.scheduledChanges(r);
          read += out.length;
          return out;
        },
      };
      let now = 1_000;
      const clock = { now: () => now };
      const engine = createEngine({ store: counted, catalog, clock });
      await engine.deploy(orderFlow, { actor: DEPLOYER });
      const changes = createChangeControl({ engine, store: counted, catalog, clock, lint: { rules: { 'task-has-department': 'off' } } });
      const kim = { id: 'kim', roles: ['key-user'] };
      await changes.draft({ ...orderFlow, version: 2 }, { actor: kim });
      await changes.submit('order', 2, { actor: kim, note: { en: 'n', zh: '说明' } });
      await changes.approve('order', 2, { actor: DEPLOYER });
      await changes.publish('order', 2, { actor: DEPLOYER, at: 5_000 });
      // History of other flows: 300 drafts and submissions, none scheduled.
      for (let f = 0; f < 30; f++) for (let seq = 1; seq <= 10; seq++) await store.appendChange({ event: { flowId: `other-${f}`, seq, version: seq, type: 'drafted', at: seq, by: kim } });
      read = 0;
      expect(await changes.tick()).toEqual([]);
      expect(read).toBe(0);
      now = 6_000;
      read = 0;
      const published = await changes.tick();
      expect(published.map((r) => `${r.flowId} ${r.version} ${r.stage}`)).toEqual(['order 2 published']);
      expect(published[0]!.published?.scheduledFor).toBe(5_000);
      // The due entry, and the log of 'order' (5 events, then 5 + the publication) a few times over: never the 300 others.
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(50);
      read = 0;
      expect(await changes.tick()).toEqual([]);
      expect(read).toBe(0);
    });

    it('runs the engine: a process worked by two roles replays to the same state', async () => {
      const store = await make();
      let n = 0;
      const engine = createEngine({ store, catalog, clock: { now: () => 1_000 }, ids: () => `i${++n}` });
      await engine.deploy(orderFlow, { actor: DEPLOYER });
      const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 10, creditUsed: 0, paymentTerms: 'net30' } } });
      const [entry] = await engine.tasks({ actor: sales });
      await engine.complete(instance.instanceId, entry!.taskId, { actor: sales, data: { 'order.amount': 5 } });
      const [credit] = await engine.tasks({ actor: finance });
      const { instance: live } = await engine.complete(instance.instanceId, credit!.taskId, { actor: finance });
      expect(replay(await store.load({ instanceId: instance.instanceId }))).toEqual(live);
      const fresh = createEngine({ store, catalog });
      expect(await fresh.instance(instance.instanceId)).toEqual(live);
      expect((await fresh.tasks({ actor: finance }))[0]?.nodeId).toBe('pay');
    });

    it('answers bad page sizes, positions, versions and ids through the engine alike: an EngineError with a code, never a database error', async () => {
      const store = await make();
      const engine = createEngine({ store, catalog, clock: { now: () => 1_000 } });
      await engine.deploy(orderFlow, { actor: DEPLOYER });
      const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 10, creditUsed: 0, paymentTerms: 'net30' } } });
      const code = (p: Promise<unknown>) =>
        p.then(
          () => 'ok',
          (e: { code?: string; name?: string }) => e.code ?? e.name,
        );
      const loose = engine as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      for (const limit of [0, -1, 1.5, NaN, '2']) expect(await code(loose.feed!({ limit }))).toBe('INVALID_CURSOR');
      expect(await code(loose.feed!({ after: 5 }))).toBe('INVALID_CURSOR');
      expect(await code(engine.feed({ limit: 1 }))).toBe('ok');
      for (const version of ['1', 1.5, NaN, 0, -1]) {
        expect(await code(loose.start!('order', { actor: sales, version }))).toBe('UNKNOWN_FLOW');
        expect(await code(loose.definition!('order', version))).toBe('UNKNOWN_FLOW');
        expect(await code(loose.retire!('order', version, { actor: DEPLOYER, reason: 'r' }))).toBe('UNKNOWN_FLOW');
        expect(await code(loose.migrate!(instance.instanceId, version, {}, { actor: DEPLOYER }))).toBe('UNKNOWN_FLOW');
      }
      expect(await code(loose.definition!(5))).toBe('UNKNOWN_FLOW');
      for (const id of [5, {}, null]) {
        expect(await code(loose.instance!(id))).toBe('UNKNOWN_INSTANCE');
        expect(await code(loose.events!(id))).toBe('UNKNOWN_INSTANCE');
        expect(await code(loose.history!(id))).toBe('UNKNOWN_INSTANCE');
      }
      expect(await code(loose.migrate!(instance.instanceId, 1, 'x', { actor: DEPLOYER }))).toBe('INVALID_MIGRATION');
      // Text no store keeps alike, in an actor or a reason the events record: refused before the store.
      for (const bad of ['a\u0000', '\uDC00']) {
        expect(await code(engine.start('order', { actor: { ...sales, id: bad } }))).toBe('NOT_PERMITTED');
        expect(await code(engine.start('order', { actor: { ...sales, name: bad } }))).toBe('NOT_PERMITTED');
        expect(await code(engine.start('order', { actor: { ...sales, roles: ['sales-rep', bad] } }))).toBe('NOT_PERMITTED');
        expect(await code(engine.cancel(instance.instanceId, { actor: sales, reason: `mistake ${bad}` }))).toBe('INVALID_VALUE');
        expect(await code(engine.retire('order', 1, { actor: DEPLOYER, reason: `old ${bad}` }))).toBe('INVALID_VALUE');
      }
      expect((await engine.instance(instance.instanceId)).status).toBe('active');
    });

    it('answers ids, filters, cursors and page sizes no store keeps alike the same on every store, never with a database error', async () => {
      const store = await make();
      let n = 0;
      const engine = createEngine({ store, catalog, clock: { now: () => 1_000 }, ids: () => `k${++n}` });
      await engine.deploy(orderFlow, { actor: DEPLOYER });
      const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 10, creditUsed: 0, paymentTerms: 'net30' } } });
      const answer = (p: Promise<unknown>) =>
        p.then(
          (v) => (Array.isArray(v) ? `${v.length} items` : 'ok'),
          (e: { code?: string; name?: string }) => e.code ?? `raw ${e.name}`,
        );
      const loose = engine as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      for (const bad of ['k1\u0000', 'order\u0000', '\uD800', 'x\uDC00y']) {
        expect(await answer(engine.instance(bad)), JSON.stringify(bad)).toBe('UNKNOWN_INSTANCE');
        expect(await answer(engine.events(bad))).toBe('UNKNOWN_INSTANCE');
        expect(await answer(engine.history(bad))).toBe('UNKNOWN_INSTANCE');
        expect(await answer(engine.tasks(bad, { actor: sales }))).toBe('UNKNOWN_INSTANCE');
        expect(await answer(engine.cancel(bad, { actor: sales, reason: 'mistake' }))).toBe('UNKNOWN_INSTANCE');
        expect(await answer(engine.updateData(bad, { actor: sales, data: { note: 'x' } }))).toBe('UNKNOWN_INSTANCE');
        expect(await answer(engine.definition(bad))).toBe('UNKNOWN_FLOW');
        expect(await answer(engine.definition(bad, 1))).toBe('UNKNOWN_FLOW');
        expect(await answer(engine.start(bad, { actor: sales }))).toBe('UNKNOWN_FLOW');
        expect(await answer(engine.retire(bad, 1, { actor: DEPLOYER, reason: 'old' }))).toBe('UNKNOWN_FLOW');
        expect(await answer(engine.definitions(bad))).toBe('0 items');
        for (const filter of [{ flowId: bad }, { parentId: bad }, { status: bad }]) expect(await answer(loose.instances!(filter))).toBe('0 items');
        expect(await answer(engine.instances({ limit: 1, cursor: `i.0.${encodeURIComponent(bad.replace(/[\uD800-\uDFFF]/g, ''))}%00` }))).toBe('INVALID_CURSOR');
        expect(await answer(engine.tasks({ actor: sales, limit: 1, cursor: 't.0.k1.%ED%A0%80' }))).toBe('INVALID_CURSOR');
      }
      // Page sizes past what a store counts to are read as the largest page: everything.
      for (const limit of [1e20, 2 ** 64, Number.MAX_VALUE]) {
        expect(await answer(engine.instances({ limit }))).toBe('1 items');
        expect(await answer(engine.tasks({ actor: sales, limit }))).toBe('1 items');
        expect((await engine.feed({ limit })).events.length).toBeGreaterThan(0);
      }
      expect((await engine.instance(instance.instanceId)).status).toBe('active');
    });

    it('called directly with ids, filters, roles and page keys holding text no store keeps (NUL, half a surrogate pair): reads answer nothing, writes are refused with INVALID_VALUE naming the id, nothing written, never a database error', async () => {
      const store = await make();
      // k1 with tasks t1 and t2, k1a and k2 with one task each, all opened at 0 and held by 'sales-rep'.
      const tasksOf = (id: string, ...taskIds: string[]) => taskIds.map((t) => row(id, t, ['sales-rep']));
      for (const [id, ts] of [['k1', ['t1', 't2']], ['k1a', ['t1']], ['k2', ['t1']]] as const) expect(await store.append({ writes: [write(id, 0, 1, { startedAt: 0 }, tasksOf(id, ...ts))] })).toEqual({ ok: true });
      await store.putDefinition({ definition: { flowId: 'f', version: 1, deployedAt: 1, definition: { ...orderFlow, id: 'f' } } as never });
      const position = (await store.feed({})).next;
      const outcome = (p: Promise<unknown>) =>
        p.then(
          (v) => ({ value: v }),
          (e: { name?: string; code?: string; message?: string; details?: unknown }) => ({ error: { name: e.name, code: e.code, message: e.message, details: e.details } }),
        );
      const refusedAs = (what: string) => ({
        error: {
          name: 'EngineError',
          code: 'INVALID_VALUE',
          message: `'${what}' cannot be stored: it holds a NUL or a broken character.`,
          details: { fields: [what], text: { key: 'INVALID_VALUE.stored', args: { why: { kind: 'msg', key: 'data.badText', args: {} }, field: { kind: 'field', path: what } } } },
        },
      });
      for (const bad of ['k1\u0000', '\u0000', 'k1\uD800', '\uDC00x']) {
        const at = JSON.stringify(bad);
        expect(await store.load({ instanceId: bad }), at).toEqual([]);
        expect(await store.instance({ instanceId: bad }), at).toBeUndefined();
        expect(await store.states({ instanceIds: [bad] }), at).toEqual([]);
        for (const filter of [{ flowId: bad }, { status: bad as never }, { parentId: bad }]) expect(await store.instances(filter), at).toEqual([]);
        expect(await store.openTasks({ roles: [bad] }), at).toEqual([]);
        expect((await store.openTasks({ roles: [bad, 'sales-rep'] })).length, at).toBe(4);
        expect(await store.openTasks({ instanceId: bad }), at).toEqual([]);
        expect(await store.feedCursor({ subscriber: bad }), at).toBeUndefined();
        expect(await store.getDefinition({ flowId: bad }), at).toBeUndefined();
        expect(await store.getDefinition({ flowId: bad, version: 1 }), at).toBeUndefined();
        expect(await store.definitions({ flowId: bad }), at).toEqual([]);
        expect(await store.retireDefinition({ flowId: bad, version: 1, retired: { at: 2, by: 'admin', reason: 'old' } } as never), at).toBeUndefined();
        expect(await store.changes({ flowId: bad }), at).toEqual([]);
        // Writes: refused naming the id, the same error on every store; nothing is written.
        expect(await outcome(store.append({ writes: [write(bad, 0, 1)] })), at).toEqual(refusedAs('instanceId'));
        expect(await outcome(store.append({ writes: [write('k3', 0, 1), write(bad, 0, 1)] })), at).toEqual(refusedAs('instanceId'));
        expect(await outcome(store.putDefinition({ definition: { flowId: bad, version: 1, deployedAt: 1, definition: orderFlow } as never })), at).toEqual(refusedAs('flowId'));
        expect(await outcome(store.appendChange({ event: { type: 'drafted', flowId: bad, version: 2, seq: 1, at: 1, by: { id: 'kim', roles: [] } } as never })), at).toEqual(refusedAs('flowId'));
        expect(await outcome(store.saveFeedCursor({ subscriber: bad, position })), at).toEqual(refusedAs('subscriber'));
      }
      expect(await store.instance({ instanceId: 'k3' })).toBeUndefined();
      expect((await store.definitions({})).map((d) => d.flowId)).toEqual(['f']);
      expect(await store.changes({})).toEqual([]);
      // A page key holding such text reads as it sorts (code-unit order): 'k1\0' comes right after 'k1'.
      const ids = (list: { instanceId: string }[]) => list.map((x) => x.instanceId);
      expect(ids(await store.instances({ after: { startedAt: 0, instanceId: 'k1\u0000' } }))).toEqual(['k1a', 'k2']);
      expect(ids(await store.instances({ after: { startedAt: 0, instanceId: 'k1\u0000zz' }, limit: 1 }))).toEqual(['k1a']);
      expect(keys(await store.openTasks({ roles: ['sales-rep'], after: { openedAt: 0, instanceId: 'k1\u0000', taskId: 't9' } }))).toEqual(['k1a/t1', 'k2/t1']);
      expect(keys(await store.openTasks({ after: { openedAt: 0, instanceId: 'k1', taskId: 't1\u0000' } }))).toEqual(['k1/t2', 'k1a/t1', 'k2/t1']);
      expect(keys(await store.openTasks({ roles: ['sales-rep'], after: { openedAt: 0, instanceId: 'k1', taskId: '\u0000' } }))).toEqual(['k1/t1', 'k1/t2', 'k1a/t1', 'k2/t1']);
      expect(keys(await store.openTasks({ instanceId: 'k1', after: { openedAt: 0, instanceId: 'k1', taskId: 't1\u0000' } }))).toEqual(['k1/t2']);
    });

    it('change control answers actors built wrong, notes and reasons no store keeps and such flow ids the same on every store, nothing recorded', async () => {
      const store = await make();
      let t = 1_000;
      const engine = createEngine({ store, catalog, clock: { now: () => t } });
      await engine.deploy(orderFlow, { actor: DEPLOYER });
      const changes = createChangeControl({ engine, store, catalog, clock: { now: () => (t += 1_000) }, lint: { rules: { 'task-has-department': 'off' } } });
      const kim = { id: 'kim', name: 'Kim', roles: ['key-user'] };
      const answer = (p: Promise<unknown>) =>
        p.then(
          (v) => (Array.isArray(v) ? `${v.length} items` : 'ok'),
          (e: { code?: string; name?: string; message?: string }) => (e.code ? `${e.code}: ${e.message}` : `raw ${e.name}: ${e.message}`),
        );
      const v2 = { ...orderFlow, version: 2, name: { en: 'Order v2', zh: '订单 v2' } };
      // Roles as one text crashed with a TypeError; a NUL in the name failed on PostgreSQL only.
      expect(await answer(changes.draft(v2, { actor: { id: 'kim', roles: 'key-user' } as never }))).toBe('NOT_PERMITTED: actor.roles must be a list of role names');
      expect(await answer(changes.draft(v2, { actor: { ...kim, name: 'Kim\u0000' } }))).toBe('NOT_PERMITTED: Actor.name cannot be stored: it holds a NUL or a broken character.');
      await changes.draft(v2, { actor: kim });
      for (const bad of ['\u0000', '\uD800']) {
        expect(await answer(changes.submit('order', 2, { actor: kim, note: { en: `Shorter${bad}`, zh: '缩短' } }))).toBe('INVALID_VALUE: Note.en cannot be stored: it holds a NUL or a broken character.');
        expect(await answer(changes.submit('order', 2, { actor: kim, note: { en: 'Shorter', zh: `缩短${bad}` } }))).toBe('INVALID_VALUE: Note.zh cannot be stored: it holds a NUL or a broken character.');
        expect(await answer(changes.history(`order${bad}`))).toBe('0 items');
        expect(await answer(changes.versions(`order${bad}`))).toBe('0 items');
        expect(await answer(changes.submit(`order${bad}`, 2, { actor: kim, note: { en: 'a', zh: 'b' } }))).toMatch(/^UNKNOWN_FLOW: /);
      }
      await changes.submit('order', 2, { actor: kim, note: { en: 'Shorter', zh: '缩短' } });
      expect(await answer(changes.sendBack('order', 2, { actor: DEPLOYER, reason: 'no\u0000' }))).toBe('INVALID_VALUE: Reason cannot be stored: it holds a NUL or a broken character.');
      expect(await answer(changes.sendBack('order', 2, { actor: DEPLOYER, reason: 'n'.repeat(2_001) }))).toBe('INVALID_VALUE: Reason cannot be stored: a write may carry at most 2,000 characters of text.');
      expect((await changes.history('order')).map((e) => e.type)).toEqual(['drafted', 'submitted']);
    });

    it('refuses a definition holding text no store keeps (NUL, half a surrogate pair) at deploy, naming the path, before the store', async () => {
      const store = await make();
      const engine = createEngine({ store, catalog, clock: { now: () => 1_000 } });
      for (const bad of ['\u0000', '\uD800', '\uDC00']) {
        const flow = structuredClone(orderFlow);
        flow.nodes[2]!.name = { en: 'Credit check', zh: `信用审核${bad}` };
        flow.edges[3]!.guard = { '==': [{ var: 'note' }, `x${bad}`] };
        const e = await engine.deploy(flow, { actor: DEPLOYER }).then(
          () => undefined,
          (x: { code?: string; details?: { problems?: { code: string; path: string }[] } }) => x,
        );
        expect(e?.code).toBe('INVALID_FLOW');
        expect(e?.details?.problems?.map((p) => `${p.code} ${p.path}`)).toEqual(['FLOW_E017 /edges/3/guard/==/1', 'FLOW_E017 /nodes/2/name/zh']);
      }
      expect(await store.definitions({})).toEqual([]);
      // The same flow without it deploys.
      expect((await engine.deploy(orderFlow, { actor: DEPLOYER })).created).toBe(true);
    });

    it('refuses text no store keeps alike (NUL, half a surrogate pair) before the store, and reads -0 back as 0', async () => {
      const store = await make();
      let n = 0;
      const engine = createEngine({ store, catalog, clock: { now: () => 1_000 }, ids: () => `j${++n}` });
      await engine.deploy(orderFlow, { actor: DEPLOYER });
      for (const name of ['A\u0000B', 'x\uD800']) {
        const refused = await engine.start('order', { actor: sales, hostData: { customer: { name, creditLimit: 10, creditUsed: 0, paymentTerms: 'net30' } } }).then(
          () => 'stored',
          (e: { code?: string }) => e.code,
        );
        expect(refused).toBe('INVALID_VALUE');
      }
      const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: '恒泰 🚚', creditLimit: -0, creditUsed: 0, paymentTerms: 'net30' } } });
      const fresh = await createEngine({ store, catalog }).instance(instance.instanceId);
      expect(fresh).toEqual(instance);
      expect(Object.is((fresh.data.customer as { creditLimit: number }).creditLimit, 0)).toBe(true);
    });
  });
}
