// The engine decides every command synchronously against a context holding the flow definition and
// the command's time. Its id source is host code, asked for ids while a command is being decided
// (record ids for host data without one, a sub-flow child's instance id), and it may run another
// command right there: on another flow, after the clock has moved. The command under way must go on
// against its own flow and its own time — its events, timestamps, SLA due times and tasks — and the
// nested one against its own.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { replay } from '../../src/engine/apply.js';
import type { CommandResult, Engine, IdRequest, InstanceState } from '../../src/engine/types.js';
import type { Flow, FlowNode } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import type { FlowStore } from '../../src/stores/types.js';
import { catalog, childFlow, orderFlow, sales, warehouse } from './fixtures.js';

const ADMIN = { id: 'admin', name: 'Admin', roles: ['admin'] };
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 9);
const customer = { name: 'A', creditLimit: 10, creditUsed: 0 };
const t = (en: string) => ({ en });
const node = (n: Record<string, unknown>) => ({ name: t(String(n.id)), ...n }) as FlowNode;

/** Another flow with nothing in common with the order flow's steps: other nodes, roles, SLA and guards. */
const returnsFlow: Flow = {
  id: 'returns',
  version: 1,
  name: t('Returns'),
  data: { ret: { type: 'record', entity: 'order' }, ok: { type: 'boolean' } },
  nodes: [
    node({ id: 'begin', kind: 'start', roles: ['warehouse'] }),
    node({ id: 'inspect', kind: 'task', roles: ['warehouse'], window: 'shipping', fields: ['ok'], sla: { hours: 1 } }),
    node({ id: 'verdict', kind: 'decision' }),
    node({ id: 'restock', kind: 'task', roles: ['warehouse'], sla: { hours: 2 } }),
    node({ id: 'scrap', kind: 'end', outcome: 'scrapped' }),
    node({ id: 'done', kind: 'end', outcome: 'restocked' }),
  ],
  edges: [
    { id: 'r1', source: 'begin', target: 'inspect' },
    { id: 'r2', source: 'inspect', target: 'verdict' },
    { id: 'r3', source: 'verdict', target: 'restock', guard: { '==': [{ var: 'ok' }, true] } },
    { id: 'r4', source: 'verdict', target: 'scrap', default: true },
    { id: 'r5', source: 'restock', target: 'done' },
  ],
};

/** A sub-flow step right after the start: starting it asks the id source for the child's instance id mid-decision. */
const middleFlow: Flow = {
  id: 'middle',
  version: 1,
  name: t('Middle'),
  data: { customer: { type: 'record', entity: 'customer' } },
  nodes: [node({ id: 'go', kind: 'start' }), node({ id: 'sub', kind: 'subflow', flow: 'limit' }), node({ id: 'fin', kind: 'end' })],
  edges: [
    { id: 'm1', source: 'go', target: 'sub' },
    { id: 'm2', source: 'sub', target: 'fin' },
  ],
};
/** Runs {@link middleFlow} as its child, so the middle case is decided among the effects the engine carries out. */
const topFlow: Flow = {
  id: 'top',
  version: 1,
  name: t('Top'),
  data: { customer: { type: 'record', entity: 'customer' } },
  nodes: [node({ id: 'open', kind: 'start' }), node({ id: 'call', kind: 'subflow', flow: 'middle' }), node({ id: 'close', kind: 'end' })],
  edges: [
    { id: 't1', source: 'open', target: 'call' },
    { id: 't2', source: 'call', target: 'close' },
  ],
};

/** The same memory store seen only through its Promise methods, as a store doing I/O is. */
function withoutSync(store: FlowStore): FlowStore {
  return Object.fromEntries(Object.entries(store).filter(([k]) => k !== 'sync')) as unknown as FlowStore;
}

const nodeIds = (flow: Flow) => new Set(flow.nodes.map((n) => n.id));

