import { describe, expect, it } from 'vitest';
import { createChangeControl } from '../../src/changes/control.js';
// The root entry's formatEngineText: it knows the change-control texts (the engine's own catalog does not).
import { formatEngineText } from '../../src/index.js';
import { isEngineError } from '../../src/engine/errors.js';
import type { Flow } from '../../src/schema/flow.js';
import type { FlowStore } from '../../src/stores/types.js';
import { catalog, orderFlow, sales } from '../engine/fixtures.js';
import { HOUR, refusal, testEngine, T0 } from '../engine/helpers.js';

const keyUser = { id: 'kim', name: 'Kim', roles: ['key-user'] };
const keyUser2 = { id: 'ken', name: 'Ken', roles: ['key-user'] };
const ada = { id: 'ada', name: 'Ada', roles: ['admin'] };
const bob = { id: 'bob', name: 'Bob', roles: ['admin'] };
const note = { en: 'Credit check within 2 hours', zh: '信用审核时限改为 2 小时' };

/** Version 2: the credit check's SLA shortened from 4 h to 2 h. */
const v2: Flow = { ...orderFlow, version: 2, nodes: orderFlow.nodes.map((n) => (n.id === 'credit' && n.kind === 'task' ? { ...n, sla: { hours: 2, escalateTo: 'sales-manager' } } : n)) };
/** A version whose credit check can no longer be reached: a lint error. */
const unreachable: Flow = { ...orderFlow, version: 2, edges: orderFlow.edges.map((e) => (e.id === 'e2' ? { ...e, target: 'enough' } : e)) };

export async function setup(store?: FlowStore) {
  const t = await testEngine([orderFlow], store);
  const changes = createChangeControl({ engine: t.engine, store: t.store, catalog, clock: t.clock, lint: { rules: { 'task-has-department': 'off' } } });
  return { ...t, changes };
}

async function submitted(flow: Flow = v2) {
  const s = await setup();
  await s.changes.draft(flow, { actor: keyUser });
  await s.changes.submit('order', flow.version, { actor: keyUser, note });
  return s;
}

