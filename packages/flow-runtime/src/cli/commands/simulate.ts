import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { simulate } from '../../analysis/simulate/simulate.js';
import type { Scenario, SimulationResult, TraceStep } from '../../analysis/simulate/types.js';
import type { Locale } from '../../analysis/types.js';
import { nameIn } from '../../analysis/text.js';
import type { Catalog } from '../../schema/catalog.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { errorLine, readJsonFile } from '../load.js';
import { formatProblem } from '../format.js';
import type { CliCommand } from '../command.js';
import { ANALYSIS_OPTIONS, loadAnalysable, localeOf, type Analysable } from './lint.js';

/** Scenarios read from a file, or why not. */
export type LoadedScenarios = { kind: 'ok'; file: string; scenarios: Scenario[] } | { kind: 'unreadable'; message: string } | { kind: 'invalid'; message: string };

/** `scenarios/<flow-id>.scenarios.json` beside the flow file, when no scenario file is named. */
export function scenariosBeside(flowFile: string, flowId: string): string | undefined {
  const candidate = join(dirname(flowFile), 'scenarios', `${flowId}.scenarios.json`);
  return existsSync(candidate) ? candidate : undefined;
}

/** Reads a scenario file: a list of scenarios, each with the users playing its roles. */
export function loadScenarios(io: CliIo, file: string, locale: Locale = 'en'): LoadedScenarios {
  const raw = readJsonFile(io, file, locale);
  if (raw.kind === 'unreadable') return { kind: 'unreadable', message: raw.message };
  if (raw.kind === 'invalid') return { kind: 'invalid', message: raw.problems.map((p) => formatProblem(file, p)).join('\n') };
  const list = raw.value;
  if (!Array.isArray(list)) return { kind: 'invalid', message: `${file} should hold a list of scenarios` };
  for (const [i, s] of list.entries()) {
    const ok = s !== null && typeof s === 'object' && !Array.isArray(s) && typeof (s as { actors?: unknown }).actors === 'object' && (s as { actors?: unknown }).actors !== null;
    if (!ok) return { kind: 'invalid', message: `${file}: scenario #${i + 1} should be an object with "actors" (the user playing each role)` };
  }
  return { kind: 'ok', file, scenarios: list as Scenario[] };
}

/** Loads the flow and its scenarios for `simulate` and `test`; prints why not and returns the exit code when it cannot. */
export function loadFlowAndScenarios(io: CliIo, positionals: string[], values: { catalog?: string | undefined; flows?: string | undefined; json?: boolean | undefined; locale?: string | undefined }): { flow: Extract<Analysable, { kind: 'ok' }>; scenarios: Scenario[]; file: string } | number {
  const locale = localeOf(values.locale);
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('name a flow file and, unless it is scenarios/<flow-id>.scenarios.json beside the flow, a scenario file');
  const loaded = loadAnalysable(io, positionals[0]!, values);
  if (loaded.kind === 'unreadable') {
    io.err(errorLine(loaded.message, locale));
    return EXIT.unreadable;
  }
  if (loaded.kind === 'invalid') {
    if (values.json) io.out(JSON.stringify({ ok: false, file: loaded.file, problems: loaded.problems }, null, 2));
    else for (const p of loaded.problems) io.err(`  ${formatProblem(loaded.file, p, locale)}`);
    return EXIT.problems;
  }
  const file = positionals[1] ?? scenariosBeside(loaded.file, loaded.flow.id);
  if (!file) throw new UsageError(`no scenario file named, and none at scenarios/${loaded.flow.id}.scenarios.json beside the flow`);
  const s = loadScenarios(io, file, locale);
  if (s.kind !== 'ok') {
    io.err(errorLine(s.message, locale));
    return s.kind === 'unreadable' ? EXIT.unreadable : EXIT.problems;
  }
  return { flow: loaded, scenarios: s.scenarios, file };
}

