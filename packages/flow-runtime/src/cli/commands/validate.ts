import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCatalog } from '../../schema/parse-catalog.js';
import { parseFlow } from '../../schema/parse-flow.js';
import { Flow } from '../../schema/flow.js';
import type { Catalog } from '../../schema/catalog.js';
import type { Problem } from '../../schema/problems.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { errorLine, findCatalogBeside, loadCatalog, looksLikeCatalog, readJsonFile } from '../load.js';
import { formatProblem, noteText, plural } from '../format.js';
import { problemMessage } from '../../analysis/problem-messages.js';
import type { Locale } from '../../analysis/types.js';
import { localeOf } from './lint.js';
import type { CliCommand } from '../command.js';

interface FileReport {
  file: string;
  kind: 'flow' | 'catalog' | 'unknown';
  status: 'ok' | 'problems' | 'unreadable';
  problems: Problem[];
  message?: string;
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check flow and catalog files: format, references and JsonLogic rules',
  usage: 'crm-flow validate <flow.json|catalog.json>... [--catalog <catalog.json>] [--json] [--locale en|zh]',
  run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { catalog: { type: 'string', short: 'c' }, json: { type: 'boolean' }, locale: { type: 'string', short: 'l' } },
    });
    const locale = localeOf(values.locale);
    if (positionals.length === 0) throw new UsageError('name at least one file to validate');

    const reports: FileReport[] = [];
    const drafts = new Map<FileReport, Flow>();
    let catalog: Catalog | undefined;
    if (values.catalog) {
      const loaded = loadCatalog(io, values.catalog, locale);
      if (loaded.kind === 'unreadable') return finish(io, [{ file: values.catalog, kind: 'catalog', status: 'unreadable', problems: [], message: loaded.message }], values.json, locale);
      if (loaded.kind === 'invalid') reports.push({ file: values.catalog, kind: 'catalog', status: 'problems', problems: loaded.problems, message: 'the catalog has problems, so flows were checked without it' });
      else catalog = loaded.value;
    }
    // Without --catalog, a flow is checked against the catalog.json beside it (loaded once per folder).
    const besides = new Map<string, { catalog?: Catalog; note?: string }>();
    // A catalog reported once, whether named on the command line or found beside a flow.
    const reported = new Set<string>();
    const catalogFor = (file: string): { catalog?: Catalog; note?: string } => {
      if (values.catalog) return catalog ? { catalog } : { note: 'the catalog given has problems: windows, roles and departments were not checked' };
      const beside = findCatalogBeside(file);
      if (!beside) return { note: 'no catalog given or found beside the file: windows, roles and departments were not checked (use --catalog)' };
      if (!besides.has(beside)) {
        const loaded = loadCatalog(io, beside, locale);
        besides.set(beside, loaded.kind === 'ok' ? { catalog: loaded.value } : { note: `${beside} has problems: windows, roles and departments were not checked` });
        // A broken catalog beside the flow fails the run like one given with --catalog: its problems are errors, listed with their codes.
        if (loaded.kind !== 'ok' && !reported.has(resolve(beside))) {
          reported.add(resolve(beside));
          if (loaded.kind === 'unreadable') reports.push({ file: beside, kind: 'catalog', status: 'unreadable', problems: [], message: loaded.message });
          else reports.push({ file: beside, kind: 'catalog', status: 'problems', problems: loaded.problems, message: 'the catalog beside the flows has problems, so flows were checked without it' });
        }
      }
      return besides.get(beside)!;
    };

    for (const file of positionals) {
      const raw = readJsonFile(io, file, locale);
      if (raw.kind === 'unreadable') {
        reports.push({ file, kind: 'unknown', status: 'unreadable', problems: [], message: raw.message });
        continue;
      }
      if (raw.kind === 'invalid') {
        reports.push({ file, kind: 'unknown', status: 'problems', problems: raw.problems });
        continue;
      }
      if (looksLikeCatalog(raw.value)) {
        if (reported.has(resolve(file))) continue;
        reported.add(resolve(file));
        const r = parseCatalog(raw.value);
        reports.push({ file, kind: 'catalog', status: r.ok ? 'ok' : 'problems', problems: r.problems });
        continue;
      }
      const { catalog: flowCatalog, note } = catalogFor(file);
      const r = parseFlow(raw.value, flowCatalog);
      const report: FileReport = { file, kind: 'flow', status: r.ok ? 'ok' : 'problems', problems: r.problems, ...(note ? { message: note } : {}) };
      // A draft whose shape is right names its steps by their Chinese names in Chinese messages.
      const shape = r.ok || locale === 'en' ? undefined : Flow.safeParse(raw.value);
      if (shape?.success) drafts.set(report, shape.data);
      reports.push(report);
    }
    return finish(io, reports, values.json, locale, drafts);
  },
};

function finish(io: CliIo, reports: FileReport[], json: boolean | undefined, locale: Locale, drafts: ReadonlyMap<FileReport, Flow> = new Map()): number {
  const code = reports.some((r) => r.status === 'unreadable') ? EXIT.unreadable : reports.some((r) => r.status === 'problems') ? EXIT.problems : EXIT.ok;
  if (json) {
    // In Chinese, each problem also carries its message in Chinese (`messageZh`); `message` stays the parser's English.
    const out = locale === 'en' ? reports : reports.map((r) => ({ ...r, problems: r.problems.map((p) => ({ ...p, messageZh: problemMessage(p, 'zh', drafts.get(r)) })) }));
    io.out(JSON.stringify({ ok: code === EXIT.ok, files: out }, null, 2));
    return code;
  }
  const W = WORDS[locale];
  for (const r of reports) {
    if (r.status === 'unreadable') io.err(errorLine(r.message ?? r.file, locale));
    else if (r.status === 'ok') io.out(`✓ ${r.file}: ${W.valid(r.kind)}${r.message ? W.note(noteText(r.message, locale)) : ''}`);
    else {
      io.out(`✗ ${r.file}: ${W.problems(r.problems.length)}${r.message ? W.paren(noteText(r.message, locale)) : ''}`);
      for (const p of r.problems) io.out(`  ${formatProblem(r.file, p, locale, drafts.get(r))}`);
    }
  }
  return code;
}

/** The command's own words, per `--locale`. */
const WORDS = {
  en: {
    error: 'error',
    valid: (kind: FileReport['kind']) => `valid ${kind}`,
    note: (n: string) => ` (note: ${n})`,
    problems: (n: number) => plural(n, 'problem'),
    paren: (n: string) => ` (${n})`,
  },
  zh: {
    error: '错误',
    valid: (kind: FileReport['kind']) => (kind === 'catalog' ? '目录有效' : kind === 'flow' ? '流程有效' : '有效'),
    note: (n: string) => `（说明：${n}）`,
    problems: (n: number) => `${n}个问题`,
    paren: (n: string) => `（${n}）`,
  },
} as const;
