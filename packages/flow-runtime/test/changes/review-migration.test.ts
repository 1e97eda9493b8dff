import { describe, expect, it } from 'vitest';
import { createChangeControl } from '../../src/changes/control.js';
import { proposeNodeMap } from '../../src/changes/migration.js';
import { changeLogMarkdown } from '../../src/changes/changelog.js';
import type { Flow } from '../../src/schema/flow.js';
import { catalog, orderFlow, sales } from '../engine/fixtures.js';
import { HOUR, refusal, testEngine } from '../engine/helpers.js';

const keyUser = { id: 'kim', name: 'Kim', roles: ['key-user'] };
const ada = { id: 'ada', name: 'Ada', roles: ['admin'] };
const customer = { name: 'A', creditLimit: 100, creditUsed: 0, paymentTerms: 'net30' };

/** Version 2: a mandatory 'Know your customer' step before the credit check (now 4 h → 2 h), and 'pay' renamed to 'payment' (same name). */
const v2: Flow = {
  ...orderFlow,
  version: 2,
  nodes: [
    ...orderFlow.nodes.map((n) =>
      n.id === 'pay' ? { ...n, id: 'payment' } : n.id === 'credit' && n.kind === 'task' ? { ...n, sla: { hours: 2, escalateTo: 'sales-manager' } } : n,
    ),
    { id: 'kyc', kind: 'task', name: { en: 'Know your customer', zh: '客户尽职调查' }, roles: ['finance'], mandatory: true },
  ],
  edges: orderFlow.edges
    .map((e) => (e.id === 'e2' ? { ...e, target: 'kyc' } : e.id === 'e4' ? { ...e, target: 'payment' } : e.id === 'e6' ? { ...e, source: 'payment' } : e))
    .concat([{ id: 'e8', source: 'kyc', target: 'credit' }]),
};

async function world() {
  const t = await testEngine([orderFlow]);
  const changes = createChangeControl({ engine: t.engine, store: t.store, catalog, clock: t.clock, lint: { rules: { 'task-has-department': 'off' } } });
  // Case 1 stands at order entry; case 2 passed it and waits at the credit check.
  const c1 = (await t.engine.start('order', { actor: sales, hostData: { customer } })).instance.instanceId;
  const c2 = (await t.engine.start('order', { actor: sales, hostData: { customer } })).instance.instanceId;
  const [entry] = await t.engine.tasks(c2, { actor: sales });
  await t.engine.complete(c2, entry!.taskId, { actor: sales, data: { 'order.amount': 10 } });
  t.clock.advance(HOUR);
  await changes.draft(v2, { actor: keyUser });
  await changes.submit('order', 2, { actor: keyUser, note: { en: 'KYC before credit', zh: '信用审核前先做尽职调查' } });
  return { ...t, changes, c1, c2 };
}

describe('change control: review pack', () => {
  it('says the change in words, the lint delta, what changes per role, and the impact on running cases', async () => {
    const w = await world();
    const pack = await w.changes.reviewPack('order', 2, { actor: ada });
    expect(pack).toMatchObject({ version: 2, baseVersion: 1, stage: 'submitted', note: { en: 'KYC before credit' } });
    expect(pack.changes!.en.changes.some((c) => c.subject === 'sla' && /2 h/.test(c.text))).toBe(true);
    expect(pack.changes!.zh.changes.some((c) => c.kind === 'added' && c.id === 'kyc')).toBe(true);
    const finance = pack.roles.find((r) => r.role === 'finance')!;
    expect(finance.lines.en.join(' ')).toMatch(/Know your customer/);
    expect(finance.lines.zh.join(' ')).toMatch(/客户尽职调查/);
    expect(pack.lint.errors).toBe(0);
    expect(pack.lint.unchanged.length).toBeGreaterThan(0);
    expect(pack.impact).toMatchObject({ total: 2, canMove: 1, cannotMove: 1 });
    expect(pack.impact.byStep).toEqual([
      { version: 1, nodeId: 'credit', count: 1 },
      { version: 1, nodeId: 'entry', count: 1 },
    ]);
    const stuck = pack.impact.cases.find((c) => c.instanceId === w.c2)!;
    expect(stuck.ok).toBe(false);
    expect(stuck.reason!.en).toMatch(/Know your customer/);
    expect(stuck.reason!.zh).toMatch(/客户尽职调查/);
  });

  it('shows new and fixed lint findings between versions', async () => {
    const w = await world();
    const broken: Flow = { ...orderFlow, version: 3, edges: orderFlow.edges.map((e) => (e.id === 'e2' ? { ...e, target: 'enough' } : e)) };
    await w.changes.draft(broken, { actor: keyUser });
    const pack = await w.changes.reviewPack('order', 3, { actor: ada });
    expect(pack.lint.new.map((f) => f.rule)).toContain('no-unreachable');
    expect(pack.lint.new.find((f) => f.rule === 'no-unreachable')!.message.zh).not.toBe(pack.lint.new.find((f) => f.rule === 'no-unreachable')!.message.en);
    expect(pack.lint.errors).toBeGreaterThan(0);
  });

  it('runs the saved scenarios on the new version: pass or fail, and path coverage', async () => {
    const w = await world();
    const scenario = (outcome: string) => ({
      name: `amount 500: ${outcome}`,
      data: { customer },
      choices: { entry: { 'order.amount': 500 } },
      actors: { 'sales-rep': 'sam', finance: 'fay', warehouse: 'wes' },
      expect: { outcome },
    });
    const pack = await w.changes.reviewPack('order', 2, { actor: ada, scenarios: [scenario('rejected'), scenario('approved')] });
    expect(pack.scenarios).toMatchObject({ passed: 1, failed: 1 });
    expect(pack.scenarios!.results.find((r) => r.ok)!.path).toContain('kyc');
    expect(pack.scenarios!.coverage.total).toBeGreaterThan(pack.scenarios!.coverage.covered);
  });
});

