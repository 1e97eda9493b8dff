// The store contract and the concurrency guarantees on a real PostgreSQL server.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import type { FlowEvent, InstanceWrite } from '@crm/flow-runtime';
import { storeContract } from '../../flow-runtime/test/stores/contract.js';
import { createPostgresStore, StoreUnavailableError, schemaVersion, migrate, type SqlFlowStore } from '../src/index.js';
import { freshDatabase, truncateAll } from './helpers.js';

const server = inject('pgUrl');
if (!server) console.warn(`[flow-store-postgres] skipping the PostgreSQL tests: ${inject('pgSkipReason')}`);

const ev = (instanceId: string, seq: number): FlowEvent => ({ type: 'decision.taken', instanceId, seq, at: seq, tokenId: 'k', nodeId: 'n', edgeId: 'e', byDefault: false });
function write(instanceId: string, expectedSeq: number, count: number): InstanceWrite {
  const events = Array.from({ length: count }, (_, i) => ev(instanceId, expectedSeq + i + 1));
  const seq = expectedSeq + count;
  return { instanceId, expectedSeq, events, openTasks: [], summary: { instanceId, flowId: 'f', version: 1, status: 'active', seq, startedAt: 0, updatedAt: seq, at: [] } };
}

describe.skipIf(!server)('PostgreSQL server', () => {
  let url = '';
  let store: SqlFlowStore;
  beforeAll(async () => {
    url = await freshDatabase(server, 'contract');
    store = await createPostgresStore({ connectionString: url, poolSize: 20 });
  });
  afterAll(async () => {
    await store?.close();
  });

  storeContract('postgres (server)', async () => {
    await truncateAll(store.db);
    return store;
  });

  it('ships versioned migrations, applied once even when several processes start at once', async () => {
    expect(await schemaVersion(store.db)).toBe(3);
    const again = await Promise.all([migrate(store.db), migrate(store.db), migrate(store.db)]);
    expect(again.map((r) => r.applied)).toEqual([[], [], []]);
    const fresh = await freshDatabase(server, 'migrate');
    const racers = await Promise.all(Array.from({ length: 4 }, () => createPostgresStore({ connectionString: fresh, poolSize: 2 })));
    const applied = await racers[0]!.db.query<{ version: number }>('SELECT version FROM flow_schema_migrations');
    expect(applied.rows.map((r) => r.version).sort()).toEqual([1, 2, 3]);
    await Promise.all(racers.map((s) => s.close()));
  });

  it('lets exactly one of many concurrent commands at the same seq store its events, on separate connections', async () => {
    await truncateAll(store.db);
    // A new instance (no row to lock yet: the unique (instance_id, seq) decides) and an existing one.
    const fresh = await Promise.all(Array.from({ length: 12 }, (_, i) => store.append({ writes: [write('new', 0, 1 + (i % 3))] })));
    expect(fresh.filter((r) => r.ok)).toHaveLength(1);
    for (const r of fresh) if (!r.ok) expect(r).toMatchObject({ instanceId: 'new', expectedSeq: 0 });
    const seq = (await store.instance({ instanceId: 'new' }))!.seq;
    const racing = await Promise.all(Array.from({ length: 12 }, () => store.append({ writes: [write('new', seq, 2)] })));
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    for (const r of racing) if (!r.ok) expect(r).toEqual({ ok: false, instanceId: 'new', expectedSeq: seq, actualSeq: seq + 2 });
    const seqs = (await store.load({ instanceId: 'new' })).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(seqs.length).toBe(seq + 2);
  });

  it('never lets a feed reader skip an event whose transaction commits after a later one', async () => {
    await truncateAll(store.db);
    const withTask = (w: InstanceWrite): InstanceWrite => ({ ...w, openTasks: [{ instanceId: w.instanceId, taskId: 't', nodeId: 't', flowId: 'f', version: 1, roles: ['r'], openedAt: 0 }] });
    await store.append({ writes: [withTask(write('slow', 0, 1)), withTask(write('fast', 0, 1))] });
    const start = await store.feed({});
    expect(start.events).toHaveLength(2);
    // Stall the 'slow' command inside its transaction after its events are inserted: another
    // session holds slow's open-task row, which the command replaces after inserting its events.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT 1 FROM flow_open_tasks WHERE instance_id = 'slow' FOR UPDATE`);
    const slow = store.append({ writes: [withTask(write('slow', 1, 1))] });
    let blocked = false;
    for (let i = 0; i < 200 && !blocked; i++) {
      blocked = (await blocker.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`)).rows[0].n > 0;
      if (!blocked) await new Promise((r) => setTimeout(r, 10));
    }
    expect(blocked).toBe(true);
    // slow's events are inserted (an earlier position) but not committed; fast commits after them.
    expect((await store.append({ writes: [withTask(write('fast', 1, 1))] })).ok).toBe(true);
    const during = await store.feed({ after: start.next });
    // A bare serial would hand out fast2 now and move the reader past slow2 for good.
    expect(during.events).toEqual([]);
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect((await slow).ok).toBe(true);
    const after = await store.feed({ after: during.next });
    expect(after.events.map((e) => `${e.instanceId}${e.seq}`)).toEqual(['slow2', 'fast2']);
  });

  it('gives concurrent readers every event exactly once while many writers commit in any order', async () => {
    await truncateAll(store.db);
    const writers = 8;
    const perWriter = 40;
    let done = false;
    const read = async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const finished = done;
        const page = await store.feed({ limit: 7, ...(after ? { after } : {}) });
        seen.push(...page.events.map((e) => `${e.instanceId}:${e.seq}`));
        after = page.next;
        if (page.events.length === 0 && finished) return seen;
      }
    };
    const readers = [read(), read(), read()];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          // Two instances per command, a random pause so commits interleave across connections.
          const res = await store.append({ writes: [write(`w${w}-${i}`, 0, 1 + (i % 3)), write(`w${w}-${i}b`, 0, 1)] });
          expect(res.ok).toBe(true);
          if (Math.random() < 0.3) await new Promise((r) => setTimeout(r, Math.random() * 3));
        }
      }),
    );
    done = true;
    const expected = (await store.db.query<{ k: string }>(`SELECT instance_id || ':' || seq AS k FROM flow_events`)).rows.map((r) => r.k).sort();
    let stored = 0;
    for (let i = 0; i < perWriter; i++) stored += 2 + (i % 3);
    expect(expected.length).toBe(writers * stored);
    for (const seen of await Promise.all(readers)) {
      expect(seen.length).toBe(expected.length);
      expect([...seen].sort()).toEqual(expected);
    }
  });
});

describe.skipIf(!server)('a pool of the host\'s', () => {
  it('is used as given and left open when the store closes', async () => {
    const pool = new pg.Pool({ connectionString: await freshDatabase(server, 'pool'), max: 3 });
    const store = await createPostgresStore({ pool });
    expect((await store.append({ writes: [write('a', 0, 2)] })).ok).toBe(true);
    await store.close();
    expect((await pool.query('SELECT count(*)::int AS n FROM flow_events')).rows[0].n).toBe(2);
    await pool.end();
  });
});

describe('an unreachable database', () => {
  it('fails fast with a message naming the database and what to check', async () => {
    const err = await createPostgresStore({ connectionString: 'postgres://flow:secret@127.0.0.1:1/crm', connectTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as Error).message).toMatch(/PostgreSQL flow@127\.0\.0\.1:1\/crm/);
    expect((err as Error).message).toMatch(/DATABASE_URL/);
    expect((err as Error).message).not.toMatch(/secret/);
  });

  it('says what is missing when there is no connection string at all', async () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      await expect(createPostgresStore()).rejects.toThrow(/DATABASE_URL/);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });
});
