/**
 * Reading and writing process data by dotted path, without mutating: every
 * write copies the objects along its path, so states and events share the
 * rest safely.
 */
import type { DataChange, DataPatch, ProcessData } from './types.js';
import type { Variable } from '../schema/flow.js';
import { isEngineError, refusal, type EngineError } from './errors.js';
import type { EngineTextArgs, TextArg } from './texts/types.js';
import { isStorableText, storableText } from '../schema/stored-text.js';

export { storableText, isStorableText };

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** The value at `path`, or undefined. */
export function getPath(data: unknown, path: string): unknown {
  if (!path.includes('.')) {
    return data !== null && typeof data === 'object' && Object.prototype.hasOwnProperty.call(data, path) ? (data as Record<string, unknown>)[path] : undefined;
  }
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `data` with `value` at `path` (intermediate objects created as needed). */
export function setPath(data: ProcessData, path: string, value: unknown): ProcessData {
  if (!path.includes('.')) return { ...data, [path]: value };
  return setIn(data, path.split('.'), 0, value) as ProcessData;
}

function setIn(target: unknown, keys: string[], i: number, value: unknown): unknown {
  const key = keys[i]!;
  const last = i === keys.length - 1;
  // A list item by number; a list that does not exist yet starts empty (the write checks allow only item 0 then).
  if ((Array.isArray(target) || target === undefined || target === null) && /^\d+$/.test(key)) {
    const copy = Array.isArray(target) ? target.slice() : [];
    const index = Number(key);
    copy[index] = last ? value : setIn(copy[index], keys, i + 1, value);
    return copy;
  }
  const base = target !== null && typeof target === 'object' && !Array.isArray(target) ? (target as Record<string, unknown>) : {};
  const copy: Record<string, unknown> = { ...base };
  copy[key] = last ? value : setIn(base[key], keys, i + 1, value);
  return copy;
}

/**
 * Applies changes in order. Each object on a changed path is copied once per
 * call and then written in place, so a change list touching many items of a
 * long list costs linear time, not a copy of the list per change; `data`
 * and the changes' values are never mutated.
 */
export function applyChanges(data: ProcessData, changes: readonly DataChange[]): ProcessData {
  if (changes.length === 0) return data;
  if (changes.length === 1) return setPath(data, changes[0]!.path, changes[0]!.to);
  const owned = new WeakSet<object>();
  let out = data;
  for (const c of changes) out = setOwned(out, c.path, c.to, owned);
  return out;
}

/**
 * {@link setPath} within one batch of writes: objects in `owned` were copied
 * by this batch and are written in place; any other is copied first (and
 * becomes owned). Values written are never owned, so a later write below one
 * copies it.
 */
function setOwned(data: ProcessData, path: string, value: unknown, owned: WeakSet<object>): ProcessData {
  return setOwnedIn(data, path.split('.'), 0, value, owned) as ProcessData;
}

function setOwnedIn(target: unknown, keys: string[], i: number, value: unknown, owned: WeakSet<object>): unknown {
  const key = keys[i]!;
  const last = i === keys.length - 1;
  let node: Record<string, unknown> | unknown[];
  if ((Array.isArray(target) || target === undefined || target === null) && /^\d+$/.test(key)) {
    node = Array.isArray(target) ? (owned.has(target) ? target : target.slice()) : [];
  } else {
    const base = target !== null && typeof target === 'object' && !Array.isArray(target) ? (target as Record<string, unknown>) : undefined;
    node = base ? (owned.has(base) ? base : { ...base }) : {};
  }
  owned.add(node);
  const slot = node as Record<string, unknown>;
  slot[key] = last ? value : setOwnedIn(slot[key], keys, i + 1, value, owned);
  return node;
}

/** Structural equality of JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // undefined and null both mean "no value"
    return (a === undefined || a === null) && (b === undefined || b === null);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** An entry of a normalised patch. */
export interface PatchEntry {
  path: string;
  value: unknown;
}

/**
 * Flattens a patch into path/value pairs: dotted keys stay as they are; a
 * plain object under a record variable becomes one entry per field. Keys that
 * could reach the prototype are refused by the caller via {@link badSegment}.
 */
export function normalizePatch(patch: DataPatch, variables: Readonly<Record<string, Variable>>): PatchEntry[] {
  // Data is an object of paths and values: a list, a text or a number is not.
  if (!isPlainObject(patch)) throw refuse('', 'data.notData', { type: Array.isArray(patch) ? 'list' : typeof patch });
  // Most patches name fields one by one: one entry per key, in a list of exactly that size. Its own
  // keys are walked twice (counted, then read) rather than listed: no list of keys per write.
  let count = 0;
  let flat = true;
  for (const key in patch) {
    if (!Object.prototype.hasOwnProperty.call(patch, key)) continue;
    count++;
    if (expands(key, patch[key], variables)) flat = false;
  }
  if (flat) {
    const entries = new Array<PatchEntry>(count);
    let i = 0;
    for (const key in patch) if (Object.prototype.hasOwnProperty.call(patch, key)) entries[i++] = { path: key, value: patch[key] };
    return entries;
  }
  const out: PatchEntry[] = [];
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    if (expands(key, value, variables)) for (const field of Object.keys(value)) out.push({ path: `${key}.${field}`, value: value[field] });
    else out.push({ path: key, value });
  }
  return out;
}

