/**
 * Paging cursors of the engine's lists. A cursor is the key of the last item
 * of a page, written as a short URL-safe string; callers treat it as opaque.
 */
import { storableText } from './data.js';
import { refusal, type EngineError } from './errors.js';
import type { Page } from './types.js';
import type { InstanceKey, TaskKey } from '../stores/types.js';

/** Makes a page: the items with a non-enumerable `next`. */
export function page<T>(items: T[], next?: string): Page<T> {
  if (next !== undefined) Object.defineProperty(items, 'next', { value: next, enumerable: false });
  return items as Page<T>;
}

const enc = encodeURIComponent;

/** The cursor after a task row. */
export function encodeTaskCursor(key: TaskKey): string {
  return `t.${key.openedAt}.${enc(key.instanceId)}.${enc(key.taskId)}`;
}

/** The cursor after an instance. */
export function encodeInstanceCursor(key: InstanceKey): string {
  return `i.${key.startedAt}.${enc(key.instanceId)}`;
}

export function decodeTaskCursor(cursor: string): TaskKey {
  const parts = split(cursor, 't', 4);
  return { openedAt: num(parts[1]!, cursor), instanceId: parts[2]!, taskId: parts[3]! };
}

export function decodeInstanceCursor(cursor: string): InstanceKey {
  const parts = split(cursor, 'i', 3);
  return { startedAt: num(parts[1]!, cursor), instanceId: parts[2]! };
}

function split(cursor: string, kind: string, count: number): string[] {
  const parts = typeof cursor === 'string' ? cursor.split('.') : [];
  if (parts.length !== count || parts[0] !== kind) throw badCursor(cursor);
  let ids: string[];
  try {
    ids = parts.map((p) => decodeURIComponent(p));
  } catch {
    throw badCursor(cursor);
  }
  // The lists never hand out ids no store keeps (a NUL, half a surrogate pair).
  if (!ids.every(storableText)) throw badCursor(cursor);
  return ids;
}

function num(text: string, cursor: string): number {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) throw badCursor(cursor);
  return n;
}

/** INVALID_CURSOR naming the cursor given (cut to 80 characters: a real one is short). */
export function badCursor(cursor: unknown): EngineError {
  const text = typeof cursor === 'object' || typeof cursor === 'function' ? Object.prototype.toString.call(cursor) : String(cursor);
  return refusal('INVALID_CURSOR', 'INVALID_CURSOR.cursor', { cursor: text.length > 80 ? `${text.slice(0, 80)}…` : text });
}
