import { describe } from 'vitest';
import { joinAfterExclusive } from '../../../src/analysis/rules/join-after-exclusive.js';
import { chain, decision, end, financeTask, flow, join, otherwise, parallel, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('join-after-exclusive', () => {
  ruleTable(joinAfterExclusive, {
    valid: [
      {
        name: 'a decision before a split whose other answer goes straight to the join',
        flow: flow(
          [start(), decision('d'), parallel('p'), task('a'), financeTask('b'), join('j'), end()],
          [...chain('start', 'd'), when('d', 'p', v('urgent')), otherwise('d', 'j'), ...chain('p', 'a', 'j', 'end'), ...chain('p', 'b', 'j')],
        ),
      },
      { name: 'a join after a parallel split', flow: flow([start(), parallel('p'), task('a'), financeTask('b'), join('j'), end()], [...chain('start', 'p', 'a', 'j', 'end'), ...chain('p', 'b', 'j')]) },
      {
        name: 'a decision inside a parallel branch, answers meeting at the split’s join',
        flow: flow(
          [start(), parallel('p'), decision('d'), task('a1'), task('a2'), financeTask('b'), join('j'), end()],
          [...chain('start', 'p', 'd'), when('d', 'a1', v('urgent')), otherwise('d', 'a2'), ...chain('a1', 'j'), ...chain('a2', 'j'), ...chain('p', 'b', 'j', 'end')],
        ),
      },
    ],
    invalid: [
      {
        name: 'the same, but inside the branch of an outer split (the skipping answer waits for its siblings forever)',
        flow: flow(
          [start(), parallel('outer'), task('x'), decision('d'), parallel('p'), task('a'), financeTask('b'), join('j'), join('oj'), end()],
          [...chain('start', 'outer', 'x', 'oj', 'end'), ...chain('outer', 'd'), when('d', 'p', v('urgent')), otherwise('d', 'j'), ...chain('p', 'a', 'j', 'oj'), ...chain('p', 'b', 'j')],
        ),
        nodeIds: ['j'],
      },
      {
        name: 'a join merging the answers of a decision',
        flow: flow([start(), decision('d'), task('a'), financeTask('b'), join('j'), end()], [...chain('start', 'd'), when('d', 'a', v('urgent')), otherwise('d', 'b'), ...chain('a', 'j'), ...chain('b', 'j', 'end')]),
        nodeIds: ['j', 'd'],
        message: /only one of them runs, so there is nothing to wait for/,
      },
      {
        name: 'a loop coming back into a join',
        flow: flow(
          [start(), parallel('p'), task('a'), financeTask('b'), join('j'), decision('again'), end()],
          [...chain('start', 'p', 'a', 'j', 'again'), ...chain('p', 'b', 'j'), when('again', 'j', v('urgent'), 'again'), otherwise('again', 'end')],
        ),
        edgeIds: ['again-j'],
      },
      {
        name: 'a join inside one branch of a split',
        flow: flow(
          [start(), parallel('p'), decision('d'), task('a1'), task('a2'), join('inner'), financeTask('b'), join('j'), end()],
          [...chain('start', 'p', 'd'), when('d', 'a1', v('urgent')), otherwise('d', 'a2'), ...chain('a1', 'inner'), ...chain('a2', 'inner', 'j'), ...chain('p', 'b', 'j', 'end')],
        ),
        nodeIds: ['inner'],
        message: /wait forever/,
      },
    ],
  });
});
