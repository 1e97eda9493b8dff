// Record ids: a record a flow makes gets an id from the engine's id source on
// its first write, recorded in the events, so links (`payment.order = order.id`)
// and task windows can name it, and a replay gives the same ids.
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/apply.js';
import { createEngine } from '../../src/engine/engine.js';
import { needsRecordId } from '../../src/engine/record-ids.js';
import type { Engine, FlowEvent, IdRequest, ProcessData } from '../../src/engine/types.js';
import type { Catalog } from '../../src/schema/catalog.js';
import type { Flow, FlowEdge, FlowNode } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import type { FlowStore } from '../../src/stores/types.js';
import { FLOW_IDS, loadCatalog, loadFlow } from '../examples/load-examples.js';
import { finance, sales } from './fixtures.js';
import { T0 } from './helpers.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const t = (en: string) => ({ en });
const node = (n: Record<string, unknown>) => ({ name: t(String(n.id)), ...n }) as FlowNode;
const edge = (id: string, source: string, target: string, extra: Partial<FlowEdge> = {}): FlowEdge => ({ id, source, target, ...extra });

const catalog: Catalog = {
  id: 'ids-crm',
  name: t('CRM'),
  departments: [{ id: 'sales', name: t('Sales'), color: '#2266cc' }],
  roles: [
    { id: 'sales-rep', name: t('sales rep'), department: 'sales' },
    { id: 'finance', name: t('finance'), department: 'sales' },
  ],
  entities: [
    { id: 'customer', name: t('Customer'), fields: [{ id: 'name', name: t('Name'), type: 'string' }] },
    {
      id: 'order',
      name: t('Order'),
      fields: [
        { id: 'customer', name: t('Customer'), type: 'reference', entity: 'customer' },
        { id: 'amount', name: t('Amount'), type: 'money' },
        { id: 'paid', name: t('Paid'), type: 'money' },
        { id: 'status', name: t('Status'), type: 'string' },
      ],
    },
    {
      id: 'payment',
      name: t('Payment'),
      fields: [
        { id: 'order', name: t('Order'), type: 'reference', entity: 'order' },
        { id: 'customer', name: t('Customer'), type: 'reference', entity: 'customer' },
        { id: 'amount', name: t('Amount'), type: 'money' },
      ],
    },
  ],
  windows: [
    { id: 'order-entry', name: t('Order entry'), entity: 'order', fields: ['amount', 'status'], access: { 'sales-rep': 'edit' } },
    { id: 'payment-entry', name: t('Payment'), entity: 'payment', fields: ['amount'], access: { finance: 'edit' }, required: ['amount'] },
  ],
};

/** Payments until the order is paid: each round empties `payment` and links the new one to the order. */
const installments: Flow = {
  id: 'installments',
  version: 1,
  name: t('Installments'),
  data: { order: { type: 'record', entity: 'order' }, payment: { type: 'record', entity: 'payment' } },
  nodes: [
    node({ id: 'start', kind: 'start' }),
    node({ id: 'prepare', kind: 'system', assign: [{ target: 'payment.order', value: { var: 'order.id' } }] }),
    node({ id: 'pay', kind: 'task', roles: ['finance'], window: 'payment-entry' }),
    node({ id: 'book', kind: 'system', assign: [{ target: 'order.paid', value: { '+': [{ var: ['order.paid', 0] }, { var: 'payment.amount' }] } }] }),
    node({ id: 'paid', kind: 'decision' }),
    node({
      id: 'next',
      kind: 'system',
      assign: [
        { target: 'payment', value: null },
        { target: 'payment.order', value: { var: 'order.id' } },
      ],
    }),
    node({ id: 'end', kind: 'end' }),
  ],
  edges: [
    edge('e1', 'start', 'prepare'),
    edge('e2', 'prepare', 'pay'),
    edge('e3', 'pay', 'book'),
    edge('e4', 'book', 'paid'),
    edge('e5', 'paid', 'end', { guard: { '>=': [{ var: 'order.paid' }, { var: 'order.amount' }] } }),
    edge('e6', 'paid', 'next', { default: true }),
    edge('e7', 'next', 'pay'),
  ],
};

/** A child that makes an order and a payment linked to it in one system step. */
const placeOrder: Flow = {
  id: 'place-order',
  version: 1,
  name: t('Place order'),
  data: { customer: { type: 'record', entity: 'customer' }, order: { type: 'record', entity: 'order' }, payment: { type: 'record', entity: 'payment' } },
  nodes: [
    node({
      id: 'make',
      kind: 'system',
      assign: [
        { target: 'order.customer', value: { var: 'customer.id' } },
        { target: 'payment.order', value: { var: 'order.id' } },
        { target: 'payment.customer', value: { var: 'customer.id' } },
      ],
    }),
    node({ id: 'start', kind: 'start' }),
    node({ id: 'enter', kind: 'task', roles: ['sales-rep'], window: 'order-entry' }),
    node({ id: 'end', kind: 'end' }),
  ],
  edges: [edge('e1', 'start', 'make'), edge('e2', 'make', 'enter'), edge('e3', 'enter', 'end')],
};

