/**
 * A sorted array with binary-search insert, remove and seek: the ordered
 * indexes of the memory store (open tasks by role and open time, instances
 * by start time, next-due times). Insert and remove shift the entries after
 * the place in a loop (`splice` would allocate an array of the removed
 * entries on every call), which stays well under a millisecond at 100,000
 * entries; the place of an entry is searched from the newest end.
 */
import { isStorableText, refuse } from '../engine/data.js';
import type { InstanceKey, TaskKey } from './types.js';

/** Orders two values; negative when `a` comes first. */
export type Compare<T> = (a: T, b: T) => number;

/** A sorted array of distinct entries (by `compare`, which reads the key part `K` of an entry). */
export class SortedList<T extends K, K = T> {
  readonly items: T[] = [];
  constructor(private readonly compare: Compare<K>) {}

  /** The first index whose entry is not before `key` (after it when `strict`). */
  seek(key: K, strict = false): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(this.items[mid]!, key);
      if (c < 0 || (strict && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Where `entry` goes (the first index whose entry is not before it),
   * searched back from the end in doubling steps, then by halves: the place is
   * usually among the newest entries (those of the same millisecond are
   * ordered by id), so it costs a few comparisons however long the list is.
   */
  private place(entry: K): number {
    const items = this.items;
    let hi = items.length;
    let lo = hi - 1;
    for (let step = 1; lo >= 0 && this.compare(items[lo]!, entry) >= 0; step *= 2) {
      hi = lo;
      lo -= step;
    }
    // Now everything up to `lo` comes before `entry` and the entry at `hi` (if any) does not.
    lo = Math.max(lo + 1, 0);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(items[mid]!, entry) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds an entry, replacing an equal one. */
  insert(entry: T): void {
    const items = this.items;
    const i = this.place(entry);
    if (i < items.length && this.compare(items[i]!, entry) === 0) items[i] = entry;
    else {
      // Shift the tail by one (a plain loop: no array allocated, unlike splice; faster than copyWithin).
      for (let j = items.length; j > i; j--) items[j] = items[j - 1]!;
      items[i] = entry;
    }
  }

  /** Removes the entry equal to `entry`, if any. */
  remove(entry: T): void {
    const items = this.items;
    const i = this.place(entry);
    if (i < items.length && this.compare(items[i]!, entry) === 0) {
      for (let j = i + 1; j < items.length; j++) items[j - 1] = items[j]!;
      items.pop();
    }
  }

  get size(): number {
    return this.items.length;
  }
}

/** Code-unit order of two strings (the order IndexedDB and `COLLATE "C"` use). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Task order: open time, instance id, task id. */
export function compareTaskKeys(a: TaskKey, b: TaskKey): number {
  return a.openedAt - b.openedAt || compareText(a.instanceId, b.instanceId) || compareText(a.taskId, b.taskId);
}

/** Instance order: start time, instance id. */
export function compareInstanceKeys(a: InstanceKey, b: InstanceKey): number {
  return a.startedAt - b.startedAt || compareText(a.instanceId, b.instanceId);
}

/**
 * What every store throws for a feed position it never gave out (wrong type, malformed or
 * negative text, out of range, another store kind's), from `feed` and `saveFeedCursor`: the
 * engine answers it as `INVALID_CURSOR` naming the value, the same on every store. A store
 * written outside this package throws it too (or any error named `FeedPositionError`).
 */
export class FeedPositionError extends Error {
  /** The engine's code for it. */
  readonly code = 'INVALID_CURSOR';
  override readonly name = 'FeedPositionError';
  constructor(position: unknown) {
    super(`'${typeof position === 'string' ? position : typeof position}' is not a feed position of this store.`);
  }
}

/**
 * Refuses (`INVALID_VALUE`, "… cannot be stored: it holds a NUL or a broken
 * character", en/zh; nothing written) a write whose instance id, flow id or
 * subscriber holds text no store keeps alike — a NUL or half of a surrogate
 * pair: PostgreSQL keeps neither — so such an id exists in no store and
 * reads of it answer nothing everywhere. The engine refuses such text before
 * the store; this holds a store called directly to the same.
 */
export function checkStoredId(id: string, what = 'flowId'): void {
  if (!isStorableText(id)) throw refuse(what, 'data.badText');
}

/** Reads a feed position written by a counter-based store (memory, Dexie): a non-negative integer as text. */
export function parseCounterPosition(after: unknown): number {
  if (after === undefined) return 0;
  if (typeof after !== 'string' || !/^\d{1,15}$/.test(after)) throw new FeedPositionError(after);
  return Number(after);
}
