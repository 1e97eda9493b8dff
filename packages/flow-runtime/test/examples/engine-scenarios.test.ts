// The sample scenarios run on the real engine, as the demo CRM will run them.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Actor, Engine } from '../../src/engine/types.js';
import type { Flow } from '../../src/schema/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { FLOW_IDS, loadCatalog, loadFlow, loadScenarios, type Scenario } from './load-examples.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const catalog = loadCatalog();
const flows = FLOW_IDS.map((id) => loadFlow(id, catalog));
const HOUR = 3_600_000;
const HOST: Actor = { id: 'crm', roles: [], system: true };

interface Run {
  path: string[];
  outcome: string | undefined;
  /** Where the run stopped at a sub-flow step, and the child it started. */
  subflow?: { nodeId: string; childFlow: string; childAt: string[]; childIncidents: number };
}

async function setup(): Promise<{ engine: Engine; clock: { now: number } }> {
  const clock = { now: Date.parse('2024-04-08T01:00:00Z') };
  let n = 0;
  const engine = createEngine({ store: createMemoryStore(), catalog, clock: { now: () => clock.now }, ids: () => `i${++n}` });
  for (const f of flows) await engine.deploy(f, { actor: DEPLOYER });
  return { engine, clock };
}

/** Runs a scenario: each task by the user of its first role in `actors`, wait data written by the host, timers by the clock. */
async function run(flow: Flow, s: Scenario): Promise<Run> {
  const { engine, clock } = await setup();
  const users = new Map(Object.entries(s.actors).map(([role, name]): [string, Actor] => [role, { id: name, name, roles: [role] }]));
  const node = (id: string) => flow.nodes.find((x) => x.id === id)!;
  const rolesOf = (id: string): string[] => {
    const n = node(id);
    return n.kind === 'task' || n.kind === 'start' ? (n.roles ?? []) : [];
  };
  const starter = rolesOf(flow.nodes.find((x) => x.kind === 'start')!.id).map((r) => users.get(r)).find(Boolean) ?? [...users.values()][0]!;
  const visits = new Map<string, number>();
  const choice = (id: string) => {
    const c = s.choices?.[id];
    const k = visits.get(id) ?? 0;
    visits.set(id, k + 1);
    return Array.isArray(c) ? c[k] : c;
  };
  const { instance } = await engine.start(flow.id, { actor: starter, hostData: structuredClone(s.data) });
  const id = instance.instanceId;
  const path = async () => (await engine.events(id)).flatMap((e) => (e.type === 'token.moved' ? [e.to] : []));

  for (let step = 0; step < 100; step++) {
    const st = await engine.instance(id);
    if (st.status !== 'active') return { path: await path(), outcome: st.outcome };
    const token = Object.values(st.tokens)[0]!;
    const at = node(token.nodeId);
    if (at.kind === 'subflow') {
      const child = await engine.instance(st.children.at(-1)!);
      const childAt = Object.values(child.tokens).map((t) => t.nodeId);
      return { path: await path(), outcome: undefined, subflow: { nodeId: at.id, childFlow: child.flowId, childAt, childIncidents: child.incidents.length } };
    }
    if (at.kind === 'wait') {
      const patch = choice(at.id);
      if (patch) await engine.updateData(id, { actor: HOST, data: patch });
      if ((await engine.instance(id)).tokens[token.id]?.nodeId === at.id) {
        clock.now += 31 * 24 * HOUR;
        await engine.tick(clock.now);
      }
      continue;
    }
    const user = rolesOf(at.id).map((r) => users.get(r)).find(Boolean);
    const [task] = user ? await engine.tasks(id, { actor: user }) : [];
    if (!user || !task) throw new Error(`stuck at '${at.id}' (${token.waiting ?? 'moving'})`);
    const patch = choice(at.id);
    await engine.complete(id, task.taskId, { actor: user, ...(patch ? { data: patch } : {}) });
  }
  throw new Error('no end after 100 steps');
}

describe.each(FLOW_IDS)('%s scenarios on the engine', (flowId) => {
  const flow = flows.find((f) => f.id === flowId)!;
  it.each(loadScenarios(flowId).map((s) => [s.name.en, s] as const))('%s', async (_name, s) => {
    const r = await run(flow, s);
    if (r.subflow) {
      // The engine runs the child as its own instance; here we check the hand-over, and the path up to it.
      expect(r.path).toEqual(s.expect.path.slice(0, r.path.length));
      expect(r.subflow.childIncidents).toBe(0);
      const child = flows.find((f) => f.id === r.subflow!.childFlow)!;
      expect(child.nodes.find((n) => n.id === r.subflow!.childAt[0])?.kind).toBe('task');
    } else {
      expect(r.path).toEqual(s.expect.path);
      expect(r.outcome).toBe(s.expect.outcome);
    }
  });
});
