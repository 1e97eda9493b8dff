import { describe } from 'vitest';
import { parallelJoinBalanced } from '../../../src/analysis/rules/parallel-join-balanced.js';
import { chain, decision, end, flow, join, orderFlow, otherwise, parallel, start, task, v, warehouseTask, when, financeTask } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

const balanced = flow([start(), parallel('p'), task('a'), financeTask('b'), join('j'), end()], [...chain('start', 'p', 'a', 'j', 'end'), ...chain('p', 'b', 'j')]);

describe('parallel-join-balanced', () => {
  ruleTable(parallelJoinBalanced, {
    valid: [
      { name: 'no parallel at all', flow: orderFlow() },
      { name: 'two branches meeting at one join', flow: balanced },
      {
        name: 'a decision inside a branch whose both answers reach the join',
        flow: flow(
          [start(), parallel('p'), decision('d'), task('a1'), task('a2'), financeTask('b'), join('j'), end()],
          [...chain('start', 'p', 'd'), when('d', 'a1', v('urgent')), otherwise('d', 'a2'), ...chain('a1', 'j'), ...chain('a2', 'j'), ...chain('p', 'b', 'j', 'end')],
        ),
      },
      {
        name: 'a decision before the split lets its other answer go straight to the join',
        flow: flow(
          [start(), decision('d'), parallel('p'), task('a'), financeTask('b'), join('j'), end()],
          [...chain('start', 'd'), when('d', 'p', v('urgent')), otherwise('d', 'j'), ...chain('p', 'a', 'j', 'end'), ...chain('p', 'b', 'j')],
        ),
      },
      {
        name: 'a split inside a loop',
        flow: flow(
          [start(), task('entry'), parallel('p'), task('a'), financeTask('b'), join('j'), decision('again'), end()],
          [...chain('start', 'entry', 'p', 'a', 'j', 'again'), ...chain('p', 'b', 'j'), when('again', 'entry', v('urgent')), otherwise('again', 'end')],
        ),
      },
    ],
    invalid: [
      {
        name: 'a branch that loops back to its own split before the join (the join waits for it forever)',
        flow: flow([start(), parallel('p'), task('a'), task('again'), financeTask('b'), warehouseTask('c'), join('j'), end()], [...chain('start', 'p', 'a', 'again', 'p'), ...chain('p', 'b', 'j', 'end'), ...chain('p', 'c', 'j')]),
        nodeIds: ['p', 'j'],
        edgeIds: ['p-a'],
        message: /can lead back to the split before it comes to join/,
        count: 1,
      },
      { name: 'a split with one branch', flow: flow([start(), parallel('p'), task('a'), end()], chain('start', 'p', 'a', 'end')), nodeIds: ['p'] },
      { name: 'branches that never meet', flow: flow([start(), parallel('p'), task('a'), financeTask('b'), end('e1'), end('e2')], [...chain('start', 'p', 'a', 'e1'), ...chain('p', 'b', 'e2')]), nodeIds: ['p'], message: /never meet/ },
      {
        name: 'a branch that can leave before the join',
        flow: flow(
          [start(), parallel('p'), decision('d'), task('a'), financeTask('b'), join('j'), end(), end('cancelled')],
          [...chain('start', 'p', 'd'), when('d', 'cancelled', v('urgent')), otherwise('d', 'a'), ...chain('a', 'j'), ...chain('p', 'b', 'j', 'end')],
        ),
        edgeIds: ['p-d'],
      },
      {
        name: 'branches meeting at different joins',
        flow: flow(
          [start(), parallel('p'), task('a'), financeTask('b'), warehouseTask('c'), join('j1'), join('j2'), end()],
          [...chain('start', 'p', 'a', 'j1', 'j2', 'end'), ...chain('p', 'b', 'j1'), ...chain('p', 'c', 'j2')],
        ),
        message: /join/,
      },
      { name: 'a join with one branch', flow: flow([start(), task('a'), join('j'), end()], chain('start', 'a', 'j', 'end')), nodeIds: ['j'] },
    ],
  });
});