describe('change control: moving running cases', () => {
  it('proposes the node mapping by id, then by name', () => {
    const map = proposeNodeMap(orderFlow, v2);
    expect(map.pay).toBe('payment');
    expect(map.credit).toBe('credit');
    expect(map.kyc).toBeUndefined();
  });

  it('dry-runs case by case, migrates the chosen cases one recorded command each, and leaves those that cannot move with the reason', async () => {
    const w = await world();
    await w.changes.approve('order', 2, { actor: ada });
    await w.changes.publish('order', 2, { actor: ada });
    const plan = await w.changes.planMigration('order', 2, { actor: ada });
    expect(plan.nodeMaps[1]).toMatchObject({ pay: 'payment', entry: 'entry' });
    expect(plan.cases.map((c) => [c.instanceId, c.ok, c.at, c.to])).toEqual([
      [w.c1, true, ['entry'], ['entry']],
      [w.c2, false, ['credit'], []],
    ]);
    // Nothing moved by the dry run.
    expect((await w.engine.instance(w.c1)).version).toBe(1);
    const moved = await w.changes.migrateCases('order', 2, { actor: ada, instanceIds: [w.c1, w.c2] });
    expect(moved.map((c) => [c.instanceId, c.ok])).toEqual([
      [w.c1, true],
      [w.c2, false],
    ]);
    expect(moved[1]!.code).toBe('INVALID_MIGRATION');
    expect(moved[1]!.reason!.en).toMatch(/Know your customer/);
    expect((await w.engine.instance(w.c1)).version).toBe(2);
    expect((await w.engine.instance(w.c2)).version).toBe(1);
    const v = await w.changes.version('order', 2);
    expect(v.migrations).toEqual([expect.objectContaining({ instanceId: w.c1, fromVersion: 1, toVersion: 2, by: expect.objectContaining({ id: 'ada' }) })]);
    // Only administrators move cases.
    expect((await refusal(w.changes.migrateCases('order', 2, { actor: keyUser, instanceIds: [w.c2] }))).code).toBe('NOT_PERMITTED');
    // An edited mapping is used as given: mapping the credit check onto KYC lets case 2 move (KYC still to do).
    const edited = await w.changes.migrateCases('order', 2, { actor: ada, instanceIds: [w.c2], nodeMaps: { 1: { ...plan.nodeMaps[1], credit: 'kyc' } } });
    expect(edited[0]).toMatchObject({ ok: true, to: ['kyc'] });
  });
});

describe('change control: the change log as Markdown', () => {
  it('writes versions, notes, reviewers, publish times and migrations, with each version SOP, in English and Chinese', async () => {
    const w = await world();
    await w.changes.sendBack('order', 2, { actor: ada, reason: 'Name the KYC owner' });
    await w.changes.draft(v2, { actor: keyUser });
    await w.changes.submit('order', 2, { actor: keyUser, note: { en: 'KYC before credit, by finance', zh: '信用审核前由财务做尽职调查' } });
    await w.changes.approve('order', 2, { actor: ada });
    await w.changes.publish('order', 2, { actor: ada });
    await w.changes.migrateCases('order', 2, { actor: ada, instanceIds: [w.c1] });
    const versions = await w.changes.versions('order');
    const definitions = new Map([1, 2].map((v) => [v, v === 1 ? orderFlow : v2] as const));
    const en = changeLogMarkdown(versions, { locale: 'en', catalog, definitions });
    expect(en).toMatch(/## Version 2\n\n- \*\*Stage\*\*: published/);
    expect(en).toMatch(/Change note\*\*: KYC before credit, by finance/);
    expect(en).toMatch(/Sent back\*\*: .*by Ada: Name the KYC owner/);
    expect(en).toMatch(/Approved\*\*: .*by Ada/);
    expect(en).toMatch(new RegExp(`${w.c1}: v1 → v2`));
    expect(en).toMatch(/## Version 1\n\n- \*\*Stage\*\*: published\n- Deployed before change control/);
    expect(en.match(/### Standard operating procedure/g)).toHaveLength(2);
    // one heading per SOP: the SOP's own title is not repeated under it
    expect(en).not.toMatch(/### .* — Standard operating procedure/);
    expect(en).toMatch(/Know your customer/);
    const zh = changeLogMarkdown(versions, { locale: 'zh', catalog, definitions });
    expect(zh).toMatch(/## 第 2 版/);
    expect(zh).toMatch(/变更说明\*\*: 信用审核前由财务做尽职调查/);
    expect(zh).toMatch(/迁移到此版本的单据\*\*: 1/);
    expect(zh).toMatch(/### 标准作业程序/);
  });
});
