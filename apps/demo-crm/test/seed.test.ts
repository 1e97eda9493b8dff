import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRuntime } from '../src/runtime/runtime';
import { actorFor } from '../src/runtime/actors';
import { STORY_CUSTOMERS } from '../src/db/seed-records';

describe('seeded demo', () => {
  it('plays three weeks of history without a refused step, and leaves work in the inboxes', async () => {
    const rt = await openRuntime('en', { dbName: 'seed-test', fresh: true });
    expect(rt.warnings).toEqual([]);
    const finance = await rt.engine.tasks({ actor: actorFor('finance') });
    const warehouse = await rt.engine.tasks({ actor: actorFor('warehouse') });
    const manager = await rt.engine.tasks({ actor: actorFor('sales-manager') });
    const service = await rt.engine.tasks({ actor: actorFor('service') });
    expect(finance.map((t) => t.nodeId).sort()).toEqual(['credit-check', 'record-payment', 'review-payment-terms']);
    expect(warehouse.map((t) => t.nodeId).sort()).toEqual(['investigate', 'ship-order']);
    expect(manager.map((t) => t.nodeId).sort()).toContain('approve-quote');
    expect(service.map((t) => t.nodeId)).toContain('request-rework');
    const near = await rt.db.records('customer').get(STORY_CUSTOMERS.nearLimit);
    expect(Number(near?.creditUsed) / Number(near?.creditLimit)).toBeCloseTo(0.92);
    const orders = await rt.db.records('order').toArray();
    expect(new Set(orders.map((o) => o.type))).toEqual(new Set(['new', 'prepaid', 'sample', 'rework']));
    const payments = await rt.db.records('payment').toArray();
    expect(payments.every((p) => typeof p.order === 'string')).toBe(true);
    rt.close();
  });
});
