// Issue 15 point 2: start data is a write like any other. A person starting a case fills in only the
// ids of the records it is about and what their roles may edit in the steps that open right after the
// start; the host's own data (CRM records) comes as hostData; a system actor's data is the host's.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { formatEngineText } from '../../src/engine/texts/format.js';
import type { Actor } from '../../src/engine/types.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { loadCatalog, loadFlow } from '../examples/load-examples.js';
import { EngineError } from '../../src/engine/errors.js';

const catalog = loadCatalog();
const ADMIN: Actor = { id: 'admin', roles: ['admin'] };
const rep: Actor = { id: 'li', name: 'Li Na', roles: ['sales-rep'] };
const finance: Actor = { id: 'wang', name: 'Wang Fang', roles: ['finance'] };
const warehouse: Actor = { id: 'zhao', roles: ['warehouse'] };
const HOST: Actor = { id: 'crm', roles: [], system: true };
const customer = { id: 'C-1', name: 'Hengtai', status: 'active', level: 'B', creditLimit: 100_000, creditUsed: 0, paymentTerms: 'prepaid' };

/** The EngineError a command is refused with. */
async function refusal(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof EngineError)) throw new Error(`expected an EngineError, got ${String(e)}`);
  return e;
}

async function setup(...flowIds: string[]) {
  const store = createMemoryStore();
  const engine = createEngine({ store, catalog });
  for (const id of flowIds) await engine.deploy(loadFlow(id, catalog), { actor: ADMIN });
  return { engine, store };
}

describe('start data is checked like any write', () => {
  it('refuses a sales rep who starts a prepaid order with a paid amount (only finance records payments); nothing is stored', async () => {
    const { engine, store } = await setup('prepaid-order');
    const e = await refusal(engine.start('prepaid-order', { actor: rep, hostData: { customer }, data: { order: { id: 'SO-1', paidAmount: 1e9 } } }));
    expect(e.code).toBe('FIELD_NOT_EDITABLE');
    expect(e.details.fields).toEqual(['order.paidAmount']);
    const text = e.details.text!;
    expect(formatEngineText(text, { locale: 'en', catalog })).toMatch(/Prepaid order.*cannot be started with .*paid/i);
    expect(formatEngineText(text, { locale: 'zh', catalog })).toMatch(/发起.*不能填写/);
    expect(await store.instances({})).toEqual([]);
  });

  it('so the prepayment gate cannot be defeated at the start: a payment of 1 leaves the factory order blocked', async () => {
    const { engine } = await setup('prepaid-order');
    await refusal(engine.start('prepaid-order', { actor: rep, hostData: { customer }, data: { order: { id: 'SO-1', paidAmount: 1e9 } } }));
    const { instance } = await engine.start('prepaid-order', { actor: rep, hostData: { customer }, data: { order: { id: 'SO-1' } } });
    const [enter] = await engine.tasks(instance.instanceId, { actor: rep });
    await engine.complete(instance.instanceId, enter!.taskId, { actor: rep, data: { order: { lines: [{ sku: 'P-100', qty: 10, price: 6_000 }], requestedShipDate: '2026-12-20' } } });
    const [pay] = await engine.tasks(instance.instanceId, { actor: finance });
    const done = await engine.complete(instance.instanceId, pay!.taskId, { actor: finance, data: { payment: { amount: 1, method: 'bank-transfer', receivedAt: '2026-12-01T09:00:00Z' } } });
    expect((done.instance.data.order as { paidAmount?: number }).paidAmount ?? 0).toBeLessThan(60_000);
    const open = Object.values(done.instance.tasks).filter((t) => t.status === 'open').map((t) => t.nodeId);
    expect(open).not.toContain('ship-order');
    expect(open).not.toContain('factory-order');
    const factory = await engine.tasks(instance.instanceId, { actor: warehouse });
    for (const t of factory) await expect(engine.complete(instance.instanceId, t.taskId, { actor: warehouse, data: {} })).rejects.toMatchObject({ code: 'BLOCKED' });
  });

  it("refuses a sales rep who starts a new order with the customer's credit limit or the quote's discount", async () => {
    const { engine, store } = await setup('new-order');
    const limit = await refusal(engine.start('new-order', { actor: rep, data: { customer: { id: 'C-1', creditLimit: 1e12 }, order: { id: 'SO-2' } } }));
    expect(limit.code).toBe('FIELD_NOT_EDITABLE');
    expect(limit.details.fields).toEqual(['customer.creditLimit']);
    const discount = await refusal(engine.start('new-order', { actor: rep, hostData: { customer }, data: { order: { id: 'SO-2' }, quote: { discountPercent: 100 } } }));
    expect(discount.details.fields).toEqual(['quote.discountPercent']);
    const both = await refusal(engine.start('new-order', { actor: rep, data: { customer: { id: 'C-1', creditLimit: 1e12 }, quote: { discountPercent: 100 } } }));
    expect([...(both.details.fields as string[])].sort()).toEqual(['customer.creditLimit', 'quote.discountPercent']);
    expect(await store.instances({})).toEqual([]);
  });

  it('lets the starter fill in the record ids and what the first step lets their role edit', async () => {
    const { engine } = await setup('new-order');
    const { instance } = await engine.start('new-order', { actor: rep, hostData: { customer }, data: { order: { id: 'SO-3', remarks: 'Rush', requestedShipDate: '2026-12-20' }, payment: { id: 'P-3' } } });
    expect(instance.data.order).toMatchObject({ id: 'SO-3', remarks: 'Rush', requestedShipDate: '2026-12-20' });
    // The amount is computed from the lines: not even the first step lets a sales rep type it.
    expect((await refusal(engine.start('new-order', { actor: rep, hostData: { customer }, data: { order: { id: 'SO-4', amount: 1 } } }))).details.fields).toEqual(['order.amount']);
    expect(instance.data.customer).toMatchObject({ id: 'C-1', creditLimit: 100_000 });
  });

  it('takes the host’s data (hostData) and a system actor’s data as the host’s, still checked against the data schema', async () => {
    const { engine } = await setup('new-order');
    const bySystem = await engine.start('new-order', { actor: HOST, data: { customer: { ...customer, creditLimit: 250_000 } } });
    expect((bySystem.instance.data.customer as { creditLimit: number }).creditLimit).toBe(250_000);
    const typed = await refusal(engine.start('new-order', { actor: rep, hostData: { customer: { ...customer, creditLimit: 'lots' } } }));
    expect(typed.code).toBe('INVALID_VALUE');
    const unknown = await refusal(engine.start('new-order', { actor: rep, hostData: { customer: { ...customer, secret: 1 } } }));
    expect(unknown.code).toBe('UNKNOWN_FIELD');
  });
});
