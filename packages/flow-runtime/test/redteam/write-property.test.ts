// Second red-team pass, as a property: any text (any UTF-16, lone surrogates and NUL included) and
// any number (NaN, ±Infinity, -0, huge) written into a case is either refused with INVALID_VALUE and
// nothing stored, or stored so that the log read back as JSON (what PostgreSQL gives) replays to the
// live state exactly, -0 and all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/apply.js';
import { isEngineError } from '../../src/engine/errors.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { rep, setup, started } from './fixtures.js';

describe('random text and numbers: refused, or stored so that the log replays to the live state', () => {
  it('holds for text in a text field, an item field and a key, and for numbers in money, integer and an untyped list', async () => {
    const store = createMemoryStore();
    const { engine } = await setup(store);
    const c = await started(engine);
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const number = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2));
    const write = fc.oneof(
      text.map((v) => ({ 'order.note': v })),
      text.map((v) => ({ 'order.code': v })),
      fc.tuple(text, fc.integer()).map(([k, v]) => ({ 'order.lines': [{ [k]: v }] })),
      number.map((v) => ({ 'order.amount': v })),
      number.map((v) => ({ 'order.n': v })),
      number.map((v) => ({ 'order.lines.0': { price: v, qty: 1 } })),
    );
    await fc.assert(
      fc.asyncProperty(write, async (data) => {
        const before = await engine.instance(c.id);
        try {
          await engine.updateData(c.id, { actor: rep, data });
        } catch (e) {
          expect(isEngineError(e)).toBe(true);
          expect(await engine.instance(c.id)).toEqual(before);
          return;
        }
        const live = await engine.instance(c.id);
        const fromJson = replay(JSON.parse(JSON.stringify(await store.load({ instanceId: c.id }))));
        expect(fromJson).toEqual(live);
        // toEqual compares numbers with Object.is: a -0 kept live but 0 in the log would fail here.
        expect(fromJson?.data).toEqual(live.data);
      }),
      { numRuns: 300 },
    );
  });
});