/** Every event of `r` belongs to its case and `flow`, at `at`; its tasks are `flow`'s, due `sla` hours after `at`. */
function expectOwn(r: CommandResult, flow: Flow, at: number) {
  const nodes = nodeIds(flow);
  expect(r.instance.flowId).toBe(flow.id);
  expect(r.events.length).toBeGreaterThan(0);
  for (const e of r.events) {
    expect(e.instanceId).toBe(r.instance.instanceId);
    expect(e.at).toBe(at);
    if ('nodeId' in e && typeof e.nodeId === 'string') expect(nodes).toContain(e.nodeId);
    if (e.type === 'token.moved') expect(nodes).toContain(e.to);
  }
  for (const task of Object.values(r.instance.tasks)) {
    expect(nodes).toContain(task.nodeId);
    const node = flow.nodes.find((n) => n.id === task.nodeId)!;
    const hours = node.kind === 'task' ? node.sla?.hours : undefined;
    if (task.status === 'open') expect(task.dueAt).toBe(typeof hours === 'number' ? at + hours * HOUR : undefined);
  }
}

async function expectStored(engine: Engine, r: CommandResult) {
  const events = await engine.events(r.instance.instanceId);
  expect(events.slice(-r.events.length)).toEqual(r.events);
  expect(replay(events)).toEqual(r.instance);
}

const openTasks = (s: InstanceState) => Object.values(s.tasks).filter((k) => k.status === 'open');

/** An engine whose id source, when armed and asked for an id `when` picks, moves the clock on and runs `nested` first. */
function setup(sync: boolean) {
  let now = T0;
  let n = 0;
  let armed: ((request: IdRequest) => boolean) | undefined;
  let nested: () => Promise<CommandResult>[] = () => [];
  let firing = false;
  const inner: Promise<CommandResult>[] = [];
  const store = createMemoryStore();
  const engine: Engine = createEngine({
    store: sync ? store : withoutSync(store),
    catalog,
    clock: { now: () => now },
    ids: (request?: IdRequest) => {
      // (Ids the nested commands ask for are not looked at: they run nothing.)
      if (!firing && armed && request && armed(request)) {
        now += 10 * HOUR;
        firing = true;
        try {
          inner.push(...nested());
        } finally {
          firing = false;
        }
      }
      return `id-${++n}`;
    },
  });
  const armWhen = (when: (request: IdRequest) => boolean, run: () => Promise<CommandResult>[]) => {
    inner.length = 0;
    armed = when;
    nested = run;
  };
  /** Fires once, on the next id of `kind`. */
  const arm = (kind: IdRequest['kind'], run: () => Promise<CommandResult>[]) => armWhen((r) => r.kind === kind && ((armed = undefined), true), run);
  return { engine, inner, at: () => now, arm, armWhen };
}

