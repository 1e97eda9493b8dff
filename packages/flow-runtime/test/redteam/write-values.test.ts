// Second red-team pass: values a hostile but legitimate caller writes. Each is refused with an
// EngineError naming the field (en/zh) and nothing is stored, or kept the same on every store.
import { describe, expect, it } from 'vitest';
import { en, refused, rep, setup, started, zh } from './fixtures.js';

describe('a written value the engine cannot read is refused, not a crash', () => {
  it('a getter that throws in complete data gives INVALID_VALUE (en/zh), nothing stored', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    const data = {
      'order.note': 'fine',
      get 'order.amount'(): number {
        throw new Error('boom');
      },
    };
    const e = await refused(engine.complete(c.id, c.task, { actor: rep, data }));
    expect(e.code).toBe('INVALID_VALUE');
    expect(en(e)).toMatch(/cannot be read \(Error: boom\)/);
    expect(zh(e)).toMatch(/无法读取/);
    expect((await engine.instance(c.id)).data).not.toHaveProperty('order.note');
  });

  it('a proxy whose traps throw, in update and start data, gives INVALID_VALUE', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    expect((await refused(engine.updateData(c.id, { actor: rep, data: hostile }))).code).toBe('INVALID_VALUE');
    expect((await refused(engine.start('f', { actor: rep, data: hostile }))).code).toBe('INVALID_VALUE');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect((await refused(engine.start('f', { actor: rep, hostData: { order: proxy } }))).code).toBe('INVALID_VALUE');
  });
});

describe('text and numbers every store keeps alike', () => {
  it.each([
    ['a NUL character', 'A\u0000B'],
    ['a lone high surrogate', 'x\uD800y'],
    ['a lone low surrogate', '\uDC00'],
  ])('text with %s is refused on every write path, naming the field', async (_, text) => {
    const { engine } = await setup();
    const c = await started(engine);
    const before = await engine.instance(c.id);
    const e = await refused(engine.updateData(c.id, { actor: rep, data: { 'order.note': text } }));
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.details.fields).toEqual(['order.note']);
    expect(en(e)).toMatch(/holds a NUL or a broken character/);
    expect(zh(e)).toMatch(/空字符或残缺字符/);
    expect((await refused(engine.start('f', { actor: rep, hostData: { order: { note: text } } }))).code).toBe('INVALID_VALUE');
    expect((await refused(engine.complete(c.id, c.task, { actor: rep, data: { order: { note: text } } }))).code).toBe('INVALID_VALUE');
    // A key holding it too.
    expect((await refused(engine.updateData(c.id, { actor: rep, data: { 'order.lines': [{ [`q${text}`]: 1 }] } }))).code).toBe('INVALID_VALUE');
    expect(await engine.instance(c.id)).toEqual(before);
  });

  it('keeps a real pair (an emoji) and Chinese text as written', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    const { instance } = await engine.updateData(c.id, { actor: rep, data: { 'order.note': '发货 🚚 ok' } });
    expect((instance.data.order as { note: string }).note).toBe('发货 🚚 ok');
  });

  it('-0 is stored as 0 (what JSON and PostgreSQL give back)', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    const { instance } = await engine.updateData(c.id, { actor: rep, data: { 'order.amount': -0, 'order.lines': [{ price: -0, qty: 1 }] } });
    const order = instance.data.order as { amount: number; lines: { price: number }[] };
    expect(Object.is(order.amount, 0)).toBe(true);
    expect(Object.is(order.lines[0]!.price, 0)).toBe(true);
  });
});

describe('dates and times are real ones', () => {
  it.each(['2027-02-31', '2027-13-01', '2027-00-10', '2027-04-31'])('the date %s is refused as not a date', async (day) => {
    const { engine } = await setup();
    const c = await started(engine);
    const e = await refused(engine.updateData(c.id, { actor: rep, data: { 'order.day': day } }));
    expect(e.code).toBe('INVALID_VALUE');
    expect(en(e)).toMatch(/a date written YYYY-MM-DD/);
  });

  it.each(['Tue Mar 01 1999', '1', 'March 7, 2027', '2027-02-30T10:00:00Z', '2027-01-01T25:00', '+275760-09-13T00:00:00.000Z', '2027-01-01Tgarbage'])('the date and time %j is refused as not ISO 8601', async (value) => {
    const { engine } = await setup();
    const c = await started(engine);
    const e = await refused(engine.updateData(c.id, { actor: rep, data: { 'order.receivedAt': value } }));
    expect(e.code).toBe('INVALID_VALUE');
    expect(en(e)).toMatch(/a date and time \(ISO 8601\)/);
    expect(zh(e)).toMatch(/ISO 8601/);
  });

  it.each(['2027-01-05T10:30:00Z', '2027-01-05T10:30:00.123+08:00', '2027-01-05T10:30', '2027-01-05 10:30:00', '2027-01-05'])('the date and time %j is kept', async (value) => {
    const { engine } = await setup();
    const c = await started(engine);
    const { instance } = await engine.updateData(c.id, { actor: rep, data: { 'order.receivedAt': value } });
    expect((instance.data.order as { receivedAt: string }).receivedAt).toBe(value);
  });

  it('a date and time bound cannot be passed with a text Date.parse happens to read', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    // "Tue…" sorts after "2026-…" as text: before, only the type check stood between it and the bound.
    expect((await refused(engine.updateData(c.id, { actor: rep, data: { 'order.due': 'Wed Dec 01 2027' } }))).code).toBe('INVALID_VALUE');
    expect((await engine.updateData(c.id, { actor: rep, data: { 'order.due': '2027-06-01T08:00:00Z' } })).instance.seq).toBeGreaterThan(0);
  });
});
