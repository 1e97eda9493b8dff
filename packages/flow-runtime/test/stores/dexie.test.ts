import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDexieStore } from '../../src/stores/dexie/index.js';
import { storeContract } from './contract.js';

// A fresh fake IndexedDB per store, so tests never see each other's data.
storeContract('dexie (fake-indexeddb)', () => createDexieStore({ name: 'contract', indexedDB: new IDBFactory(), IDBKeyRange }));