describe.each([
  ['on a store with synchronous access', true],
  ['on a store without it', false],
])('a command run by the id source mid-decision, %s', (_, sync) => {
  it('leaves a start and a complete on their own flow and time, and runs on its own', async () => {
    const { engine, inner, at, arm } = setup(sync);
    for (const flow of [orderFlow, returnsFlow]) await engine.deploy(flow, { actor: ADMIN });
    // A case of each flow first: definitions compiled and cases cached, so the nested commands can take the synchronous path.
    const ret = (await engine.start('returns', { actor: warehouse, hostData: { ret: { status: 'back' } } })).instance;
    const retTask = openTasks(ret)[0]!;
    expect(retTask.nodeId).toBe('inspect');

    // A start whose host data holds a record without an id (the order): its id is asked for mid-decision.
    const startAt = at();
    arm('record', () => [engine.start('returns', { actor: warehouse, hostData: { ret: { status: 'torn' } } }), engine.complete(ret.instanceId, retTask.taskId, { actor: warehouse, data: { ok: true } })]);
    const started = await engine.start('order', { actor: sales, hostData: { customer, order: { amount: 5 } } });
    expect(inner).toHaveLength(2);
    const [otherStart, otherDone] = await Promise.all(inner);
    expectOwn(started, orderFlow, startAt);
    expect(openTasks(started.instance).map((k) => k.nodeId)).toEqual(['entry']);
    expect(started.instance.data).toMatchObject({ customer, order: { amount: 5 } });
    await expectStored(engine, started);
    // The nested ones ran on their flow at the moved clock.
    expectOwn(otherStart!, returnsFlow, startAt + 10 * HOUR);
    expect(openTasks(otherStart!.instance).map((k) => k.nodeId)).toEqual(['inspect']);
    expectOwn(otherDone!, returnsFlow, startAt + 10 * HOUR);
    expect(openTasks(otherDone!.instance).map((k) => k.nodeId)).toEqual(['restock']);
    await expectStored(engine, otherStart!);
    await expectStored(engine, otherDone!);

    // A complete that writes the order's first field (no id yet): its id is asked for mid-decision,
    // before the credit check (finance, 4-hour SLA) opens.
    const plain = (await engine.start('order', { actor: sales, hostData: { customer } })).instance;
    const entry = openTasks(plain)[0]!;
    const restock = openTasks(otherDone!.instance)[0]!;
    const completeAt = at();
    arm('record', () => [engine.complete(ret.instanceId, restock.taskId, { actor: warehouse }), engine.start('returns', { actor: warehouse })]);
    const completed = await engine.complete(plain.instanceId, entry.taskId, { actor: sales, data: { 'order.amount': 3 } });
    expect(inner).toHaveLength(2);
    const [otherEnd, otherBare] = await Promise.all(inner);
    expectOwn(completed, orderFlow, completeAt);
    expect(openTasks(completed.instance).map((k) => k.nodeId)).toEqual(['credit']);
    expect(openTasks(completed.instance)[0]!.dueAt).toBe(completeAt + 4 * HOUR);
    await expectStored(engine, completed);
    expectOwn(otherEnd!, returnsFlow, completeAt + 10 * HOUR);
    expect(otherEnd!.instance.status).toBe('completed');
    expectOwn(otherBare!, returnsFlow, completeAt + 10 * HOUR);
    await expectStored(engine, otherEnd!);
  });

  it('leaves the cases of a sub-flow start, carried out in the same append, on their own flow and time', async () => {
    const { engine, inner, at, armWhen } = setup(sync);
    for (const flow of [orderFlow, returnsFlow, childFlow, middleFlow, topFlow]) await engine.deploy(flow, { actor: ADMIN });
    const cases: InstanceState[] = [];
    for (let k = 0; k < 2; k++) cases.push((await engine.start('returns', { actor: warehouse })).instance);
    // Instance ids asked for: the top case's own (before deciding), the middle case's (deciding the top
    // one), the limit case's (deciding the middle one, an effect carried out in the same append). The
    // last two are asked mid-decision: each completes a returns case's inspection, the clock moved on.
    let asked = 0;
    const startAt = at();
    armWhen(
      (r) => r.kind === 'instance' && ++asked >= 2,
      () => {
        const c = cases[asked - 2]!;
        return [engine.complete(c.instanceId, openTasks(c)[0]!.taskId, { actor: warehouse, data: { ok: true } })];
      },
    );
    const result = await engine.start('top', { actor: sales, hostData: { customer } });
    expect(asked).toBe(3);
    const nested = await Promise.all(inner);
    expect(nested).toHaveLength(2);
    const events = [...result.events, ...result.related];
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.instanceId, [...(byCase.get(e.instanceId) ?? []), e]);
    expect(byCase.size).toBe(3);
    const flows = new Map<string, Flow>([
      ['top', topFlow],
      ['middle', middleFlow],
      ['limit', childFlow],
    ]);
    for (const [id, own] of byCase) {
      const state = await engine.instance(id);
      const flow = flows.get(state.flowId)!;
      flows.delete(state.flowId);
      expect(flow).toBeDefined();
      const nodes = nodeIds(flow);
      for (const e of own) {
        expect(e.at).toBe(startAt);
        if ('nodeId' in e && typeof e.nodeId === 'string') expect(nodes).toContain(e.nodeId);
      }
      expect(replay(await engine.events(id))).toEqual(state);
    }
    expectOwn(nested[0]!, returnsFlow, startAt + 10 * HOUR);
    expectOwn(nested[1]!, returnsFlow, startAt + 20 * HOUR);
    for (const r of nested) {
      expect(openTasks(r.instance).map((k) => k.nodeId)).toEqual(['restock']);
      await expectStored(engine, r);
    }
  });
});
