import { useSyncExternalStore } from 'react';
import type { DocumentSnapshot, DocumentStore } from './store.js';

/**
 * Subscribes a component to a document store and returns its snapshot
 * (flow, undo state). The adapter between the headless store and React.
 *
 * @example
 * const { flow, canUndo } = useFlowDocument(store);
 */
export function useFlowDocument(store: DocumentStore): DocumentSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
