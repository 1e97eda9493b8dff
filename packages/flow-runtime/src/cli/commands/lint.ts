import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Flow } from '../../schema/flow.js';
import { parseFlow } from '../../schema/parse-flow.js';
import type { Catalog } from '../../schema/catalog.js';
import type { ParseResult, Problem } from '../../schema/problems.js';
import { countBySeverity, lintParsed } from '../../analysis/linter.js';
import { RULES } from '../../analysis/rules/index.js';
import { recommended } from '../../analysis/config.js';
import type { Diagnostic, FlowRegistry, Locale, RuleSetting } from '../../analysis/types.js';
import type { FlowMetrics } from '../../analysis/metrics/types.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { errorLine, findCatalogBeside, loadCatalog, looksLikeCatalog, readJsonFile } from '../load.js';
import { formatProblem, noteText, plural } from '../format.js';
import type { CliCommand } from '../command.js';

/** Options shared by the analysis commands. */
export const ANALYSIS_OPTIONS = {
  catalog: { type: 'string', short: 'c' },
  flows: { type: 'string' },
  json: { type: 'boolean' },
  locale: { type: 'string', short: 'l' },
} as const;

/** The `--locale` value, checked. */
export function localeOf(value: string | undefined): Locale {
  if (value === undefined || value === 'en' || value === 'zh') return value ?? 'en';
  throw new UsageError(`--locale must be en or zh, not '${value}'`);
}

/** A flow ready for analysis, or why not. */
export type Analysable =
  | { kind: 'ok'; file: string; flow: Flow; catalog: Catalog | undefined; flows: FlowRegistry; problems: Problem[]; notes: string[]; definition: unknown; parsed: ParseResult<Flow> }
  | { kind: 'unreadable'; file: string; message: string }
  | { kind: 'invalid'; file: string; problems: Problem[]; notes: string[] };

/**
 * Loads a flow for analysis: its catalog (`--catalog`, else catalog.json
 * beside it), the other flows of its folder (or `--flows <dir>`) for sub-flow
 * checks, and the flow itself. A flow whose shape is right but whose
 * references are broken (a draft) is still analysed; its parse problems come
 * back in `problems` (every one `crm-flow validate` reports).
 */
export function loadAnalysable(io: CliIo, file: string, options: { catalog?: string | undefined; flows?: string | undefined; locale?: string | undefined }): Analysable {
  const locale = localeOf(options.locale);
  const notes: string[] = [];
  let catalog: Catalog | undefined;
  const catalogFile = options.catalog ?? findCatalogBeside(file);
  if (catalogFile) {
    const loaded = loadCatalog(io, catalogFile, locale);
    if (loaded.kind === 'unreadable') return { kind: 'unreadable', file: catalogFile, message: loaded.message };
    if (loaded.kind === 'invalid') return { kind: 'invalid', file: catalogFile, problems: loaded.problems, notes: ['the catalog has problems; fix them first (crm-flow validate)'] };
    catalog = loaded.value;
  } else notes.push('no catalog given or found beside the file: windows, roles and departments were not checked (use --catalog)');
  const raw = readJsonFile(io, file, locale);
  if (raw.kind === 'unreadable') return raw;
  if (raw.kind === 'invalid') return { kind: 'invalid', file, problems: raw.problems, notes };
  const parsed = parseFlow(raw.value, catalog);
  let flow: Flow;
  if (parsed.ok) flow = parsed.value;
  else {
    const shape = Flow.safeParse(raw.value);
    if (!shape.success) return { kind: 'invalid', file, problems: parsed.problems, notes };
    flow = shape.data;
  }
  return { kind: 'ok', file, flow, catalog, flows: registry(io, file, options.flows, flow), problems: parsed.ok ? [] : parsed.problems, notes, definition: raw.value, parsed };
}

/**
 * The flows of a folder, by id, read leniently (a broken neighbour only drops out). Each folder is listed
 * and each neighbour read once per run (kept per `io`): linting N files of one folder read every file of
 * it N times — 111 flows of a 300-flow folder took 12 s, growing as N².
 */
function registry(io: CliIo, file: string, dir: string | undefined, self: Flow): FlowRegistry {
  const out = new Map<string, Flow[]>();
  const folder = resolve(dir ?? dirname(file));
  let read = neighbours.get(io);
  if (!read) neighbours.set(io, (read = new Map()));
  let flows = read.get(folder);
  if (!flows) {
    flows = [];
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.json') && n !== 'catalog.json');
    } catch {
      names = [];
    }
    for (const name of names) {
      const path = join(folder, name);
      const raw = readJsonFile(io, path);
      if (raw.kind !== 'ok') continue;
      const r = Flow.safeParse(raw.value);
      if (r.success) flows.push([path, r.data]);
    }
    read.set(folder, flows);
  }
  for (const [path, flow] of flows) if (path !== resolve(file)) out.set(flow.id, [...(out.get(flow.id) ?? []), flow]);
  out.set(self.id, [...(out.get(self.id) ?? []), self]);
  return out;
}

/** The flows read from each folder in this run, with their paths, per `io`. */
const neighbours = new WeakMap<CliIo, Map<string, [string, Flow][]>>();

interface FileReport {
  file: string;
  status: 'clean' | 'problems' | 'unreadable';
  /** Every finding, format problems (with `code` and `path`) included. */
  diagnostics: Diagnostic[];
  /** Problems of a file that could not be analysed at all (not JSON, not shaped like a flow, a bad catalog). */
  problems: Problem[];
  metrics?: FlowMetrics;
  notes: string[];
  message?: string;
}

