/**
 * Where the engine keeps its event logs. The runtime's Dexie store
 * (`@crm/flow-runtime/dexie`) is the one to use; until it is available the
 * demo falls back to the memory store and re-seeds on every load, so the
 * CRM records and the flows never disagree.
 */
import { createMemoryStore, type FlowStore } from '@crm/flow-runtime';

export interface OpenedStore {
  store: FlowStore;
  /** False when the store forgets everything on reload. */
  persistent: boolean;
  /** Deletes everything the store holds (for "Reset demo data"). */
  destroy(): Promise<void>;
}

/** Opens the flow store in IndexedDB database `name`. */
export async function openFlowStore(_name: string): Promise<OpenedStore> {
  return { store: createMemoryStore(), persistent: false, destroy: async () => undefined };
}
