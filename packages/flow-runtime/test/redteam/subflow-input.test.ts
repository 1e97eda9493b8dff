// Third red-team pass: a sub-flow's input that does not fit the child's data schema (a text for a
// number, a number for a record, a name the child does not have, a same-named variable of another
// type passed on without a mapping) made the child's start refuse, and with it the parent's own
// command: the task that led to the sub-flow could not be completed at all. Now it is handled as
// the other input failures (NaN, a rule that fails): the parent's step holds with a STEP_FAILED
// incident naming the field (en/zh), the completed task stays completed, no child is written, and
// the log replays to the live state — on the memory store and on Dexie.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/apply.js';
import { formatEngineText } from '../../src/engine/texts/format.js';
import type { Flow } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { createDexieStore } from '../../src/stores/dexie/index.js';
import type { FlowStore } from '../../src/stores/types.js';
import { admin, catalog, rep, setup } from './fixtures.js';

const t = (en: string, zh = en) => ({ en, zh });
const node = (n: Record<string, unknown>) => ({ name: t(String(n.id)), ...n }) as Flow['nodes'][number];

const child: Flow = {
  id: 'child',
  version: 1,
  name: t('Child'),
  data: { order: { type: 'record', entity: 'order' }, x: { type: 'number' } },
  nodes: [node({ id: 'start', kind: 'start' }), node({ id: 'end', kind: 'end' })],
  edges: [{ id: 'c1', source: 'start', target: 'end' }],
};

/** start → 'enter' (a task of the rep) → 'sub' (the child, with this input) → end. */
function parent(input: Record<string, unknown> | undefined, data: Flow['data'] = { order: { type: 'record', entity: 'order' }, x: { type: 'number' } }): Flow {
  return {
    id: 'parent',
    version: 1,
    name: t('Parent'),
    data,
    nodes: [
      node({ id: 'start', kind: 'start', roles: ['rep'] }),
      node({ id: 'enter', kind: 'task', roles: ['rep'], window: 'w' }),
      node({ id: 'sub', kind: 'subflow', name: t('Review', '复核'), flow: 'child', ...(input ? { input } : {}) }),
      node({ id: 'end', kind: 'end' }),
    ],
    edges: [
      { id: 'p1', source: 'start', target: 'enter' },
      { id: 'p2', source: 'enter', target: 'sub' },
      { id: 'p3', source: 'sub', target: 'end' },
    ],
  };
}

const stores: Array<[string, () => FlowStore]> = [
  ['memory', () => createMemoryStore()],
  ['dexie', () => createDexieStore({ name: `subflow-input-${Math.random()}`, indexedDB: new IDBFactory(), IDBKeyRange })],
];

const CASES: Array<[string, Flow, Record<string, unknown>, RegExp, RegExp]> = [
  ['a text for a number', parent({ x: { cat: ['twelve', ''] } }), {}, /'x' must be a number/i, /“x”必须是数字/],
  ['a number for a record', parent({ order: { '+': [1, 2] } }), {}, /must be a record/i, /必须是一条记录/],
  ['a name the child does not have', parent({ y: 1 }), {}, /'y'/, /“y”/],
  ['a same-named variable of another type, passed on without a mapping', parent(undefined, { order: { type: 'record', entity: 'order' }, x: { type: 'string' } }), { x: 'twelve' }, /must be a number/i, /必须是数字/],
];

describe("a sub-flow's input that does not fit the child's data schema", () => {
  for (const [storeName, makeStore] of stores) {
    for (const [what, flow, enter, en, zh] of CASES) {
      it(`${what} (${storeName}): the parent's step holds with STEP_FAILED naming the field; the task is done, no child is written`, async () => {
        const store = makeStore();
        const { engine } = await setup(store);
        await engine.deploy(child, { actor: admin });
        await engine.deploy(flow, { actor: admin });
        const { instance: begun } = await engine.start('parent', { actor: rep, ...(enter.x !== undefined ? { hostData: { x: enter.x } } : {}) });
        const task = Object.values(begun.tasks).find((k) => k.status === 'open')!;
        // The command that reaches the sub-flow is not refused.
        const { instance, related } = await engine.complete(begun.instanceId, task.taskId, { actor: rep });
        expect(instance.tasks[task.taskId]!.status).toBe('completed');
        expect(instance.status).toBe('incident');
        expect(instance.incidents.map((i) => [i.code, i.nodeId])).toEqual([['STEP_FAILED', 'sub']]);
        expect(instance.incidents[0]!.message).toMatch(/^'Review' could not compute the sub-flow's input: /);
        expect(instance.incidents[0]!.message).toMatch(en);
        const zhText = formatEngineText(instance.incidents[0]!.text!, { locale: 'zh', catalog });
        expect(zhText).toMatch(/复核.*无法计算子流程的输入/);
        expect(zhText).toMatch(zh);
        expect(zhText).not.toMatch(/must be|could not/);
        expect(related).toEqual([]);
        // Nothing of a child was written; the parent's log replays to the live state.
        expect((await engine.instances({ flowId: 'child' })).length).toBe(0);
        expect(replay(JSON.parse(JSON.stringify(await store.load({ instanceId: instance.instanceId }))))).toEqual(instance);
        expect(await engine.instance(instance.instanceId)).toEqual(instance);
      });
    }
  }

  it('input that fits still starts the child with it', async () => {
    const { engine } = await setup();
    await engine.deploy(child, { actor: admin });
    await engine.deploy(parent({ x: { '+': [1, 2] } }), { actor: admin });
    const { instance: begun } = await engine.start('parent', { actor: rep });
    const task = Object.values(begun.tasks).find((k) => k.status === 'open')!;
    const { instance, related } = await engine.complete(begun.instanceId, task.taskId, { actor: rep });
    expect(instance.incidents).toEqual([]);
    expect(related.map((e) => e.type)).toContain('instance.started');
    const [kid] = await engine.instances({ flowId: 'child' });
    expect((await engine.instance(kid!.instanceId)).data.x).toBe(3);
  });
});
