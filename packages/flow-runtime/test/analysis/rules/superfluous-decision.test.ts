import { describe } from 'vitest';
import { superfluousDecision } from '../../../src/analysis/rules/superfluous-decision.js';
import { chain, decision, end, flow, orderFlow, otherwise, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('superfluous-decision', () => {
  ruleTable(superfluousDecision, {
    valid: [
      { name: 'a decision with two answers', flow: orderFlow() },
      {
        name: 'a decision merging two ways in',
        flow: flow(
          [start(), decision('d0'), task('a'), task('b'), decision('d'), end()],
          [...chain('start', 'd0'), when('d0', 'a', v('urgent')), otherwise('d0', 'b'), ...chain('a', 'd'), ...chain('b', 'd'), otherwise('d', 'end', 'go on')],
        ),
      },
    ],
    invalid: [
      { name: 'one way in, one way out', flow: flow([start(), task('a'), decision('d'), end()], [...chain('start', 'a', 'd'), otherwise('d', 'end', 'go on')]), nodeIds: ['d'], message: /'D\?' \(d\) has one way in and one way out/, count: 1 },
    ],
  });
});
