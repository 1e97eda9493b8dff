// Every sample flow driven through every scenario path by role actors, on the
// engine, sub-flows included: a sub-flow step starts a real child instance of a
// hand-back flow whose person enters what the scenario says the sub-flow returns.
import { beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/apply.js';
import { createEngine } from '../../src/engine/engine.js';
import type { Actor, Engine } from '../../src/engine/types.js';
import type { Flow, SubflowNode } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { FLOW_IDS, loadCatalog, loadFlow, loadScenarios, type Scenario } from '../examples/load-examples.js';
import { refusal } from './helpers.js';
import { precompiledRules, rulesOfFlow, type RuleSource } from '../../src/precompiled-entry.js';
import { loadRulesModule } from '../logic/load-precompiled.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const catalog = loadCatalog();
const flows = new Map(FLOW_IDS.map((id) => [id as string, loadFlow(id, catalog)]));
const HOST: Actor = { id: 'crm', roles: [], system: true };
const HOUR = 3_600_000;
const T0 = Date.parse('2024-04-08T01:00:00Z');
/** A ship date a month ahead, for engines on the real clock (ship dates may not be in the past). */
const SHIP = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** A stand-in for a sub-flow: one step, open to anyone, that may set any of the real child's variables. */
function handBack(child: Flow): Flow {
  return {
    id: child.id,
    version: 1,
    name: { en: `${child.name.en} (hand-back)` },
    data: child.data,
    nodes: [
      { id: 'start', kind: 'start', name: { en: 'Start' } },
      { id: 'hand-back', kind: 'task', name: { en: 'Hand back' }, fields: Object.keys(child.data) },
      { id: 'end', kind: 'end', name: { en: 'End' } },
    ],
    edges: [
      { id: 'a', source: 'start', target: 'hand-back' },
      { id: 'b', source: 'hand-back', target: 'end' },
    ],
  };
}

/** Turns a patch in the parent's terms into the child's, through the output mapping (`parentPath ← {var: childPath}`). */
function childPatch(node: SubflowNode, patch: Record<string, unknown>, parent: Flow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const entries = Object.entries(patch).flatMap(([k, v]) =>
    parent.data[k]?.type === 'record' && v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).map(([f, x]) => [`${k}.${f}`, x] as const) : [[k, v] as const],
  );
  for (const [path, value] of entries) {
    const key = Object.keys(node.output ?? {}).find((k) => path === k || path.startsWith(`${k}.`));
    const rule = key ? (node.output![key] as { var?: unknown }) : undefined;
    if (!key || typeof rule?.var !== 'string') throw new Error(`no simple output mapping for '${path}' at '${node.id}'`);
    out[rule.var + path.slice(key.length)] = value;
  }
  return out;
}

interface Driven {
  engine: Engine;
  id: string;
  path: string[];
  outcome: string | undefined;
  refusedOtherRoles: number;
}

