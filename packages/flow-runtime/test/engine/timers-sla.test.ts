import { describe, expect, it } from 'vitest';
import { orderFlow, sales, waitFlow } from './fixtures.js';
import { HOUR, T0, testEngine } from './helpers.js';

const anyone = { id: 'u', roles: [] };

describe('waits', () => {
  it('goes on when its condition comes to hold after a data change', async () => {
    const { engine } = await testEngine([waitFlow]);
    const { instance } = await engine.start('wait', { actor: anyone });
    expect(Object.values(instance.tokens)[0]).toMatchObject({ nodeId: 'hold', waiting: 'wait', dueAt: T0 + 24 * HOUR });
    const after = await engine.updateData(instance.instanceId, { actor: { ...anyone, system: true }, data: { approved: true } });
    expect(after.instance).toMatchObject({ status: 'completed', data: { result: 'approved', count: 1 } });
    expect(after.events.find((e) => e.type === 'wait.ended')).toMatchObject({ reason: 'condition' });
    expect(after.instance.alerts.map((a) => a.source)).toEqual([{ kind: 'system', nodeId: 'mark' }]);
  });

  it('goes on when its timer fires on tick, and not before', async () => {
    const { engine } = await testEngine([waitFlow]);
    const { instance } = await engine.start('wait', { actor: anyone });
    expect((await engine.tick(T0 + 23 * HOUR)).instances).toEqual([]);
    const fired = await engine.tick(T0 + 24 * HOUR);
    expect(fired.instances).toEqual([instance.instanceId]);
    const state = await engine.instance(instance.instanceId);
    expect(state).toMatchObject({ status: 'completed', data: { result: 'expired' } });
  });
});

describe('SLA', () => {
  it('escalates an overdue task to the SLA role once', async () => {
    const { engine } = await testEngine([orderFlow]);
    const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 10, creditUsed: 0 } } });
    const id = instance.instanceId;
    const [entry] = await engine.tasks(id, { actor: sales });
    await engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 1 } });
    const credit = Object.values((await engine.instance(id)).tasks).find((t) => t.nodeId === 'credit')!;
    expect(credit.dueAt).toBe(T0 + 4 * HOUR);
    expect((await engine.tick(T0 + 4 * HOUR - 1)).events).toEqual([]);
    const late = await engine.tick(T0 + 5 * HOUR);
    expect(late.events.map((e) => e.type)).toEqual(['task.escalated', 'alert.raised']);
    expect(late.events[1]).toMatchObject({ to: ['sales-manager'], source: { kind: 'sla', nodeId: 'credit' } });
    expect(late.events[1]!.type === 'alert.raised' && late.events[1]!.message.en).toMatch(/'Credit check' is overdue/);
    expect((await engine.tick(T0 + 50 * HOUR)).events).toEqual([]);
  });
});
