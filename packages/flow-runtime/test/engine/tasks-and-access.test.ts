import { describe, expect, it } from 'vitest';
import { finance, orderFlow, sales, sales2, sodFlow, warehouse } from './fixtures.js';
import { refusal, testEngine } from './helpers.js';

const customer = { id: 'c1', name: 'Acme', creditLimit: 100_000, creditUsed: 10_000, paymentTerms: 'net30' };

async function startOrder() {
  const t = await testEngine([orderFlow]);
  const { instance } = await t.engine.start('order', { actor: sales, hostData: { customer, order: { id: 'o1' } } });
  return { ...t, id: instance.instanceId };
}

describe('tasks and field access', () => {
  it('opens the first task for its role, with the window and the fields the role may edit and see', async () => {
    // given a started order
    const { engine, id } = await startOrder();
    // when sales and finance ask for their tasks
    const [task, ...more] = await engine.tasks(id, { actor: sales });
    const financeTasks = await engine.tasks({ actor: finance });
    // then sales sees order entry on the order record, finance nothing yet
    expect(more).toEqual([]);
    expect(task!.nodeId).toBe('entry');
    expect(task!.window).toMatchObject({ id: 'order-entry', entity: 'order', variable: 'order', recordId: 'o1' });
    expect(task!.editable.sort()).toEqual(['order.amount', 'order.lines']);
    expect(task!.visible).toContain('order.status');
    expect(task!.access['order.status']).toBe('view');
    expect(task!.required).toEqual(['order.amount']);
    expect(financeTasks).toEqual([]);
  });

  it('refuses a step to an actor without its role, naming the role', async () => {
    const { engine, id } = await startOrder();
    const [task] = await engine.tasks(id, { actor: sales });
    const r = await refusal(engine.complete(id, task!.taskId, { actor: finance, data: { 'order.amount': 5 } }));
    expect(r.code).toBe('NOT_PERMITTED');
    expect(r.message).toMatch(/Only sales rep may do 'Order entry'/);
  });

  it('refuses writing a field the actor may only see: only finance may change the credit limit', async () => {
    const { engine, id } = await startOrder();
    const [entry] = await engine.tasks(id, { actor: sales });
    const r = await refusal(engine.complete(id, entry!.taskId, { actor: sales, data: { order: { amount: 5000 }, 'customer.creditLimit': 1 } }));
    expect(r.code).toBe('FIELD_NOT_EDITABLE');
    expect(r.fields).toEqual(['customer.creditLimit']);
    expect(r.message).toBe("Only finance may change the customer's credit limit, in 'Credit check'.");

    await engine.complete(id, entry!.taskId, { actor: sales, data: { order: { amount: 5000 } } });
    const [credit] = await engine.tasks(id, { actor: finance });
    // finance may edit the limit in its step but not the name (view) or credit used (view override)
    const r2 = await refusal(engine.complete(id, credit!.taskId, { actor: finance, data: { 'customer.creditUsed': 0 } }));
    expect(r2.code).toBe('FIELD_NOT_EDITABLE');
    const two = { ...sales, roles: ['sales-rep', 'warehouse'] };
    const r3 = await refusal(engine.updateData(id, { actor: two, data: { 'customer.creditLimit': 1 } }));
    expect(r3.code).toBe('NOT_PERMITTED');
    const r4 = await refusal(engine.complete(id, credit!.taskId, { actor: { id: 'x', roles: ['finance', 'sales-rep'] }, data: { 'order.amount': 1 } }));
    expect(r4).toMatchObject({ code: 'FIELD_NOT_EDITABLE', fields: ['order.amount'] });
  });

  it('names the roles that may change a field in the plain message', async () => {
    const { engine, id } = await startOrder();
    const [entry] = await engine.tasks(id, { actor: sales });
    await engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 5000 } });
    const [credit] = await engine.tasks(id, { actor: finance });
    // a second finance-capable actor who only has the sales view of the limit cannot exist, so check via the window's editors
    const r = await refusal(engine.complete(id, credit!.taskId, { actor: finance, data: { 'customer.name': 'Other' } }));
    expect(r.message).toBe("The customer's name cannot be changed in 'Credit check'.");
    const r2 = await refusal(engine.complete(id, entry!.taskId, { actor: sales, data: {} }));
    expect(r2.code).toBe('TASK_NOT_OPEN');
    expect(r2.message).toMatch(/already completed by Sam/);
  });

  it('accepts a read-only field written back unchanged (a form sends everything it shows)', async () => {
    const { engine, id } = await startOrder();
    const [entry] = await engine.tasks(id, { actor: sales });
    const { instance } = await engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 5000, 'order.status': null, 'customer.creditLimit': 100_000 } });
    expect(instance.data.order).toMatchObject({ amount: 5000 });
  });

  it('checks required fields on the data after the patch', async () => {
    const { engine, id } = await startOrder();
    const [entry] = await engine.tasks(id, { actor: sales });
    const r = await refusal(engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.lines': [] } }));
    expect(r).toMatchObject({ code: 'REQUIRED_MISSING', fields: ['order.amount'], message: "'Order entry' needs the order's amount before it can be completed." });
    // a draft saved earlier counts
    await engine.updateData(id, { actor: sales, data: { 'order.amount': 10 } });
    await engine.complete(id, entry!.taskId, { actor: sales });
    expect((await engine.tasks(id, { actor: finance }))[0]?.nodeId).toBe('credit');
  });

  it('refuses values that do not fit the field type and paths outside the data', async () => {
    const { engine, id } = await startOrder();
    const [entry] = await engine.tasks(id, { actor: sales });
    const r = await refusal(engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 'lots' } }));
    expect(r).toMatchObject({ code: 'INVALID_VALUE', message: "The order's amount must be a number." });
    const r2 = await refusal(engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.lines': [{ sku: 'A', qty: 1.5 }] } }));
    expect(r2.code).toBe('INVALID_VALUE');
    const r3 = await refusal(engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.colour': 'red' } }));
    expect(r3.code).toBe('UNKNOWN_FIELD');
    const r4 = await refusal(engine.complete(id, entry!.taskId, { actor: sales, data: { '__proto__.x': 1 } }));
    expect(r4.code).toBe('UNKNOWN_FIELD');
  });

  it('lets only the start roles start a flow', async () => {
    const { engine } = await testEngine([orderFlow]);
    const r = await refusal(engine.start('order', { actor: warehouse, hostData: {} }));
    expect(r).toMatchObject({ code: 'NOT_PERMITTED', message: "Only sales rep may start 'Order'." });
    expect((await refusal(engine.start('nope', { actor: sales }))).code).toBe('UNKNOWN_FLOW');
    expect((await refusal(engine.tasks('nope', { actor: sales }))).code).toBe('UNKNOWN_INSTANCE');
  });

  it('keeps separation of duties: the preparer cannot check, someone else can', async () => {
    const { engine } = await testEngine([sodFlow]);
    const { instance } = await engine.start('sod', { actor: sales });
    const [prep] = await engine.tasks(instance.instanceId, { actor: sales });
    await engine.complete(instance.instanceId, prep!.taskId, { actor: sales, data: { x: 'done' } });
    // the preparer does not even see the check in the inbox
    expect(await engine.tasks(instance.instanceId, { actor: sales })).toEqual([]);
    const [check] = await engine.tasks(instance.instanceId, { actor: sales2 });
    const r = await refusal(engine.complete(instance.instanceId, check!.taskId, { actor: sales }));
    expect(r.code).toBe('SAME_ACTOR');
    expect(r.message).toMatch(/'Check' must be done by someone other than the person who did 'Prepare' \(Sam\)/);
    const done = await engine.complete(instance.instanceId, check!.taskId, { actor: sales2 });
    expect(done.instance.status).toBe('completed');
  });
});
