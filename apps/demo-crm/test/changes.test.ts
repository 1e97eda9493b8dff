import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEngineError, type Flow } from '@crm/flow-runtime';
import { actorFor, actorOf, SECOND_ADMIN } from '../src/runtime/actors';
import { catalog } from '../src/runtime/definitions';
import { changeLogFile, draftEditable, pendingChange, publishChange, submitDraft } from '../src/runtime/changes';
import { draftFromPublished } from '../src/runtime/publish';
import { openRuntime, type DemoRuntime } from '../src/runtime/runtime';

let rt: DemoRuntime;
const admin = actorFor('admin');
const admin2 = actorOf(SECOND_ADMIN);
const keyUser = actorFor('sales-manager');
const note = { en: 'SLA of Investigate 24 h → 8 h', zh: '调查时限由 24 小时缩短为 8 小时' };

/** The complaint flow with the Investigate SLA at `hours`. */
function withSla(flow: Flow, hours: number): Flow {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === 'investigate' && n.kind === 'task' ? { ...n, sla: { ...n.sla, hours } } : n)) } as Flow;
}

async function refusalCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isEngineError(e) ? e.code : String(e);
  }
  return 'none';
}

beforeAll(async () => {
  rt = await openRuntime('en', { dbName: 'changes-test', fresh: true });
});
afterAll(() => rt.close());

