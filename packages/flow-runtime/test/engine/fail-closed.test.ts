// Fail closed (docs/engine.md, "What the engine guarantees"): a gate whose
// rule cannot be evaluated holds and raises an incident naming the control;
// an alert whose rule fails raises an incident instead of staying silent.
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../src/schema/flow.js';
import { finance, orderFlow, sales, waitFlow, warehouse } from './fixtures.js';
import { refusal, testEngine } from './helpers.js';
import { formatEngineText } from '../../src/engine/texts/index.js';

const system = { id: 'erp', roles: [], system: true };
/** Doubling the customer's name runs over the evaluation budget's string limit (1,000,000) once the name is long. */
const fragile = { '!=': [{ cat: [{ var: 'customer.name' }, { var: 'customer.name' }] }, ''] };
const longName = 'A'.repeat(600_000);

function withControl(kind: 'gate' | 'alert'): Flow {
  const f = structuredClone(orderFlow);
  f.id = `order-${kind}`;
  f.controls = f.controls!.map((c) => (c.kind === kind ? { ...c, when: { and: [fragile, c.when] } } : c));
  return f;
}

describe('fail closed', () => {
  it('a gate whose rule cannot be evaluated holds the step it guards and raises one incident naming the control', async () => {
    const flow = withControl('gate');
    const { engine } = await testEngine([flow]);
    const { instance } = await engine.start(flow.id, { actor: sales, hostData: { customer: { name: longName, creditLimit: 100_000, creditUsed: 0, paymentTerms: 'net30' } } });
    const id = instance.instanceId;
    const incident = instance.incidents.find((i) => i.controlId === 'prepaid-unpaid')!;
    expect(incident).toMatchObject({ code: 'RULE_FAILED', resolved: false });
    expect(incident.message).toContain('Prepaid, not yet paid');
    expect(instance.status).toBe('incident');
    expect(instance.controls['prepaid-unpaid']).toBe(true);
    // Work goes on up to the gate; the guarded step is held, though on credit terms the gate would not hold.
    const [entry] = (await engine.tasks(id, { actor: sales }));
    await engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 1000 } });
    const [credit] = await engine.tasks(id, { actor: finance });
    await engine.complete(id, credit!.taskId, { actor: finance });
    const [pay] = await engine.tasks(id, { actor: finance });
    const after = await engine.complete(id, pay!.taskId, { actor: finance });
    // One incident however often the rule is re-checked.
    expect(after.instance.incidents.filter((i) => i.controlId === 'prepaid-unpaid')).toHaveLength(1);
    const [ship] = await engine.tasks(id, { actor: warehouse });
    expect(ship?.blockedBy.map((b) => b.controlId)).toEqual(['prepaid-unpaid']);
    expect((await refusal(engine.complete(id, ship!.taskId, { actor: warehouse }))).code).toBe('GATE_CLOSED');
    // Once the rule can be evaluated again, the incident is resolved and the gate judges the data.
    const fixed = await engine.updateData(id, { actor: system, data: { 'customer.name': 'Acme' } });
    expect(fixed.instance.incidents.every((i) => i.resolved)).toBe(true);
    expect(fixed.instance.controls['prepaid-unpaid']).toBe(false);
    expect((await engine.complete(id, ship!.taskId, { actor: warehouse })).instance.status).toBe('completed');
  });

  it('an alert whose rule fails raises an incident naming the control instead of staying silent', async () => {
    const flow = withControl('alert');
    const { engine } = await testEngine([flow]);
    const { instance } = await engine.start(flow.id, { actor: sales, hostData: { customer: { name: longName, creditLimit: 100_000, creditUsed: 95_000, paymentTerms: 'net30' } } });
    expect(instance.alerts).toEqual([]);
    const incident = instance.incidents.find((i) => i.controlId === 'near-limit')!;
    expect(incident).toMatchObject({ code: 'RULE_FAILED', resolved: false });
    expect(incident.message).toContain('Credit nearly used');
    const fixed = await engine.updateData(instance.instanceId, { actor: system, data: { 'customer.name': 'Acme' } });
    expect(fixed.instance.alerts).toHaveLength(1);
    expect(fixed.instance.incidents.every((i) => i.resolved)).toBe(true);
  });

  it('a gate that guards an automatic step holds it while its rule fails; the incident reads in zh, naming the control', async () => {
    const flow: Flow = {
      id: 'auto-gate',
      version: 1,
      name: { en: 'Auto gate' },
      data: { customer: { type: 'record', entity: 'customer' }, note: { type: 'string' } },
      nodes: [
        { id: 'start', kind: 'start', name: { en: 'Start' } },
        { id: 'book', kind: 'system', name: { en: 'Book it', zh: '记账' }, assign: [{ target: 'note', value: 'booked' }] },
        { id: 'done', kind: 'end', name: { en: 'Done' } },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'book' },
        { id: 'b', source: 'book', target: 'done' },
      ],
      controls: [{ id: 'hold-book', kind: 'gate', name: { en: 'Name checked', zh: '名称已核对' }, when: { '!': fragile }, message: { en: 'Check the name first.' }, blocks: ['book'] }],
    };
    const { engine } = await testEngine([flow]);
    const { instance } = await engine.start(flow.id, { actor: sales, hostData: { customer: { name: longName } } });
    // The gate cannot be evaluated: the system step waits and nothing is booked.
    expect(instance.status).toBe('incident');
    expect(instance.data.note).toBeUndefined();
    expect(Object.values(instance.tokens)[0]).toMatchObject({ nodeId: 'book', waiting: 'gate' });
    const incident = instance.incidents[0]!;
    expect(incident).toMatchObject({ code: 'RULE_FAILED', controlId: 'hold-book' });
    expect(formatEngineText(incident.text!, { locale: 'zh' })).toMatch(/^管控点“名称已核对”的条件无法计算（规则超出了计算预算（.*）），它所管控的步骤将暂停，直到条件可以计算。$/);
    // Readable again (and not holding): the step runs.
    const fixed = await engine.updateData(instance.instanceId, { actor: system, data: { 'customer.name': 'Acme' } });
    expect(fixed.instance).toMatchObject({ status: 'completed', data: { note: 'booked' } });
  });

  it('an SLA whose hours cannot be computed makes the task due now (it escalates) and raises an incident, resolved when the task is done', async () => {
    const flow = structuredClone(orderFlow);
    flow.id = 'order-sla';
    const credit = flow.nodes.find((n) => n.id === 'credit')!;
    if (credit.kind === 'task') credit.sla = { hours: { if: [fragile, 4, 4] }, escalateTo: 'sales-manager' };
    const { engine, clock } = await testEngine([flow]);
    const { instance } = await engine.start(flow.id, { actor: sales, hostData: { customer: { name: longName, creditLimit: 100_000, creditUsed: 0, paymentTerms: 'net30' } } });
    const id = instance.instanceId;
    const [entry] = await engine.tasks(id, { actor: sales });
    const opened = await engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 1000 } });
    const task = Object.values(opened.instance.tasks).find((t) => t.nodeId === 'credit')!;
    expect(task.dueAt).toBe(clock.now());
    const incident = opened.instance.incidents.find((i) => i.nodeId === 'credit' && !i.tokenId)!;
    expect(incident).toMatchObject({ code: 'RULE_FAILED', resolved: false });
    expect(incident.message).toMatch(/^The SLA of 'Credit check' could not be computed \(the rule ran over its evaluation budget/);
    expect(formatEngineText(incident.text!, { locale: 'zh' })).toMatch(/^“Credit check”的时限无法计算/);
    const late = await engine.tick(clock.now() + 1);
    expect(late.events.map((e) => e.type)).toEqual(['task.escalated', 'alert.raised']);
    const [check] = await engine.tasks(id, { actor: finance });
    const done = await engine.complete(id, check!.taskId, { actor: finance });
    expect(done.instance.incidents.find((i) => i.incidentId === incident.incidentId)!.resolved).toBe(true);
  });

  it('a wait whose condition cannot be evaluated keeps waiting and raises one incident; resolved once it can be, then the wait ends when it holds', async () => {
    const flow = structuredClone(waitFlow);
    flow.id = 'wait-fragile';
    flow.data = { ...flow.data, name: { type: 'string' } };
    const hold = flow.nodes.find((n) => n.id === 'hold')!;
    const fragileName = { '!=': [{ cat: [{ var: 'name' }, { var: 'name' }] }, ''] };
    if (hold.kind === 'wait') hold.until = { and: [fragileName, { '==': [{ var: 'approved' }, true] }] };
    const { engine } = await testEngine([flow]);
    const { instance } = await engine.start(flow.id, { actor: sales, hostData: { name: longName, approved: true } });
    const id = instance.instanceId;
    expect(Object.values(instance.tokens)[0]).toMatchObject({ nodeId: 'hold', waiting: 'wait' });
    expect(instance.incidents).toHaveLength(1);
    expect(instance.incidents[0]!.text!.key).toBe('incident.waitRuleFailed');
    // Another change, still unreadable: still one incident.
    const again = await engine.updateData(id, { actor: system, data: { result: 'x' } });
    expect(again.instance.incidents).toHaveLength(1);
    const fixed = await engine.updateData(id, { actor: system, data: { name: 'Acme' } });
    expect(fixed.instance.incidents.every((i) => i.resolved)).toBe(true);
    expect(fixed.instance).toMatchObject({ status: 'completed', data: { result: 'approved' } });
  });
});
