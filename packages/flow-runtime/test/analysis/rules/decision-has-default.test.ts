import { describe } from 'vitest';
import { decisionHasDefault } from '../../../src/analysis/rules/decision-has-default.js';
import { chain, decision, edge, end, flow, orderFlow, otherwise, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

const shape = (branches: ReturnType<typeof when>[]) => flow([start(), decision('d'), task('a'), task('b'), end()], [...chain('start', 'd'), ...branches, ...chain('a', 'end'), ...chain('b', 'end')]);

describe('decision-has-default', () => {
  ruleTable(decisionHasDefault, {
    valid: [
      // Two defaults are decision-single-default's finding (an error), not this warning's.
      { name: 'two defaults (another rule)', flow: shape([otherwise('d', 'a'), otherwise('d', 'b', 'else')]) },
      { name: 'one default branch', flow: orderFlow() },
      { name: 'a last branch without a condition', flow: shape([when('d', 'a', v('urgent')), edge('d', 'b', { label: { en: 'else' } })]) },
    ],
    invalid: [
      { name: 'every branch has a condition', flow: shape([when('d', 'a', v('urgent')), when('d', 'b', { '>': [v('score'), 3] })]), nodeIds: ['d'], count: 1 },
      { name: 'a default with a condition', flow: shape([when('d', 'a', v('urgent')), edge('d', 'b', { default: true, guard: v('urgent') })]), edgeIds: ['d-b'] },
    ],
  });
});
