import { describe, expect, it } from 'vitest';
import { applyEvent, type replay } from '../../src/engine/apply.js';
import { finance, orderFlow, sales, warehouse } from './fixtures.js';
import { testEngine } from './helpers.js';

describe('event sourcing', () => {
  it('replays a saved log (through JSON) to exactly the live state', async () => {
    const { engine, clock } = await testEngine([orderFlow]);
    const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 100, creditUsed: 95, paymentTerms: 'net30' } } });
    const id = instance.instanceId;
    for (const actor of [sales, finance, finance, warehouse]) {
      clock.advance(3_600_000);
      const [task] = await engine.tasks(id, { actor });
      const data = actor === sales ? { 'order.amount': 1 } : {};
      if (task) await engine.complete(id, task.taskId, { actor, data });
    }
    const live = await engine.instance(id);
    const saved = JSON.parse(JSON.stringify(await engine.events(id))) as Parameters<typeof replay>[0];
    expect(saved.map((e) => e.seq)).toEqual(saved.map((_, i) => i + 1));
    expect(saved.reduce(applyEvent, undefined as never)).toEqual(live);
    expect(JSON.parse(JSON.stringify(live))).toEqual(live);
  });

  it('keeps an audit trail of who did what, when, and which data changed', async () => {
    const { engine, clock } = await testEngine([orderFlow]);
    const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 100, creditUsed: 0, paymentTerms: 'net30' } } });
    const id = instance.instanceId;
    clock.advance(60_000);
    const [entry] = await engine.tasks(id, { actor: sales });
    await engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 42 } });
    const history = await engine.history(id);
    const change = history.find((h) => h.type === 'data.changed');
    // The order is made by this step, so the same change gives it its id.
    const orderId = (await engine.instance(id)).data.order as { id: string };
    expect(change).toMatchObject({ actor: { id: 'sam' }, changes: [{ path: 'order.amount', from: null, to: 42 }, { path: 'order.id', from: null, to: orderId.id }], at: instance.startedAt + 60_000 });
    expect(change!.summary).toBe(`Sam (sales rep) changed the order's amount — → 42; the order's id — → ${orderId.id}.`);
    expect(history.find((h) => h.type === 'task.completed')!.summary).toBe("Sam (sales rep) completed 'Order entry'.");
    expect(history[0]!.summary).toBe("Sam (sales rep) started 'Order' (version 1).");
  });

  it('tells subscribers about every append', async () => {
    const { engine } = await testEngine([orderFlow]);
    const seen: string[] = [];
    const off = engine.subscribe((n) => seen.push(`${n.instanceId}:${n.events.length}:${n.instance.seq}`));
    engine.subscribe(() => {
      throw new Error('a bad listener');
    });
    const { instance, events } = await engine.start('order', { actor: sales });
    expect(seen).toEqual([`${instance.instanceId}:${events.length}:${instance.seq}`]);
    off();
    await engine.updateData(instance.instanceId, { actor: sales, data: { 'order.amount': 3 } });
    expect(seen).toHaveLength(1);
  });
});
