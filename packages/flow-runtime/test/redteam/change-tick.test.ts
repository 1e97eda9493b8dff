// Fourth red-team pass, change control: a scheduled publication the engine refuses when its time
// comes (another definition deployed under that version meanwhile) made `tick` throw before it
// reached the other due versions — on every tick, forever: one version that could not be
// published held every scheduled publication of every flow after it. Now the others are
// published; the refused one goes back to its authors saying why (en/zh), in the name of the
// administrator who set the time; a store failure leaves it scheduled for the next tick.
import { describe, expect, it } from 'vitest';
import { createChangeControl } from '../../src/changes/control.js';
import { changeLogMarkdown } from '../../src/changes/changelog.js';
import { formatEngineText } from '../../src/index.js';
import type { Flow } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import type { FlowStore } from '../../src/stores/types.js';
import { catalog, orderFlow, sales } from '../engine/fixtures.js';
import { HOUR, T0, testEngine } from '../engine/helpers.js';

const kim = { id: 'kim', name: 'Kim', roles: ['key-user'] };
const ada = { id: 'ada', name: 'Ada', roles: ['admin'] };
const bob = { id: 'bob', name: 'Bob', roles: ['admin'] };
const note = { en: 'Shorter credit check', zh: '缩短信用审核' };

/** Flows 'aaa' and 'order' (same steps), each with version 2 approved and scheduled for T0 + 1 h. */
async function twoScheduled(store: FlowStore = createMemoryStore()) {
  const t = await testEngine([orderFlow, { ...orderFlow, id: 'aaa' }], store);
  const changes = createChangeControl({ engine: t.engine, store: t.store, catalog, clock: t.clock, lint: { rules: { 'task-has-department': 'off' } } });
  for (const id of ['aaa', 'order']) {
    const v2: Flow = { ...orderFlow, id, version: 2, name: { en: `${id} v2`, zh: `${id} 第 2 版` } };
    await changes.draft(v2, { actor: kim });
    await changes.submit(id, 2, { actor: kim, note });
    await changes.approve(id, 2, { actor: ada });
    await changes.publish(id, 2, { actor: bob, at: T0 + HOUR });
  }
  return { ...t, changes };
}

const stages = async (changes: Awaited<ReturnType<typeof twoScheduled>>['changes'], id: string) => (await changes.versions(id)).map((v) => `${v.version} ${v.stage}`);

describe('a scheduled publication the engine refuses does not hold the others', () => {
  it('the other flow is published; the refused version goes back to its authors saying why, in en and zh; the next tick is quiet', async () => {
    const s = await twoScheduled();
    // Meanwhile someone deploys another definition as version 2 of 'aaa', outside change control.
    await s.engine.deploy({ ...orderFlow, id: 'aaa', version: 2, name: { en: 'other', zh: '其他' } }, { actor: ada });
    s.clock.set(T0 + 2 * HOUR);
    const published = await s.changes.tick();
    expect(published.map((r) => `${r.flowId} ${r.version} ${r.stage}`)).toEqual(['order 2 published']);
    expect((await s.engine.definitions('order')).map((d) => d.version)).toEqual([1, 2]);
    const [, aaa2] = await s.changes.versions('aaa');
    expect(aaa2).toMatchObject({ stage: 'sent-back', sentBack: [{ by: { id: 'bob' } }] });
    const back = aaa2!.sentBack[0]!;
    expect(back.reason).toMatch(/^The scheduled publication could not be made: Version 2 of flow 'aaa' is already deployed with different content/);
    expect(back.note?.en).toBe(back.reason);
    expect(back.note?.zh).toMatch(/^定时发布未能完成：.*aaa/);
    expect(back.note?.zh).not.toMatch(/already deployed/);
    expect(await s.changes.tick()).toEqual([]);
    // Its authors can revise it as a new version and submit it again.
    expect((await s.changes.draft({ ...orderFlow, id: 'aaa', version: 2, name: { en: 'aaa v2', zh: 'aaa 第 2 版' } }, { actor: kim })).stage).toBe('draft');
  });

  it('a store failing during one publication leaves it scheduled for the next tick; the others are published, and the failure is reported', async () => {
    const inner = createMemoryStore();
    let failing = false;
    const store: FlowStore = {
      ...inner,
      putDefinition: (r) => (failing && r.definition.flowId === 'aaa' ? Promise.reject(new Error('disk full')) : inner.putDefinition(r)),
    };
    const s = await twoScheduled(store);
    s.clock.set(T0 + 2 * HOUR);
    failing = true;
    await expect(s.changes.tick()).rejects.toMatchObject({ code: 'STORE_FAILED' });
    expect(await stages(s.changes, 'order')).toEqual(['1 published', '2 published']);
    expect(await stages(s.changes, 'aaa')).toEqual(['1 published', '2 scheduled']);
    failing = false;
    expect((await s.changes.tick()).map((r) => `${r.flowId} ${r.version}`)).toEqual(['aaa 2']);
    expect(await stages(s.changes, 'aaa')).toEqual(['1 published', '2 published']);
  });
});

