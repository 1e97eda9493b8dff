// The store contract on PGlite: one embedded database for the file, emptied before each store.
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { storeContract } from '../../flow-runtime/test/stores/contract.js';
import type { ChangeEvent, FlowStore } from '@crm/flow-runtime';
import { migrations } from '../src/migrate.js';
import { createPgliteStore } from '../src/pglite.js';
import { truncateAll } from './helpers.js';
import { catalog, orderFlow, sales } from '../../flow-runtime/test/engine/fixtures.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const pglite = await PGlite.create();
const store = await createPgliteStore({ db: pglite });
afterAll(() => pglite.close());

storeContract('postgres on PGlite', async () => {
  await truncateAll(store.db);
  return store;
});

describe('text PostgreSQL cannot keep, inside what a store is given directly', () => {
  // The memory and Dexie stores keep a NUL inside event data (the engine never writes one); PostgreSQL's JSON
  // cannot, and said so with its own error (22P05 'unsupported Unicode escape sequence'). Now it is the runtime's
  // INVALID_VALUE naming what held it, before the database, and nothing is written.
  it.each(['\u0000', '\uD800'])('%j in an event, a task row, a definition, a change or a retirement: INVALID_VALUE, nothing written', async (bad) => {
    await truncateAll(store.db);
    const event = { type: 'decision.taken', instanceId: 'i1', seq: 1, at: 1, tokenId: 'k', nodeId: `n${bad}`, edgeId: 'e', byDefault: false } as const;
    const summary = { instanceId: 'i1', flowId: 'f', version: 1, status: 'active' as const, seq: 1, startedAt: 0, updatedAt: 1, at: [] };
    const refusal = (p: Promise<unknown>) => p.then(() => 'stored', (e: { code?: string; details?: { fields?: string[] } }) => `${e.code} ${e.details?.fields?.join()}`);
    expect(await refusal(store.append({ writes: [{ instanceId: 'i1', expectedSeq: 0, events: [event], openTasks: [], summary }] }))).toBe('INVALID_VALUE events');
    expect(await refusal(store.append({ writes: [{ instanceId: 'i1', expectedSeq: 0, events: [{ ...event, nodeId: 'n' }], openTasks: [{ instanceId: 'i1', taskId: 't', nodeId: 'n', flowId: 'f', version: 1, roles: [`r${bad}`], openedAt: 0 }], summary }] }))).toBe('INVALID_VALUE summary');
    expect(await store.load({ instanceId: 'i1' })).toEqual([]);
    expect(await refusal(store.putDefinition({ definition: { flowId: 'f', version: 1, deployedAt: 1, definition: { ...orderFlow, name: { en: `x${bad}`, zh: 'x' } } } as never }))).toBe('INVALID_VALUE definition');
    expect(await store.definitions({})).toEqual([]);
    await store.putDefinition({ definition: { flowId: 'f', version: 1, deployedAt: 1, definition: orderFlow } as never });
    expect(await refusal(store.retireDefinition({ flowId: 'f', version: 1, retired: { at: 2, by: 'admin', reason: `old${bad}` } } as never))).toBe('INVALID_VALUE retired');
    expect((await store.getDefinition({ flowId: 'f' }))?.retired).toBeUndefined();
    expect(await refusal(store.appendChange({ event: { type: 'drafted', flowId: 'f', version: 2, seq: 1, at: 1, by: { id: `kim${bad}`, roles: [] } } as never }))).toBe('INVALID_VALUE event');
    expect(await store.changes({})).toEqual([]);
  });
});

describe('PGlite on a data directory', () => {
  it('keeps instances, work lists and feed cursors across a close and reopen', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createEngine } = await import('@crm/flow-runtime');
    const dir = mkdtempSync(join(tmpdir(), 'crm-flow-pglite-'));
    try {
      const first = await createPgliteStore({ dataDir: dir });
      const engine = createEngine({ store: first, catalog });
      await engine.deploy(orderFlow, { actor: DEPLOYER });
      const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 10, creditUsed: 0, paymentTerms: 'net30' } } });
      const page = await first.feed({});
      await first.saveFeedCursor({ subscriber: 'mailer', position: page.next });
      await first.close();

      const again = await createPgliteStore({ dataDir: dir });
      const reopened = createEngine({ store: again, catalog });
      expect(await reopened.instance(instance.instanceId)).toEqual(instance);
      expect((await reopened.tasks({ actor: sales, limit: 10 })).map((t) => t.instanceId)).toEqual([instance.instanceId]);
      expect(await again.feedCursor({ subscriber: 'mailer' })).toBe(page.next);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scheduled publications after a restart and after an upgrade from schema 2', () => {
  const by = { id: 'ada', roles: ['admin'] };
  const log: ChangeEvent[] = [
    { flowId: 'order', seq: 1, version: 2, type: 'approved', at: 1, by },
    { flowId: 'order', seq: 2, version: 2, type: 'scheduled', at: 2, by, publishAt: 5_000 },
    { flowId: 'order', seq: 3, version: 3, type: 'scheduled', at: 3, by, publishAt: 4_000 },
    { flowId: 'order', seq: 4, version: 3, type: 'sent-back', at: 4, by, reason: 'not yet' },
    { flowId: 'order', seq: 5, version: 2, type: 'migrated', at: 5, by },
    { flowId: 'quote', seq: 1, version: 1, type: 'scheduled', at: 5, by, publishAt: 6_000 },
    { flowId: 'quote', seq: 2, version: 1, type: 'scheduled', at: 6, by, publishAt: 3_000 },
  ];
  const listed = async (s: FlowStore) => (await s.scheduledChanges({ before: 10_000 })).map((e) => `${e.flowId} v${e.version} @${e.publishAt}`);

  it('a store opened again on the same data directory still lists every standing scheduled publication', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'crm-flow-pglite-'));
    try {
      const first = await createPgliteStore({ dataDir: dir });
      for (const event of log) await first.appendChange({ event });
      await first.close();
      const again = await createPgliteStore({ dataDir: dir });
      expect(await listed(again)).toEqual(['quote v1 @3000', 'order v2 @5000']);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a database at schema 2 gets the index filled from its change logs by migration 3', async () => {
    const db = await PGlite.create();
    try {
      await db.exec('CREATE TABLE flow_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const m of migrations().filter((x) => x.version <= 2)) {
        await db.exec(m.sql);
        await db.query('INSERT INTO flow_schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      for (const e of log) await db.query('INSERT INTO flow_changes (flow_id, seq, at, event) VALUES ($1, $2, $3, $4::json)', [e.flowId, e.seq, e.at, JSON.stringify(e)]);
      const upgraded = await createPgliteStore({ db });
      expect(await listed(upgraded)).toEqual(['quote v1 @3000', 'order v2 @5000']);
      expect(await upgraded.changes({})).toEqual(log);
    } finally {
      await db.close();
    }
  });
});
