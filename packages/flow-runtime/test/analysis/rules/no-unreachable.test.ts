import { describe } from 'vitest';
import { noUnreachable } from '../../../src/analysis/rules/no-unreachable.js';
import { chain, end, flow, orderFlow, start, task } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('no-unreachable', () => {
  ruleTable(noUnreachable, {
    valid: [
      { name: 'every step on a path', flow: orderFlow() },
      { name: 'no start at all (single-start reports that)', flow: flow([task('a'), end()], chain('a', 'end')) },
    ],
    invalid: [
      { name: 'an island', flow: flow([start(), task('a'), task('island'), end()], [...chain('start', 'a', 'end'), ...chain('island', 'end')]), nodeIds: ['island'], count: 1 },
    ],
  });
});
