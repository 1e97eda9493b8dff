import { describe, expect, it } from 'vitest';
import type { Flow } from '../../src/schema/flow.js';
import { admin, childFlow, finance, parentFlow, sales } from './fixtures.js';
import { refusal, testEngine } from './helpers.js';

const customer = { id: 'c1', name: 'Acme', creditLimit: 1000, creditUsed: 0 };

describe('sub-flows', () => {
  it('starts a child with the mapped input, and maps its results back when it ends', async () => {
    const { engine, store } = await testEngine([childFlow, parentFlow]);
    const { instance, related } = await engine.start('parent', { actor: sales, hostData: { customer } });
    expect(instance.children).toHaveLength(1);
    const childId = instance.children[0]!;
    expect(related[0]).toMatchObject({ type: 'instance.started', instanceId: childId, parent: { instanceId: instance.instanceId, nodeId: 'sub' }, data: { customer } });
    expect(await store.instances({ parentId: instance.instanceId })).toHaveLength(1);

    const [review] = await engine.tasks({ actor: finance });
    expect(review?.instanceId).toBe(childId);
    const done = await engine.complete(childId, review!.taskId, { actor: finance, data: { 'customer.creditLimit': 5000, ok: true } });
    expect(done.instance).toMatchObject({ status: 'completed', outcome: 'approved' });
    const parent = await engine.instance(instance.instanceId);
    expect(parent).toMatchObject({ status: 'completed', data: { customer: { creditLimit: 5000 }, outcome: 'approved' } });
  });

  it('runs the latest version unless one is pinned', async () => {
    const v2: Flow = { ...childFlow, version: 2, name: { en: 'Limit review v2' } };
    const pinned: Flow = { ...parentFlow, id: 'pinned', nodes: parentFlow.nodes.map((n) => (n.kind === 'subflow' ? { ...n, version: 1 } : n)) };
    const { engine } = await testEngine([childFlow, v2, parentFlow, pinned]);
    const latest = await engine.start('parent', { actor: sales, hostData: { customer } });
    const one = await engine.start('pinned', { actor: sales, hostData: { customer } });
    expect(latest.related[0]).toMatchObject({ type: 'instance.started', version: 2 });
    expect(one.related[0]).toMatchObject({ type: 'instance.started', version: 1 });
  });

  it('reports an incident when the sub-flow is not deployed', async () => {
    const { engine } = await testEngine([parentFlow]);
    const { instance } = await engine.start('parent', { actor: sales, hostData: { customer } });
    expect(instance.incidents[0]).toMatchObject({ code: 'SUBFLOW_UNAVAILABLE', nodeId: 'sub' });
  });

  it('cancels running children with the parent, atomically', async () => {
    const { engine } = await testEngine([childFlow, parentFlow]);
    const { instance } = await engine.start('parent', { actor: sales, hostData: { customer } });
    const r = await refusal(engine.cancel(instance.instanceId, { actor: finance, reason: 'no' }));
    expect(r.code).toBe('NOT_PERMITTED');
    const res = await engine.cancel(instance.instanceId, { actor: admin, reason: 'Customer withdrew' });
    expect(res.instance.status).toBe('cancelled');
    expect(res.related.map((e) => e.type)).toEqual(['instance.cancelled']);
    expect((await engine.instance(instance.children[0]!)).status).toBe('cancelled');
    expect(await engine.tasks({ actor: finance })).toEqual([]);
    expect((await refusal(engine.complete(instance.instanceId, 't1', { actor: sales }))).code).toBe('INSTANCE_ENDED');
  });

  it('puts the parent in an incident when a child is cancelled on its own', async () => {
    const { engine } = await testEngine([childFlow, parentFlow]);
    const { instance } = await engine.start('parent', { actor: sales, hostData: { customer } });
    await engine.cancel(instance.children[0]!, { actor: admin, reason: 'duplicate' });
    const parent = await engine.instance(instance.instanceId);
    expect(parent.status).toBe('incident');
    expect(parent.incidents[0]).toMatchObject({ code: 'SUBFLOW_CANCELLED', nodeId: 'sub' });
  });
});