describe('a publication time no date can hold', () => {
  // publish({ at: 1e300 }) was accepted (finite), and from then on the change log of the flow threw
  // RangeError: Invalid time value — the demo's change-log page with it.
  it.each([1e300, 8.64e15 + 1, -1e17])('at %d: refused naming what a publication time must be (en/zh), nothing recorded', async (at) => {
    const s = await twoScheduled();
    const before = await s.changes.history('order');
    await s.changes.sendBack('order', 2, { actor: ada, reason: 'again' });
    await s.changes.draft({ ...orderFlow, version: 2 }, { actor: kim });
    await s.changes.submit('order', 2, { actor: kim, note });
    await s.changes.approve('order', 2, { actor: ada });
    const e = await s.changes.publish('order', 2, { actor: bob, at }).then(
      () => undefined,
      (x: { code?: string; details?: { text?: never } }) => x,
    );
    expect(e?.code).toBe('INVALID_VALUE');
    expect(formatEngineText(e!.details!.text!, { locale: 'en' })).toMatch(/publication time must be a moment a date can hold/);
    expect(formatEngineText(e!.details!.text!, { locale: 'zh' })).toMatch(/发布时间必须是日期能表示的时间点/);
    expect((await s.changes.history('order')).length).toBe(before.length + 4);
    expect(changeLogMarkdown(await s.changes.versions('order'))).toMatch(/approved/);
  });

  it('a change log read from a log holding such a time (written elsewhere) names it as unknown instead of throwing', async () => {
    const s = await twoScheduled();
    const versions = await s.changes.versions('order');
    const odd = versions.map((v) => (v.scheduled ? { ...v, scheduled: { ...v.scheduled, publishAt: 1e300 } } : v));
    expect(changeLogMarkdown(odd)).toMatch(/an unknown time/);
    expect(changeLogMarkdown(odd, { locale: 'zh' })).toMatch(/未知时间/);
  });
});

describe('migrating cases named wrong', () => {
  // migrateCases with one case named twice moved it, then reported it as failing ("already runs on
  // version 2", from version 1); a text 'abc' was read as the cases a, b and c; a missing list threw
  // TypeError: opts.instanceIds is not iterable.
  async function published() {
    const t = await testEngine([orderFlow]);
    const changes = createChangeControl({ engine: t.engine, store: t.store, catalog, clock: t.clock, lint: { rules: { 'task-has-department': 'off' } } });
    const { instance } = await t.engine.start('order', { actor: sales, data: {} });
    await changes.draft({ ...orderFlow, version: 2, name: { en: 'Order v2', zh: '订单 v2' } }, { actor: kim });
    await changes.submit('order', 2, { actor: kim, note });
    await changes.approve('order', 2, { actor: ada });
    await changes.publish('order', 2, { actor: bob });
    return { ...t, changes, id: instance.instanceId };
  }

  it('a case named twice is moved once and reported once', async () => {
    const s = await published();
    const moved = await s.changes.migrateCases('order', 2, { actor: bob, instanceIds: [s.id, s.id, s.id] });
    expect(moved.map((m) => [m.instanceId, m.ok, m.fromVersion])).toEqual([[s.id, true, 1]]);
    expect((await s.changes.history('order')).filter((e) => e.type === 'migrated')).toHaveLength(1);
  });

  it.each([
    ['a text', 'abc'],
    ['no list', undefined],
    ['ids that are not texts', [5, null]],
  ])('%s: INVALID_VALUE saying what is expected (en/zh), nothing moved', async (_, instanceIds) => {
    const s = await published();
    const calls = [() => s.changes.migrateCases('order', 2, { actor: bob, instanceIds: instanceIds as never })];
    // A plan without a list covers every running case (below); a list given wrong is refused there too.
    if (instanceIds !== undefined) calls.push(() => s.changes.planMigration('order', 2, { actor: bob, instanceIds: instanceIds as never }) as never);
    for (const call of calls) {
      const e = await call().then(
        () => undefined,
        (x: { code?: string; details?: { text?: never } }) => x,
      );
      expect(e?.code).toBe('INVALID_VALUE');
      expect(formatEngineText(e!.details!.text!, { locale: 'en' })).toBe('Name the cases to move as a list of case ids.');
      expect(formatEngineText(e!.details!.text!, { locale: 'zh' })).toBe('请以案例编号列表指明要迁移的案例。');
    }
    expect((await s.engine.instance(s.id)).version).toBe(1);
    // Without a list, the plan covers every running case.
    expect((await s.changes.planMigration('order', 2, { actor: bob })).cases.map((c) => c.instanceId)).toEqual([s.id]);
  });
});
