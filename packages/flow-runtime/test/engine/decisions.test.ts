import { describe, expect, it } from 'vitest';
import { finance, orderFlow, sales, triageFlow } from './fixtures.js';
import { testEngine } from './helpers.js';

const actor = { id: 'u', roles: [] };

describe('decisions', () => {
  it('takes the first edge whose guard holds, in order', async () => {
    const { engine } = await testEngine([triageFlow]);
    for (const [score, outcome] of [[90, 'high'], [80, 'high'], [79, 'mid'], [50, 'mid'], [45, 'mid2']] as const) {
      const { instance, events } = await engine.start('triage', { actor, hostData: { score } });
      expect(instance.outcome).toBe(outcome);
      expect(events.find((e) => e.type === 'decision.taken')).toMatchObject({ nodeId: 'route', byDefault: false });
    }
  });

  it('takes the default edge when no guard holds', async () => {
    const { engine } = await testEngine([orderFlow]);
    const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 1000, creditUsed: 900, paymentTerms: 'net30' } } });
    const id = instance.instanceId;
    const [entry] = await engine.tasks(id, { actor: sales });
    await engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 500 } });
    const [credit] = await engine.tasks(id, { actor: finance });
    const { instance: after, events } = await engine.complete(id, credit!.taskId, { actor: finance });
    expect(events.find((e) => e.type === 'decision.taken')).toMatchObject({ edgeId: 'e5', byDefault: true });
    expect(after).toMatchObject({ status: 'completed', outcome: 'rejected' });
  });

  it('puts the instance in an incident when nothing matches and there is no default, and goes on once the data allows', async () => {
    const { engine } = await testEngine([triageFlow]);
    const { instance } = await engine.start('triage', { actor, hostData: { score: 10 } });
    // reported on the instance, not thrown
    expect(instance.status).toBe('incident');
    expect(instance.incidents).toEqual([expect.objectContaining({ code: 'NO_PATH', nodeId: 'route', resolved: false })]);
    expect(instance.incidents[0]!.message).toMatch(/None of the conditions after 'route' holds/);
    const fixed = await engine.updateData(instance.instanceId, { actor: { id: 'ops', roles: [], system: true }, data: { score: 60 } });
    expect(fixed.instance).toMatchObject({ status: 'completed', outcome: 'mid' });
    expect(fixed.instance.incidents[0]!.resolved).toBe(true);
  });
});
