import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { generateRulesModule } from '../../logic/generate.js';
import { rulesOfFlow } from '../../logic/flow-rules.js';
import type { Catalog } from '../../schema/catalog.js';
import type { Flow } from '../../schema/flow.js';
import type { CliCommand } from '../command.js';
import { formatProblem } from '../format.js';
import { EXIT, UsageError } from '../io.js';
import { errorLine, findCatalogBeside, loadCatalog, loadFlow, looksLikeCatalog, readJsonFile } from '../load.js';
import { localeOf } from './lint.js';

export const compileRulesCommand: CliCommand = {
  name: 'compile-rules',
  summary: 'compile the rules of flows ahead of time into an ES module (fast, and allowed by a Content-Security-Policy without eval)',
  usage: 'crm-flow compile-rules <flow.json>... [--catalog <catalog.json>] [--out <rules.js>] [--locale en|zh]',
  run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { catalog: { type: 'string', short: 'c' }, out: { type: 'string', short: 'o' }, locale: { type: 'string', short: 'l' } },
    });
    const locale = localeOf(values.locale);
    const zh = locale === 'zh';
    if (positionals.length === 0) throw new UsageError('name at least one flow file');
    const catalogs = new Map<string, Catalog | undefined>();
    const catalogFor = (file: string): { ok: true; catalog: Catalog | undefined } | { ok: false } => {
      const path = values.catalog ?? findCatalogBeside(file);
      if (!path) return { ok: true, catalog: undefined };
      if (!catalogs.has(path)) {
        const loaded = loadCatalog(io, path, locale);
        if (loaded.kind === 'unreadable') {
          io.err(errorLine(loaded.message, locale));
          return { ok: false };
        }
        if (loaded.kind === 'invalid') {
          io.err(zh ? `✗ ${path}：目录有问题，未编译任何规则：` : `✗ ${path}: the catalog has problems, so no rules were compiled:`);
          for (const p of loaded.problems) io.err(`  ${formatProblem(path, p, locale)}`);
          return { ok: false };
        }
        catalogs.set(path, loaded.value);
      }
      return { ok: true, catalog: catalogs.get(path) };
    };

    const flows: Flow[] = [];
    let failed = false;
    for (const file of positionals) {
      // A catalog named among the flows (a shell glob of a folder) is not a flow: skipped.
      const raw = readJsonFile(io, file, locale);
      if (raw.kind === 'ok' && looksLikeCatalog(raw.value)) continue;
      const c = catalogFor(file);
      if (!c.ok) return EXIT.unreadable;
      const loaded = loadFlow(io, file, c.catalog, locale);
      if (loaded.kind === 'unreadable') {
        io.err(errorLine(loaded.message, locale));
        return EXIT.unreadable;
      }
      if (loaded.kind === 'invalid') {
        io.err(zh ? `✗ ${file}：无法作为流程读取：` : `✗ ${file}: the flow cannot be read as a flow:`);
        for (const p of loaded.problems) io.err(`  ${formatProblem(file, p, locale)}`);
        failed = true;
        continue;
      }
      flows.push(loaded.value);
    }
    // Nothing is written from a set of flows some of which could not be read: a partial module would look complete.
    if (failed) {
      io.err(zh ? '未写出规则模块：请先修正上述流程。' : 'No rules module was written: fix the flows above first.');
      return EXIT.problems;
    }
    if (flows.length === 0) throw new UsageError('name at least one flow file (only catalogs were given)');
    const rules = flows.flatMap(rulesOfFlow);
    const names = flows.map((f) => `${f.id}@${f.version}`).join(', ');
    const source = generateRulesModule(rules, { header: `Rules of ${names}, compiled ahead of time by crm-flow compile-rules.`, typescript: /\.[cm]?ts$/.test(values.out ?? '') });
    const written = (source.match(/^ {4}"/gm) ?? []).length;
    if (values.out) {
      writeFileSync(values.out, source);
      io.err(
        zh
          ? `✓ ${basename(values.out)}：${flows.length} 个流程的 ${written} 条规则已编译为代码（其余 ${rules.length - written} 条为常量或重复，照常运行）。`
          : `✓ ${basename(values.out)}: ${written} rules of ${flows.length} flow${flows.length === 1 ? '' : 's'} compiled to code (${rules.length - written} more are constants or repeats and run as usual).`,
      );
    } else io.out(source);
    return EXIT.ok;
  },
};
