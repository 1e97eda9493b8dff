// Clean but tricky flows: shapes a linter easily gets wrong. Each must lint
// with no error (and, where said, no warning either).
import { describe, expect, it } from 'vitest';
import { type Flow } from '../../src/index.js';
import { lintFlow } from '../../src/analysis-entry.js';
import { catalog } from './fixtures/catalog.js';
import { chain, decision, edge, end, financeTask, flow, join, otherwise, parallel, start, subflow, system, task, v, wait, warehouseTask, when } from './fixtures/build.js';

const child: Flow = flow([start(), financeTask('review'), decision('ok'), end('granted', { outcome: 'granted' }), end('refused', { outcome: 'refused' })], [...chain('start', 'review', 'ok'), when('ok', 'granted', v('order.approved'), 'yes'), otherwise('ok', 'refused', 'no')], { id: 'limit-review' });

const cases: Array<[string, Flow, Map<string, Flow[]>?]> = [
  ['a parallel split inside a loop', flow([start(), task('entry'), parallel('p'), financeTask('a'), warehouseTask('b'), join('j'), decision('again'), end()], [...chain('start', 'entry', 'p', 'a', 'j', 'again'), ...chain('p', 'b', 'j'), when('again', 'entry', v('urgent'), 'again'), otherwise('again', 'end')])],
  ['a decision before a split sending one answer straight to the join', flow([start(), decision('d'), parallel('p'), task('a'), financeTask('b'), join('j'), end()], [...chain('start', 'd'), when('d', 'p', v('urgent'), 'urgent'), otherwise('d', 'j'), ...chain('p', 'a', 'j', 'end'), ...chain('p', 'b', 'j')])],
  ['a sub-flow whose output reads the child outcome', flow([start(), subflow('ask', 'limit-review', { output: { urgent: { '==': [v('outcome'), 'granted'] } } }), decision('granted'), task('a'), end()], [...chain('start', 'ask', 'granted'), when('granted', 'a', v('urgent'), 'granted'), otherwise('granted', 'end', 'refused'), ...chain('a', 'end')]), new Map([['limit-review', [child]]])],
  ['a wait on data an automatic step writes', flow([start(), task('entry'), system('flag', { assign: [{ target: 'urgent', value: true }] }), wait('w', { until: v('urgent') }), end()], chain('start', 'entry', 'flag', 'w', 'end'))],
  ['a wait on unwritten data with a timer', flow([start(), task('entry'), wait('w', { until: { '>': [v('score'), 3] }, timer: { hours: 48 } }), end()], chain('start', 'entry', 'w', 'end'))],
  ['answers inside a branch meeting at a step before the join', flow([start(), parallel('p'), decision('d'), task('a1'), task('a2'), task('merge'), financeTask('b'), join('j'), end()], [...chain('start', 'p', 'd'), when('d', 'a1', v('urgent'), 'urgent'), otherwise('d', 'a2'), ...chain('a1', 'merge'), ...chain('a2', 'merge', 'j'), ...chain('p', 'b', 'j', 'end')])],
  ['nested parallel splits', flow([start(), parallel('p'), parallel('q'), task('a'), financeTask('b'), join('qj'), warehouseTask('c'), join('pj'), end()], [...chain('start', 'p', 'q', 'a', 'qj', 'pj', 'end'), ...chain('q', 'b', 'qj'), ...chain('p', 'c', 'pj')])],
  ['separation of duties on the later step of a loop', flow([start(), task('entry'), financeTask('approve', { notSameActorAs: ['entry'] }), decision('ok'), end()], [...chain('start', 'entry', 'approve', 'ok'), when('ok', 'end', v('order.approved'), 'approved'), otherwise('ok', 'entry', 'rework')])],
  ['a catch-all branch listed last', flow([start(), task('entry'), decision('d'), financeTask('a'), warehouseTask('b'), end()], [...chain('start', 'entry', 'd'), when('d', 'a', { '>': [v('order.amount'), 1000] }, 'big'), edge('d', 'b', { label: { en: 'others' } }), ...chain('a', 'end'), ...chain('b', 'end')])],
  ['two conditions of one decision leading to the same step', flow([start(), task('entry'), decision('d'), financeTask('a'), end()], [...chain('start', 'entry', 'd'), when('d', 'a', v('urgent'), 'urgent'), { ...when('d', 'a', { '>': [v('order.amount'), 1000] }, 'big'), id: 'd-a-big' }, otherwise('d', 'end'), ...chain('a', 'end')])],
  [
    'a gate holding shipping while the amount is over a limit',
    flow([start(), task('entry'), warehouseTask('ship'), end()], chain('start', 'entry', 'ship', 'end'), {
      controls: [{ id: 'big', kind: 'gate', name: { en: 'Big orders wait', zh: '大额订单等待' }, when: { '>': [v('order.amount'), 100000] }, message: { en: 'Held', zh: '已拦截' }, blocks: ['ship'] }],
    }),
  ],
];

describe('clean tricky flows lint with no errors', () => {
  it('there are at least ten', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  it.each(cases)('%s', (_name, f, flows) => {
    const { diagnostics } = lintFlow(f, catalog, flows ? { flows } : {});
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
  });
});