function parseRuleSettings(list: string[] | undefined): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const item of list ?? []) {
    const [id, sev] = item.split('=');
    if (!id || !sev || !['error', 'warning', 'info', 'off'].includes(sev)) throw new UsageError(`--rule takes id=error|warning|info|off, not '${item}'`);
    if (!(id in recommended)) throw new UsageError(`there is no rule '${id}' (crm-flow lint --rules lists them)`);
    out[id] = sev as RuleSetting;
  }
  return out;
}

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'analyse flows: structure, mandatory steps, permissions, conditions, plus clarity metrics',
  usage: 'crm-flow lint <flow.json>... [--catalog <catalog.json>] [--flows <dir>] [--rule id=severity]... [--strict] [--rules] [--json] [--locale en|zh]',
  run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...ANALYSIS_OPTIONS, rule: { type: 'string', multiple: true }, strict: { type: 'boolean' }, rules: { type: 'boolean' } },
    });
    const locale = localeOf(values.locale);
    if (values.rules) {
      if (values.json) io.out(JSON.stringify(RULES.map((r) => ({ id: r.id, severity: recommended[r.id], doc: r.doc })), null, 2));
      else for (const r of RULES) io.out(`${r.id.padEnd(28)} ${String(recommended[r.id]).padEnd(8)} ${r.doc}`);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UsageError('name at least one flow file to lint');
    const rules = parseRuleSettings(values.rule);
    if (values.catalog) {
      // A bad catalog is reported once, not once per flow.
      const cat = loadCatalog(io, values.catalog, locale);
      if (cat.kind === 'unreadable') {
        io.err(errorLine(cat.message, locale));
        return EXIT.unreadable;
      }
    }
    const reports: FileReport[] = [];
    for (const file of positionals) {
      const peek = readJsonFile(io, file);
      if (peek.kind === 'ok' && looksLikeCatalog(peek.value)) continue; // `lint dir/*.json` names the catalog too
      const loaded = loadAnalysable(io, file, values);
      if (loaded.kind === 'unreadable') {
        reports.push({ file: loaded.file, status: 'unreadable', diagnostics: [], problems: [], notes: [], message: loaded.message });
        continue;
      }
      if (loaded.kind === 'invalid') {
        reports.push({ file: loaded.file, status: 'problems', diagnostics: [], problems: loaded.problems, notes: loaded.notes });
        continue;
      }
      const { diagnostics, metrics } = lintParsed(loaded.definition, loaded.parsed, loaded.catalog, { rules, flows: loaded.flows, locale });
      const failing = diagnostics.some((d) => d.severity === 'error' || (values.strict && d.severity === 'warning'));
      reports.push({ file, status: failing ? 'problems' : 'clean', diagnostics, problems: [], ...(metrics ? { metrics } : {}), notes: loaded.notes });
    }
    const code = reports.some((r) => r.status === 'unreadable') ? EXIT.unreadable : reports.some((r) => r.status === 'problems') ? EXIT.problems : EXIT.ok;
    if (values.json) {
      io.out(JSON.stringify({ ok: code === EXIT.ok, files: reports }, null, 2));
      return code;
    }
    for (const r of reports) printReport(io, r, locale);
    return code;
  },
};

/** The CLI's own words around the findings, per `--locale`. */
const LABELS = {
  en: { error: 'error', warning: 'warning', info: 'info', count: (n: number, k: 'error' | 'warning') => plural(n, k), infos: (n: number) => `${n} info`, none: 'no findings', note: 'note', format: 'format', steps: 'steps', connections: 'connections', control: 'control point', sep: ', ', colon: ': ' },
  zh: { error: '错误', warning: '警告', info: '提示', count: (n: number, k: 'error' | 'warning') => `${n}个${k === 'error' ? '错误' : '警告'}`, infos: (n: number) => `${n}条提示`, none: '未发现问题', note: '说明', format: '格式', steps: '步骤', connections: '连线', control: '控制点', sep: '，', colon: '：' },
} as const;

function printReport(io: CliIo, r: FileReport, locale: Locale = 'en'): void {
  const L = LABELS[locale];
  if (r.status === 'unreadable') {
    io.err(errorLine(r.message ?? r.file, locale));
    return;
  }
  const c = countBySeverity(r.diagnostics);
  const counts = [c.error + r.problems.length ? L.count(c.error + r.problems.length, 'error') : '', c.warning ? L.count(c.warning, 'warning') : '', c.info ? L.infos(c.info) : ''].filter(Boolean).join(L.sep);
  io.out(`${r.status === 'clean' ? '✓' : '✗'} ${basename(r.file)}${L.colon}${counts || L.none}`);
  for (const n of r.notes) io.out(`  ${L.note}${L.colon}${noteText(n, locale)}`);
  for (const p of r.problems) io.out(`  ${L.error.padEnd(8)} ${L.format.padEnd(28)} ${formatProblem(r.file, p, locale)}`);
  for (const d of r.diagnostics) {
    io.out(`  ${L[d.severity].padEnd(8)} ${d.rule.padEnd(28)} ${d.path !== undefined ? `${d.path || '/'}${L.colon}` : ''}${d.message}`);
    const where = [d.nodeIds.length ? `${L.steps}${L.colon}${d.nodeIds.join(L.sep)}` : '', d.edgeIds.length ? `${L.connections}${L.colon}${d.edgeIds.join(L.sep)}` : '', d.controlId !== undefined ? `${L.control}${L.colon}${d.controlId}` : ''].filter(Boolean).join(' · ');
    if (where) io.out(`  ${''.padEnd(8)} ${''.padEnd(28)} ${where}`);
    if (d.hint) io.out(`  ${''.padEnd(8)} ${''.padEnd(28)} → ${d.hint}`);
  }
  if (r.metrics) io.out(`  ${r.metrics.summary}`);
}
