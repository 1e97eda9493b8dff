import { describe } from 'vitest';
import { decisionBranchesLabelled } from '../../../src/analysis/rules/decision-branches-labelled.js';
import { chain, decision, edge, end, flow, orderFlow, start, task, v } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('decision-branches-labelled', () => {
  ruleTable(decisionBranchesLabelled, {
    valid: [{ name: 'labelled branches', flow: orderFlow() }],
    invalid: [
      {
        name: 'a branch with no label',
        flow: flow([start(), decision('d'), task('a'), task('b'), end()], [...chain('start', 'd'), edge('d', 'a', { guard: v('urgent'), label: { en: 'urgent' } }), edge('d', 'b', { default: true }), ...chain('a', 'end'), ...chain('b', 'end')]),
        edgeIds: ['d-b'],
        count: 1,
      },
    ],
  });
});
