import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { actorFor } from '../src/runtime/actors';
import { openRuntime } from '../src/runtime/runtime';
import { startOrder } from '../src/runtime/start';

describe('record sync', () => {
  it('writes a step’s changes to the CRM record, and makes a new payment for each round of a payment loop', async () => {
    const rt = await openRuntime('en', { dbName: 'sync-test', fresh: true });
    const sales = actorFor('sales-rep');
    const finance = actorFor('finance');
    const started = await startOrder({ db: rt.db, engine: rt.engine, now: rt.clock.now(), role: 'sales-rep' }, 'C-0004', 'prepaid');
    await rt.sync.flush();
    const id = started.instanceId;
    const orderId = (started.result.instance.data.order as { id: string }).id;
    const [entry] = await rt.engine.tasks(id, { actor: sales });
    await rt.engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.lines': [{ sku: 'LX-VLV-032', qty: 50, price: 326 }], 'order.requestedShipDate': '2026-12-10' } });
    await rt.sync.flush();
    const order = await rt.db.records('order').get(orderId);
    expect(order).toMatchObject({ amount: 16_300, status: 'awaiting-payment', requestedShipDate: '2026-12-10' });
    // No payment record exists before finance records money.
    expect((await rt.db.records('payment').toArray()).filter((p) => p.order === orderId)).toEqual([]);
    for (const amount of [6_000, 10_300]) {
      const [task] = await rt.engine.tasks(id, { actor: finance });
      expect(task?.nodeId).toBe('record-payment');
      // The second round starts from an empty payment, not the first one's figures.
      expect(task?.values['payment.amount'] ?? null).toBeNull();
      await rt.engine.complete(id, task!.taskId, { actor: finance, data: { payment: { amount, method: 'bank-transfer', receivedAt: '2026-11-22T10:00:00.000Z' } } });
      await rt.sync.flush();
      await rt.sync.flush();
    }
    const payments = (await rt.db.records('payment').toArray()).filter((p) => p.order === orderId);
    expect(payments.map((p) => p.amount).sort()).toEqual([10_300, 6_000].sort());
    // Each round is a record of its own, numbered the CRM's way, and linked to the case.
    expect(payments.every((p) => /^PAY-/.test(p.id) && p.customer === 'C-0004')).toBe(true);
    const links = await rt.db.links.where('instanceId').equals(id).toArray();
    expect(links.filter((l) => l.variable === 'payment').map((l) => l.recordId).sort()).toEqual(payments.map((p) => p.id).sort());
    expect(await rt.db.records('order').get(orderId)).toMatchObject({ paidAmount: 16_300, status: 'confirmed' });
    rt.close();
  });
});
