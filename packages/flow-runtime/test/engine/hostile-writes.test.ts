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

describe('paths into lists are typed (issue 15 point 3)', () => {
  const line = { sku: 'P-1', qty: 2 };
  async function withLines() {
    const { linesFlow } = await import('./fixtures.js');
    const t = await testEngine([linesFlow]);
    const { instance } = await t.engine.start('lines', { actor: system, data: { order: { lines: [line, { ...line, sku: 'P-2' }] } } });
    return { ...t, id: instance.instanceId };
  }

  it("refuses an item that is not an item ('not an order line'), with the item's fields named; nothing is stored", async () => {
    const { engine, id } = await withLines();
    const seq = (await engine.instance(id)).seq;
    const r = await refusal(engine.updateData(id, { actor: system, data: { 'order.lines.0': 'not an order line' } }));
    expect(r.code).toBe('INVALID_VALUE');
    expect(r.message).toMatch(/an item/i);
    expect((await engine.instance(id)).seq).toBe(seq);
    expect(Array.isArray(((await engine.instance(id)).data.order as { lines: unknown }).lines)).toBe(true);
  });

  it("refuses 'length' and any other non-number key below a list, and an index that would leave a gap", async () => {
    const { engine, id } = await withLines();
    expect((await refusal(engine.updateData(id, { actor: system, data: { 'order.lines.length': 0 } }))).code).toBe('UNKNOWN_FIELD');
    expect((await refusal(engine.updateData(id, { actor: system, data: { 'order.lines.first': line } }))).code).toBe('UNKNOWN_FIELD');
    expect((await refusal(engine.updateData(id, { actor: system, data: { 'order.lines.01': line } }))).code).toBe('UNKNOWN_FIELD');
    const gap = await refusal(engine.updateData(id, { actor: system, data: { 'order.lines.5': line } }));
    expect(gap.code).toBe('UNKNOWN_FIELD');
    expect(gap.message).toMatch(/2 items/);
    // Counts read right with no item and with one.
    const { instance: empty } = await engine.start('lines', { actor: system });
    expect((await refusal(engine.updateData(empty.instanceId, { actor: system, data: { 'order.lines.1': line } }))).message).toMatch(/has no items yet: write item 0 to add the first one; 1 would leave a gap/);
    await engine.updateData(empty.instanceId, { actor: system, data: { 'order.lines.0': line } });
    expect((await refusal(engine.updateData(empty.instanceId, { actor: system, data: { 'order.lines.2': line } }))).message).toMatch(/has one item: write item 0, or item 1 to add one at the end/);
    // Item 2 adds one at the end; the list stays a list.
    const added = await engine.updateData(id, { actor: system, data: { 'order.lines.2': { ...line, sku: 'P-3' } } });
    expect((added.instance.data.order as { lines: { sku: string }[] }).lines.map((l) => l.sku)).toEqual(['P-1', 'P-2', 'P-3']);
  });

  it('refuses unknown keys inside items, written whole, by number or in a whole list, and more than a million characters', async () => {
    const { engine, id } = await withLines();
    const big = 'x'.repeat(5_000_000);
    const r1 = await refusal(engine.updateData(id, { actor: system, data: { 'order.lines.0': { ...line, junk: 'y' } } }));
    expect(r1.code).toBe('INVALID_VALUE');
    expect(r1.message).toContain("'junk'");
    expect((await refusal(engine.updateData(id, { actor: system, data: { 'order.lines': [{ ...line, junk: big }] } }))).code).toBe('INVALID_VALUE');
    expect((await refusal(engine.updateData(id, { actor: system, data: { 'order.lines.0.sku': big } }))).message).toMatch(/characters/);
  });

  it("a '__proto__' item key is refused, so a rule never reads an inherited qty and replay equals the live state", async () => {
    const { engine, id, store } = await withLines();
    const item = JSON.parse('{"sku":"P-1","__proto__":{"qty":1000000}}') as unknown;
    expect((await refusal(engine.updateData(id, { actor: system, data: { 'order.lines.0': item } }))).code).toBe('INVALID_VALUE');
    const live = await engine.instance(id);
    const { replay } = await import('../../src/engine/apply.js');
    expect(replay(JSON.parse(JSON.stringify(await store.load({ instanceId: id }))))).toEqual(JSON.parse(JSON.stringify(live)));
  });
});