/** Runs one scenario to its end. */
async function drive(flow: Flow, s: Scenario, rules?: RuleSource): Promise<Driven> {
  let now = Date.parse('2024-04-08T01:00:00Z');
  let n = 0;
  const engine = createEngine({ store: createMemoryStore(), catalog, clock: { now: () => now }, ids: () => `i${++n}`, ...(rules ? { rules } : {}) });
  await engine.deploy(flow, { actor: DEPLOYER });
  for (const node of flow.nodes) if (node.kind === 'subflow' && node.flow !== flow.id) await engine.deploy(handBack(flows.get(node.flow)!), { actor: DEPLOYER });

  const users = Object.entries(s.actors).map(([role, name]): Actor => ({ id: name, name, roles: [role] }));
  const userFor = (roles: readonly string[] | undefined) => (roles?.length ? roles.map((r) => users.find((u) => u.roles[0] === r)).find(Boolean) : users[0]);
  const visits = new Map<string, number>();
  const choice = (id: string) => {
    const c = s.choices?.[id];
    const k = visits.get(id) ?? 0;
    visits.set(id, k + 1);
    return Array.isArray(c) ? c[k] : c;
  };
  const start = flow.nodes.find((x) => x.kind === 'start')!;
  const starter = userFor(start.kind === 'start' ? start.roles : undefined) ?? HOST;
  const { instance } = await engine.start(flow.id, { actor: starter, hostData: structuredClone(s.data) });
  const id = instance.instanceId;
  let refusedOtherRoles = 0;

  for (let step = 0; step < 200; step++) {
    const st = await engine.instance(id);
    if (st.status === 'completed') return { engine, id, path: st.visited, outcome: st.outcome, refusedOtherRoles };
    if (st.status !== 'active') throw new Error(`${st.status}: ${st.incidents.map((i) => i.message).join('; ')}`);
    const token = Object.values(st.tokens)[0]!;
    const node = flow.nodes.find((x) => x.id === token.nodeId)!;
    if (node.kind === 'task') {
      const user = userFor(node.roles);
      if (!user) throw new Error(`no user for '${node.id}'`);
      const [task] = await engine.tasks(id, { actor: user });
      if (!task) throw new Error(`'${node.id}' is not offered to ${user.id}`);
      // everyone else in the room may not do it
      for (const other of users.filter((u) => !node.roles?.includes(u.roles[0]!))) {
        const r = await refusal(engine.complete(id, task.taskId, { actor: other }));
        expect(r.code).toBe('NOT_PERMITTED');
        refusedOtherRoles++;
      }
      await engine.complete(id, task.taskId, { actor: user, data: choice(node.id) ?? {} });
    } else if (node.kind === 'wait') {
      const patch = choice(node.id);
      if (patch) await engine.updateData(id, { actor: HOST, data: patch });
      const still = (await engine.instance(id)).tokens[token.id];
      if (still?.nodeId === node.id) {
        now = still.dueAt ?? now + 24 * HOUR;
        await engine.tick(now);
      }
    } else if (node.kind === 'subflow') {
      const childId = token.childInstanceId!;
      const [task] = await engine.tasks(childId, { actor: HOST });
      await engine.complete(childId, task!.taskId, { actor: HOST, data: childPatch(node, choice(node.id) ?? {}, flow) });
    } else {
      throw new Error(`stuck at '${node.id}' (${token.waiting ?? 'moving'})`);
    }
  }
  throw new Error('no end after 200 steps');
}

describe.each([...flows.keys()])('sample flow %s, every scenario on the engine', (flowId) => {
  const flow = flows.get(flowId)!;
  it.each(loadScenarios(flowId).map((s) => [s.name.en, s] as const))('%s', async (_name, s) => {
    const run = await drive(flow, s);
    expect(run.path).toEqual(s.expect.path);
    expect(run.outcome).toBe(s.expect.outcome);
    // replaying the stored log gives the live state
    expect(replay(await run.engine.events(run.id))).toEqual(await run.engine.instance(run.id));
    const history = await run.engine.history(run.id);
    expect(history.filter((h) => h.type === 'task.completed').every((h) => h.actor && h.summary.includes(h.actor.name!))).toBe(true);
  });
});

describe('sample flows with their rules compiled ahead of time (crm-flow compile-rules)', () => {
  let rules: RuleSource;
  const used = { count: 0 };
  beforeAll(async () => {
    const { module } = await loadRulesModule([...flows.values()].flatMap(rulesOfFlow));
    const source = precompiledRules(module);
    rules = (rule) => {
      const hit = source(rule);
      if (hit) used.count++;
      return hit;
    };
  });
  it.each([...flows.keys()])('%s: every scenario stores the same events as with the rules compiled at run time', async (flowId) => {
    const flow = flows.get(flowId)!;
    for (const s of loadScenarios(flowId)) {
      const before = used.count;
      const [plain, ahead] = [await drive(flow, s), await drive(flow, s, rules)];
      expect(await ahead.engine.events(ahead.id)).toEqual(await plain.engine.events(plain.id));
      expect(ahead.path).toEqual(s.expect.path);
      // The engine did run the module's code for this flow's rules.
      if (rulesOfFlow(flow).some((r) => typeof r === 'object' && r !== null)) expect(used.count).toBeGreaterThan(before);
    }
  }, 60_000);
});

