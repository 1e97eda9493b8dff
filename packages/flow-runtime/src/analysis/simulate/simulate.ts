import type { Flow, FlowNode } from '../../schema/flow.js';
import type { LocalizedText } from '../../schema/common.js';
import type { Locale } from '../types.js';
import { createEngine } from '../../engine/engine.js';
import { isEngineError } from '../../engine/errors.js';
import type { Actor, DataPatch, Engine, InstanceState } from '../../engine/types.js';
import { createMemoryStore } from '../../stores/memory.js';
import { nameIn } from '../text.js';
import { DONE, routeSubflowPatch, stubChild } from './stub.js';
import { traceOf } from './trace.js';
import type { Scenario, SimulateOptions, SimulationResult, TraceStep } from './types.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const HOST: Actor = { id: 'simulation', name: 'CRM (simulation)', roles: [], system: true };
const DAY = 24 * 3_600_000;

/**
 * Runs a scenario on the real engine, in memory: starts an instance with the
 * scenario's data, completes each task as the user playing its role with the
 * data the scenario gives, delivers waited-for data, fires timers, and lets
 * sub-flow steps hand back the scenario's results. Every permission, required
 * field, gate and guard is the engine's own. Returns the trace (steps, who,
 * which branch and why, with the values the condition read) and, when the
 * scenario says what to expect, whether it happened.
 *
 * @example
 * const r = await simulate(flow, scenario, { catalog });
 * for (const s of r.trace) if (s.type === 'decision') console.log(s.name, '→', s.label, 'because', s.because, s.values);
 */
export async function simulate(flow: Flow, scenario: Scenario, options: SimulateOptions = {}): Promise<SimulationResult> {
  const locale = options.locale ?? 'en';
  const label = typeof scenario.name === 'string' ? scenario.name : scenario.name ? nameIn(scenario.name, locale) : '';
  const clock = { now: options.now ?? Date.parse('2024-04-08T01:00:00Z') };
  let ids = 0;
  const engine = createEngine({ store: createMemoryStore(), ...(options.catalog ? { catalog: options.catalog } : {}), clock: { now: () => clock.now }, ids: () => `sim-${++ids}` });
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const failures: string[] = [];
  const refusals: TraceStep[] = [];
  let status: SimulationResult['status'] = 'active';

  await engine.deploy(flow, { actor: DEPLOYER });
  const deployed = new Set<string>([`${flow.id}@${flow.version}`]);
  for (const node of flow.nodes) {
    if (node.kind !== 'subflow') continue;
    const stub = stubChild(flow, node, options.flows);
    if (deployed.has(`${stub.id}@${stub.version}`)) continue;
    deployed.add(`${stub.id}@${stub.version}`);
    await engine.deploy(stub, { actor: DEPLOYER });
  }

  const users = usersOf(scenario.actors, locale);
  const visits = new Map<string, number>();
  const choice = (id: string): DataPatch | undefined => {
    const c = scenario.choices?.[id];
    const k = visits.get(id) ?? 0;
    visits.set(id, k + 1);
    return Array.isArray(c) ? c[Math.min(k, c.length - 1)] : c;
  };
  const refuse = (error: unknown, nodeId?: string): void => {
    if (!isEngineError(error)) throw error;
    status = 'refused';
    refusals.push({ type: 'refused', ...(nodeId ? { nodeId } : {}), code: error.code, message: error.message });
    failures.push(`${nodeId ? `${nameIn(nodes.get(nodeId)?.name, locale) || nodeId}: ` : ''}${error.message} [${error.code}]`);
  };

  const start = flow.nodes.find((n) => n.kind === 'start');
  const starter = (start?.kind === 'start' ? (start.roles ?? []) : []).map((r) => users.get(r)).find(Boolean) ?? [...users.values()][0] ?? HOST;
  let instanceId: string | undefined;
  try {
    instanceId = (await engine.start(flow.id, { actor: starter, hostData: structuredClone(scenario.data ?? {}) })).instance.instanceId;
  } catch (error) {
    refuse(error, start?.id);
  }

  if (instanceId) {
    const id = instanceId;
    for (let action = 0; action < (options.maxActions ?? 500) && status === 'active'; action++) {
      const st = await engine.instance(id);
      if (st.status !== 'active') {
        status = st.status;
        break;
      }
      const next = await act(engine, st, nodes, users, choice, clock, flow);
      if (next.kind === 'refused') refuse(next.error, next.nodeId);
      else if (next.kind === 'stuck') {
        status = 'stuck';
        failures.push(next.message);
      }
    }
    if (status === 'active') {
      status = 'stuck';
      failures.push(`The process did not finish within ${options.maxActions ?? 500} actions (a loop the scenario never leaves?).`);
    }
  }

  const events = instanceId ? await engine.events(instanceId) : [];
  const { trace, path, edgeIds } = traceOf(flow, events, options.catalog, locale);
  trace.push(...refusals);
  const final = instanceId ? await engine.instance(instanceId) : undefined;
  if (status === 'incident' && final) for (const i of final.incidents.filter((x) => !x.resolved)) failures.push(`${i.message} [${i.code}]`);
  const outcome = final?.outcome;
  if (scenario.expect?.path && !matchesPath(path, scenario.expect.path)) failures.push(`Expected the path ${scenario.expect.path.join(' → ')}, but it went ${path.join(' → ')}.`);
  if (scenario.expect?.outcome !== undefined && status === 'completed' && outcome !== scenario.expect.outcome) failures.push(`Expected the outcome '${scenario.expect.outcome}', but it ended with '${outcome ?? 'none'}'.`);
  return { scenario: label, ok: status === 'completed' && failures.length === 0, status, ...(outcome ? { outcome } : {}), path, edgeIds, trace, failures, events };
}

