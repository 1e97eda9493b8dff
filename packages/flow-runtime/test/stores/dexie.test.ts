import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../src/changes/types.js';
import { createDexieStore, FLOW_STORE_SCHEMA_V1, FLOW_STORE_SCHEMA_V2, FLOW_STORE_SCHEMA_V3 } from '../../src/stores/dexie/index.js';
import type { FlowStore } from '../../src/stores/types.js';
import { storeContract } from './contract.js';

// A fresh fake IndexedDB per store, so tests never see each other's data.
storeContract('dexie (fake-indexeddb)', () => createDexieStore({ name: 'contract', indexedDB: new IDBFactory(), IDBKeyRange }));

describe('the Dexie store: scheduled publications after a restart and after an upgrade', () => {
  const by = { id: 'ada', roles: ['admin'] };
  const log: ChangeEvent[] = [
    { flowId: 'order', seq: 1, version: 2, type: 'approved', at: 1, by },
    { flowId: 'order', seq: 2, version: 2, type: 'scheduled', at: 2, by, publishAt: 5_000 },
    { flowId: 'order', seq: 3, version: 3, type: 'scheduled', at: 3, by, publishAt: 4_000 },
    { flowId: 'order', seq: 4, version: 3, type: 'sent-back', at: 4, by, reason: 'not yet' },
    { flowId: 'quote', seq: 1, version: 1, type: 'scheduled', at: 5, by, publishAt: 6_000 },
  ];
  const listed = async (store: FlowStore) => (await store.scheduledChanges({ before: 10_000 })).map((e) => `${e.flowId} v${e.version} @${e.publishAt}`);

  it('a store opened again on the same database still lists every standing scheduled publication', async () => {
    const indexedDB = new IDBFactory();
    const first = createDexieStore({ name: 'restart', indexedDB, IDBKeyRange });
    for (const event of log) await first.appendChange({ event });
    first.db.close();
    const again = createDexieStore({ name: 'restart', indexedDB, IDBKeyRange });
    expect(await listed(again)).toEqual(['order v2 @5000', 'quote v1 @6000']);
  });

  it('a database of the third schema (no index yet) gets its index filled from the change logs on upgrade', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('upgrade-4', { indexedDB, IDBKeyRange });
    old.version(1).stores(FLOW_STORE_SCHEMA_V1);
    old.version(2).stores(FLOW_STORE_SCHEMA_V2);
    old.version(3).stores(FLOW_STORE_SCHEMA_V3);
    await old.table('flow_changes').bulkAdd(log);
    old.close();
    const store = createDexieStore({ name: 'upgrade-4', indexedDB, IDBKeyRange });
    expect(await listed(store)).toEqual(['order v2 @5000', 'quote v1 @6000']);
    expect(await store.changes({})).toEqual(log);
  });
});
