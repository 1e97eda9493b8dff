import { describe } from 'vitest';
import { duplicateLabels } from '../../../src/analysis/rules/duplicate-labels.js';
import { chain, decision, end, flow, orderFlow, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('duplicate-labels', () => {
  ruleTable(duplicateLabels, {
    valid: [{ name: 'distinct names', flow: orderFlow() }],
    invalid: [
      { name: 'two steps called the same', flow: flow([start(), task('a', { name: { en: 'Check order' } }), task('b', { name: { en: 'check order' } }), end()], chain('start', 'a', 'b', 'end')), nodeIds: ['a', 'b'], count: 1 },
      {
        name: 'two branches with one label',
        flow: flow([start(), decision('d'), task('a'), task('b'), end()], [...chain('start', 'd'), when('d', 'a', v('urgent'), 'yes'), when('d', 'b', { '!': v('urgent') }, 'yes'), ...chain('a', 'end'), ...chain('b', 'end')]),
        edgeIds: ['d-a', 'd-b'],
      },
    ],
  });
});
