// Second red-team pass: every engine entry given arguments a JavaScript caller can build wrong
// answers with an EngineError that has a code (en/zh), never a TypeError, and stores nothing.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { admin, en, flow, refused, rep, setup, started, zh } from './fixtures.js';

// The calls below go around the types on purpose, as a JavaScript caller or a bad request body would.
type Loose = Record<keyof Engine, (...args: unknown[]) => Promise<unknown>>;
const loose = (engine: Engine) => engine as unknown as Loose;

describe('an actor built wrong is refused, not misread', () => {
  it.each([
    ['no roles', { id: 'r' }],
    ['roles as one text', { id: 'r', roles: 'rep' }],
    ['a role that is not text', { id: 'r', roles: [7] }],
    ['an id that is not text', { id: 42, roles: ['rep'] }],
    ['a text', 'rep'],
  ])('%s: complete, update, cancel, start and tasks give NOT_PERMITTED', async (_, actor) => {
    const { engine } = await setup();
    const c = await started(engine);
    const before = await engine.instance(c.id);
    const e = loose(engine);
    for (const p of [
      e.complete(c.id, c.task, { actor, data: { 'order.note': 'x' } }),
      e.updateData(c.id, { actor, data: { 'order.note': 'x' } }),
      e.cancel(c.id, { actor, reason: 'mistake' }),
      e.start('f', { actor }),
      e.tasks({ actor }),
      e.tasks(c.id, { actor }),
    ]) {
      const err = await refused(p);
      expect(err.code).toBe('NOT_PERMITTED');
      expect(en(err)).toBe('You may not do this: none of your roles allows it.');
      expect(zh(err)).toBe('你无权执行此操作：你的角色都不允许。');
    }
    expect(await engine.instance(c.id)).toEqual(before);
  });

  it('roles given as the text "admin" do not pass for an administrator on deploy, migrate or retire', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    const actor = { id: 'x', roles: 'admin' };
    const e = loose(engine);
    for (const p of [e.deploy({ ...flow, version: 2 }, { actor }), e.migrate(c.id, 1, {}, { actor }), e.retire('f', 1, { actor, reason: 'r' })]) {
      expect((await refused(p)).code).toBe('NOT_PERMITTED');
    }
  });
});

describe('missing options and data of the wrong shape', () => {
  it('complete, update and tasks with no actor are not permitted (en/zh)', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    const e = loose(engine);
    for (const p of [e.complete(c.id, c.task), e.complete(c.id, c.task, {}), e.complete(c.id, c.task, { actor: null }), e.updateData(c.id), e.updateData(c.id, { data: { 'order.note': 'x' } }), e.tasks({}), e.tasks(c.id)]) {
      const err = await refused(p);
      expect(err.code).toBe('NOT_PERMITTED');
      expect(en(err)).toBe('You may not do this: none of your roles allows it.');
      expect(zh(err)).toBe('你无权执行此操作：你的角色都不允许。');
    }
  });

  it('start with no options at all is refused for a flow only some roles may start', async () => {
    const { engine } = await setup();
    expect((await refused(loose(engine).start('f'))).code).toBe('NOT_PERMITTED');
    expect((await refused(loose(engine).start('f', null))).code).toBe('NOT_PERMITTED');
  });

  it.each([
    ['a number', 5],
    ['a text', 'order.note'],
    ['a list', [{ 'order.note': 'x' }]],
  ])('data given as %s is refused as not data', async (_, data) => {
    const { engine } = await setup();
    const c = await started(engine);
    const before = await engine.instance(c.id);
    const e = loose(engine);
    for (const p of [e.updateData(c.id, { actor: rep, data }), e.complete(c.id, c.task, { actor: rep, data }), e.start('f', { actor: rep, data }), e.start('f', { actor: rep, hostData: data })]) {
      const err = await refused(p);
      expect(err.code).toBe('INVALID_VALUE');
      expect(en(err)).toMatch(/^The data cannot be stored: a (number|string|list) is not data\.$/);
      expect(zh(err)).toMatch(/^数据无法保存：(number|string|list)类型不是数据。$/);
    }
    expect(await engine.instance(c.id)).toEqual(before);
  });

  it('update with null data changes nothing and is not an error', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    const before = await engine.instance(c.id);
    await loose(engine).updateData(c.id, { actor: rep, data: null });
    expect(await engine.instance(c.id)).toEqual(before);
  });
});

describe('tick only at a real time', () => {
  it.each([NaN, Infinity, -Infinity, 1e20, '2026-12-01', null])('tick(%s) is refused and fires nothing', async (now) => {
    const { engine, store } = await setup();
    const c = await started(engine);
    const before = await store.load({ instanceId: c.id });
    const err = await refused(loose(engine).tick(now));
    expect(err.code).toBe('INVALID_VALUE');
    expect(en(err)).toMatch(/^NaN is not a time\.$|is not a time\.$/);
    expect(zh(err)).toMatch(/不是时间。$/);
    expect(await store.load({ instanceId: c.id })).toEqual(before);
  });

  it('tick() with no time uses the clock, and tick(a number) still works', async () => {
    const { engine } = await setup();
    await started(engine);
    await engine.tick();
    await engine.tick(Date.parse('2027-01-01T00:00:00Z'));
    void admin;
  });
});
