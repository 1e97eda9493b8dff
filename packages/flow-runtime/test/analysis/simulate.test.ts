import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogOrThrow, parseFlowOrThrow, type Flow } from '../../src/index.js';
import { simulate, testScenarios, matchesPath, type Scenario } from '../../src/analysis-entry.js';
import { catalog } from './fixtures/catalog.js';
import { chain, decision, end, financeTask, flow, join, orderFlow, parallel, start, task, v, wait, warehouseTask, when } from './fixtures/build.js';
import { EXAMPLES_DIR } from '../paths.js';

const actors = { 'sales-rep': 'Li Na', finance: 'Chen Jing', warehouse: 'Zhao Lei' };
const approvedRun: Scenario = {
  name: 'approved',
  data: { order: { id: 'SO-1' } },
  choices: { entry: { order: { amount: 1200 } }, check: { order: { approved: true } }, ship: { order: { shipDate: '2024-04-10' } } },
  actors,
  expect: { path: ['start', 'entry', 'check', 'approved', 'ship', 'shipped'], outcome: 'shipped' },
};

describe('simulate()', () => {
  it('runs a scenario on the engine and traces who did what, and which branch was taken with the values it read', async () => {
    const r = await simulate(orderFlow(), approvedRun, { catalog });
    expect(r).toMatchObject({ ok: true, status: 'completed', outcome: 'shipped', failures: [] });
    expect(r.path).toEqual(approvedRun.expect!.path);
    expect(r.trace.map((s) => s.type)).toEqual(['task', 'task', 'decision', 'task', 'end']);
    expect(r.trace[0]).toMatchObject({ type: 'task', nodeId: 'entry', by: { id: 'Li Na', roles: ['sales-rep'] }, changes: [{ path: 'order.amount', from: null, to: 1200 }] });
    expect(r.trace[2]).toEqual({ type: 'decision', nodeId: 'approved', name: 'Approved?', edgeId: 'approved-ship', to: 'ship', label: 'approved', byDefault: false, because: 'approved', values: { 'order.approved': true } });
  });

  it('names people in the reader’s language when a scenario gives their names per language, keeping the English as their id', async () => {
    const named: Scenario = { ...approvedRun, actors: { 'sales-rep': { en: 'Li Na', zh: '李娜' }, finance: { en: 'Chen Jing', zh: '陈静' }, warehouse: 'Zhao Lei' } };
    const zh = await simulate(orderFlow(), named, { catalog, locale: 'zh' });
    expect(zh.ok).toBe(true);
    expect(zh.trace.filter((s) => s.type === 'task').map((s) => ('by' in s ? s.by : undefined))).toEqual([
      { id: 'Li Na', name: '李娜', roles: ['sales-rep'] },
      { id: 'Chen Jing', name: '陈静', roles: ['finance'] },
      { id: 'Zhao Lei', name: 'Zhao Lei', roles: ['warehouse'] },
    ]);
    const en = await simulate(orderFlow(), named, { catalog });
    expect(en.trace[0]).toMatchObject({ by: { id: 'Li Na', name: 'Li Na' } });
  });

  it('explains a default branch by the conditions that did not hold, in Chinese too', async () => {
    const r = await simulate(orderFlow(), { ...approvedRun, choices: { ...approvedRun.choices, check: { order: { approved: false } } }, expect: { outcome: 'rejected' } }, { catalog, locale: 'zh' });
    expect(r.ok).toBe(true);
    expect(r.trace.find((s) => s.type === 'decision')).toMatchObject({ byDefault: true, because: '已批准为“否”', values: { 'order.approved': false } });
  });

  it('reports what differs from the expectation', async () => {
    const r = await simulate(orderFlow(), { ...approvedRun, expect: { path: ['start', '…', 'rejected'], outcome: 'rejected' } }, { catalog });
    expect(r.ok).toBe(false);
    expect(r.status).toBe('completed');
    expect(r.failures).toEqual([expect.stringContaining('Expected the path start → … → rejected'), "Expected the outcome 'rejected', but it ended with 'shipped'."]);
  });

  it('shows the engine refusing a step, with its code and message', async () => {
    // Finance may only view the amount in the credit-check window.
    const r = await simulate(orderFlow(), { ...approvedRun, choices: { ...approvedRun.choices, check: { order: { approved: true, amount: 1 } } } }, { catalog });
    expect(r.status).toBe('refused');
    expect(r.trace.at(-1)).toMatchObject({ type: 'refused', nodeId: 'check', code: 'FIELD_NOT_EDITABLE' });
    expect(r.failures[0]).toMatch(/^Check: .*amount/i);
  });

  it('says when nobody in the scenario plays a role', async () => {
    const r = await simulate(orderFlow(), { ...approvedRun, actors: { 'sales-rep': 'Li Na' } }, { catalog });
    expect(r.status).toBe('stuck');
    expect(r.failures[0]).toContain('Nobody in the scenario plays finance');
  });

  it('runs parallel branches and delivers waited-for data or lets the timer fire', async () => {
    const f = flow(
      [start(), parallel('p'), task('a'), financeTask('b'), join('j'), wait('paid', { until: v('urgent'), timer: { hours: 48 } }), warehouseTask('ship'), end()],
      [...chain('start', 'p', 'a', 'j', 'paid', 'ship', 'end'), ...chain('p', 'b', 'j')],
    );
    const base: Scenario = { actors, choices: { b: { order: { approved: true } }, a: { order: { amount: 5 } }, ship: { order: { shipDate: '2024-05-01' } } } };
    const byData = await simulate(f, { ...base, choices: { ...base.choices, paid: { urgent: true } } }, { catalog });
    expect(byData.ok).toBe(true);
    expect(byData.trace.filter((s) => s.type === 'parallel' || s.type === 'join' || s.type === 'wait').map((s) => s.type)).toEqual(['parallel', 'join', 'wait']);
    expect(byData.trace.find((s) => s.type === 'wait')).toMatchObject({ ended: 'condition' });
    const byTimer = await simulate(f, base, { catalog });
    expect(byTimer.trace.find((s) => s.type === 'wait')).toMatchObject({ ended: 'timer' });
  });

  it('stops with a reason when a decision has no way to go (an engine incident)', async () => {
    const f = flow([start(), task('entry'), decision('big'), task('x'), end()], [...chain('start', 'entry', 'big'), when('big', 'x', { '>': [v('order.amount'), 100] }, 'big'), ...chain('x', 'end')]);
    const r = await simulate(f, { actors, choices: { entry: { order: { amount: 5 } } } }, { catalog });
    expect(r.status).toBe('incident');
    expect(r.failures[0]).toMatch(/None of the conditions after .*Big\?.* holds.*\[NO_PATH\]/);
  });

  it('matches expected paths with … gaps', () => {
    expect(matchesPath(['a', 'b', 'c', 'd'], ['a', '…', 'd'])).toBe(true);
    expect(matchesPath(['a', 'b', 'c', 'd'], ['a', '…', 'c', '…', 'd'])).toBe(true);
    expect(matchesPath(['a', 'b', 'c', 'd'], ['a', '…', 'x', '…', 'd'])).toBe(false);
    expect(matchesPath(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
  });
});

describe('the sample scenarios on the engine', () => {
  const sampleCatalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')));
  const flows: Flow[] = readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'catalog.json')
    .map((f) => parseFlowOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}${f}`, 'utf8')), sampleCatalog));
  const registry = new Map(flows.map((f) => [f.id, [f]]));

  it.each(flows.map((f) => [f.id, f] as const))('%s: every scenario passes, and together they take every branch and reach every end', async (id, f) => {
    const scenarios = JSON.parse(readFileSync(`${EXAMPLES_DIR}scenarios/${id}.scenarios.json`, 'utf8')) as Scenario[];
    const report = await testScenarios(f, scenarios, { catalog: sampleCatalog, flows: registry });
    expect(report.results.filter((r) => !r.ok).map((r) => `${r.scenario}: ${r.failures.join('; ')}`)).toEqual([]);
    expect(report.coverage.branches.uncovered).toEqual([]);
    expect(report.coverage.ends.uncovered).toEqual([]);
    expect(report.coverage.paths.covered).toBeGreaterThan(0);
  });

  it('hands a sub-flow’s results back through the flow’s own output mapping', async () => {
    const f = flows.find((x) => x.id === 'new-order')!;
    const scenarios = JSON.parse(readFileSync(`${EXAMPLES_DIR}scenarios/new-order.scenarios.json`, 'utf8')) as Scenario[];
    const raised = scenarios.find((s) => JSON.stringify(s.choices).includes('request-limit'))!;
    const r = await simulate(f, raised, { catalog: sampleCatalog, flows: registry });
    expect(r.ok).toBe(true);
    const sub = r.trace.find((s) => s.type === 'subflow');
    expect(sub).toMatchObject({ type: 'subflow', flowId: 'credit-limit-review', changes: [expect.objectContaining({ path: 'customer.creditLimit' })] });
  });
});

describe('testScenarios() coverage', () => {
  it('counts paths, branches and ends, and lists the paths no scenario walks', async () => {
    const report = await testScenarios(orderFlow(), [approvedRun], { catalog });
    expect(report).toMatchObject({ passed: 1, failed: 0 });
    expect(report.coverage.paths).toMatchObject({ covered: 1, total: 2 });
    expect(report.coverage.paths.uncovered.map((p) => p.endId)).toEqual(['rejected']);
    expect(report.coverage.branches).toEqual({ covered: 1, total: 2, uncovered: ['approved-rejected'] });
    expect(report.coverage.ends).toEqual({ covered: 1, total: 2, uncovered: ['rejected'] });
  });
});
