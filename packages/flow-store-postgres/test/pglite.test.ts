// The store contract on PGlite: one embedded database for the file, emptied before each store.
import { afterAll } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { storeContract } from '../../flow-runtime/test/stores/contract.js';
import { createPgliteStore } from '../src/pglite.js';
import { truncateAll } from './helpers.js';

const pglite = await PGlite.create();
const store = await createPgliteStore({ db: pglite });
afterAll(() => pglite.close());

storeContract('postgres on PGlite', async () => {
  await truncateAll(store.db);
  return store;
});
