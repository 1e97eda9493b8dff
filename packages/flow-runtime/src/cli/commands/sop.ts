import { errorLine } from '../load.js';
import { parseArgs } from 'node:util';
import { toSop } from '../../sop/sop.js';
import { EXIT, UsageError } from '../io.js';
import { formatProblem } from '../format.js';
import type { CliCommand } from '../command.js';
import { ANALYSIS_OPTIONS, loadAnalysable, localeOf } from './lint.js';

export const sopCommand: CliCommand = {
  name: 'sop',
  summary: 'write a flow as a standard operating procedure (Markdown) a new employee can follow',
  usage: 'crm-flow sop <flow.json> [--catalog <catalog.json>] [--flows <dir>] [--locale en|zh] [--json]',
  run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: ANALYSIS_OPTIONS });
    const locale = localeOf(values.locale);
    if (positionals.length !== 1) throw new UsageError('name one flow file');
    const loaded = loadAnalysable(io, positionals[0]!, values);
    if (loaded.kind === 'unreadable') {
      io.err(errorLine(loaded.message, locale));
      return EXIT.unreadable;
    }
    if (loaded.kind === 'invalid') {
      if (values.json) io.out(JSON.stringify({ ok: false, file: loaded.file, problems: loaded.problems }, null, 2));
      else {
        io.err(locale === 'zh' ? `✗ ${loaded.file}：无法按流程读取该文件，因此没有生成 SOP：` : `✗ ${loaded.file}: the flow cannot be read as a flow, so no SOP was written:`);
        for (const p of loaded.problems) io.err(`  ${formatProblem(loaded.file, p, locale)}`);
      }
      return EXIT.problems;
    }
    const markdown = toSop(loaded.flow, loaded.catalog, locale, { flows: loaded.flows });
    if (values.json) io.out(JSON.stringify({ ok: true, file: loaded.file, flowId: loaded.flow.id, version: loaded.flow.version, locale, markdown }, null, 2));
    else io.out(markdown);
    return EXIT.ok;
  },
};
