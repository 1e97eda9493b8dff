import { describe, expect, it } from 'vitest';
import { finance, orderFlow, sales, warehouse } from './fixtures.js';
import { refusal, testEngine } from './helpers.js';

const system = { id: 'erp', roles: [], system: true };

async function started(customer: Record<string, unknown>, order: Record<string, unknown> = {}) {
  const t = await testEngine([orderFlow]);
  const { instance } = await t.engine.start('order', { actor: sales, hostData: { customer: { name: 'Acme', creditLimit: 100_000, creditUsed: 0, paymentTerms: 'net30', ...customer }, order } });
  return { ...t, id: instance.instanceId, instance };
}

describe('alert controls', () => {
  it('fires the credit alert at 90% of the limit and not at 89%', async () => {
    const at89 = await started({ creditUsed: 89_000 });
    expect(at89.instance.alerts).toEqual([]);
    const at90 = await started({ creditUsed: 90_000 });
    expect(at90.instance.alerts).toEqual([expect.objectContaining({ source: { kind: 'control', controlId: 'near-limit' }, to: ['sales-rep'], severity: 'warning' })]);
  });

  it('alerts when the condition starts to hold, once, and again only after it stopped holding', async () => {
    const { engine, id } = await started({ creditUsed: 80_000 });
    const up = await engine.updateData(id, { actor: system, data: { 'customer.creditUsed': 95_000 } });
    expect(up.events.filter((e) => e.type === 'alert.raised')).toHaveLength(1);
    const still = await engine.updateData(id, { actor: system, data: { 'customer.creditUsed': 97_000 } });
    expect(still.events.filter((e) => e.type === 'alert.raised')).toHaveLength(0);
    await engine.updateData(id, { actor: system, data: { 'customer.creditUsed': 10_000 } });
    const again = await engine.updateData(id, { actor: system, data: { 'customer.creditUsed': 99_000 } });
    expect(again.events.filter((e) => e.type === 'alert.raised')).toHaveLength(1);
    expect((await engine.instance(id)).alerts).toHaveLength(2);
  });
});

describe('gate controls', () => {
  async function toShipping(terms: string) {
    const t = await started({ paymentTerms: terms });
    const { engine, id } = t;
    const [entry] = await engine.tasks(id, { actor: sales });
    await engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 1000 } });
    const [credit] = await engine.tasks(id, { actor: finance });
    await engine.complete(id, credit!.taskId, { actor: finance });
    return t;
  }

  it('blocks shipping a prepaid order until payment, then lets it through', async () => {
    const { engine, id } = await toShipping('prepaid');
    const [pay] = await engine.tasks(id, { actor: finance });
    await engine.complete(id, pay!.taskId, { actor: finance, data: { 'order.paid': 400 } });
    const [ship] = await engine.tasks(id, { actor: warehouse });
    expect(ship?.blockedBy).toEqual([{ controlId: 'prepaid-unpaid', message: { en: 'Prepaid orders ship only after payment.' } }]);
    const r = await refusal(engine.complete(id, ship!.taskId, { actor: warehouse, data: { 'order.status': 'shipped' } }));
    expect(r.code).toBe('GATE_CLOSED');
    expect(r.message).toBe("'Ship' cannot be completed yet: Prepaid orders ship only after payment.");
    // the refused command kept nothing
    expect((await engine.instance(id)).data.order).not.toHaveProperty('status');

    await engine.updateData(id, { actor: system, data: { 'order.paid': 1000 } });
    const [open] = await engine.tasks(id, { actor: warehouse });
    expect(open?.blockedBy).toEqual([]);
    const done = await engine.complete(id, ship!.taskId, { actor: warehouse, data: { 'order.status': 'shipped' } });
    expect(done.instance.outcome).toBe('approved');
  });

  it('does not block orders on credit terms', async () => {
    const { engine, id } = await toShipping('net30');
    const [pay] = await engine.tasks(id, { actor: finance });
    await engine.complete(id, pay!.taskId, { actor: finance });
    const [ship] = await engine.tasks(id, { actor: warehouse });
    expect(ship?.blockedBy).toEqual([]);
    expect((await engine.complete(id, ship!.taskId, { actor: warehouse })).instance.status).toBe('completed');
  });
});
