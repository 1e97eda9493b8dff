import { parseArgs } from 'node:util';
import { parseCatalog } from '../../schema/parse-catalog.js';
import { parseFlow } from '../../schema/parse-flow.js';
import type { Catalog } from '../../schema/catalog.js';
import type { Problem } from '../../schema/problems.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { findCatalogBeside, loadCatalog, looksLikeCatalog, readJsonFile } from '../load.js';
import { formatProblem, plural } from '../format.js';
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
  usage: 'crm-flow validate <flow.json|catalog.json>... [--catalog <catalog.json>] [--json]',
  run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { catalog: { type: 'string', short: 'c' }, json: { type: 'boolean' } },
    });
    if (positionals.length === 0) throw new UsageError('name at least one file to validate');

    const reports: FileReport[] = [];
    let catalog: Catalog | undefined;
    let catalogFile = values.catalog;
    if (catalogFile) {
      const loaded = loadCatalog(io, catalogFile);
      if (loaded.kind === 'unreadable') return finish(io, [{ file: catalogFile, kind: 'catalog', status: 'unreadable', problems: [], message: loaded.message }], values.json);
      if (loaded.kind === 'invalid') reports.push({ file: catalogFile, kind: 'catalog', status: 'problems', problems: loaded.problems, message: 'the catalog has problems, so flows were checked without it' });
      else catalog = loaded.value;
    }

    for (const file of positionals) {
      const raw = readJsonFile(io, file);
      if (raw.kind === 'unreadable') {
        reports.push({ file, kind: 'unknown', status: 'unreadable', problems: [], message: raw.message });
        continue;
      }
      if (raw.kind === 'invalid') {
        reports.push({ file, kind: 'unknown', status: 'problems', problems: raw.problems });
        continue;
      }
      if (looksLikeCatalog(raw.value)) {
        const r = parseCatalog(raw.value);
        reports.push({ file, kind: 'catalog', status: r.ok ? 'ok' : 'problems', problems: r.problems });
        continue;
      }
      let flowCatalog = catalog;
      if (!values.catalog) {
        const beside = findCatalogBeside(file);
        if (beside && beside !== catalogFile) {
          const loaded = loadCatalog(io, beside);
          flowCatalog = loaded.kind === 'ok' ? loaded.value : undefined;
        } else if (beside) flowCatalog = catalog;
        catalogFile = beside;
      }
      const r = parseFlow(raw.value, flowCatalog);
      reports.push({
        file,
        kind: 'flow',
        status: r.ok ? 'ok' : 'problems',
        problems: r.problems,
        ...(flowCatalog ? {} : { message: 'no catalog given or found beside the file: windows, roles and departments were not checked (use --catalog)' }),
      });
    }
    return finish(io, reports, values.json);
  },
};

function finish(io: CliIo, reports: FileReport[], json: boolean | undefined): number {
  const code = reports.some((r) => r.status === 'unreadable') ? EXIT.unreadable : reports.some((r) => r.status === 'problems') ? EXIT.problems : EXIT.ok;
  if (json) {
    io.out(JSON.stringify({ ok: code === EXIT.ok, files: reports }, null, 2));
    return code;
  }
  for (const r of reports) {
    if (r.status === 'unreadable') io.err(`error: ${r.message}`);
    else if (r.status === 'ok') io.out(`✓ ${r.file}: valid ${r.kind}${r.message ? ` (note: ${r.message})` : ''}`);
    else {
      io.out(`✗ ${r.file}: ${plural(r.problems.length, 'problem')}${r.message ? ` (${r.message})` : ''}`);
      for (const p of r.problems) io.out(`  ${formatProblem(r.file, p)}`);
    }
  }
  return code;
}