function show(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s === undefined ? 'empty' : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** A role's name from the catalog in the user's language (its id when the catalog does not know it). */
export function roleNamer(catalog: Catalog | undefined, locale: Locale): (id: string) => string {
  return (id) => nameIn(catalog?.roles.find((r) => r.id === id)?.name, locale) || id;
}

/** One trace step as a line of text; `role` names a role id (the catalog's name, see {@link roleNamer}). */
export function traceLine(step: TraceStep, locale: Locale, role: (id: string) => string = (id) => id): string {
  const zh = locale === 'zh';
  const roles = (ids: string[]) => ids.map(role).join(zh ? '、' : ', ');
  const changes = (cs: Array<{ path: string; to: unknown }>) => cs.map((c) => `${c.path} = ${show(c.to)}`).join(', ');
  switch (step.type) {
    case 'task': {
      const by = step.by;
      const who = by ? `${by.name ?? by.id}${by.roles.length ? (zh ? `（${roles(by.roles)}）` : ` (${roles(by.roles)})`) : ''}` : '?';
      return zh ? `${step.name} — ${who}完成${step.changes.length ? `，填写 ${changes(step.changes)}` : ''}` : `${step.name} — done by ${who}${step.changes.length ? `, entered ${changes(step.changes)}` : ''}`;
    }
    case 'decision': {
      const values = Object.entries(step.values).map(([k, v]) => `${k} = ${show(v)}`).join(', ');
      const branch = step.label ? `“${step.label}”` : step.to;
      return zh
        ? `${step.name} → ${branch}，因为${step.because}${values ? `［${values}］` : ''}`
        : `${step.name} → ${branch}, because ${step.because}${values ? ` [${values}]` : ''}`;
    }
    case 'system':
      return zh ? `${step.name}（系统）：${changes(step.changes) || '无数据变化'}` : `${step.name} (system): ${changes(step.changes) || 'no data changed'}`;
    case 'wait':
      return zh ? `${step.name}：${step.ended === 'timer' ? '时间到' : '条件已满足'}${step.changes.length ? `（${changes(step.changes)}）` : ''}` : `${step.name}: ${step.ended === 'timer' ? 'timer fired' : 'condition met'}${step.changes.length ? ` (${changes(step.changes)})` : ''}`;
    case 'subflow':
      return zh ? `${step.name}：子流程“${step.flowId}”完成${step.changes.length ? `，带回 ${changes(step.changes)}` : ''}` : `${step.name}: sub-flow '${step.flowId}' finished${step.changes.length ? `, handing back ${changes(step.changes)}` : ''}`;
    case 'parallel':
      return zh ? `${step.name}：并行开始 ${step.branches.join('、')}` : `${step.name}: starts ${step.branches.join(', ')} in parallel`;
    case 'join':
      return zh ? `${step.name}：各分支均已完成` : `${step.name}: all branches done`;
    case 'alert':
      return zh ? `⚠ 提醒 ${roles(step.to)}：${step.message}` : `⚠ alert to ${roles(step.to)}: ${step.message}`;
    case 'incident':
      return zh ? `✗ 事故 ${step.code}：${step.message}` : `✗ incident ${step.code}: ${step.message}`;
    case 'refused':
      return zh ? `✗ 引擎拒绝 ${step.code}：${step.message}` : `✗ refused ${step.code}: ${step.message}`;
    case 'end':
      return zh ? `结束：${step.name}${step.outcome ? `（${step.outcome}）` : ''}` : `end: ${step.name}${step.outcome ? ` (${step.outcome})` : ''}`;
  }
}

/** A simulation as text: a heading, the numbered trace (roles by their catalog names), and what went wrong. */
export function printSimulation(io: CliIo, r: SimulationResult, index: number, locale: Locale, catalog?: Catalog): void {
  const zh = locale === 'zh';
  const status = r.ok ? `✓ ${zh ? '完成' : 'completed'}${r.outcome ? (zh ? `（${r.outcome}）` : ` (${r.outcome})`) : ''}` : `✗ ${r.status}`;
  io.out(zh ? `场景 ${index + 1}：${r.scenario} — ${status}` : `Scenario ${index + 1}: ${r.scenario} — ${status}`);
  const role = roleNamer(catalog, locale);
  r.trace.forEach((step, i) => io.out(`  ${String(i + 1).padStart(2)}. ${traceLine(step, locale, role)}`));
  for (const f of r.failures) io.out(`  ✗ ${f}`);
}

function pick(scenarios: Scenario[], which: string | undefined, locale: Locale): Array<[number, Scenario]> {
  const all = scenarios.map((s, i): [number, Scenario] => [i, s]);
  if (which === undefined) return all;
  if (/^\d+$/.test(which)) {
    const i = Number(which) - 1;
    if (!scenarios[i]) throw new UsageError(`there is no scenario ${which} (the file has ${scenarios.length})`);
    return [[i, scenarios[i]!]];
  }
  const found = all.filter(([, s]) => {
    const n = typeof s.name === 'string' ? s.name : s.name ? `${s.name.en} ${s.name.zh ?? ''}` : '';
    return n.toLowerCase().includes(which.toLowerCase());
  });
  if (found.length === 0) throw new UsageError(`no scenario's name contains '${which}'${locale === 'zh' ? '' : ''}`);
  return found;
}

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'run scenarios on the engine in memory and show each step: who, which branch and why',
  usage: 'crm-flow simulate <flow.json> [scenarios.json] [--scenario <number|name>] [--catalog <catalog.json>] [--flows <dir>] [--locale en|zh] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...ANALYSIS_OPTIONS, scenario: { type: 'string', short: 's' } } });
    const locale = localeOf(values.locale);
    const loaded = loadFlowAndScenarios(io, positionals, values);
    if (typeof loaded === 'number') return loaded;
    const { flow, catalog, flows } = loaded.flow;
    const results: SimulationResult[] = [];
    const chosen = pick(loaded.scenarios, values.scenario, locale);
    for (const [, s] of chosen) results.push(await simulate(flow, s, { ...(catalog ? { catalog } : {}), flows, locale }));
    const code = results.every((r) => r.ok) ? EXIT.ok : EXIT.problems;
    if (values.json) {
      io.out(JSON.stringify({ ok: code === EXIT.ok, file: loaded.flow.file, scenarios: loaded.file, results: results.map(({ events: _e, ...r }) => r) }, null, 2));
      return code;
    }
    results.forEach((r, k) => {
      if (k > 0) io.out('');
      printSimulation(io, r, chosen[k]![0], locale, catalog);
    });
    return code;
  },
};
