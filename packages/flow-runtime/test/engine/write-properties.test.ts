// Issue 15 point 3: whatever sequence of writes — valid, mistyped, hostile, into lists by item number —
// the stored data always fits the flow's data schema, and replaying the log (through JSON) gives the
// live state, on the memory store and on Dexie alike.
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/apply.js';
import { createEngine } from '../../src/engine/engine.js';
import { isEngineError } from '../../src/engine/errors.js';
import { createDexieStore } from '../../src/stores/dexie/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import type { FlowStore } from '../../src/stores/types.js';
import { catalog, linesFlow } from './fixtures.js';

const system = { id: 'erp', roles: [], system: true };
const ADMIN = { id: 'ada', roles: ['admin'] };

const item = fc.oneof(
  fc.record({ sku: fc.string({ maxLength: 4 }), qty: fc.integer({ min: 0, max: 2000 }) }),
  fc.record({ sku: fc.string({ maxLength: 4 }) }),
  fc.record({ sku: fc.integer(), qty: fc.string() }), // mistyped
  fc.record({ sku: fc.constant('X'), qty: fc.constant(1), junk: fc.string() }), // unknown key
  fc.constant('not an order line'),
  fc.constant(JSON.parse('{"sku":"P","__proto__":{"qty":1000000}}') as unknown),
  // Not JSON: an inherited qty (copied by own members only), a date, a member left undefined, minus zero.
  fc.constant(Object.create({ qty: 1_000_000 }, { sku: { value: 'P', enumerable: true } }) as unknown),
  fc.constant({ sku: new Date(0), qty: undefined } as unknown),
  fc.constant({ sku: 'Z', qty: -0 }),
  fc.constant(null),
);
const path = fc.oneof(
  fc.constant('order.lines'),
  fc.nat({ max: 4 }).map((i) => `order.lines.${i}`),
  fc.nat({ max: 4 }).map((i) => `order.lines.${i}.qty`),
  fc.nat({ max: 4 }).map((i) => `order.lines.${i}.sku`),
  fc.constantFrom('order.lines.length', 'order.lines.x', 'order.lines.01', 'order.amount', 'order.status', 'order.status.length', 'order.nope', 'order.lines.0.qty.x', `order.lines${'.0'.repeat(20)}`),
);
const write = fc.tuple(path, fc.oneof(item, fc.array(item, { maxLength: 3 }), fc.integer({ min: -5, max: 5000 }), fc.string({ maxLength: 5 })));

/** True when the order fits the catalog: lines a list of items with only sku (text) and qty (whole number). */
function fits(order: unknown): boolean {
  if (order === undefined || order === null) return true;
  if (typeof order !== 'object' || Array.isArray(order)) return false;
  const o = order as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (v === null) continue;
    if (k === 'lines') {
      if (!Array.isArray(v)) return false;
      for (const it of v) {
        if (it === null || typeof it !== 'object' || Array.isArray(it) || Object.getPrototypeOf(it) !== Object.prototype) return false;
        for (const [ik, iv] of Object.entries(it as object)) {
          if (ik === 'sku' && iv !== null && typeof iv !== 'string') return false;
          if (ik === 'qty' && iv !== null && !Number.isInteger(iv)) return false;
          if (ik !== 'sku' && ik !== 'qty') return false;
        }
      }
    } else if (k === 'amount' || k === 'paid') {
      if (typeof v !== 'number') return false;
    } else if (k === 'status' || k === 'id') {
      if (typeof v !== 'string') return false;
    } else return false;
  }
  return true;
}

const stores: [string, () => FlowStore][] = [
  ['memory', () => createMemoryStore()],
  ['dexie', () => createDexieStore({ name: `writes-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })],
];

describe.each(stores)('random writes on the %s store', (_name, makeStore) => {
  it('never store data that breaks the schema, and replay from the log equals the live state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(write, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (batches) => {
        const store = makeStore();
        const engine = createEngine({ store, catalog });
        await engine.deploy(linesFlow, { actor: ADMIN });
        const { instance } = await engine.start('lines', { actor: system });
        const id = instance.instanceId;
        for (const batch of batches) {
          const data: Record<string, unknown> = {};
          for (const [p, v] of batch) data[p] = v;
          try {
            await engine.updateData(id, { actor: system, data });
          } catch (e) {
            if (!isEngineError(e)) throw e; // a refusal is fine; a raw error is not
          }
          const live = await engine.instance(id);
          expect(fits(live.data.order)).toBe(true);
        }
        const live = await engine.instance(id);
        const log = JSON.parse(JSON.stringify(await store.load({ instanceId: id }))) as Parameters<typeof replay>[0];
        expect(replay(log)).toEqual(JSON.parse(JSON.stringify(live)));
        // A fresh engine on the same store (cold: rebuilt from what was stored) sees the same.
        const cold = createEngine({ store, catalog });
        expect(JSON.parse(JSON.stringify(await cold.instance(id)))).toEqual(JSON.parse(JSON.stringify(live)));
      }),
      { numRuns: 60 },
    );
  });
});
