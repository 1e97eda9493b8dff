import { describe } from 'vitest';
import { labelRequired } from '../../../src/analysis/rules/label-required.js';
import { chain, edge, end, flow, orderFlow, start, task, v } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('label-required', () => {
  ruleTable(labelRequired, {
    valid: [
      { name: 'real names', flow: orderFlow() },
      { name: 'bilingual names', flow: flow([start(), task('a', { name: { en: 'Enter order', zh: '录入订单' } }), end('end', { name: { en: 'Done', zh: '完成' } })], chain('start', 'a', 'end')) },
    ],
    invalid: [
      { name: 'a placeholder name', flow: flow([start(), task('a', { name: { en: 'New task 3' } }), end()], chain('start', 'a', 'end')), nodeIds: ['a'] },
      { name: 'named by its id', flow: flow([start(), task('t-17', { name: { en: 't-17' } }), end()], chain('start', 't-17', 'end')), nodeIds: ['t-17'] },
      { name: 'a blank name', flow: flow([start(), task('a', { name: { en: '   ' } }), end()], chain('start', 'a', 'end')), nodeIds: ['a'] },
      { name: 'a missing Chinese name in a bilingual flow', flow: flow([start(), task('a', { name: { en: 'Enter order', zh: '录入订单' } }), task('b', { name: { en: 'Check order' } }), end('end', { name: { en: 'Done', zh: '完成' } })], chain('start', 'a', 'b', 'end')), nodeIds: ['b'], count: 1 },
      { name: 'a conditional connection outside a decision without a label', flow: flow([start(), task('a'), end()], [...chain('start', 'a'), edge('a', 'end', { guard: v('urgent') })]), edgeIds: ['a-end'] },
    ],
  });
});
