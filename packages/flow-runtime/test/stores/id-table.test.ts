// The memory store's table from instance id to entry: whatever ids come in
// (ids whose hashes are equal, ids crowding the same slots, non-strings asked
// for), it finds exactly what a Map would, across the table's growth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash, IdTable } from '../../src/stores/id-table.js';

const entry = (instanceId: string) => ({ instanceId });

describe('IdTable', () => {
  it('finds what a Map finds, for any ids added and asked for, through growth', () => {
    const id = fc.oneof(fc.string({ maxLength: 6 }), fc.uuid(), fc.constantFrom('', '\u0000', '\ud800', 'a'));
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 600, maxLength: 3_000 }), fc.array(id, { maxLength: 200 }), (added, asked) => {
        const table = new IdTable<{ instanceId: string }>();
        const model = new Map<string, { instanceId: string }>();
        for (const x of added) {
          const e = entry(x);
          table.add(e);
          model.set(x, e);
        }
        expect(table.size).toBe(model.size);
        for (const x of [...added, ...asked]) expect(table.get(x)).toBe(model.get(x));
      }),
      { numRuns: 20 },
    );
  });

  it('tells apart ids whose hashes are equal, and answers nothing for a key that is not a string', () => {
    // Two ids with the same 32-bit hash, found by trying.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const x = `case-${i}`;
      const other = seen.get(hash(x));
      if (other !== undefined) pair = [other, x];
      else seen.set(hash(x), x);
    }
    const table = new IdTable<{ instanceId: string }>();
    const first = entry(pair[0]);
    table.add(first);
    expect(table.get(pair[0])).toBe(first);
    expect(table.get(pair[1])).toBeUndefined();
    const second = entry(pair[1]);
    table.add(second);
    expect(table.get(pair[0])).toBe(first);
    expect(table.get(pair[1])).toBe(second);
    expect(table.get(undefined as unknown as string)).toBeUndefined();
    expect(table.get(42 as unknown as string)).toBeUndefined();
  });
});
