import { describe } from 'vitest';
import { noImplicitSplit } from '../../../src/analysis/rules/no-implicit-split.js';
import { chain, end, flow, orderFlow, parallel, join, start, task, wait, when, v } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('no-implicit-split', () => {
  ruleTable(noImplicitSplit, {
    valid: [
      { name: 'decision branches', flow: orderFlow() },
      { name: 'parallel split', flow: flow([start(), parallel('p'), task('a'), task('b'), join('j'), end()], [...chain('start', 'p', 'a', 'j', 'end'), ...chain('p', 'b', 'j')]) },
    ],
    invalid: [
      { name: 'a task with two ways out', flow: flow([start(), task('a'), task('b'), task('c'), end()], [...chain('start', 'a', 'b', 'end'), ...chain('a', 'c', 'end')]), nodeIds: ['a'], edgeIds: ['a-b', 'a-c'] },
      {
        name: 'a wait with two conditional ways out',
        flow: flow([start(), wait('w', { until: v('urgent') }), task('a'), task('b'), end()], [...chain('start', 'w'), when('w', 'a', v('urgent')), when('w', 'b', { '!': v('urgent') }), ...chain('a', 'end'), ...chain('b', 'end')]),
        nodeIds: ['w'],
      },
    ],
  });
});