/** A plain object under a record variable: one entry per field. */
function expands(key: string, value: unknown, variables: Readonly<Record<string, Variable>>): value is Record<string, unknown> {
  if (key.includes('.') || !Object.prototype.hasOwnProperty.call(variables, key)) return false;
  return variables[key]!.type === 'record' && isPlainObject(value);
}

/** The first segment of `path` that is empty or reaches the prototype, if any. */
export function badSegment(path: string): string | undefined {
  return path.split('.').find((s) => s === '' || FORBIDDEN.has(s));
}

/** Turns entries into changes against `data`, dropping those that change nothing. */
export function diff(data: ProcessData, entries: readonly PatchEntry[]): DataChange[] {
  // Made with the first change (a list of one for the usual single write), shared and empty when none.
  let changes: DataChange[] | undefined;
  let current = data;
  // Objects this diff copied: written in place by later entries. A change's `from` is never one
  // that is written later: once read, its path holds the new value, so it is no longer reachable.
  const owned = entries.length > 1 ? new WeakSet<object>() : undefined;
  for (let i = 0; i < entries.length; i++) {
    const { path, value } = entries[i]!;
    const from = getPath(current, path);
    if (sameValue(from, value)) continue;
    const to = value === undefined ? null : value;
    const change = { path, from: from === undefined ? null : from, to };
    if (changes) changes.push(change);
    else changes = [change];
    // Later entries may read this path again.
    if (owned && i < entries.length - 1) current = setOwned(current, path, to, owned);
  }
  return changes ?? NO_CHANGES;
}

/** No changes (shared; never written). */
const NO_CHANGES: DataChange[] = Object.freeze([]) as unknown as DataChange[];

