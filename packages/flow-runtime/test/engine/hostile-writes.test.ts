// Engine entry points on hostile input (issue 15.3/15.4): written values are
// plain JSON within depth and size bounds, refused with an EngineError
// otherwise (nothing stored); hours are bounded; history() never throws.
import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../src/engine/errors.js';
import { parseFlow } from '../../src/schema/parse-flow.js';
import { orderFlow, sales } from './fixtures.js';
import { refusal, testEngine } from './helpers.js';

const system = { id: 'erp', roles: [], system: true };

async function started() {
  const t = await testEngine([orderFlow]);
  const { instance } = await t.engine.start('order', { actor: sales, hostData: { customer: { name: 'Acme', creditLimit: 100_000, creditUsed: 0, paymentTerms: 'net30' } } });
  return { ...t, id: instance.instanceId };
}

describe('hostile writes', () => {
  it('a 200,000-deep value and a 5,000-deep one are refused with INVALID_VALUE; nothing is stored; history still reads', async () => {
    const { engine, id } = await started();
    const seqBefore = (await engine.instance(id)).seq;
    for (const depth of [200_000, 5_000, 40]) {
      let deep: unknown = 'x';
      for (let i = 0; i < depth; i++) deep = [deep];
      const r = await refusal(engine.updateData(id, { actor: system, data: { note: deep } }));
      expect(r.code).toBe('INVALID_VALUE');
      expect(r.message).toMatch(/nested more than 32 levels/);
    }
    expect((await engine.instance(id)).seq).toBe(seqBefore);
    await expect(engine.history(id)).resolves.toBeInstanceOf(Array);
    JSON.stringify(await engine.instance(id));
  });

  it("a '__proto__' key in written data is refused, so what is stored and what rules read never differ", async () => {
    const { engine, id } = await started();
    const data = JSON.parse('{"customer.name": {"__proto__": {"qty": 1000000}}}') as Record<string, unknown>;
    const r = await refusal(engine.updateData(id, { actor: system, data }));
    expect(r.code).toBe('INVALID_VALUE');
    expect(r.message).toContain('__proto__');
  });

  it('non-finite numbers and functions are refused; a class instance is stored by its own members only', async () => {
    const { engine, id } = await started();
    expect((await refusal(engine.updateData(id, { actor: system, data: { 'customer.creditLimit': Number.POSITIVE_INFINITY } }))).code).toBe('INVALID_VALUE');
    expect((await refusal(engine.updateData(id, { actor: system, data: { note: (() => 1) as unknown as string } }))).code).toBe('INVALID_VALUE');
    const r = await engine.updateData(id, { actor: system, data: { note: 'ok' } });
    expect(r.instance.data.note).toBe('ok');
  });

  it('SLA hours of 1e12 are refused by the format; a rule that computes them is held to ten years and history reads', async () => {
    const literal = structuredClone(orderFlow) as unknown as { nodes: { kind: string; sla?: unknown }[] };
    const task = literal.nodes.find((n) => n.kind === 'task')!;
    task.sla = { hours: 1e12 };
    const parsed = parseFlow(literal);
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.some((p) => p.path.endsWith('/sla/hours') && /87,600/.test(p.message))).toBe(true);

    const computed = structuredClone(orderFlow);
    const t = computed.nodes.find((n) => n.kind === 'task')!;
    if (t.kind === 'task') t.sla = { hours: { '*': [{ var: 'customer.creditLimit' }, 1e12] } };
    computed.id = 'order-huge-sla';
    const { engine } = await testEngine([computed]);
    const { instance } = await engine.start(computed.id, { actor: sales, hostData: { customer: { name: 'Acme', creditLimit: 100_000, creditUsed: 0, paymentTerms: 'net30' } } });
    const due = Object.values(instance.tasks)[0]!.dueAt!;
    expect(Number.isFinite(new Date(due).getTime())).toBe(true);
    const history = await engine.history(instance.instanceId);
    expect(history.length).toBeGreaterThan(0);
  });

  it('start data goes through the same checks', async () => {
    const { engine } = await testEngine([orderFlow]);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    const e = await engine.start('order', { actor: sales, hostData: { note: deep as string } }).catch((x: unknown) => x);
    expect(isEngineError(e, 'INVALID_VALUE')).toBe(true);
  });
});
