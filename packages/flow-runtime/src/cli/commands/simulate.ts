import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { simulate } from '../../analysis/simulate/simulate.js';
import type { Scenario, SimulationResult, TraceStep } from '../../analysis/simulate/types.js';
import type { Locale } from '../../analysis/types.js';
import { nameIn } from '../../analysis/text.js';
import type { Catalog } from '../../schema/catalog.js';
import type { Flow } from '../../schema/flow.js';
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

const STATUS_ZH: Readonly<Record<SimulationResult['status'], string>> = { active: '未结束', incident: '出现事故', completed: '已结束', cancelled: '已取消', refused: '被引擎拒绝', stuck: '卡住了' };

/**
 * Why a scenario failed, in the user's language, with roles and steps by
 * name: the simulator words it in English with ids; the known sentences are
 * reworded here (the CLI is not part of the size-held analysis entry).
 */
export function failureText(f: string, locale: Locale, role: (id: string) => string, flow?: Flow): string {
  const zh = locale === 'zh';
  const node = (id: string) => nameIn(flow?.nodes.find((n) => n.id === id)?.name, locale) || id;
  const byEnglish = (name: string) => nameIn(flow?.nodes.find((n) => nameIn(n.name, 'en') === name)?.name, locale) || name;
  const steps = (ids: string) => ids.split(' → ').map(node).join(' → ');
  const roles = (ids: string) => ids.split(' or ').map((id) => (role(id) === id ? id : zh ? `${role(id)}（${id}）` : `${role(id)} (${id})`)).join(zh ? '或' : ' or ');
  let m: RegExpMatchArray | null;
  if ((m = /^Nobody in the scenario plays (.+), so '(.+)' cannot be done \(add them to actors\)\.$/.exec(f)))
    return zh ? `场景中没有人担任${roles(m[1]!)}，因此“${byEnglish(m[2]!)}”无法完成（请在 actors 中添加）。` : `Nobody in the scenario plays ${roles(m[1]!)}, so '${m[2]}' cannot be done (add them to actors).`;
  if (!zh) return f;
  if ((m = /^Expected the outcome '(.*)', but it ended with '(.*)'\.$/.exec(f))) return `预期结果为“${m[1]}”，实际结束于“${m[2] === 'none' ? '无' : m[2]}”。`;
  if ((m = /^Expected the path (.*), but it went (.*)\.$/.exec(f))) return `预期路径为 ${steps(m[1]!)}，实际路径为 ${steps(m[2]!)}。`;
  if ((m = /^The process did not finish within (\d+) actions/.exec(f))) return `流程在${m[1]}个动作内没有结束（是否有场景走不出的循环？）。`;
  if ((m = /^(.+) has no open task '(.+)'\.$/.exec(f))) return `${m[1]}没有待办任务“${byEnglish(m[2]!)}”。`;
  if ((m = /^'(.+)' waits until a condition holds that the scenario's data never makes true, and has no timer\.$/.exec(f))) return `“${byEnglish(m[1]!)}”等待的条件在场景数据下始终不成立，且没有定时器。`;
  if ((m = /^The process stands at (.+) and nobody can move it\.$/.exec(f))) return `流程停在${m[1] === 'no step' ? '无步骤处' : m[1]!.split(', ').map((q) => `“${node(q.slice(1, -1))}”`).join('、')}，没有人能推动它。`;
  // "步骤名: message" from the engine: a full-width colon after Chinese
  return f.replace(/([\u4e00-\u9fff）？]): /u, '$1：');
}

/** A simulation as text: a heading, the numbered trace (roles by their catalog names), and what went wrong. */
export function printSimulation(io: CliIo, r: SimulationResult, index: number, locale: Locale, catalog?: Catalog, flow?: Flow): void {
  const zh = locale === 'zh';
  const status = r.ok ? `✓ ${zh ? '完成' : 'completed'}${r.outcome ? (zh ? `（${r.outcome}）` : ` (${r.outcome})`) : ''}` : `✗ ${zh ? STATUS_ZH[r.status] : r.status}`;
  io.out(zh ? `场景 ${index + 1}：${r.scenario} — ${status}` : `Scenario ${index + 1}: ${r.scenario} — ${status}`);
  const role = roleNamer(catalog, locale);
  r.trace.forEach((step, i) => io.out(`  ${String(i + 1).padStart(2)}. ${traceLine(step, locale, role)}`));
  for (const f of r.failures) io.out(`  ✗ ${failureText(f, locale, role, flow)}`);
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
      printSimulation(io, r, chosen[k]![0], locale, catalog, flow);
    });
    return code;
  },
};