describe('change control: the lifecycle of a version', () => {
  it('draft → submitted → approved → published, each recorded with who, when and why, and shown in the list of versions', async () => {
    const s = await setup();
    let r = await s.changes.draft(v2, { actor: keyUser });
    expect(r.stage).toBe('draft');
    s.clock.advance(HOUR);
    r = await s.changes.submit('order', 2, { actor: keyUser, note });
    expect(r).toMatchObject({ stage: 'submitted', note, submitted: { at: T0 + HOUR, by: { id: 'kim' } } });
    s.clock.advance(HOUR);
    r = await s.changes.approve('order', 2, { actor: ada, note: { en: 'Checked with finance', zh: '已与财务核对' } });
    expect(r).toMatchObject({ stage: 'approved', approved: { at: T0 + 2 * HOUR, by: { id: 'ada' }, note: { en: 'Checked with finance' } } });
    expect((await s.engine.definitions('order')).map((d) => d.version)).toEqual([1]);
    s.clock.advance(HOUR);
    r = await s.changes.publish('order', 2, { actor: ada });
    expect(r).toMatchObject({ stage: 'published', published: { at: T0 + 3 * HOUR, by: { id: 'ada' } }, authors: [{ id: 'kim' }] });
    expect((await s.engine.definitions('order')).map((d) => d.version)).toEqual([1, 2]);
    const started = await s.engine.start('order', { actor: sales, data: {} });
    expect(started.instance.version).toBe(2);
    const versions = await s.changes.versions('order');
    expect(versions.map((v) => [v.version, v.stage, v.unrecorded ?? false])).toEqual([
      [1, 'published', true],
      [2, 'published', false],
    ]);
    expect((await s.changes.history('order')).map((e) => [e.seq, e.type, e.by.id])).toEqual([
      [1, 'drafted', 'kim'],
      [2, 'submitted', 'kim'],
      [3, 'approved', 'ada'],
      [4, 'published', 'ada'],
    ]);
  });

  it('sent back with a reason, revised and submitted again; the first review is kept in the record', async () => {
    const s = await submitted();
    const r = await s.changes.sendBack('order', 2, { actor: ada, reason: 'Say why 2 hours' });
    expect(r).toMatchObject({ stage: 'sent-back', sentBack: [{ by: { id: 'ada' }, reason: 'Say why 2 hours' }] });
    await expect(s.changes.publish('order', 2, { actor: ada })).rejects.toMatchObject({ code: 'CHANGE_STAGE' });
    await s.changes.draft(v2, { actor: keyUser2 });
    await s.changes.submit('order', 2, { actor: keyUser2, note: { en: 'Finance asked for it', zh: '财务要求' } });
    const again = await s.changes.approve('order', 2, { actor: bob });
    expect(again.authors.map((a) => a.id)).toEqual(['kim', 'ken']);
    expect(again.sentBack).toHaveLength(1);
  });

  it('publishes at a set time: scheduled now, deployed by tick once the time comes, recorded as scheduled', async () => {
    const s = await submitted();
    await s.changes.approve('order', 2, { actor: ada });
    const at = T0 + 5 * HOUR;
    expect((await s.changes.publish('order', 2, { actor: bob, at })).stage).toBe('scheduled');
    s.clock.set(at - 1);
    expect(await s.changes.tick()).toEqual([]);
    expect((await s.engine.definitions('order')).map((d) => d.version)).toEqual([1]);
    s.clock.set(at + 10);
    const [done] = await s.changes.tick();
    expect(done).toMatchObject({ version: 2, stage: 'published', published: { at: at + 10, by: { id: 'bob' }, scheduledFor: at } });
    expect((await s.engine.definitions('order')).map((d) => d.version)).toEqual([1, 2]);
    expect(await s.changes.tick()).toEqual([]);
  });

  it('retires a published version with a reason; new cases start on the newest version in service', async () => {
    const s = await submitted();
    await s.changes.approve('order', 2, { actor: ada });
    await s.changes.publish('order', 2, { actor: ada });
    const r = await s.changes.retire('order', 1, { actor: bob, reason: 'Replaced by version 2' });
    expect(r).toMatchObject({ stage: 'retired', retired: { by: { id: 'bob' }, reason: 'Replaced by version 2' } });
    expect((await refusal(s.engine.start('order', { actor: sales, data: {}, version: 1 }))).code).toBe('FLOW_RETIRED');
    expect(await refusal(s.changes.retire('order', 1, { actor: bob, reason: 'again' }))).toMatchObject({ code: 'CHANGE_STAGE' });
  });

  it('rolls back: republishing an earlier version makes it the newest version, recorded as a republication', async () => {
    const s = await submitted();
    await s.changes.approve('order', 2, { actor: ada });
    await s.changes.publish('order', 2, { actor: ada });
    const r = await s.changes.republish('order', 1, { actor: bob, reason: '2 hours is too short' });
    expect(r).toMatchObject({ version: 3, stage: 'published', republishOf: 1, published: { by: { id: 'bob' }, reason: '2 hours is too short' } });
    const v3 = await s.engine.definition('order');
    expect(v3.version).toBe(3);
    expect(v3.nodes).toEqual(orderFlow.nodes);
    expect((await s.engine.start('order', { actor: sales, data: {} })).instance.version).toBe(3);
  });
});