/** True for `{…}` objects (not arrays, dates or class instances). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** True when a value counts as filled in for a required field. */
export function hasValue(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** A deep copy of caller-supplied JSON, so later mutation by the caller cannot reach our state. */
export function copyJson<T>(value: T): T {
  // A getter of the value may start another copy: the outer one's counts are kept aside meanwhile.
  const { values, chars } = budget;
  budget.values = budget.chars = 0;
  try {
    return copyPlain(value, 0, '', budget) as T;
  } catch (e) {
    // A getter or proxy trap of the caller's value that throws: the value cannot be read, so it is refused.
    if (isEngineError(e)) throw e;
    throw refuse('', 'data.unreadable', { why: String(e).slice(0, 200) });
  } finally {
    budget.values = values;
    budget.chars = chars;
  }
}

/** What the copy under way has used (one shared object rather than one per copy). */
const budget = { values: 0, chars: 0 };

/** How deep a written value may nest (records, lists of items, their fields need far fewer). */
export const MAX_WRITE_DEPTH = 32;
/** How many values (object members and list items, counted together) one write may carry. */
export const MAX_WRITE_VALUES = 100_000;
/** The longest cancel, retire or change-control reason or note, as long as a definition's deploy-override reason may be. */
export const MAX_REASON = 2_000;
/** How many characters of text (strings and keys, counted together) one write may carry. */
export const MAX_WRITE_CHARS = 1_000_000;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** An INVALID_VALUE refusal of what is at `path` (a field, or a name such as 'instanceId'), saying why with the engine text `key`. */
export function refuse(path: string, key: string, args: EngineTextArgs = {}): EngineError {
  const why: TextArg = { kind: 'msg', key, args };
  return refusal('INVALID_VALUE', 'INVALID_VALUE.stored', { why, ...(path ? { field: { kind: 'field', path } } : {}) }, path ? { fields: [path] } : {});
}

/**
 * Copies written data as plain JSON, refusing what JSON cannot carry or what
 * could change how rules read it: nesting deeper than {@link MAX_WRITE_DEPTH},
 * more than {@link MAX_WRITE_VALUES} values or {@link MAX_WRITE_CHARS} characters, keys such as `__proto__`,
 * functions, symbols, big integers, and numbers that are not finite. Objects
 * with another prototype (class instances, `Object.create(...)`) are copied
 * by their own enumerable members only, so nothing inherited is ever stored;
 * a member or list item left undefined becomes null (no value), so what is
 * stored and what a replay of the log gives agree.
 */
function copyPlain(value: unknown, depth: number, path: string, budget: { values: number; chars: number }): unknown {
  if (typeof value === 'string') {
    budget.chars += value.length;
    if (budget.chars > MAX_WRITE_CHARS) throw refuse(path, 'data.tooLong', { max: MAX_WRITE_CHARS });
    if (!storableText(value)) throw refuse(path, 'data.badText');
    return value;
  }
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw refuse(path, 'data.notNumber', { value: String(value) });
    // -0 is 0 (JSON and PostgreSQL keep no sign on zero; every store reads back the same).
    return value === 0 ? 0 : value;
  }
  if (typeof value !== 'object') {
    if (value === undefined) return undefined;
    throw refuse(path, 'data.notData', { type: typeof value });
  }
  if (depth >= MAX_WRITE_DEPTH) throw refuse(path, 'data.tooDeep', { max: MAX_WRITE_DEPTH });
  if (Array.isArray(value)) {
    budget.values += value.length;
    if (budget.values > MAX_WRITE_VALUES) throw refuse(path, 'data.tooMany', { max: MAX_WRITE_VALUES });
    const out = new Array<unknown>(value.length);
    // As JSON: a missing or undefined item is null.
    for (let i = 0; i < value.length; i++) out[i] = copyPlain(value[i], depth + 1, path ? `${path}.${i}` : String(i), budget) ?? null;
    return out;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw refuse(path, 'data.badDate');
    return value.toISOString();
  }
  const keys = Object.keys(value);
  budget.values += keys.length;
  if (budget.values > MAX_WRITE_VALUES) throw refuse(path, 'data.tooMany', { max: MAX_WRITE_VALUES });
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const at = path ? `${path}.${k}` : k;
    if (RESERVED_KEYS.has(k)) throw refuse(at, 'data.reservedKey', { key: k });
    budget.chars += k.length;
    if (budget.chars > MAX_WRITE_CHARS) throw refuse(path, 'data.tooLong', { max: MAX_WRITE_CHARS });
    if (!storableText(k)) throw refuse(path, 'data.badText');
    // A member left undefined means no value: null, which is stored, logged and replayed alike.
    out[k] = copyPlain((value as Record<string, unknown>)[k], depth + 1, at, budget) ?? null;
  }
  return out;
}
