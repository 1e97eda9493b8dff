import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareInstanceKeys, SortedList } from '../../src/stores/sorted.js';

describe('SortedList (the memory store indexes)', () => {
  it('holds exactly the distinct entries inserted and not removed, in order, whatever the sequence', () => {
    const op = fc.record({ insert: fc.boolean(), startedAt: fc.integer({ min: 0, max: 20 }), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const list = new SortedList<{ startedAt: number; instanceId: string; n: number }, { startedAt: number; instanceId: string }>(compareInstanceKeys);
        const model = new Map<string, { startedAt: number; instanceId: string; n: number }>();
        ops.forEach((o, n) => {
          const entry = { startedAt: o.startedAt, instanceId: o.id, n };
          const key = `${o.startedAt}|${o.id}`;
          if (o.insert) {
            list.insert(entry);
            model.set(key, entry); // an equal entry is replaced by the newer one
          } else {
            list.remove(entry);
            model.delete(key);
          }
        });
        const expected = [...model.values()].sort(compareInstanceKeys);
        expect(list.items).toEqual(expected);
        expect(list.size).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the place after a key for paging (seek strict) and at it (seek)', () => {
    const list = new SortedList<{ startedAt: number; instanceId: string }>(compareInstanceKeys);
    for (const [t, id] of [[3, 'b'], [1, 'a'], [3, 'a'], [2, 'z']] as const) list.insert({ startedAt: t, instanceId: id });
    expect(list.items.map((e) => `${e.startedAt}${e.instanceId}`)).toEqual(['1a', '2z', '3a', '3b']);
    expect(list.seek({ startedAt: 3, instanceId: 'a' })).toBe(2);
    expect(list.seek({ startedAt: 3, instanceId: 'a' }, true)).toBe(3);
  });
});