describe('change control: refusals', () => {
  it('the author never approves their own change, even as an administrator', async () => {
    const s = await setup();
    const adminAuthor = { id: 'ada', name: 'Ada', roles: ['admin'] };
    await s.changes.draft(v2, { actor: adminAuthor });
    await s.changes.submit('order', 2, { actor: adminAuthor, note });
    const e = await refusal(s.changes.approve('order', 2, { actor: adminAuthor }));
    expect(e.code).toBe('SAME_ACTOR');
    expect(e.message).toMatch(/Ada authored version 2/);
    // Someone who revised the draft is an author too.
    const t = await setup();
    await t.changes.draft(v2, { actor: keyUser });
    await t.changes.draft(v2, { actor: bob });
    await t.changes.submit('order', 2, { actor: keyUser, note });
    expect((await refusal(t.changes.approve('order', 2, { actor: bob }))).code).toBe('SAME_ACTOR');
    expect((await t.changes.approve('order', 2, { actor: ada })).stage).toBe('approved');
  });

  it('key users draft and submit but never approve, send back, publish, retire or roll back', async () => {
    const s = await submitted();
    expect((await refusal(s.changes.approve('order', 2, { actor: keyUser2 }))).code).toBe('NOT_PERMITTED');
    expect((await refusal(s.changes.sendBack('order', 2, { actor: keyUser2, reason: 'no' }))).code).toBe('NOT_PERMITTED');
    await s.changes.approve('order', 2, { actor: ada });
    const pub = await refusal(s.changes.publish('order', 2, { actor: keyUser }));
    expect(pub.code).toBe('NOT_PERMITTED');
    expect(pub.message).toMatch(/publish a flow version/);
    expect((await refusal(s.changes.retire('order', 1, { actor: keyUser, reason: 'old' }))).code).toBe('NOT_PERMITTED');
    expect((await refusal(s.changes.republish('order', 1, { actor: keyUser, reason: 'old' }))).code).toBe('NOT_PERMITTED');
    // Someone with neither role may not even draft.
    expect((await refusal(s.changes.draft({ ...v2, version: 3 }, { actor: sales }))).code).toBe('NOT_PERMITTED');
  });

  it('approving a version with lint errors is refused, naming the errors', async () => {
    const s = await submitted(unreachable);
    const e = await refusal(s.changes.approve('order', 2, { actor: ada }));
    expect(e.code).toBe('LINT_ERRORS');
    expect(e.message).toMatch(/1 lint error/);
    expect((await s.changes.version('order', 2)).stage).toBe('submitted');
  });

  it('refuses commands out of order: approving a draft, publishing unapproved, re-drafting a published version', async () => {
    const s = await setup();
    await s.changes.draft(v2, { actor: keyUser });
    expect((await refusal(s.changes.approve('order', 2, { actor: ada }))).code).toBe('CHANGE_STAGE');
    expect((await refusal(s.changes.publish('order', 2, { actor: ada }))).code).toBe('CHANGE_STAGE');
    expect((await refusal(s.changes.draft(orderFlow, { actor: keyUser }))).code).toBe('CHANGE_STAGE');
    expect((await refusal(s.changes.submit('order', 7, { actor: keyUser, note }))).code).toBe('UNKNOWN_FLOW');
    await s.changes.submit('order', 2, { actor: keyUser, note });
    expect((await refusal(s.changes.draft(v2, { actor: keyUser }))).code).toBe('CHANGE_STAGE');
  });

  it('asks for a change note in both languages and for reasons', async () => {
    const s = await setup();
    await s.changes.draft(v2, { actor: keyUser });
    const e = await refusal(s.changes.submit('order', 2, { actor: keyUser, note: { en: 'shorter SLA', zh: ' ' } }));
    expect(e.code).toBe('INVALID_VALUE');
    await s.changes.submit('order', 2, { actor: keyUser, note });
    expect((await refusal(s.changes.sendBack('order', 2, { actor: ada, reason: '' }))).code).toBe('INVALID_VALUE');
    expect((await refusal(s.changes.draft({ ...v2, version: 3, nodes: [] }, { actor: keyUser }))).code).toBe('INVALID_FLOW');
  });

  it('says every refusal in Chinese too', async () => {
    const s = await submitted();
    try {
      await s.changes.approve('order', 2, { actor: keyUser });
      expect.unreachable();
    } catch (e) {
      if (!isEngineError(e)) throw e;
      expect(formatEngineText(e.details.text!, { locale: 'zh' })).toMatch(/只有管理员.*批准流程变更/);
    }
    try {
      await s.changes.publish('order', 2, { actor: ada });
      expect.unreachable();
    } catch (e) {
      if (!isEngineError(e)) throw e;
      expect(formatEngineText(e.details.text!, { locale: 'zh' })).toBe('无法发布（只能发布已批准的版本）：流程“order”第 2 版已提交，正在等待审核。');
    }
  });
});