/** Runs `place-order` and takes its order (the whole record, id included) back. */
const quote: Flow = {
  id: 'quote',
  version: 1,
  name: t('Quote'),
  data: { customer: { type: 'record', entity: 'customer' }, order: { type: 'record', entity: 'order' } },
  nodes: [
    node({ id: 'start', kind: 'start' }),
    node({ id: 'sub', kind: 'subflow', flow: 'place-order', input: { customer: { var: 'customer' } }, output: { order: { var: 'order' } } }),
    node({ id: 'end', kind: 'end' }),
  ],
  edges: [edge('e1', 'start', 'sub'), edge('e2', 'sub', 'end')],
};

/** An engine with its own id prefix, so ids from different engines can be told apart. */
async function idsEngine(prefix = 'id', store: FlowStore = createMemoryStore(), flows: Flow[] = [installments, placeOrder, quote], cat: Catalog = catalog): Promise<Engine> {
  let n = 0;
  const engine = createEngine({ store, catalog: cat, clock: { now: () => T0 }, ids: () => `${prefix}-${++n}` });
  for (const f of flows) await engine.deploy(f, { actor: DEPLOYER });
  return engine;
}

const recordOf = (data: ProcessData, name: string) => (data[name] ?? {}) as Record<string, unknown>;
const changesOf = (events: FlowEvent[]) => events.flatMap((e) => (e.type === 'data.changed' ? e.changes : []));

async function payRound(engine: Engine, id: string, amount: number): Promise<{ recordId: string | undefined }> {
  const [task] = await engine.tasks(id, { actor: finance });
  await engine.complete(id, task!.taskId, { actor: finance, data: { 'payment.amount': amount } });
  return { recordId: task!.window?.recordId };
}

