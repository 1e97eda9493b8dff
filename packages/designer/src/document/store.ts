import { applyPatches, enablePatches, produceWithPatches, type Draft } from 'immer';
import type { Flow } from '@crm/flow-runtime';
import { History, type SavedHistory } from './history.js';
import type { Command, CommitOptions } from './types.js';

enablePatches();

/** What the store holds: the flow and the undo state derived from its history. */
export interface DocumentSnapshot {
  readonly flow: Flow;
  /** Increases with every change, recorded or not. */
  readonly revision: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoName: string | undefined;
  readonly redoName: string | undefined;
  /** True while `eventually` changes (a drag, a field being typed) wait to be closed. */
  readonly pending: boolean;
}

/**
 * The one store of a designer: it holds the flow being edited and its undo
 * history. Every edit goes through {@link DocumentStore.commit} (or
 * {@link DocumentStore.run} with a named command); React Flow's nodes and
 * edges are derived from {@link DocumentSnapshot.flow}.
 */
export interface DocumentStore {
  getSnapshot(): DocumentSnapshot;
  subscribe(listener: () => void): () => void;
  /** Applies an immer recipe to the flow; see {@link CommitOptions} for undo capture. */
  commit(recipe: (flow: Draft<Flow>) => void | Flow, options?: CommitOptions): void;
  /** Applies a named command. */
  run(command: Command, options?: Omit<CommitOptions, 'name'>): void;
  /** Closes pending `eventually` changes (end of a drag, blur of a field) as one undo step. */
  flush(): void;
  undo(): void;
  redo(): void;
  /** Replaces the whole flow without history (opening another flow). */
  reset(flow: Flow): void;
  /** The undo and redo steps as plain JSON, to keep with the draft (at most `keep` undo steps). */
  savedHistory(keep?: number): SavedHistory;
  /** Brings back saved steps for the flow as it stands (the caller checks they belong to it). */
  restoreHistory(saved: SavedHistory): void;
}

/**
 * Creates a document store for a flow.
 *
 * @example
 * const store = createDocumentStore(flow);
 * store.run(renameNode('t1', { en: 'Check credit' }));
 * store.undo();
 */
export function createDocumentStore(initial: Flow, options: { historyLimit?: number } = {}): DocumentStore {
  const history = new History(options.historyLimit);
  const listeners = new Set<() => void>();
  let snapshot = makeSnapshot(initial, 0);

  function makeSnapshot(flow: Flow, revision: number): DocumentSnapshot {
    return {
      flow,
      revision,
      canUndo: history.canUndo,
      canRedo: history.canRedo,
      undoName: history.undoName,
      redoName: history.redoName,
      pending: history.hasPending,
    };
  }

  function publish(flow: Flow): void {
    snapshot = makeSnapshot(flow, snapshot.revision + 1);
    for (const l of [...listeners]) l();
  }

  const store: DocumentStore = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    commit(recipe, { capture = 'now', name = 'Edit', key } = {}) {
      const [next, patches, inverse] = produceWithPatches(snapshot.flow, recipe as (flow: Draft<Flow>) => void);
      if (capture === 'now') {
        const recorded = history.record(name, patches, inverse);
        if (patches.length > 0 || recorded) publish(next);
      } else if (patches.length > 0) {
        if (capture === 'eventually') history.accumulate(name, key, patches, inverse);
        publish(next);
      }
    },
    run(command, opts) {
      store.commit(command.recipe, { ...opts, name: command.name });
    },
    flush() {
      if (history.close()) publish(snapshot.flow);
    },
    undo() {
      const entry = history.takeUndo();
      if (entry) publish(applyPatches(snapshot.flow, entry.inverse));
    },
    redo() {
      const entry = history.takeRedo();
      if (entry) publish(applyPatches(snapshot.flow, entry.patches));
    },
    reset(flow) {
      history.clear();
      publish(flow);
    },
    savedHistory: (keep) => history.saved(keep),
    restoreHistory(saved) {
      history.restore(saved);
      publish(snapshot.flow);
    },
  };
  return store;
}
