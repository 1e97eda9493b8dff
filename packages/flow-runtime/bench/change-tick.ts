// What one `changes.tick()` costs when nothing is due, with 0 and with 10,000 change events of
// other flows in the store (drafts and submissions that are not scheduled): a tick should cost
// what is scheduled, not the whole change history. Memory and Dexie (fake-indexeddb) stores.
// Printed, not asserted. Run: npx tsx bench/change-tick.ts
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createChangeControl } from '../src/changes/control.js';
import type { ChangeEvent } from '../src/changes/types.js';
import { createEngine } from '../src/engine/engine.js';
import { createDexieStore } from '../src/stores/dexie/index.js';
import { createMemoryStore } from '../src/stores/memory.js';
import type { FlowStore } from '../src/stores/types.js';
import { catalog, orderFlow } from '../test/engine/fixtures.js';

const admin = { id: 'ada', roles: ['admin'] };
const kim = { id: 'kim', roles: ['key-user'] };
const T0 = Date.parse('2026-03-02T09:00:00Z');

async function tickMs(store: FlowStore, unrelated: number): Promise<number> {
  const clock = { now: () => T0 };
  const engine = createEngine({ store, catalog, clock });
  await engine.deploy(orderFlow, { actor: admin });
  const changes = createChangeControl({ engine, store, catalog, clock, lint: { rules: { 'task-has-department': 'off' } } });
  // One version scheduled for tomorrow (not due), and the unrelated history: 100 flows × n events.
  await changes.draft({ ...orderFlow, version: 2 }, { actor: kim });
  await changes.submit('order', 2, { actor: kim, note: { en: 'n', zh: 'n' } });
  await changes.approve('order', 2, { actor: admin });
  await changes.publish('order', 2, { actor: admin, at: T0 + 86_400_000 });
  const perFlow = unrelated / 100;
  for (let f = 0; f < (unrelated ? 100 : 0); f++) {
    for (let seq = 1; seq <= perFlow; seq++) {
      const event: ChangeEvent = { flowId: `other-${f}`, seq, version: seq, type: seq % 2 ? 'drafted' : 'submitted', at: T0, by: kim, note: { en: 'note', zh: '说明' } };
      await store.appendChange({ event });
    }
  }
  await changes.tick();
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    await changes.tick();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[3]!;
}

let n = 0;
const stores: Array<[string, () => FlowStore]> = [
  ['memory', () => createMemoryStore()],
  ['dexie', () => createDexieStore({ name: `tick-${++n}`, indexedDB: new IDBFactory(), IDBKeyRange })],
];
for (const [name, make] of stores) {
  const empty = await tickMs(make(), 0);
  const full = await tickMs(make(), 10_000);
  console.log(`${name.padEnd(7)} tick (nothing due): ${empty.toFixed(3)} ms with 0 unrelated change events, ${full.toFixed(3)} ms with 10,000`);
}
