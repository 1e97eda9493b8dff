import type * as z from 'zod/mini';
import { toPointer, type Problem } from './problems.js';
import { problemsFromZod, type Subject } from './zod-problems.js';

/**
 * Parses each element of a list on its own, so one bad element does not hide the others.
 * `indices`, when given, receives each returned element's index in the input list (bad elements are
 * left out, so they may differ), so later problems point at it even when ids repeat.
 */
export function parseEach<T>(
  list: unknown,
  at: ReadonlyArray<PropertyKey>,
  schema: z.ZodMiniType<T>,
  root: unknown,
  subjectOf: Subject,
  problems: Problem[],
  precheck?: (item: unknown, at: ReadonlyArray<PropertyKey>, index: number) => Problem | undefined,
  indices?: number[],
): T[] {
  if (!Array.isArray(list)) return [];
  const out: T[] = [];
  list.forEach((item, i) => {
    const pre = precheck?.(item, at, i);
    if (pre) {
      problems.push(pre);
      return;
    }
    const r = schema.safeParse(item);
    if (r.success) {
      indices?.push(i);
      out.push(r.data);
    }
    else problems.push(...problemsFromZod(r.error.issues, root, subjectOf, [...at, i]).map((p) => ({ ...p })));
  });
  return out;
}

/** Reports ids used more than once in a list. */
export function checkUniqueIds(list: unknown, at: ReadonlyArray<PropertyKey>, what: string, problems: Problem[]): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const id = idOf(item);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else problems.push({ code: 'FLOW_E020', path: toPointer([...at, i, 'id']), message: `${what} id '${id}' is used twice (also by ${what.toLowerCase()} #${first + 1}); ids must be unique.` });
  });
}

/** The id of a raw element, when it has a string one. */
export function idOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** Ids of the raw elements of a list, valid or not (so a broken node is not also reported as missing). */
export function rawIds(list: unknown): Set<string> {
  const ids = new Set<string>();
  if (Array.isArray(list)) for (const item of list) {
    const id = idOf(item);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** Past this many known names, suggestions come from an index instead of comparing with every name. */
const FULL_SCAN_LIMIT = 200;
/** At most this many candidates are compared exactly per suggestion. */
const MAX_CANDIDATES = 64;

/** Each large set of known names gets an index of its one-character deletions (SymSpell's idea), built once. */
const indexes = new WeakMap<object, Map<string, string[]>>();

function deletions(s: string): string[] {
  const out = [s];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

function deletionIndex(known: Iterable<string> & object): Map<string, string[]> {
  let index = indexes.get(known);
  if (!index) {
    index = new Map();
    for (const k of known) {
      for (const d of deletions(k.toLowerCase())) {
        const list = index.get(d);
        if (!list) index.set(d, [k]);
        else if (list.length < MAX_CANDIDATES && list[list.length - 1] !== k) list.push(k);
      }
    }
    indexes.set(known, index);
  }
  return index;
}

/**
 * "did you mean …" for a near miss among known names. Small sets are compared
 * name by name; a large one (a flow with thousands of steps) is looked up
 * through an index of one-character deletions, so each suggestion costs the
 * length of the name, not the size of the set, and a document full of
 * misspelled references still parses in linear time.
 */
export function suggest(name: string, known: Iterable<string>): string {
  const best = nearest(name, known);
  return best !== undefined ? ` Did you mean '${best}'?` : '';
}

/**
 * The known name closest to `name` when it is a near miss (a few letters
 * off), else undefined: what {@link suggest} proposes, as a value.
 */
export function nearest(name: string, known: Iterable<string>): string | undefined {
  // An iterator (Map.keys(), a generator) is read once into a list; Sets, Maps and arrays keep their index between calls.
  const list: Iterable<string> & object = known instanceof Set || known instanceof Map || Array.isArray(known) ? (known as Iterable<string> & object) : [...known];
  const size = list instanceof Set || list instanceof Map ? list.size : (list as string[]).length;
  let candidates: Iterable<string> = list;
  if (size > FULL_SCAN_LIMIT) {
    const index = deletionIndex(list);
    const found = new Set<string>();
    for (const d of deletions(name.toLowerCase())) {
      for (const k of index.get(d) ?? []) {
        found.add(k);
        if (found.size >= MAX_CANDIDATES) break;
      }
      if (found.size >= MAX_CANDIDATES) break;
    }
    candidates = found;
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of candidates) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Every known name as close to `name` as the nearest one, when it is a near
 * miss: for `ed`, both `end` and `d`. Small sets only (a full scan); a large
 * one gives the single {@link nearest} name.
 */
export function nearestAll(name: string, known: ReadonlyArray<string>): string[] {
  const best = nearest(name, known);
  if (best === undefined) return [];
  if (known.length > FULL_SCAN_LIMIT) return [best];
  const d = distance(name.toLowerCase(), best.toLowerCase());
  return known.filter((k) => distance(name.toLowerCase(), k.toLowerCase()) === d);
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Infinity;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
