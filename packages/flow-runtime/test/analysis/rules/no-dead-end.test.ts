import { describe } from 'vitest';
import { noDeadEnd } from '../../../src/analysis/rules/no-dead-end.js';
import { chain, decision, end, flow, orderFlow, otherwise, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('no-dead-end', () => {
  ruleTable(noDeadEnd, {
    valid: [{ name: 'all ways lead to an end', flow: orderFlow() }],
    invalid: [
      {
        name: 'a branch that stops',
        flow: flow([start(), decision('d'), task('a'), task('stuck'), end()], [...chain('start', 'd'), when('d', 'stuck', { '>': [v('score'), 5] }), otherwise('d', 'a'), ...chain('a', 'end')]),
        nodeIds: ['stuck'],
        count: 1,
      },
    ],
  });
});
