import { describe } from 'vitest';
import { noDuplicateEdges } from '../../../src/analysis/rules/no-duplicate-edges.js';
import { chain, decision, edge, end, financeTask, flow, join, orderFlow, otherwise, parallel, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('no-duplicate-edges', () => {
  ruleTable(noDuplicateEdges, {
    valid: [
      { name: 'one connection per pair of steps', flow: orderFlow() },
      {
        name: 'two branches of a decision with different conditions to one step',
        flow: flow([start(), decision('d'), task('a'), end()], [...chain('start', 'd'), when('d', 'a', v('urgent'), 'urgent'), when('d', 'a', { '>': [v('score'), 3] }, 'good score'), otherwise('d', 'end'), ...chain('a', 'end')]),
      },
    ],
    invalid: [
      {
        name: 'a split with two connections to the same task',
        flow: flow([start(), parallel('p'), task('a'), financeTask('b'), join('j'), end()], [...chain('start', 'p', 'a', 'j', 'end'), ...chain('p', 'b', 'j'), edge('p', 'b', { id: 'p-b-again' })]),
        nodeIds: ['p', 'b'],
        edgeIds: ['p-b', 'p-b-again'],
        message: /'B' \(b\) would run 2 times at once/,
        count: 1,
      },
      { name: 'a task with two connections to the same step', flow: flow([start(), task('a'), end()], [...chain('start', 'a', 'end'), edge('a', 'end', { id: 'a-end-2' })]), edgeIds: ['a-end', 'a-end-2'], count: 1 },
      {
        name: 'two decision branches with the same condition to one step',
        flow: flow([start(), decision('d'), task('a'), end()], [...chain('start', 'd'), when('d', 'a', v('urgent')), edge('d', 'a', { id: 'd-a-2', guard: v('urgent') }), otherwise('d', 'end'), ...chain('a', 'end')]),
        edgeIds: ['d-a', 'd-a-2'],
        count: 1,
      },
    ],
  });
});
