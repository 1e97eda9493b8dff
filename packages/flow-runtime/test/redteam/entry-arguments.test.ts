// Second red-team pass: every engine entry given arguments a JavaScript caller can build wrong
// answers with an EngineError that has a code (en/zh), never a TypeError, and stores nothing.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { admin, en, flow, refused, rep, setup, started, zh } from './fixtures.js';

// The calls below go around the types on purpose, as a JavaScript caller or a bad request body would.
type Loose = Record<keyof Engine, (...args: unknown[]) => Promise<unknown>>;
const loose = (engine: Engine) => engine as unknown as Loose;

describe('an actor built wrong is refused, not misread', () => {
  // Each names the part that is wrong and what it must be, in English and Chinese.
  const ROLES = ['actor.roles must be a list of role names', 'actor.roles必须是角色名列表'];
  const CLEAN = (part: string) => [`${part[0]!.toUpperCase()}${part.slice(1)} cannot be stored: it holds a NUL or a broken character.`, `${part}无法保存：含有空字符或残缺字符。`];
  const LONG = (part: string) => [`${part} must be at most 2,000 characters long`, `${part}必须是最多 2,000 个字符`];
  const SHAPE = ['actor must be an object { id, roles }', 'actor必须是对象 { id, roles }'];
  it.each([
    ['no roles', { id: 'r' }, ROLES],
    ['roles as one text', { id: 'r', roles: 'rep' }, ROLES],
    ['a role that is not text', { id: 'r', roles: [7] }, ROLES],
    ['an id that is not text', { id: 42, roles: ['rep'] }, ['actor.id must be text', 'actor.id必须是文本']],
    ['no id', { roles: ['rep'] }, ['actor.id must be text', 'actor.id必须是文本']],
    ['a name that is not text', { id: 'r', name: ['Rita'], roles: ['rep'] }, ['actor.name must be text', 'actor.name必须是文本']],
    ['an id holding a NUL', { id: 'r\u0000', roles: ['rep'] }, CLEAN('actor.id')],
    ['a role holding half a surrogate pair', { id: 'r', roles: ['rep', 'x\uD800'] }, CLEAN('actor.roles.1')],
    // A truthy text made the host's own actor on start (no start roles) and update (no window access).
    ['system as a text', { id: 'm', roles: [], system: 'false' }, ['actor.system must be yes or no (true or false)', 'actor.system必须是是或否（true 或 false）']],
    ['system as a number', { id: 'm', roles: ['rep'], system: 1 }, ['actor.system must be yes or no (true or false)', 'actor.system必须是是或否（true 或 false）']],
    // Every event the actor causes records its id, name and roles: none may be any size.
    ['an id of 2,001 characters', { id: 'r'.repeat(2_001), roles: ['rep'] }, LONG('actor.id')],
    ['a name of 2,001 characters', { id: 'r', name: 'R'.repeat(2_001), roles: ['rep'] }, LONG('actor.name')],
    ['a role of 2,001 characters', { id: 'r', roles: ['rep', 'x'.repeat(2_001)] }, LONG('actor.roles.1')],
    ['1,001 roles', { id: 'r', roles: Array.from({ length: 1_001 }, (_, i) => `role-${i}`) }, ['actor.roles must be a list of at most 1,000 role names', 'actor.roles必须是至多 1,000 个角色名的列表']],
    // Each role within its 2,000 characters, but together over 10,000: 1,000 such roles put 2 MB in every event.
    ['roles of 10,001 characters together', { id: 'r', roles: ['rep', ...Array.from({ length: 5 }, (_, i) => `${i}`.padEnd(2_000, 'x')), 'ab'] }, ['actor.roles must be at most 10,000 characters long', 'actor.roles必须是最多 10,000 个字符']],
    ['a text', 'rep', SHAPE],
    ['a list', ['rep'], SHAPE],
  ])('%s: complete, update, cancel, start and tasks give NOT_PERMITTED naming what is wrong', async (_, actor, [enText, zhText]) => {
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
      expect(en(err)).toBe(enText);
      expect(err.message).toBe(enText);
      expect(zh(err)).toBe(zhText);
    }
    expect(await engine.instance(c.id)).toEqual(before);
  });

  it('an actor at every limit works: 2,000-character id and name, 1,000 roles holding 10,000 characters together', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    // 'rep' and 999 roles of ten characters, the last one longer so that they come to 10,000 exactly.
    const roles = [...rep.roles, ...Array.from({ length: 999 }, (_, i) => `r${i}`.padEnd(10, '-'))];
    roles[999] += 'x'.repeat(10_000 - roles.join('').length);
    expect(roles.join('')).toHaveLength(10_000);
    const actor = { ...rep, id: 'i'.repeat(2_000), name: 'N'.repeat(2_000), roles };
    const done = await engine.complete(c.id, c.task, { actor, data: { 'order.note': 'x' } });
    expect(done.events.find((ev) => ev.actor)?.actor?.roles).toHaveLength(1_000);
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
      expect(en(err)).toBe('actor must be an object { id, roles }');
      expect(zh(err)).toBe('actor必须是对象 { id, roles }');
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

describe('reasons are kept in every event that records them: bounded like any write', () => {
  it('a cancel or retire reason over 2,000 characters is INVALID_VALUE naming the limit (en/zh), nothing stored; 2,000 is kept', async () => {
    const { engine } = await setup();
    const c = await started(engine);
    const before = await engine.instance(c.id);
    for (const p of [engine.cancel(c.id, { actor: rep, reason: 'x'.repeat(2_001) }), engine.retire('f', 1, { actor: admin, reason: `${'y'.repeat(2_001)}  ` })]) {
      const err = await refused(p);
      expect(err.code).toBe('INVALID_VALUE');
      expect(en(err)).toBe('Reason cannot be stored: a write may carry at most 2,000 characters of text.');
      expect(zh(err)).toBe('reason无法保存：一次写入的文本最多2,000个字符。');
    }
    expect(await engine.instance(c.id)).toEqual(before);
    expect((await engine.definitions('f'))[0]?.retired).toBeUndefined();
    expect((await engine.cancel(c.id, { actor: rep, reason: ` ${'x'.repeat(2_000)} ` })).instance.status).toBe('cancelled');
  });
});