describe('record ids', () => {
  it('gives a record an id on its first write, in the same data change, and the task window names it', async () => {
    const engine = await idsEngine();
    const { instance, events } = await engine.start('installments', { actor: sales, hostData: { order: { id: 'SO-1', amount: 100 } } });
    const payment = recordOf(instance.data, 'payment');
    expect(payment.id).toEqual(expect.any(String));
    expect(payment.order).toBe('SO-1');
    // The id is recorded with the write that made the record, by 'prepare'.
    const made = events.find((e) => e.type === 'data.changed');
    expect(made).toMatchObject({ cause: 'system', nodeId: 'prepare', changes: [{ path: 'payment.order', to: 'SO-1' }, { path: 'payment.id', from: null, to: payment.id }] });
    const [task] = await engine.tasks(instance.instanceId, { actor: finance });
    expect(task!.window).toMatchObject({ variable: 'payment', recordId: payment.id });
  });

  it('gives a record given at the start without an id one in the start data', async () => {
    const engine = await idsEngine();
    const { instance, events } = await engine.start('installments', { actor: sales, hostData: { order: { amount: 100 }, payment: {} } });
    const orderId = recordOf(instance.data, 'order').id;
    expect(orderId).toEqual(expect.any(String));
    expect(events[0]).toMatchObject({ type: 'instance.started', data: { order: { amount: 100, id: orderId } } });
    // 'prepare' then links the payment to the order it can now name.
    expect(recordOf(instance.data, 'payment').order).toBe(orderId);
  });

  it('gives a task-made record its id with the task data, and never changes an existing id', async () => {
    const engine = await idsEngine();
    const { instance } = await engine.start('place-order', { actor: sales, hostData: { customer: { id: 'C-1', name: 'Acme' } } });
    const id = instance.instanceId;
    const before = await engine.instance(id);
    const orderId = recordOf(before.data, 'order').id;
    const [enter] = await engine.tasks(id, { actor: sales });
    const done = await engine.complete(id, enter!.taskId, { actor: sales, data: { order: { amount: 50, status: 'new' } } });
    expect(recordOf(done.instance.data, 'order')).toMatchObject({ id: orderId, amount: 50, status: 'new' });
    expect(recordOf(done.instance.data, 'customer').id).toBe('C-1');
    const all = changesOf(await engine.events(id));
    // Each record got its id exactly once and kept it.
    expect(all.filter((c) => c.path === 'order.id').map((c) => c.to)).toEqual([orderId]);
    expect(all.filter((c) => c.path.startsWith('customer'))).toEqual([]);
  });

  it('links records made in a sub-flow child (payment.order = order.id) and hands the order back with its id', async () => {
    const engine = await idsEngine();
    const { instance, related } = await engine.start('quote', { actor: sales, hostData: { customer: { id: 'C-1', name: 'Acme' } } });
    const childId = instance.children[0]!;
    const child = await engine.instance(childId);
    const order = recordOf(child.data, 'order');
    const payment = recordOf(child.data, 'payment');
    expect(order).toMatchObject({ id: expect.any(String), customer: 'C-1' });
    expect(payment).toMatchObject({ id: expect.any(String), order: order.id, customer: 'C-1' });
    expect(payment.id).not.toBe(order.id);
    // The child's ids are in its own log, in the step that made the records.
    const make = related.find((e) => e.type === 'data.changed' && e.instanceId === childId);
    expect(make && make.type === 'data.changed' ? make.changes.map((c) => c.path) : []).toEqual(['order.customer', 'order.id', 'payment.order', 'payment.id', 'payment.customer']);

    const [enter] = await engine.tasks(childId, { actor: sales });
    await engine.complete(childId, enter!.taskId, { actor: sales, data: { 'order.amount': 80 } });
    const parent = await engine.instance(instance.instanceId);
    expect(parent.status).toBe('completed');
    expect(recordOf(parent.data, 'order')).toEqual({ id: order.id, customer: 'C-1', amount: 80 });
  });

  it('makes a new payment, with a new id, in each round of a loop that empties the variable', async () => {
    const engine = await idsEngine();
    const { instance } = await engine.start('installments', { actor: sales, hostData: { order: { id: 'SO-1', amount: 100 } } });
    const id = instance.instanceId;
    const rounds = [await payRound(engine, id, 30), await payRound(engine, id, 30), await payRound(engine, id, 40)];
    const ids = rounds.map((r) => r.recordId);
    expect(ids.every((x) => typeof x === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(3);
    const done = await engine.instance(id);
    expect(done.status).toBe('completed');
    // The last round's payment, linked to the order; the order's id never changed.
    expect(recordOf(done.data, 'payment')).toEqual({ id: ids[2], order: 'SO-1', amount: 40 });
    expect(recordOf(done.data, 'order')).toEqual({ id: 'SO-1', amount: 100, paid: 100 });
    const all = changesOf(await engine.events(id));
    expect(all.filter((c) => c.path === 'order.id')).toEqual([]);
    // Emptying drops the old id with the record: the emptying change carries it, the new id comes from null.
    const emptied = all.filter((c) => c.path === 'payment' && c.to === null);
    expect(emptied.map((c) => (c.from as { id: string }).id)).toEqual([ids[0], ids[1]]);
    expect(all.filter((c) => c.path === 'payment.id').map((c) => [c.from, c.to])).toEqual(ids.map((x) => [null, x]));
  });

  it('replays to exactly the live state, ids included, on another engine with another id source', async () => {
    const store = createMemoryStore();
    const engine = await idsEngine('live', store);
    const { instance } = await engine.start('installments', { actor: sales, hostData: { order: { amount: 60 } } });
    const id = instance.instanceId;
    await payRound(engine, id, 20);
    await payRound(engine, id, 40);
    const live = await engine.instance(id);
    const events = await engine.events(id);
    expect(recordOf(live.data, 'payment').id).toMatch(/^live-/);
    expect(replay(events)).toEqual(live);
    const other = await idsEngine('other', store, []);
    const rebuilt = await other.instance(id);
    expect(rebuilt).toEqual(live);
    expect(JSON.stringify(rebuilt.data)).not.toContain('other-');
    expect(await other.history(id)).toEqual(await engine.history(id));
  });

  it('tells the id source what an id is for, so a host can number records its own way', async () => {
    const requests: IdRequest[] = [];
    let n = 0;
    const ids = (request?: IdRequest) => {
      requests.push(request!);
      return request?.kind === 'record' ? `${request.entity}-${++n}` : `case-${++n}`;
    };
    const engine = createEngine({ store: createMemoryStore(), catalog, clock: { now: () => T0 }, ids });
    for (const f of [placeOrder, quote]) await engine.deploy(f, { actor: DEPLOYER });
    const { instance } = await engine.start('quote', { actor: sales, hostData: { customer: { name: 'Acme' } } });
    expect(instance.instanceId).toMatch(/^case-/);
    expect(recordOf(instance.data, 'customer').id).toMatch(/^customer-/);
    const child = await engine.instance(instance.children[0]!);
    expect(child.instanceId).toMatch(/^case-/);
    expect(recordOf(child.data, 'payment')).toMatchObject({ id: expect.stringMatching(/^payment-/), order: expect.stringMatching(/^order-/) });
    expect(requests).toEqual([
      { kind: 'instance' },
      { kind: 'record', variable: 'customer', entity: 'customer' },
      { kind: 'instance' },
      { kind: 'record', variable: 'order', entity: 'order' },
      { kind: 'record', variable: 'payment', entity: 'payment' },
    ]);
  });

  it('counts a record as made once one of its fields has a value', () => {
    expect(needsRecordId({})).toBe(false);
    expect(needsRecordId(null)).toBe(false);
    expect(needsRecordId({ order: null, reference: ' ', lines: [] })).toBe(false);
    expect(needsRecordId({ amount: 0 })).toBe(true);
    expect(needsRecordId({ id: '', amount: 5 })).toBe(true);
    expect(needsRecordId({ id: 'PAY-1', amount: 5 })).toBe(false);
  });

  it('a person clearing a record makes the next write a new record', async () => {
    const engine = await idsEngine();
    const { instance } = await engine.start('place-order', { actor: sales, hostData: { customer: { id: 'C-1', name: 'Acme' } } });
    const id = instance.instanceId;
    const first = recordOf(instance.data, 'order').id;
    // In a patch, `{ order: {} }` writes no field; `null` empties the variable.
    await engine.updateData(id, { actor: { id: 'crm', roles: [], system: true }, data: { order: null } });
    expect((await engine.instance(id)).data.order).toBeNull();
    const r = await engine.updateData(id, { actor: sales, data: { 'order.amount': 5 } });
    const second = recordOf(r.instance.data, 'order').id;
    expect(second).toEqual(expect.any(String));
    expect(second).not.toBe(first);
  });
});

describe('record ids in the sample flows', () => {
  const sampleCatalog = loadCatalog();
  const samples = FLOW_IDS.map((f) => loadFlow(f, sampleCatalog));

  it.each(['new-order', 'prepaid-order'])('%s: each round of "Confirm payment" opens a new payment linked to the order', async (flowId) => {
    const engine = await idsEngine('s', createMemoryStore(), samples, sampleCatalog);
    const customer = { id: 'C-9', name: 'Acme', paymentTerms: 'prepaid', creditLimit: 0, creditUsed: 0 };
    const { instance } = await engine.start(flowId, { actor: { id: 'li', roles: ['sales-rep'] }, hostData: { customer } });
    const id = instance.instanceId;
    const orderId = recordOf(instance.data, 'order').id;
    expect(orderId).toEqual(expect.any(String));
    const rep = { id: 'li', roles: ['sales-rep'] };
    const fin = { id: 'chen', roles: ['finance'] };
    const [entry] = await engine.tasks(id, { actor: rep });
    await engine.complete(id, entry!.taskId, { actor: rep, data: { order: { lines: [{ sku: 'A', qty: 10, price: 100 }], requestedShipDate: '2026-05-01' } } });
    const payments: Record<string, unknown>[] = [];
    for (const amount of [400, 600]) {
      // new-order: finance finds the credit short, sales asks the customer to prepay.
      for (const task of await engine.tasks(id, { actor: fin })) {
        if (task.nodeId === 'credit-check') await engine.complete(id, task.taskId, { actor: fin, data: { order: { creditCheckNote: 'Short.' } } });
      }
      for (const task of await engine.tasks(id, { actor: rep })) {
        if (task.nodeId === 'resolve-hold') await engine.complete(id, task.taskId, { actor: rep, data: { order: { creditHoldAction: 'prepay' } } });
      }
      const [pay] = (await engine.tasks(id, { actor: fin })).filter((x) => x.nodeId === 'record-payment');
      const payment = recordOf((await engine.instance(id)).data, 'payment');
      expect(payment).toMatchObject({ order: orderId, customer: 'C-9' });
      expect(pay!.window?.recordId).toBe(payment.id);
      payments.push(payment);
      await engine.complete(id, pay!.taskId, { actor: fin, data: { payment: { amount, method: 'bank-transfer', receivedAt: '2024-04-10T09:40:00+08:00', reference: `R-${amount}` } } });
    }
    expect(payments[0]!.id).not.toBe(payments[1]!.id);
    const after = await engine.instance(id);
    expect(recordOf(after.data, 'order')).toMatchObject({ id: orderId, paidAmount: 1000 });
    expect(recordOf(after.data, 'payment')).toMatchObject({ id: payments[1]!.id, amount: 600 });
    expect(replay(await engine.events(id))).toEqual(after);
  });
});