describe('change control in the demo', () => {
  it('a key user submits, the author cannot approve, an admin who did not author approves and publishes; the draft goes', async () => {
    const draft = await draftFromPublished(rt, 'complaint-handling', keyUser.id);
    const outcome = await submitDraft(rt, { flowId: 'complaint-handling', flow: withSla(draft.flow, 8), actor: keyUser, note });
    if (!outcome.submitted) throw new Error('not submitted');
    expect(outcome.record).toMatchObject({ version: 2, stage: 'submitted', note });
    const pending = await pendingChange(rt, 'complaint-handling');
    expect(pending?.stage).toBe('submitted');
    expect(draftEditable(pending)).toBe(false);
    // A key user (the author) may not approve, nor publish.
    expect(await refusalCode(rt.changes.approve('complaint-handling', 2, { actor: keyUser }))).toBe('NOT_PERMITTED');
    await rt.changes.approve('complaint-handling', 2, { actor: admin });
    expect(await refusalCode(publishChange(rt, 'complaint-handling', 2, { actor: keyUser }))).toBe('NOT_PERMITTED');
    const published = await publishChange(rt, 'complaint-handling', 2, { actor: admin });
    expect(published.stage).toBe('published');
    expect((await rt.engine.definition('complaint-handling', 2)).nodes.find((n) => n.id === 'investigate')).toMatchObject({ sla: { hours: 8 } });
    expect(await rt.db.drafts.get('complaint-handling')).toBeUndefined();
    expect(await pendingChange(rt, 'complaint-handling')).toBeUndefined();
  });

  it('every editor of the draft is an author: an admin who edited it cannot approve it, another admin can', async () => {
    const draft = await draftFromPublished(rt, 'quotation', keyUser.id);
    // The admin edits the same draft (as the Flows page records it).
    await rt.db.drafts.update('quotation', { editors: [keyUser.id, admin.id] });
    const outcome = await submitDraft(rt, { flowId: 'quotation', flow: { ...draft.flow, description: { en: 'v2', zh: '第二版' } }, actor: keyUser, note });
    expect(outcome.submitted).toBe(true);
    const record = await rt.changes.version('quotation', 2);
    expect(record.authors.map((a) => a.id).sort()).toEqual([admin.id, keyUser.id].sort());
    expect(await refusalCode(rt.changes.approve('quotation', 2, { actor: admin }))).toBe('SAME_ACTOR');
    await rt.changes.approve('quotation', 2, { actor: admin2 });
    expect((await rt.changes.version('quotation', 2)).approved?.by.id).toBe(SECOND_ADMIN.id);
  });

  it('refuses a draft identical to a published version with no window changed', async () => {
    const draft = await draftFromPublished(rt, 'credit-limit-review', keyUser.id);
    expect(await submitDraft(rt, { flowId: 'credit-limit-review', flow: draft.flow, actor: keyUser, note })).toEqual({ submitted: false, reason: 'unchanged' });
    expect(await pendingChange(rt, 'credit-limit-review')).toBeUndefined();
  });

  it('windows edited with a draft go live only when the change is published, scheduled by the demo clock', async () => {
    const draft = await draftFromPublished(rt, 'new-customer-approval', admin.id);
    const windows = structuredClone(catalog.windows);
    const edited = { ...structuredClone(catalog), windows: [...windows, { ...structuredClone(windows[0]!), id: 'return-request', name: { en: 'Return request', zh: '退货申请' } }] };
    await rt.db.drafts.update('new-customer-approval', { catalog: edited });
    const outcome = await submitDraft(rt, { flowId: 'new-customer-approval', flow: draft.flow, catalog: edited, actor: admin, note });
    expect(outcome.submitted).toBe(true);
    await rt.changes.approve('new-customer-approval', 2, { actor: admin2 });
    const at = rt.clock.now() + 3_600_000;
    expect((await publishChange(rt, 'new-customer-approval', 2, { actor: admin2, at })).stage).toBe('scheduled');
    expect(catalog.windows.some((w) => w.id === 'return-request')).toBe(false);
    await rt.setTime(at + 1);
    expect((await rt.changes.version('new-customer-approval', 2)).stage).toBe('published');
    expect(catalog.windows.some((w) => w.id === 'return-request')).toBe(true);
    expect(await rt.db.drafts.get('new-customer-approval')).toBeUndefined();
    expect(((await rt.db.meta.get('catalog'))?.value as typeof catalog).windows.some((w) => w.id === 'return-request')).toBe(true);
  });

  it('a sent-back change can be edited again and resubmitted; the change log exports note, reason and each version’s SOP', async () => {
    const draft = await draftFromPublished(rt, 'rework-order', keyUser.id);
    await submitDraft(rt, { flowId: 'rework-order', flow: { ...draft.flow, description: { en: 'first try', zh: '初稿' } }, actor: keyUser, note });
    await rt.changes.sendBack('rework-order', 2, { actor: admin, reason: 'Say which customers it affects' });
    const pending = await pendingChange(rt, 'rework-order');
    expect(pending?.stage).toBe('sent-back');
    expect(draftEditable(pending)).toBe(true);
    await submitDraft(rt, { flowId: 'rework-order', flow: { ...draft.flow, description: { en: 'second try', zh: '二稿' } }, actor: keyUser, note: { en: 'Rework for key accounts', zh: '重点客户返工' } });
    await rt.changes.approve('rework-order', 2, { actor: admin });
    await publishChange(rt, 'rework-order', 2, { actor: admin });
    const zh = await changeLogFile(rt, 'rework-order', 'zh', 'Asia/Shanghai');
    expect(zh.name).toBe('rework-order-change-log-zh.md');
    expect(zh.text).toContain('重点客户返工');
    expect(zh.text).toContain('Say which customers it affects');
    expect(zh.text).toContain('## 第 2 版');
    expect(zh.text).toContain('## 第 1 版');
    expect(zh.text.match(/### 标准作业程序/g)?.length).toBe(2);
    // People by their Chinese names in the Chinese file, English in the English one.
    expect(zh.text).toContain('张敏');
    expect(zh.text).toContain('孙浩');
    expect(zh.text).not.toContain('Zhang Min');
    const en = await changeLogFile(rt, 'rework-order', 'en');
    expect(en.text).toContain('Rework for key accounts');
    expect(en.text).toContain('Standard operating procedure');
    expect(en.text).toContain('Zhang Min');
    expect(en.text).not.toContain('张敏');
  });
});
