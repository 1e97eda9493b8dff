import { applyPatches, enablePatches, produceWithPatches, type Draft } from 'immer';
import type { Catalog } from '@crm/flow-runtime';
import { History } from '../document/history.js';
import type { CatalogCommand } from './commands.js';

enablePatches();

/** What a catalog store holds: the catalog and its undo state. */
export interface CatalogSnapshot {
  readonly catalog: Catalog;
  readonly revision: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoName: string | undefined;
  readonly redoName: string | undefined;
}

/** The catalog editor's store: the catalog and its undo history, edited only through commands. */
export interface CatalogStore {
  getSnapshot(): CatalogSnapshot;
  subscribe(listener: () => void): () => void;
  /** Applies a command as one undo step; `key` merges repeated edits of the same text into one step. */
  run(command: CatalogCommand, options?: { typing?: string }): void;
  /** Closes a typing session as one undo step. */
  flush(): void;
  undo(): void;
  redo(): void;
  /** Replaces the catalog without history (another catalog opened). */
  reset(catalog: Catalog): void;
}

/**
 * Creates a catalog store with undo and redo, like the flow's document store.
 *
 * @example
 * const store = createCatalogStore(catalog);
 * store.run(setRoleAccess('customer-info', 'service', 'edit'));
 * store.undo();
 */
export function createCatalogStore(initial: Catalog, options: { historyLimit?: number } = {}): CatalogStore {
  const history = new History(options.historyLimit);
  const listeners = new Set<() => void>();
  const make = (catalog: Catalog, revision: number): CatalogSnapshot => ({
    catalog,
    revision,
    canUndo: history.canUndo || history.hasPending,
    canRedo: history.canRedo,
    undoName: history.undoName,
    redoName: history.redoName,
  });
  let snapshot = make(initial, 0);
  const publish = (catalog: Catalog) => {
    snapshot = make(catalog, snapshot.revision + 1);
    for (const l of [...listeners]) l();
  };
  const store: CatalogStore = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run(command, opts) {
      const [next, patches, inverse] = produceWithPatches(snapshot.catalog, command.recipe as (c: Draft<Catalog>) => void);
      if (!patches.length) return;
      if (opts?.typing) history.accumulate(command.name, opts.typing, patches, inverse);
      else history.record(command.name, patches, inverse);
      publish(next);
    },
    flush() {
      if (history.close()) publish(snapshot.catalog);
    },
    undo() {
      history.close();
      const entry = history.takeUndo();
      if (entry) publish(applyPatches(snapshot.catalog, entry.inverse));
    },
    redo() {
      const entry = history.takeRedo();
      if (entry) publish(applyPatches(snapshot.catalog, entry.patches));
    },
    reset(catalog) {
      history.clear();
      publish(catalog);
    },
  };
  return store;
}
