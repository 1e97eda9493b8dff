import { describe, expect, it } from 'vitest';
import type { Flow } from '../../src/schema/flow.js';
import { compileFlow } from '../../src/engine/compiled.js';
import { admin, catalog, finance, orderFlow, sales } from './fixtures.js';
import { refusal, testEngine } from './helpers.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const customer = { name: 'A', creditLimit: 100, creditUsed: 0, paymentTerms: 'net30' };

/** Version 2 renames 'credit' to 'credit-2' and adds a mandatory 'kyc' step before it. */
const v2: Flow = {
  ...orderFlow,
  version: 2,
  nodes: [
    ...orderFlow.nodes.map((n) => (n.id === 'credit' ? { ...n, id: 'credit-2' } : n)),
    { id: 'kyc', kind: 'task', name: { en: 'Know your customer' }, roles: ['finance'], mandatory: true },
  ],
  edges: orderFlow.edges.map((e) => (e.id === 'e2' ? { ...e, target: 'kyc' } : e.id === 'e3' ? { ...e, source: 'credit-2' } : e)).concat([{ id: 'e8', source: 'kyc', target: 'credit-2' }]),
};

async function atCredit(flows: Flow[]) {
  const t = await testEngine(flows);
  const { instance } = await t.engine.start('order', { actor: sales, hostData: { customer }, version: 1 });
  const id = instance.instanceId;
  const [entry] = await t.engine.tasks(id, { actor: sales });
  await t.engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 10 } });
  return { ...t, id };
}

describe('versions', () => {
  it('never changes a deployed version', async () => {
    const { engine } = await testEngine([orderFlow]);
    expect(await engine.deploy(orderFlow, { actor: DEPLOYER })).toEqual({ flowId: 'order', version: 1, created: false });
    const changed = { ...orderFlow, name: { en: 'Changed' } };
    expect((await refusal(engine.deploy(changed, { actor: DEPLOYER }))).code).toBe('VERSION_EXISTS');
    expect((await engine.definition('order')).name.en).toBe('Order');
    expect(Object.isFrozen(await engine.definition('order', 1))).toBe(true);
  });

  it('refuses an invalid flow with every problem', async () => {
    const { engine } = await testEngine();
    const bad = { ...orderFlow, id: 'bad', edges: [...orderFlow.edges, { id: 'x', source: 'nowhere', target: 'entry' }] };
    const r = await refusal(engine.deploy(bad, { actor: DEPLOYER }));
    expect(r.code).toBe('INVALID_FLOW');
    expect(r.message).toMatch(/nowhere/);
  });

  it('keeps running instances on the version they started on', async () => {
    const { engine, id } = await atCredit([orderFlow]);
    await engine.deploy(v2, { actor: DEPLOYER });
    const fresh = await engine.start('order', { actor: sales, hostData: { customer } });
    expect(fresh.instance.version).toBe(2);
    const [credit] = await engine.tasks(id, { actor: finance });
    expect(credit).toMatchObject({ nodeId: 'credit', version: 1 });
    expect((await engine.definitions('order')).map((d) => d.version)).toEqual([1, 2]);
  });

  it('migrates with a node map, recording the migration', async () => {
    const { engine, id } = await atCredit([orderFlow, v2]);
    // kyc is mandatory and before credit-2: moving there would skip it
    const r = await refusal(engine.migrate(id, 2, { credit: 'credit-2' }, { actor: admin }));
    expect(r.code).toBe('INVALID_MIGRATION');
    expect(r.message).toMatch(/would skip the mandatory step 'Know your customer'/);
    // unmapped position
    expect((await refusal(engine.migrate(id, 2, {}, { actor: admin }))).message).toMatch(/stands at 'Credit check', which version 2 does not have/);
    expect((await refusal(engine.migrate(id, 2, { credit: 'approved' }, { actor: admin }))).message).toMatch(/is a task step but 'approved' in version 2 is an end step/);
    expect((await refusal(engine.migrate(id, 2, { credit: 'kyc' }, { actor: finance }))).code).toBe('NOT_PERMITTED');
    expect((await refusal(engine.migrate(id, 9, {}, { actor: admin }))).code).toBe('UNKNOWN_FLOW');

    const { instance, events } = await engine.migrate(id, 2, { credit: 'kyc' }, { actor: admin });
    expect(events[0]).toMatchObject({ type: 'instance.migrated', fromVersion: 1, toVersion: 2, nodeMap: { credit: 'kyc' } });
    expect(instance.version).toBe(2);
    const [kyc] = await engine.tasks(id, { actor: finance });
    expect(kyc).toMatchObject({ nodeId: 'kyc', version: 2 });
    await engine.complete(id, kyc!.taskId, { actor: finance });
    const [credit2] = await engine.tasks(id, { actor: finance });
    expect(credit2?.nodeId).toBe('credit-2');
  });

  it('compiles each version once: every instance runs the same compiled guards', async () => {
    const { engine } = await testEngine([orderFlow]);
    const a = await engine.definition('order', 1);
    const first = compileFlow(a, catalog);
    expect(compileFlow(await engine.definition('order', 1), catalog)).toBe(first);
    const guard = first.out.get('enough')![0]!.guard!;
    expect(guard({ customer: { creditUsed: 0, creditLimit: 10 }, order: { amount: 5 } })).toBe(true);
    expect(guard({ customer: { creditUsed: 6, creditLimit: 10 }, order: { amount: 5 } })).toBe(false);
  });
});
