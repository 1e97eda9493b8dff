/**
 * Where the engine keeps its event logs: the runtime's Dexie store
 * (`@crm/flow-runtime/dexie`) in its own IndexedDB database beside the CRM's.
 */
import type { FlowStore } from '@crm/flow-runtime';
import { createDexieStore } from '@crm/flow-runtime/dexie';

export interface OpenedStore {
  store: FlowStore;
  /** False when the store forgets everything on reload. */
  persistent: boolean;
  /** Deletes everything the store holds (for "Reset demo data"). */
  destroy(): Promise<void>;
}

/** Opens the flow store in IndexedDB database `name`. */
export async function openFlowStore(name: string): Promise<OpenedStore> {
  const store = createDexieStore({ name });
  return {
    store,
    persistent: true,
    destroy: async () => {
      store.db.close();
      await store.db.delete();
    },
  };
}
