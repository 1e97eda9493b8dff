import { errorLine } from '../load.js';
import { parseArgs } from 'node:util';
import { enumeratePaths } from '../../analysis/paths.js';
import { nameIn } from '../../analysis/text.js';
import { AnalysisContext } from '../../analysis/context.js';
import type { Flow } from '../../schema/flow.js';
import { EXIT, UsageError } from '../io.js';
import { formatProblem, plural } from '../format.js';
import type { CliCommand } from '../command.js';
import { ANALYSIS_OPTIONS, loadAnalysable, localeOf } from './lint.js';

/** Upper bounds of the path options: past them the listing would be too long to read and too slow to make. */
export const MAX_LOOPS_LIMIT = 5;
export const MAX_PATHS_LIMIT = 10_000;

/** A whole-number option between 0 (1 for counts of paths) and `max`; anything else is a usage error (exit 2). */
export function count(value: string | undefined, name: string, fallback: number, max: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`${name} takes a whole number, not '${value}'`);
  if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max.toLocaleString('en-US')}, not ${value}`);
  return n;
}

/** Whether an end can be reached from the start at all (a linear walk, whatever the loops). */
function endReachable(flow: Flow): boolean {
  const ctx = new AnalysisContext({ flow, catalog: undefined, flows: undefined });
  return ctx.graph.starts.some((s) => ctx.reachesEnd[s] === 1);
}

export const pathsCommand: CliCommand = {
  name: 'paths',
  summary: 'list the paths through a flow with the conditions along each (for conference-room testing)',
  usage: 'crm-flow paths <flow.json> [--catalog <catalog.json>] [--max-loops N] [--max-paths N] [--locale en|zh] [--json]',
  run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...ANALYSIS_OPTIONS, 'max-loops': { type: 'string' }, 'max-paths': { type: 'string' } },
    });
    const locale = localeOf(values.locale);
    if (positionals.length !== 1) throw new UsageError('name one flow file');
    const maxLoops = count(values['max-loops'], '--max-loops', 1, MAX_LOOPS_LIMIT);
    const maxPaths = count(values['max-paths'], '--max-paths', 200, MAX_PATHS_LIMIT, 1);
    const loaded = loadAnalysable(io, positionals[0]!, values);
    if (loaded.kind === 'unreadable') {
      io.err(errorLine(loaded.message, locale));
      return EXIT.unreadable;
    }
    if (loaded.kind === 'invalid') {
      if (values.json) io.out(JSON.stringify({ ok: false, file: loaded.file, problems: loaded.problems }, null, 2));
      else for (const p of loaded.problems) io.err(`  ${formatProblem(loaded.file, p)}`);
      return EXIT.problems;
    }
    const { flow, catalog } = loaded;
    const { paths, truncated } = enumeratePaths(flow, { maxLoops, maxPaths, ...(catalog ? { catalog } : {}), locale });
    // No path listed: a verdict only when the search went through; cut short, it says so (exit 3).
    const verdict = paths.length > 0 ? 'found' : truncated ? 'cut-short' : endReachable(flow) ? 'loops' : 'none';
    const code = verdict === 'found' ? EXIT.ok : verdict === 'cut-short' ? EXIT.incomplete : EXIT.problems;
    if (values.json) {
      io.out(JSON.stringify({ ok: code === EXIT.ok, file: loaded.file, flowId: flow.id, truncated, verdict, paths }, null, 2));
      return code;
    }
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    const name = (id: string) => nameIn(byId.get(id)?.name, locale) || id;
    const zh = locale === 'zh';
    if (verdict === 'none') io.out(zh ? `✗ ${loaded.file}：从开始无法到达任何结束。` : `✗ ${loaded.file}: no path leads from the start to an end.`);
    else if (verdict === 'loops') io.out(zh ? `✗ ${loaded.file}：不重复循环超过${maxLoops}次，就没有从开始到结束的路径（可加大 --max-loops）。` : `✗ ${loaded.file}: no path reaches an end without taking a loop more than ${plural(maxLoops, 'time')} (raise --max-loops).`);
    else if (verdict === 'cut-short') io.out(zh ? `… ${loaded.file}：路径搜索在找到第一条路径之前就达到了上限而中止；这并不说明没有路径（流程太大，可用 crm-flow lint 查看整体指标）。` : `… ${loaded.file}: the path search was cut short by its limit before it reached an end; this does not mean there is no path (the flow is very large; crm-flow lint gives its figures).`);
    else io.out(zh ? `${loaded.file}：${paths.length}条路径${truncated ? `（搜索已截断，只列出前${paths.length}条；可能还有更多）` : ''}` : `${loaded.file}: ${plural(paths.length, 'path')}${truncated ? ` (the search was cut short: only the first ${paths.length} shown, there may be more)` : ''}`);
    for (const p of paths) {
      const end = p.endId ? name(p.endId) : '?';
      const head = locale === 'zh' ? `${p.id} → ${end}：${p.steps}个步骤，交接${p.handoffs}次${p.loops ? `，循环${p.loops}次` : ''}` : `${p.id} → ${end}: ${plural(p.steps, 'step')}, ${plural(p.handoffs, 'hand-off')}${p.loops ? `, ${plural(p.loops, 'loop')}` : ''}`;
      io.out('');
      io.out(head);
      io.out(`  ${p.nodeIds.map(name).join(' → ')}`);
      for (const c of p.conditions) io.out(`  • ${name(c.nodeId)} → ${c.label ? `“${c.label}”` : ''}${c.text ? (locale === 'zh' ? `（${c.text}）` : `${c.label ? ' ' : ''}(${c.text})`) : ''}`);
    }
    return code;
  },
};