type Step = { kind: 'acted' } | { kind: 'refused'; error: unknown; nodeId: string } | { kind: 'stuck'; message: string };

/** Does the next thing a person, the host or the clock would do. */
async function act(
  engine: Engine,
  st: InstanceState,
  nodes: Map<string, FlowNode>,
  users: Map<string, Actor>,
  choice: (id: string) => DataPatch | undefined,
  clock: { now: number },
  flow: Flow,
): Promise<Step> {
  const id = st.instanceId;
  const tokens = Object.values(st.tokens).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  let waiting: { nodeId: string; message: string } | undefined;
  for (const token of tokens) {
    const node = nodes.get(token.nodeId);
    if (!node) continue;
    if (node.kind === 'task' && token.waiting === 'task') {
      const roles = node.roles?.length ? node.roles : [...users.keys()];
      const user = roles.map((r) => users.get(r)).find(Boolean);
      if (!user) return { kind: 'stuck', message: `Nobody in the scenario plays ${roles.join(' or ')}, so '${nameIn(node.name, 'en')}' cannot be done (add them to actors).` };
      const task = (await engine.tasks(id, { actor: user })).find((t) => t.nodeId === node.id);
      if (!task) return { kind: 'stuck', message: `${user.name ?? user.id} has no open task '${nameIn(node.name, 'en')}'.` };
      const patch = choice(node.id);
      try {
        await engine.complete(id, task.taskId, { actor: user, ...(patch ? { data: patch } : {}) });
      } catch (error) {
        return { kind: 'refused', error, nodeId: node.id };
      }
      return { kind: 'acted' };
    }
    if (node.kind === 'wait' && token.waiting === 'wait') {
      const patch = choice(node.id);
      try {
        if (patch) await engine.updateData(id, { actor: HOST, data: patch });
        const still = (await engine.instance(id)).tokens[token.id];
        if (still?.nodeId === node.id && still.waiting === 'wait') {
          if (still.dueAt === undefined) return { kind: 'stuck', message: `'${nameIn(node.name, 'en')}' waits until a condition holds that the scenario's data never makes true, and has no timer.` };
          clock.now = Math.max(clock.now, still.dueAt);
          await engine.tick(clock.now);
        }
      } catch (error) {
        return { kind: 'refused', error, nodeId: node.id };
      }
      return { kind: 'acted' };
    }
    if (node.kind === 'subflow' && token.waiting === 'subflow' && token.childInstanceId) {
      const routed = routeSubflowPatch(flow, node, choice(node.id) ?? {});
      try {
        if (Object.keys(routed.parent).length) await engine.updateData(id, { actor: HOST, data: routed.parent });
        await engine.updateData(token.childInstanceId, { actor: HOST, data: { ...routed.child, [DONE]: true } });
      } catch (error) {
        return { kind: 'refused', error, nodeId: node.id };
      }
      return { kind: 'acted' };
    }
    if (token.waiting === 'gate') waiting = { nodeId: node.id, message: `'${nameIn(node.name, 'en')}' is held by a gate that the scenario's data never opens.` };
    else if (token.waiting === 'join') waiting ??= { nodeId: node.id, message: `Join '${nameIn(node.name, 'en')}' waits for a branch that never arrives.` };
  }
  if (waiting) return { kind: 'stuck', message: waiting.message };
  // Nothing to do for anyone: let time pass (SLA escalations, timers), once.
  clock.now += 31 * DAY;
  const ticked = await engine.tick(clock.now);
  if (ticked.events.some((e) => e.instanceId === id)) return { kind: 'acted' };
  return { kind: 'stuck', message: `The process stands at ${tokens.map((t) => `'${t.nodeId}'`).join(', ') || 'no step'} and nobody can move it.` };
}

/** The users of a scenario, one actor per person with all the roles they play. */
function usersOf(actors: Scenario['actors'], locale: Locale): Map<string, Actor> {
  const id = (p: string | LocalizedText) => (typeof p === 'string' ? p : p.en);
  const byPerson = new Map<string, string[]>();
  for (const [role, person] of Object.entries(actors)) byPerson.set(id(person), [...(byPerson.get(id(person)) ?? []), role]);
  const out = new Map<string, Actor>();
  for (const [role, person] of Object.entries(actors)) out.set(role, { id: id(person), name: typeof person === 'string' ? person : nameIn(person, locale), roles: byPerson.get(id(person))! });
  return out;
}

/** Whether a path matches the expected one, where `…` stands for any run of nodes. */
export function matchesPath(actual: ReadonlyArray<string>, expected: ReadonlyArray<string>): boolean {
  const parts: string[][] = [[]];
  for (const e of expected) {
    if (e === '…' || e === '...') parts.push([]);
    else parts[parts.length - 1]!.push(e);
  }
  if (parts.length === 1) return actual.length === expected.length && actual.every((a, i) => a === expected[i]);
  const [first, ...rest] = parts;
  const last = rest.pop()!;
  if (!first!.every((e, i) => actual[i] === e)) return false;
  if (!last.every((e, i) => actual[actual.length - last.length + i] === e)) return false;
  let at = first!.length;
  const stop = actual.length - last.length;
  for (const part of rest) {
    let found = -1;
    for (let i = at; i + part.length <= stop; i++) if (part.every((e, k) => actual[i + k] === e)) {
      found = i;
      break;
    }
    if (found < 0) return false;
    at = found + part.length;
  }
  return at <= stop;
}
