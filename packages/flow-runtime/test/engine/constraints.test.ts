// Issue 9 point 4: field constraints in the catalog, enforced on every write. A value outside its
// limits is refused with the field, the limit and the value named (en/zh), and nothing is stored.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { EngineError } from '../../src/engine/errors.js';
import { fieldLimits } from '../../src/index.js';
import { formatEngineText } from '../../src/engine/texts/format.js';
import type { Actor, Engine } from '../../src/engine/types.js';
import { parseCatalog } from '../../src/schema/parse-catalog.js';
import type { Catalog } from '../../src/schema/catalog.js';
import type { Flow } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { loadCatalog, loadFlow } from '../examples/load-examples.js';

const catalog = loadCatalog();
const ADMIN: Actor = { id: 'admin', roles: ['admin'] };
const rep: Actor = { id: 'li', name: 'Li Na', roles: ['sales-rep'] };
const finance: Actor = { id: 'wang', name: 'Wang Fang', roles: ['finance'] };
const system: Actor = { id: 'erp', roles: [], system: true };
const NOW = Date.parse('2026-12-01T02:00:00Z');
const customer = { id: 'C-1', name: 'Hengtai', status: 'active', level: 'B', creditLimit: 100_000, creditUsed: 0, paymentTerms: 'prepaid' };

async function setup(...flowIds: string[]) {
  const store = createMemoryStore();
  const engine = createEngine({ store, catalog, clock: { now: () => NOW } });
  for (const id of flowIds) await engine.deploy(loadFlow(id, catalog), { actor: ADMIN });
  return { engine, store };
}

