import { parseArgs } from 'node:util';
import { testScenarios } from '../../analysis/simulate/coverage.js';
import { nameIn } from '../../analysis/text.js';
import { MAX_LOOPS_LIMIT, count } from './paths.js';
import { EXIT, UsageError } from '../io.js';
import type { CliCommand } from '../command.js';
import { ANALYSIS_OPTIONS, localeOf } from './lint.js';
import { loadFlowAndScenarios, printSimulation } from './simulate.js';

function pct(covered: number, total: number): string {
  return total === 0 ? '100%' : `${Math.floor((100 * covered) / total)}%`;
}

export const testCommand: CliCommand = {
  name: 'test',
  summary: 'conference-room test: run every scenario on the engine, check what it expects, report path coverage',
  usage: 'crm-flow test <flow.json> [scenarios.json] [--max-loops N] [--min-coverage <percent>] [--verbose] [--catalog <catalog.json>] [--flows <dir>] [--locale en|zh] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...ANALYSIS_OPTIONS, 'max-loops': { type: 'string' }, 'min-coverage': { type: 'string' }, verbose: { type: 'boolean', short: 'v' } },
    });
    const locale = localeOf(values.locale);
    const maxLoops = count(values['max-loops'], '--max-loops', 1, MAX_LOOPS_LIMIT);
    const minCoverage = values['min-coverage'] === undefined ? 0 : Number(values['min-coverage']);
    if (!(minCoverage >= 0 && minCoverage <= 100)) throw new UsageError(`--min-coverage takes a percentage from 0 to 100, not '${values['min-coverage']}'`);
    const loaded = loadFlowAndScenarios(io, positionals, values);
    if (typeof loaded === 'number') return loaded;
    const { flow, catalog, flows } = loaded.flow;
    const report = await testScenarios(flow, loaded.scenarios, { ...(catalog ? { catalog } : {}), flows, locale, maxLoops });
    const { paths, branches, ends } = report.coverage;
    const coverage = paths.total === 0 ? 100 : (100 * paths.covered) / paths.total;
    const code = report.failed > 0 || coverage < minCoverage ? EXIT.problems : EXIT.ok;
    if (values.json) {
      io.out(JSON.stringify({ ok: code === EXIT.ok, file: loaded.flow.file, scenarios: loaded.file, ...report, results: report.results.map(({ events: _e, ...r }) => r) }, null, 2));
      return code;
    }
    const zh = locale === 'zh';
    io.out(zh ? `${nameIn(flow.name, locale)}（${flow.id}）：${report.results.length}个场景` : `${nameIn(flow.name, locale)} (${flow.id}): ${report.results.length} scenarios`);
    report.results.forEach((r, i) => {
      if (values.verbose || !r.ok) printSimulation(io, r, i, locale, catalog, flow);
      else io.out(zh ? `✓ 场景 ${i + 1}：${r.scenario}${r.outcome ? `（${r.outcome}）` : ''}` : `✓ scenario ${i + 1}: ${r.scenario}${r.outcome ? ` (${r.outcome})` : ''}`);
    });
    io.out('');
    io.out(zh ? `通过 ${report.passed}/${report.results.length}，失败 ${report.failed}` : `passed ${report.passed}/${report.results.length}, failed ${report.failed}`);
    io.out(
      zh
        ? `覆盖：路径 ${paths.covered}/${paths.total}（${pct(paths.covered, paths.total)}${paths.truncated ? '，路径过多只统计一部分' : ''}），判断分支 ${branches.covered}/${branches.total}，结束 ${ends.covered}/${ends.total}`
        : `coverage: paths ${paths.covered}/${paths.total} (${pct(paths.covered, paths.total)}${paths.truncated ? ', too many paths: only some counted' : ''}), decision branches ${branches.covered}/${branches.total}, ends ${ends.covered}/${ends.total}`,
    );
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    const name = (id: string) => nameIn(byId.get(id)?.name, locale) || id;
    if (paths.uncovered.length) {
      io.out(zh ? '没有场景走过的路径：' : 'paths no scenario walks:');
      for (const p of paths.uncovered.slice(0, 20)) {
        io.out(`  - ${p.conditions.map((c) => (c.label ? `“${c.label}”` : c.text)).join(' → ') || p.nodeIds.map(name).join(' → ')} ⇒ ${p.endId ? name(p.endId) : '?'}`);
      }
      if (paths.uncovered.length > 20) io.out(zh ? `  …另有${paths.uncovered.length - 20}条` : `  … and ${paths.uncovered.length - 20} more`);
    }
    // A branch by its decision and label (else the step it leads to), not by the connection's id.
    const branch = (id: string) => {
      const e = flow.edges.find((x) => x.id === id);
      return e ? `${name(e.source)} → ${e.label ? `“${nameIn(e.label, locale)}”` : name(e.target)}` : id;
    };
    const list = (items: string[]) => items.join(zh ? '；' : ', ');
    if (branches.uncovered.length) io.out(zh ? `未覆盖的分支：${list(branches.uncovered.map(branch))}` : `branches not taken: ${list(branches.uncovered.map(branch))}`);
    if (ends.uncovered.length) io.out(zh ? `未到达的结束：${list(ends.uncovered.map(name))}` : `ends not reached: ${list(ends.uncovered.map(name))}`);
    return code;
  },
};
