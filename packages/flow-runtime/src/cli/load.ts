import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCatalog } from '../schema/parse-catalog.js';
import { parseFlow } from '../schema/parse-flow.js';
import { parseJsonText } from '../schema/json-text.js';
import type { Catalog } from '../schema/catalog.js';
import type { Flow } from '../schema/flow.js';
import type { Problem } from '../schema/problems.js';
import { RefusedFile, type CliIo } from './io.js';
import { problemMessage } from '../analysis/problem-messages.js';
import type { Locale } from '../analysis/types.js';

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

/** The line the CLI prints for an error, in the reader's language (`error: …`, `错误：…`). */
export function errorLine(message: string, locale: Locale = 'en'): string {
  return locale === 'zh' ? `错误：${message}` : `error: ${message}`;
}

/** Why a file could not be read, in the reader's language. */
const CANNOT_READ = {
  en: { read: (file: string, why: string) => `cannot read ${file}: ${why}`, ENOENT: 'no such file', EISDIR: 'it is a folder, not a file', EACCES: 'permission denied' },
  zh: { read: (file: string, why: string) => `无法读取 ${file}：${why}`, ENOENT: '文件不存在', EISDIR: '这是一个文件夹，不是文件', EACCES: '没有读取权限' },
} as const;

/** A refused file's reason (a folder, a pipe, too big) in the reader's language. */
function refusedWhy(error: RefusedFile, locale: Locale): string {
  if (locale === 'en') return error.message;
  if (error.code === 'EISDIR') return CANNOT_READ.zh.EISDIR;
  if (error.code === 'ENOTREGULAR') return '这不是普通文件（是管道、设备或套接字）；请给出一个 .json 文件的路径';
  const size = /it is ([\d.]+) MB, larger than the (\d+) MB/.exec(error.message);
  return size ? `文件大小为 ${size[1]} MB，超过了 CRM Flow 可读取的 ${size[2]} MB` : error.message;
}

/**
 * Reads and parses a JSON file, telling a missing file, a non-JSON file and
 * a refused one apart; what went wrong is said in `locale`.
 */
export function readJsonFile(io: CliIo, file: string, locale: Locale = 'en'): { kind: 'ok'; file: string; value: unknown } | Unreadable | Invalid {
  let text: string;
  const W = CANNOT_READ[locale];
  try {
    text = io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = error instanceof RefusedFile ? refusedWhy(error, locale) : code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' ? W[code] : (error as Error).message;
    return { kind: 'unreadable', file, message: W.read(file, why) };
  }
  const parsed = parseJsonText(text);
  if (parsed.ok) return { kind: 'ok', file, value: parsed.value };
  if (parsed.problem.code === 'FLOW_E001') {
    const message = locale === 'zh' ? `${file}：${problemMessage(parsed.problem, 'zh')}` : `${file} ${parsed.problem.message.replace(/^The text/, 'is not JSON:').replace(/^is not JSON: is not valid JSON: /, 'is not valid JSON: ')}`;
    return { kind: 'unreadable', file, message };
  }
  return { kind: 'invalid', file, problems: [parsed.problem] };
}

/** Loads and validates a catalog file. */
export function loadCatalog(io: CliIo, file: string, locale: Locale = 'en'): Loaded<Catalog> {
  const raw = readJsonFile(io, file, locale);
  if (raw.kind !== 'ok') return raw;
  const r = parseCatalog(raw.value);
  return r.ok ? { kind: 'ok', file, value: r.value } : { kind: 'invalid', file, problems: r.problems };
}

/** Loads and validates a flow file against a catalog (or none). */
export function loadFlow(io: CliIo, file: string, catalog: Catalog | undefined, locale: Locale = 'en'): Loaded<Flow> {
  const raw = readJsonFile(io, file, locale);
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