async function refused(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof EngineError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

const en = (e: EngineError) => formatEngineText(e.details.text!, { locale: 'en', catalog });
const zh = (e: EngineError) => formatEngineText(e.details.text!, { locale: 'zh', catalog });

async function taskOf(engine: Engine, id: string, actor: Actor) {
  const [t] = await engine.tasks(id, { actor });
  if (!t) throw new Error(`no task for ${actor.id}`);
  return t.taskId;
}

describe('catalog field constraints on every write', () => {
  it('finance cannot set a negative credit limit: refused naming the field and the limit, in en and zh; nothing stored', async () => {
    const { engine } = await setup('new-customer-approval');
    const { instance } = await engine.start('new-customer-approval', { actor: rep, hostData: { customer: { id: 'C-2', status: 'prospect', salesRep: 'li' } } });
    const id = instance.instanceId;
    await engine.complete(id, await taskOf(engine, id, rep), { actor: rep, data: { customer: { name: 'Hengtai Motors', industry: 'manufacturing', level: 'B', taxId: '91320505MA1MXK2L3Q', phone: '0512-6688 1234', address: 'Suzhou' } } });
    let credit = (await engine.tasks(id, { actor: finance })).find((t) => t.nodeId === 'review-credit-limit');
    for (let i = 0; !credit && i < 3; i++) {
      const other = (await engine.tasks(id, { actor: finance }))[0];
      if (other) await engine.complete(id, other.taskId, { actor: finance, data: { customer: { paymentTerms: 'net30' } } });
      credit = (await engine.tasks(id, { actor: finance })).find((t) => t.nodeId === 'review-credit-limit');
    }
    const seq = (await engine.instance(id)).seq;
    const e = await refused(engine.complete(id, credit!.taskId, { actor: finance, data: { customer: { creditLimit: -5_000, creditNote: 'Prepaid only' } } }));
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.details.fields).toEqual(['customer.creditLimit']);
    expect(en(e)).toMatch(/credit limit must be zero or more \(it is -5,000\)/i);
    expect(zh(e)).toMatch(/信用额度必须不小于 0/);
    expect((await engine.instance(id)).seq).toBe(seq);
  });

  it('a payment may not be negative nor more than is still owed; the prepayment gate stays closed', async () => {
    const { engine } = await setup('prepaid-order');
    const { instance } = await engine.start('prepaid-order', { actor: rep, hostData: { customer }, data: { order: { id: 'SO-1' } } });
    const id = instance.instanceId;
    await engine.complete(id, await taskOf(engine, id, rep), { actor: rep, data: { order: { lines: [{ sku: 'P-100', qty: 10, price: 6_000 }], requestedShipDate: '2026-12-20' } } });
    const pay = await taskOf(engine, id, finance);
    const payment = (amount: number) => ({ payment: { amount, method: 'bank-transfer', receivedAt: '2026-12-01T09:00:00Z' } });
    const negative = await refused(engine.complete(id, pay, { actor: finance, data: payment(-16_300) }));
    expect(en(negative)).toMatch(/amount must be at least 0\.01/);
    const over = await refused(engine.complete(id, pay, { actor: finance, data: payment(999_999_999) }));
    expect(en(over)).toMatch(/no more than what is still owed on the order/);
    expect(zh(over)).toMatch(/不超过订单尚未支付的金额/);
    const after = await engine.instance(id);
    expect(Object.values(after.tasks).filter((t) => t.status === 'open').map((t) => t.nodeId)).toEqual(['record-payment']);
    // Exactly what is owed is fine.
    const done = await engine.complete(id, pay, { actor: finance, data: payment(60_000) });
    expect((done.instance.data.order as { paidAmount: number }).paidAmount).toBe(60_000);
  });

  it('a ship date in the past, a credit code "x" and a phone "not a phone" are refused, each with its plain-language form', async () => {
    const { engine } = await setup('prepaid-order', 'new-customer-approval');
    const order = await engine.start('prepaid-order', { actor: rep, hostData: { customer }, data: { order: { id: 'SO-2' } } });
    const ship = await refused(engine.complete(order.instance.instanceId, await taskOf(engine, order.instance.instanceId, rep), { actor: rep, data: { order: { lines: [{ sku: 'A', qty: 1, price: 1 }], requestedShipDate: '1999-01-01' } } }));
    expect(en(ship)).toMatch(/ship date must be on or after today/);
    expect(zh(ship)).toMatch(/不早于今天/);
    const c = await engine.start('new-customer-approval', { actor: rep, hostData: { customer: { id: 'C-3', status: 'prospect' } } });
    const id = c.instance.instanceId;
    const bad = await refused(engine.complete(id, await taskOf(engine, id, rep), { actor: rep, data: { customer: { name: 'Acme', industry: 'manufacturing', level: 'B', taxId: 'x', phone: 'not a phone', address: 'x' } } }));
    expect([...(bad.details.fields as string[])].sort()).toEqual(['customer.phone', 'customer.taxId']);
    expect(en(bad)).toMatch(/unified social credit code must be the 18-character unified social credit code/i);
    expect(en(bad)).toMatch(/phone must be a mobile number of 11 digits/i);
    expect(zh(bad)).toMatch(/18 位统一社会信用代码/);
  });

  it('an automatic step that assigns a value outside its options or limits stores nothing and raises an incident naming it', async () => {
    const cat: Catalog = structuredClone(catalog);
    const flow: Flow = {
      id: 'auto',
      version: 1,
      name: { en: 'Auto' },
      data: { order: { type: 'record', entity: 'order' }, quote: { type: 'record', entity: 'quote' } },
      nodes: [
        { id: 'start', kind: 'start', name: { en: 'Start' } },
        { id: 'set', kind: 'system', name: { en: 'Set status' }, assign: [{ target: 'order.status', value: 'teleported' }] },
        { id: 'disc', kind: 'system', name: { en: 'Set discount' }, assign: [{ target: 'quote.discountPercent', value: 95 }] },
        { id: 'end', kind: 'end', name: { en: 'End' } },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'set' },
        { id: 'b', source: 'set', target: 'disc' },
        { id: 'c', source: 'disc', target: 'end' },
      ],
    };
    const engine = createEngine({ store: createMemoryStore(), catalog: cat, clock: { now: () => NOW } });
    await engine.deploy(flow, { actor: ADMIN });
    const { instance } = await engine.start('auto', { actor: system });
    expect(instance.status).toBe('incident');
    expect((instance.data.order as { status?: string } | undefined)?.status).toBeUndefined();
    const incident = instance.incidents[0]!;
    expect(formatEngineText(incident.text!, { locale: 'en', catalog: cat })).toMatch(/Set status.*did not store.*status must be one of/i);
  });

  it('property: random writes never store a value that breaks a constraint', async () => {
    const { engine } = await setup('quotation');
    const { instance } = await engine.start('quotation', { actor: system, data: { customer, quote: { id: 'Q-1' } } });
    const id = instance.instanceId;
    await fc.assert(
      fc.asyncProperty(fc.record({ discount: fc.double({ min: -100, max: 200, noNaN: true }), probability: fc.integer({ min: -50, max: 150 }) }), async ({ discount, probability }) => {
        try {
          await engine.updateData(id, { actor: system, data: { 'quote.discountPercent': discount } });
        } catch (e) {
          expect(e).toBeInstanceOf(EngineError);
        }
        try {
          await engine.updateData(id, { actor: system, data: { 'opportunity.probability': probability } });
        } catch (e) {
          expect(e).toBeInstanceOf(EngineError);
        }
        const data = (await engine.instance(id)).data as { quote?: { discountPercent?: number }; opportunity?: { probability?: number } };
        const d = data.quote?.discountPercent;
        if (d !== undefined && d !== null) expect(d >= 0 && d <= 30).toBe(true);
        const p = data.opportunity?.probability;
        if (p !== undefined && p !== null) expect(p >= 0 && p <= 100).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('constraints in the catalog format', () => {
  const withField = (field: Record<string, unknown>) => {
    const c = structuredClone(catalog) as unknown as { entities: { id: string; fields: Record<string, unknown>[] }[] };
    c.entities.find((e) => e.id === 'customer')!.fields.push(field);
    return parseCatalog(c);
  };
  const problems = (r: ReturnType<typeof parseCatalog>) => (r.ok ? [] : r.problems.map((p) => `${p.code} ${p.message}`));

  it('the sample catalog carries realistic constraints and is valid', () => {
    const r = parseCatalog(catalog);
    expect(r.ok).toBe(true);
    const fields = catalog.entities.flatMap((e) => e.fields.filter((f) => f.constraints).map((f) => `${e.id}.${f.id}`));
    expect(fields).toEqual(expect.arrayContaining(['customer.phone', 'customer.taxId', 'payment.amount', 'order.requestedShipDate', 'quote.discountPercent']));
  });

  it('reports limits that can never be met, or that do not fit the field, as FLOW_E040', () => {
    expect(problems(withField({ id: 'x', name: { en: 'X' }, type: 'number', constraints: { min: 10, max: 5 } }))).toEqual([expect.stringMatching(/^FLOW_E040 .*no value can be at least 10 and at most 5/)]);
    expect(problems(withField({ id: 'x', name: { en: 'X' }, type: 'string', constraints: { min: 1 } }))[0]).toMatch(/FLOW_E040 .*'min' limits numbers/);
    expect(problems(withField({ id: 'x', name: { en: 'X' }, type: 'string', constraints: { minLength: 9, maxLength: 2 } }))[0]).toMatch(/at least 9 and at most 2 characters/);
    expect(problems(withField({ id: 'x', name: { en: 'X' }, type: 'money', constraints: { max: -1 } }))[0]).toMatch(/never negative/);
    expect(problems(withField({ id: 'x', name: { en: 'X' }, type: 'string', constraints: { pattern: '([a-z', patternHint: { en: 'x' } } }))[0]).toMatch(/does not compile/);
    expect(problems(withField({ id: 'x', name: { en: 'X' }, type: 'string', constraints: { pattern: '^(a+)+$', patternHint: { en: 'x' } } }))[0]).toMatch(/exponential time/);
    expect(problems(withField({ id: 'x', name: { en: 'X' }, type: 'string', constraints: { pattern: '^\\d+$' } }))[0]).toMatch(/patternHint/);
    expect(problems(withField({ id: 'x', name: { en: 'X' }, type: 'date', constraints: { notBefore: { field: 'nope' } } }))[0]).toMatch(/'nope' is not a field of customer/);
    expect(problems(withField({ id: 'x', name: { en: 'X' }, type: 'date', constraints: { notBefore: { date: '2026-02-01' }, notAfter: { date: '2026-01-01' } } }))[0]).toMatch(/no date is on or after/);
  });
});

describe('fieldLimits: the same limits, for forms before they submit', () => {
  const field = (entity: string, id: string) => catalog.entities.find((e) => e.id === entity)!.fields.find((f) => f.id === id)!;
  const say = (entity: string, id: string, value: unknown, record?: Record<string, unknown>) =>
    fieldLimits(field(entity, id), value, { record, now: NOW, fields: catalog.entities.find((e) => e.id === entity)!.fields }).map((limit) => {
      const text = { key: 'value.limit', args: { field: { kind: 'field' as const, path: id, name: field(entity, id).name }, limit: { kind: 'msg' as const, ...limit } } };
      return [formatEngineText(text, { locale: 'en' }), formatEngineText(text, { locale: 'zh' })];
    });

  it('names the limit a value breaks, in en and zh, and nothing for a value within them', () => {
    expect(say('customer', 'creditLimit', -5000)).toEqual([["'Credit limit' must be zero or more", '“信用额度”必须不小于 0']]);
    expect(say('customer', 'creditLimit', 5000)).toEqual([]);
    expect(say('customer', 'creditLimit', null)).toEqual([]);
    expect(say('customer', 'taxId', 'x')[0]![0]).toMatch(/18-character unified social credit code/);
    expect(say('customer', 'taxId', '91320505MA1MXK2L3Q')).toEqual([]);
  });

  it('judges date bounds and rules against the record the value belongs to', () => {
    // The order date may not be after the requested ship date; the ship date not before the order date (a rule) nor before today.
    expect(say('order', 'orderDate', '2027-02-01', { requestedShipDate: '2027-01-15' })).toEqual([["'Order date' must be on or before 'Requested ship date'", '“下单日期”必须不晚于“要求发货日期”']]);
    expect(say('order', 'orderDate', '2027-01-10', { requestedShipDate: '2027-01-15' })).toEqual([]);
    expect(say('order', 'requestedShipDate', '2027-01-05', { orderDate: '2027-01-10' })).toEqual([["'Requested ship date' must be on or after the order date", '“要求发货日期”必须不早于下单日期']]);
    expect(say('order', 'requestedShipDate', '2026-11-01')[0]![0]).toMatch(/must be on or after today/);
    expect(say('order', 'requestedShipDate', '2027-01-15', { orderDate: '2027-01-10' })).toEqual([]);
  });
});