describe('written paths and large patches are bounded', () => {
  async function withTags() {
    const { linesFlow } = await import('./fixtures.js');
    // A list without item fields: its items are untyped, so only the path bound stops deep paths.
    const flow = { ...linesFlow, id: 'tags', data: { ...linesFlow.data, tags: { type: 'list' as const } } };
    const t = await testEngine([flow]);
    const { instance } = await t.engine.start('tags', { actor: system });
    return { ...t, id: instance.instanceId };
  }

  it('refuses a path of more than 16 parts or 1,000 characters (a 100,000-part path too), in English and Chinese; nothing is stored', async () => {
    const { engine, id } = await withTags();
    const seq = (await engine.instance(id)).seq;
    const ok = await engine.updateData(id, { actor: system, data: { [`tags${'.0'.repeat(15)}`]: 1 } });
    expect(ok.instance.seq).toBeGreaterThan(seq);
    for (const path of [`tags${'.0'.repeat(16)}`, `tags${'.0'.repeat(100_000)}`, `tags.0.${'k'.repeat(1_000)}`]) {
      const r = await engine.updateData(id, { actor: system, data: { [path]: 1 } }).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!isEngineError(r)) throw new Error(`expected an EngineError, got ${String(r)}`);
      expect(r.code).toBe('UNKNOWN_FIELD');
      expect(r.message).toMatch(/at most 16 parts and 1,000 characters/);
      const { formatEngineText } = await import('../../src/engine/texts/format.js');
      expect(formatEngineText(r.details.text!, { locale: 'zh' })).toMatch(/最多 16 段/);
    }
    expect((await engine.instance(id)).seq).toBe(ok.instance.seq);
    JSON.stringify(await engine.history(id));
  });

  it('one patch writing every item of a 5,000-item list is applied whole; the state before it and the changes recorded are untouched', async () => {
    const { linesFlow } = await import('./fixtures.js');
    const t = await testEngine([linesFlow]);
    const lines = Array.from({ length: 5_000 }, (_, i) => ({ sku: `P-${i}`, qty: 1 }));
    const { instance } = await t.engine.start('lines', { actor: system, data: { order: { lines } } });
    const id = instance.instanceId;
    const before = JSON.stringify(await t.engine.instance(id));
    const patch: Record<string, unknown> = {};
    for (let i = 0; i < 5_000; i++) patch[`order.lines.${i}.qty`] = i + 2;
    // The same item written again whole, and a field of it after that: later entries see earlier ones.
    delete patch['order.lines.7.qty'];
    patch['order.lines.7'] = { sku: 'NEW', qty: 70 };
    patch['order.lines.7.qty'] = 71;
    const res = await t.engine.updateData(id, { actor: system, data: patch });
    const after = (res.instance.data.order as { lines: { sku: string; qty: number }[] }).lines;
    expect(after).toHaveLength(5_000);
    expect(after[0]).toEqual({ sku: 'P-0', qty: 2 });
    expect(after[4_999]).toEqual({ sku: 'P-4999', qty: 5_001 });
    expect(after[7]).toEqual({ sku: 'NEW', qty: 71 });
    expect(JSON.stringify(instance)).toBe(before);
    const changed = res.events.find((e) => e.type === 'data.changed') as { changes: { path: string; from: unknown; to: unknown }[] };
    expect(changed.changes.find((c) => c.path === 'order.lines.7')).toEqual({ path: 'order.lines.7', from: { sku: 'P-7', qty: 1 }, to: { sku: 'NEW', qty: 70 } });
    expect(changed.changes.at(-1)).toEqual({ path: 'order.lines.7.qty', from: 70, to: 71 });
    const { replay } = await import('../../src/engine/apply.js');
    expect(replay(JSON.parse(JSON.stringify(await t.store.load({ instanceId: id }))))).toEqual(JSON.parse(JSON.stringify(res.instance)));
  });
});
