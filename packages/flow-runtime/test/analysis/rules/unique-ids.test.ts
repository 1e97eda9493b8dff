import { describe } from 'vitest';
import { uniqueIds } from '../../../src/analysis/rules/unique-ids.js';
import { chain, edge, end, flow, orderFlow, start, task } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('unique-ids', () => {
  ruleTable(uniqueIds, {
    valid: [{ name: 'distinct ids', flow: orderFlow() }],
    invalid: [
      { name: 'two steps with one id', flow: flow([start(), task('a'), task('a'), end()], chain('start', 'a', 'end')), nodeIds: ['a'], count: 1 },
      { name: 'two connections with one id', flow: flow([start(), task('a'), end()], [edge('start', 'a', { id: 'x' }), edge('a', 'end', { id: 'x' })]), edgeIds: ['x'] },
    ],
  });
});
