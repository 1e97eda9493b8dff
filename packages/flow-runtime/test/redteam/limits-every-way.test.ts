// Second red-team pass: a limit holds however the value gets there — a list item written whole,
// a whole list, a whole record — and a date bound on another field holds when that other field
// moves, not only when the bounded field is written.
import { describe, expect, it } from 'vitest';
import { NOW, en, refused, rep, setup, started, zh } from './fixtures.js';

describe('money in list items is never negative, whatever the write', () => {
  it.each([
    ['one item field', { 'order.lines.0.price': -5 }],
    ['a whole item', { 'order.lines.0': { price: -5, qty: 1 } }],
    ['a whole list', { 'order.lines': [{ price: 10, qty: 1 }, { price: -5, qty: 1 }] }],
    ['the whole record', { order: { lines: [{ price: -6, qty: 1 }] } }],
  ])('through %s: refused naming the item field, nothing stored', async (_, data) => {
    const { engine } = await setup();
    const c = await started(engine);
    const before = await engine.instance(c.id);
    const e = await refused(engine.updateData(c.id, { actor: rep, data }));
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.details.fields?.[0]).toMatch(/^order\.lines(\.\d(\.price)?)?$/);
    expect(en(e)).toMatch(/zero or more/);
    expect(zh(e)).toMatch(/单价/);
    expect(await engine.instance(c.id)).toEqual(before);
    // The same on completing the step.
    expect((await refused(engine.complete(c.id, c.task, { actor: rep, data }))).code).toBe('INVALID_VALUE');
  });

  it('items with money of zero or more are kept', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    const { instance } = await engine.updateData(c.id, { actor: rep, data: { 'order.lines': [{ price: 0, qty: 1 }, { price: 12.5, qty: 2 }] } });
    expect((instance.data.order as { lines: unknown[] }).lines).toHaveLength(2);
    await engine.updateData(c.id, { actor: rep, data: { 'order.lines.2': { price: 3, qty: 1 } } });
  });
});

describe('a date bound on another field holds both ways', () => {
  it('moving the order date past the ship date is refused, naming the ship date and its bound', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    await engine.updateData(c.id, { actor: rep, data: { 'order.day': '2026-12-10', 'order.ship': '2026-12-11' } });
    const before = await engine.instance(c.id);
    const e = await refused(engine.updateData(c.id, { actor: rep, data: { 'order.day': '2026-12-20' } }));
    expect(e.code).toBe('INVALID_VALUE');
    expect(e.details.fields).toEqual(['order.ship']);
    expect(en(e)).toMatch(/ship date must be on or after 'Order date' \(it is 2026-12-11\)/);
    expect(zh(e)).toMatch(/发货日期/);
    expect(await engine.instance(c.id)).toEqual(before);
    // Moving both together, consistently, is fine.
    await engine.updateData(c.id, { actor: rep, data: { 'order.day': '2026-12-20', 'order.ship': '2026-12-21' } });
  });

  it('a notAfter bound with days follows the other field too', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    await engine.updateData(c.id, { actor: rep, data: { 'order.day': '2026-12-10', 'order.deliver': '2027-01-05' } });
    expect((await refused(engine.updateData(c.id, { actor: rep, data: { 'order.day': '2026-12-01' } }))).details.fields).toEqual(['order.deliver']);
  });

  it('only the bound on the moved field is judged again: a delivery date that is now in the past is not refused', async () => {
    const { engine, clock } = await setup();
    const c = await started(engine);
    await engine.updateData(c.id, { actor: rep, data: { 'order.day': '2026-12-01', 'order.deliver': '2026-12-05' } });
    clock.now = NOW + 20 * 86_400_000; // the delivery date is now in the past ("not before today" was met when written)
    const { instance } = await engine.updateData(c.id, { actor: rep, data: { 'order.day': '2026-11-30' } });
    expect((instance.data.order as { day: string }).day).toBe('2026-11-30');
  });

  it('clearing the other field leaves the bound with nothing to judge', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    await engine.updateData(c.id, { actor: rep, data: { 'order.day': '2026-12-10', 'order.ship': '2026-12-11' } });
    await engine.updateData(c.id, { actor: rep, data: { 'order.day': null } });
  });
});