describe('sample flows: named checks', () => {
  const finance: Actor = { id: 'chen', name: 'Chen Jing', roles: ['finance'] };
  const sales: Actor = { id: 'li', name: 'Li Na', roles: ['sales-rep'] };
  const warehouse: Actor = { id: 'zhao', name: 'Zhao Lei', roles: ['warehouse'] };
  const customer = (creditUsed: number) => ({ id: 'C-1', name: 'Hengtai', status: 'active', paymentTerms: 'net30', creditLimit: 500_000, creditUsed });

  async function engineWith(...ids: string[]) {
    let n = 0;
    const engine = createEngine({ store: createMemoryStore(), catalog, ids: () => `i${++n}` });
    for (const id of ids) await engine.deploy(flows.get(id)!, { actor: DEPLOYER });
    return engine;
  }

  it('a finance user cannot complete a sales step', async () => {
    const engine = await engineWith('new-order');
    const { instance } = await engine.start('new-order', { actor: sales, hostData: { customer: customer(0), order: { id: 'SO-1' } } });
    const [entry] = await engine.tasks(instance.instanceId, { actor: sales });
    expect(await engine.tasks(instance.instanceId, { actor: finance })).toEqual([]);
    const r = await refusal(engine.complete(instance.instanceId, entry!.taskId, { actor: finance }));
    expect(r.code).toBe('NOT_PERMITTED');
    expect(r.message).toMatch(/^Only .*sales rep.* may do 'Enter order' \(you act as finance\)\.$/i);
  });

  it.each(['new-order', 'credit-limit-review'])('%s: the credit alert fires at 90%% of the limit and not at 89%%', async (flowId) => {
    const engine = await engineWith(flowId);
    const data = (used: number) => ({ customer: customer(used), order: { id: 'SO-1' } });
    const at89 = await engine.start(flowId, { actor: sales, hostData: flowId === 'new-order' ? data(445_000) : { customer: customer(445_000) } });
    const at90 = await engine.start(flowId, { actor: sales, hostData: flowId === 'new-order' ? data(450_000) : { customer: customer(450_000) } });
    expect(at89.instance.alerts).toEqual([]);
    expect(at90.instance.alerts).toHaveLength(1);
    expect(at90.instance.alerts[0]).toMatchObject({ source: { kind: 'control', controlId: 'credit-use-alert' }, to: expect.arrayContaining(['sales-rep']) });
    // and when usage rises past it later
    const up = await engine.updateData(at89.instance.instanceId, { actor: HOST, data: { 'customer.creditUsed': 450_000 } });
    expect(up.events.filter((e) => e.type === 'alert.raised')).toHaveLength(1);
  });

  it('prepaid-order: no factory order and no shipping until the payments cover the order', async () => {
    const engine = await engineWith('prepaid-order');
    const { instance } = await engine.start('prepaid-order', { actor: sales, hostData: { customer: { ...customer(0), paymentTerms: 'prepaid' }, order: { id: 'SO-9' }, payment: { id: 'PAY-9' } } });
    const id = instance.instanceId;
    const [entry] = await engine.tasks(id, { actor: sales });
    await engine.complete(id, entry!.taskId, { actor: sales, data: { order: { lines: [{ sku: 'A', qty: 10, price: 100 }], requestedShipDate: SHIP } } });
    // a part payment: the flow asks for the rest, the warehouse has nothing to do
    const [pay1] = await engine.tasks(id, { actor: finance });
    await engine.complete(id, pay1!.taskId, { actor: finance, data: { payment: { amount: 400, method: 'bank-transfer', receivedAt: '2024-04-09T10:00:00+08:00' } } });
    expect(await engine.tasks(id, { actor: warehouse })).toEqual([]);
    const [pay2] = await engine.tasks(id, { actor: finance });
    expect(pay2?.nodeId).toBe('record-payment');
    // the rest is a payment of its own: a new record, linked to the order, with nothing of the first filled in
    expect(pay2?.window?.recordId).not.toBe('PAY-9');
    expect(pay2?.values['payment.order']).toBe('SO-9');
    expect(pay2?.values['payment.amount'] ?? null).toBeNull();
    await engine.complete(id, pay2!.taskId, { actor: finance, data: { payment: { amount: 600, method: 'bank-transfer', receivedAt: '2024-04-18T14:00:00+08:00' } } });
    const [factory] = await engine.tasks(id, { actor: warehouse });
    expect(factory).toMatchObject({ nodeId: 'factory-order', blockedBy: [] });
    // the bank recalls part of the payment: the gate closes again
    await engine.updateData(id, { actor: HOST, data: { 'order.paidAmount': 700 } });
    const [blocked] = await engine.tasks(id, { actor: warehouse });
    expect(blocked?.blockedBy.map((b) => b.controlId)).toEqual(['prepayment-gate']);
    const r = await refusal(engine.complete(id, factory!.taskId, { actor: warehouse }));
    expect(r.code).toBe('GATE_CLOSED');
    expect(r.message).toMatch(/no factory order and no shipment until the payments cover the order amount/);
    await engine.updateData(id, { actor: HOST, data: { 'order.paidAmount': 1000 } });
    await engine.complete(id, factory!.taskId, { actor: warehouse, data: { order: { factoryOrderNo: 'MO-1', plannedFinishDate: '2024-04-30' } } });
    const [ship] = await engine.tasks(id, { actor: warehouse });
    expect(ship?.nodeId).toBe('ship-order');
  });

  it.each([
    ['critical', 4],
    ['high', 24],
    ['low', 72],
  ] as const)('complaint-handling: a %s complaint is due for investigation in %i hours and escalates to the sales manager once', async (severity, hours) => {
    let now = T0;
    const engine = createEngine({ store: createMemoryStore(), catalog, clock: { now: () => now } });
    await engine.deploy(flows.get('rework-order')!, { actor: DEPLOYER });
    await engine.deploy(flows.get('complaint-handling')!, { actor: DEPLOYER });
    const service: Actor = { id: 'liu', name: 'Liu Yang', roles: ['service'] };
    const scenario = loadScenarios('complaint-handling')[0]!;
    const { instance } = await engine.start('complaint-handling', { actor: service, hostData: structuredClone(scenario.data) });
    const [intake] = await engine.tasks(instance.instanceId, { actor: service });
    const intakeData = structuredClone(scenario.choices!.intake as { complaint: Record<string, unknown> });
    intakeData.complaint.severity = severity;
    await engine.complete(instance.instanceId, intake!.taskId, { actor: service, data: intakeData });
    const [investigate] = await engine.tasks({ actor: warehouse });
    expect(investigate?.dueAt).toBe(T0 + hours * HOUR);
    expect((await engine.tick(T0 + hours * HOUR - 1)).events).toEqual([]);
    const late = await engine.tick(T0 + hours * HOUR);
    expect(late.events.find((e) => e.type === 'alert.raised')).toMatchObject({ to: ['sales-manager'], source: { kind: 'sla', nodeId: 'investigate' } });
    expect((await engine.tick(T0 + 100 * HOUR)).events).toEqual([]);
    expect((await engine.tasks({ actor: warehouse }))[0]?.overdue).toBe(false);
    now = T0 + hours * HOUR;
    expect((await engine.tasks({ actor: warehouse }))[0]?.overdue).toBe(true);
  });

  it('new-order with a real credit-limit-review child: the raised limit comes back and credit is checked again', async () => {
    const engine = await engineWith('credit-limit-review', 'new-order');
    const review = loadScenarios('credit-limit-review').find((s) => s.expect.outcome === 'approved')!;
    const users = new Map(Object.entries(review.actors).map(([role, name]): [string, Actor] => [role, { id: name, name, roles: [role] }]));
    const { instance } = await engine.start('new-order', { actor: sales, hostData: { customer: customer(480_000), order: { id: 'SO-2' }, payment: { id: 'P-2' } } });
    const id = instance.instanceId;
    const work = async (actor: Actor, inst: string, data: Record<string, unknown> = {}) => {
      const [task] = await engine.tasks(inst, { actor });
      if (!task) throw new Error(`nothing for ${actor.id} in ${inst}`);
      await engine.complete(inst, task.taskId, { actor, data });
      return task.nodeId;
    };
    await work(sales, id, { order: { lines: [{ sku: 'A', qty: 1000, price: 50 }], requestedShipDate: SHIP } });
    await work(finance, id, { 'order.creditCheckNote': 'Over the limit.' });
    expect(await work(sales, id, { 'order.creditHoldAction': 'raise-limit' })).toBe('resolve-hold');
    const childId = (await engine.instance(id)).children[0]!;
    expect(await engine.instance(childId)).toMatchObject({ flowId: 'credit-limit-review', parent: { instanceId: id, nodeId: 'request-limit' }, data: { orderAmount: 50_000 } });
    // the child is worked by its own roles, with the conference-room scenario's entries
    for (let i = 0; i < 10 && (await engine.instance(childId)).status === 'active'; i++) {
      const child = await engine.instance(childId);
      const task = Object.values(child.tasks).find((t) => t.status === 'open')!;
      const actor = task.roles.map((r) => users.get(r)).find(Boolean)!;
      const other = [...users.values()].find((u) => !task.roles.includes(u.roles[0]!));
      if (other) expect((await refusal(engine.complete(childId, task.taskId, { actor: other }))).code).toBe('NOT_PERMITTED');
      const choice = review.choices?.[task.nodeId];
      await work(actor, childId, (Array.isArray(choice) ? choice[0] : choice) ?? {});
    }
    const done = await engine.instance(childId);
    expect(done).toMatchObject({ status: 'completed', outcome: 'approved' });
    const back = await engine.instance(id);
    const limit = (done.data.customer as { creditLimit: number }).creditLimit;
    expect(limit).not.toBe(500_000);
    expect((back.data.customer as { creditLimit: number }).creditLimit).toBe(limit);
    expect(Object.values(back.tasks).filter((t) => t.status === 'open').map((t) => t.nodeId)).toEqual(['credit-check']);
  });
});
