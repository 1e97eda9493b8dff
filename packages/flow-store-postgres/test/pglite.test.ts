// The store contract on PGlite: one embedded database for the file, emptied before each store.
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { storeContract } from '../../flow-runtime/test/stores/contract.js';
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
