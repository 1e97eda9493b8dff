// Second red-team pass: what an automatic step computes is a write like a person's. A rule can
// compute NaN (0/0) or Infinity (1/0), or cut text into half a surrogate pair; stored, NaN read back as null
// from the log (replay differing from the live state) and PostgreSQL refused the whole command.
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/apply.js';
import type { Flow } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { admin, catalog, rep, setup } from './fixtures.js';
import { formatEngineText } from '../../src/engine/texts/format.js';

const t = (en: string) => ({ en, zh: en });
const node = (n: Record<string, unknown>) => ({ name: t(String(n.id)), ...n }) as Flow['nodes'][number];

function systemFlow(id: string, assign: { target: string; value: unknown }[]): Flow {
  return {
    id,
    version: 1,
    name: t(id),
    data: { order: { type: 'record', entity: 'order' }, tags: { type: 'list' }, x: { type: 'number' } },
    nodes: [node({ id: 'start', kind: 'start' }), node({ id: 'sys', kind: 'system', assign }), node({ id: 'end', kind: 'end' })],
    edges: [
      { id: 'e1', source: 'start', target: 'sys' },
      { id: 'e2', source: 'sys', target: 'end' },
    ],
  };
}

describe('an automatic step stores only what every store keeps alike', () => {
  it.each([
    ['NaN in an untyped list', { merge: [{ '/': [0, 0] }] }, /NaN is not a number CRM Flow stores/],
    ['Infinity in an untyped list', { merge: [{ '/': [1, 0] }] }, /Infinity is not a number CRM Flow stores/],
    // A NUL in the rule itself is refused at deploy (FLOW_E017); half of an emoji's surrogate pair is made while running.
    ['half of a surrogate pair cut by substr', { merge: [{ substr: ['🚚', 0, 1] }] }, /holds a NUL or a broken character/],
  ])('%s: the step holds with a STEP_FAILED incident naming the field, nothing stored, replay equals live', async (_, value, why) => {
    const store = createMemoryStore();
    const { engine } = await setup(store);
    await engine.deploy(systemFlow('sys', [{ target: 'tags', value }]), { actor: admin });
    const { instance: live } = await engine.start('sys', { actor: rep });
    expect(live.status).toBe('incident');
    const [incident] = Object.values(live.incidents ?? {});
    expect(incident?.code).toBe('STEP_FAILED');
    expect(incident?.message).toMatch(why);
    expect(incident?.message).toMatch(/^'sys' did not store its results: 'tags' cannot be stored: .*[^.]\.$/);
    expect(formatEngineText(incident!.text!, { locale: 'zh', catalog })).toMatch(/未保存其结果/);
    expect(live.data).not.toHaveProperty('tags');
    expect(replay(JSON.parse(JSON.stringify(await store.load({ instanceId: live.instanceId }))))).toEqual(live);
  });

  it('a finite list computed by the step is stored as computed', async () => {
    const { engine } = await setup();
    await engine.deploy(systemFlow('sys', [{ target: 'tags', value: { merge: [{ '/': [1, 4] }, 'a'] } }]), { actor: admin });
    const { instance } = await engine.start('sys', { actor: rep });
    expect(instance.status).toBe('completed');
    expect(instance.data.tags).toEqual([0.25, 'a']);
  });
});

describe("a sub-flow's input mapping stores only what every store keeps alike", () => {
  it('an input rule giving NaN holds the parent step with a STEP_FAILED incident; no child starts', async () => {
    const store = createMemoryStore();
    const { engine } = await setup(store);
    const child: Flow = { ...systemFlow('child', []), nodes: [node({ id: 'start', kind: 'start' }), node({ id: 'end', kind: 'end' })], edges: [{ id: 'c1', source: 'start', target: 'end' }] };
    await engine.deploy(child, { actor: admin });
    const parent: Flow = {
      ...systemFlow('parent', []),
      nodes: [node({ id: 'start', kind: 'start' }), node({ id: 'sub', kind: 'subflow', flow: 'child', input: { tags: { merge: [{ '/': [0, 0] }] } } }), node({ id: 'end', kind: 'end' })],
      edges: [
        { id: 'p1', source: 'start', target: 'sub' },
        { id: 'p2', source: 'sub', target: 'end' },
      ],
    };
    await engine.deploy(parent, { actor: admin });
    const { instance, related } = await engine.start('parent', { actor: rep });
    expect(instance.status).toBe('incident');
    expect(instance.incidents.map((i) => i.code)).toEqual(['STEP_FAILED']);
    expect(instance.incidents[0]!.message).toMatch(/NaN is not a number CRM Flow stores/);
    expect(related).toEqual([]);
    expect(replay(JSON.parse(JSON.stringify(await store.load({ instanceId: instance.instanceId }))))).toEqual(instance);
  });
});
