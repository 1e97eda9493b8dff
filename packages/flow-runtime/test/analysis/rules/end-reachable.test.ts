import { describe } from 'vitest';
import { endReachable } from '../../../src/analysis/rules/end-reachable.js';
import { chain, decision, edge, end, flow, orderFlow, otherwise, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('end-reachable', () => {
  ruleTable(endReachable, {
    valid: [
      { name: 'plain flow', flow: orderFlow() },
      {
        name: 'a loop with a way out',
        flow: flow([start(), task('a'), decision('again'), end()], [...chain('start', 'a', 'again'), when('again', 'a', { '<': [v('score'), 3] }, 'retry'), otherwise('again', 'end')]),
      },
      { name: 'a dead end (no-dead-end reports it)', flow: flow([start(), task('a'), end()], chain('start', 'a')) },
    ],
    invalid: [
      {
        name: 'a loop with no way out',
        flow: flow([start(), decision('d'), task('a'), task('b'), end()], [...chain('start', 'd'), when('d', 'a', v('urgent'), 'urgent'), otherwise('d', 'end'), ...chain('a', 'b'), edge('b', 'a')]),
        nodeIds: ['a', 'b'],
        count: 1,
      },
    ],
  });
});
