import { describe, expect, it } from 'vitest';
import { mandatoryNotBypassed } from '../../../src/analysis/rules/mandatory-not-bypassed.js';
import { chain, decision, end, financeTask, flow, join, orderFlow, otherwise, parallel, start, task, v, warehouseTask, when } from '../fixtures/build.js';
import { lintWith, ruleTable } from '../rule-table.js';

const bypassing = flow(
  [start(), task('entry'), decision('big'), financeTask('check', { mandatory: true }), warehouseTask('ship'), end()],
  [...chain('start', 'entry', 'big'), when('big', 'check', { '>': [v('order.amount'), 1000] }, 'big order'), otherwise('big', 'ship', 'small order'), ...chain('check', 'ship', 'end')],
);

describe('mandatory-not-bypassed', () => {
  ruleTable(mandatoryNotBypassed, {
    valid: [
      { name: 'mandatory step on every path', flow: orderFlow() },
      {
        name: 'mandatory step in a parallel branch (all branches run)',
        flow: flow([start(), parallel('p'), task('a'), financeTask('check', { mandatory: true }), join('j'), end()], [...chain('start', 'p', 'a', 'j', 'end'), ...chain('p', 'check', 'j')]),
      },
      {
        name: 'mandatory step inside a loop body that always runs',
        flow: flow([start(), task('entry', { mandatory: true }), decision('again'), end()], [...chain('start', 'entry', 'again'), when('again', 'entry', v('urgent'), 'again'), otherwise('again', 'end')]),
      },
    ],
    invalid: [
      { name: 'a decision routes around it', flow: bypassing, nodeIds: ['check'], edgeIds: ['big-ship'], count: 1, message: /Start → Entry → Big\? → Ship → End/ },
      {
        name: 'an early end skips it',
        flow: flow([start(), task('entry'), decision('go'), financeTask('check', { mandatory: true }), end(), end('dropped')], [...chain('start', 'entry', 'go'), when('go', 'check', v('urgent'), 'go on'), otherwise('go', 'dropped', 'drop'), ...chain('check', 'end')]),
        nodeIds: ['check'],
      },
      {
        name: 'a decision inside a parallel branch routes around it',
        flow: flow(
          [start(), parallel('p'), decision('d'), financeTask('check', { mandatory: true }), task('a'), warehouseTask('b'), join('j'), end()],
          [...chain('start', 'p', 'd'), when('d', 'check', v('urgent'), 'urgent'), otherwise('d', 'a'), ...chain('check', 'j'), ...chain('a', 'j'), ...chain('p', 'b', 'j', 'end')],
        ),
        nodeIds: ['check'],
      },
      {
        name: 'the parallel split holding it is itself bypassed',
        flow: flow(
          [start(), decision('d'), parallel('p'), financeTask('check', { mandatory: true }), task('a'), join('j'), end()],
          [...chain('start', 'd'), when('d', 'p', v('urgent'), 'urgent'), otherwise('d', 'end', 'skip'), ...chain('p', 'check', 'j'), ...chain('p', 'a', 'j', 'end')],
        ),
        nodeIds: ['check'],
      },
    ],
  });

  it('names the path that bypasses the step, in Chinese too', () => {
    const [d] = lintWith(mandatoryNotBypassed, bypassing, undefined, 'zh');
    expect(d!.message).toContain('必经步骤');
    expect(d!.message).toContain('Entry → Big? → Ship');
  });
});
