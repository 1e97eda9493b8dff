import { describe } from 'vitest';
import { joinMatchesSplit } from '../../../src/analysis/rules/join-matches-split.js';
import { chain, decision, end, financeTask, flow, join, otherwise, parallel, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('join-matches-split', () => {
  ruleTable(joinMatchesSplit, {
    valid: [
      { name: 'two branches, two connections into the join', flow: flow([start(), parallel('p'), task('a'), financeTask('b'), join('j'), end()], [...chain('start', 'p', 'a', 'j', 'end'), ...chain('p', 'b', 'j')]) },
      {
        name: 'a decision before the split sends its other answer to the join',
        flow: flow(
          [start(), decision('d'), parallel('p'), task('a'), financeTask('b'), join('j'), end()],
          [...chain('start', 'd'), when('d', 'p', v('urgent')), otherwise('d', 'j'), ...chain('p', 'a', 'j', 'end'), ...chain('p', 'b', 'j')],
        ),
      },
      {
        name: 'answers inside a branch meet at a step before the join',
        flow: flow(
          [start(), parallel('p'), decision('d'), task('a1'), task('a2'), task('merge'), financeTask('b'), join('j'), end()],
          [...chain('start', 'p', 'd'), when('d', 'a1', v('urgent')), otherwise('d', 'a2'), ...chain('a1', 'merge'), ...chain('a2', 'merge', 'j'), ...chain('p', 'b', 'j', 'end')],
        ),
      },
    ],
    invalid: [
      {
        name: 'a split into 2 branches feeding a join drawn with 3 connections',
        flow: flow(
          [start(), parallel('p'), decision('d'), task('a1'), task('a2'), financeTask('b'), join('j'), end()],
          [...chain('start', 'p', 'd'), when('d', 'a1', v('urgent')), otherwise('d', 'a2'), ...chain('a1', 'j'), ...chain('a2', 'j'), ...chain('p', 'b', 'j', 'end')],
        ),
        nodeIds: ['j', 'p'],
        edgeIds: ['a1-j', 'a2-j', 'b-j'],
        message: /drawn with 3 incoming connections.*only 2 branches/,
        count: 1,
      },
    ],
  });
});
