import { useSyncExternalStore } from 'react';

/** A tiny external store for UI state that is not part of the document (selection, dialogs). */
export interface StateStore<T> {
  get(): T;
  set(update: Partial<T> | ((s: T) => Partial<T>)): void;
  subscribe(listener: () => void): () => void;
}

/** Creates a {@link StateStore}. */
export function createStateStore<T extends object>(initial: T): StateStore<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      let changed = false;
      for (const k of Object.keys(patch) as (keyof T)[]) if (!Object.is(patch[k], state[k])) changed = true;
      if (!changed) return;
      state = { ...state, ...patch };
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads a slice of a {@link StateStore}; the selector must return a stable value for the same state. */
export function useStateStore<T, S>(store: StateStore<T>, selector: (s: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()), () => selector(store.get()));
}
