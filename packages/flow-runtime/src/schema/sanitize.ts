import { toPointer, type Problem } from './problems.js';
import { DEFAULT_MAX_JSON_DEPTH } from './json-text.js';
import { unstorableTexts } from './stored-text.js';

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks an already-parsed value before the schema sees it: nesting depth
 * (so nothing downstream recurses without bound) and reserved keys such as
 * `__proto__` (so nothing downstream can be tricked into prototype
 * pollution), and text no store keeps alike (NUL, half a surrogate pair:
 * `FLOW_E017`). Returns a copy without the reserved keys, and the problems.
 * Iterative: safe on any depth.
 */
export function sanitizeInput(input: unknown, maxDepth = DEFAULT_MAX_JSON_DEPTH): { value: unknown; problems: Problem[]; tooDeep: boolean } {
  const problems: Problem[] = [];
  let reserved = false;
  const stack: Array<{ v: unknown; depth: number; path: PropertyKey[] }> = [{ v: input, depth: 0, path: [] }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) {
      return {
        value: undefined,
        problems: [{ code: 'FLOW_E003', path: '', message: `The definition is nested more than ${maxDepth} levels deep; definitions are never that deep, so it was not read.` }],
        tooDeep: true,
      };
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (v[i] !== null && typeof v[i] === 'object') stack.push({ v: v[i], depth: depth + 1, path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (RESERVED_KEYS.has(key)) {
        reserved = true;
        problems.push({ code: 'FLOW_E016', path: toPointer([...path, key]), message: `The key '${key}' is reserved by JavaScript and never allowed in a definition.` });
        continue;
      }
      const child = (v as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push({ v: child, depth: depth + 1, path: [...path, key] });
    }
  }
  // Text no store keeps alike (NUL, half a surrogate pair), in any value or key: refused here so deploy fails alike on every store.
  problems.push(...unstorableTexts(input));
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { value: reserved ? withoutReserved(input) : input, problems, tooDeep: false };
}

function withoutReserved(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(withoutReserved);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    if (RESERVED_KEYS.has(key)) continue;
    out[key] = withoutReserved((v as Record<string, unknown>)[key]);
  }
  return out;
}
