import { describe } from 'vitest';
import { singleStart } from '../../../src/analysis/rules/single-start.js';
import { chain, end, flow, orderFlow, start, task } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('single-start', () => {
  ruleTable(singleStart, {
    valid: [{ name: 'one start', flow: orderFlow() }],
    invalid: [
      { name: 'no start', flow: flow([task('a'), end()], chain('a', 'end')), message: /no start/ },
      { name: 'two starts', flow: flow([start('s1'), start('s2'), task('a'), end()], [...chain('s1', 'a', 'end'), ...chain('s2', 'a')]), nodeIds: ['s1', 's2'], count: 1 },
    ],
  });
});
