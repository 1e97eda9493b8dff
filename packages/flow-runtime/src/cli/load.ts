import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCatalog } from '../schema/parse-catalog.js';
import { parseFlow } from '../schema/parse-flow.js';
import { parseJsonText } from '../schema/json-text.js';
import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import type { Problem } from '../schema/problems.js';
import { RefusedFile, type CliIo } from './io.js';

/** A file that could not be read as JSON: exit 2. */
export interface Unreadable {
  kind: 'unreadable';
  file: string;
  message: string;
}

/** Problems found in a file that was read: exit 1. */
export interface Invalid {
  kind: 'invalid';
  file: string;
  problems: Problem[];
}

export type Loaded<T> = { kind: 'ok'; file: string; value: T } | Unreadable | Invalid;

/** Reads and parses a JSON file, telling a missing file, a non-JSON file and a refused one apart. */
export function readJsonFile(io: CliIo, file: string): { kind: 'ok'; file: string; value: unknown } | Unreadable | Invalid {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = error instanceof RefusedFile ? error.message : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    return { kind: 'unreadable', file, message: `cannot read ${file}: ${why}` };
  }
  const parsed = parseJsonText(text);
  if (parsed.ok) return { kind: 'ok', file, value: parsed.value };
  if (parsed.problem.code === 'FLOW_E001') return { kind: 'unreadable', file, message: `${file} ${parsed.problem.message.replace(/^The text/, 'is not JSON:').replace(/^is not JSON: is not valid JSON: /, 'is not valid JSON: ')}` };
  return { kind: 'invalid', file, problems: [parsed.problem] };
}

/** Loads and validates a catalog file. */
export function loadCatalog(io: CliIo, file: string): Loaded<Catalog> {
  const raw = readJsonFile(io, file);
  if (raw.kind !== 'ok') return raw;
  const r = parseCatalog(raw.value);
  return r.ok ? { kind: 'ok', file, value: r.value } : { kind: 'invalid', file, problems: r.problems };
}

/** Loads and validates a flow file against a catalog (or none). */
export function loadFlow(io: CliIo, file: string, catalog: Catalog | undefined): Loaded<Flow> {
  const raw = readJsonFile(io, file);
  if (raw.kind !== 'ok') return raw;
  const r = parseFlow(raw.value, catalog);
  return r.ok ? { kind: 'ok', file, value: r.value } : { kind: 'invalid', file, problems: r.problems };
}

/** A catalog.json beside the flow file, used when --catalog is not given. */
export function findCatalogBeside(flowFile: string): string | undefined {
  const candidate = join(dirname(flowFile), 'catalog.json');
  return existsSync(candidate) ? candidate : undefined;
}

/** Whether a raw JSON value looks like a catalog (so `validate catalog.json` checks it as one). */
export function looksLikeCatalog(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'windows' in value && 'entities' in value && !('nodes' in value);
}
