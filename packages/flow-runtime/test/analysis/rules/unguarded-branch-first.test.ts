import { describe } from 'vitest';
import { unguardedBranchFirst } from '../../../src/analysis/rules/unguarded-branch-first.js';
import { chain, decision, edge, end, flow, orderFlow, otherwise, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';
import type { FlowEdge } from '../../../src/index.js';

const decide = (...branches: FlowEdge[]) => flow([start(), decision('d'), task('a'), task('b'), task('c'), end()], [...chain('start', 'd'), ...branches, ...chain('a', 'end'), ...chain('b', 'end'), ...chain('c', 'end')]);

describe('unguarded-branch-first', () => {
  ruleTable(unguardedBranchFirst, {
    valid: [
      { name: 'conditions, then a default', flow: orderFlow() },
      { name: 'a last branch without a condition (the catch-all)', flow: decide(when('d', 'a', v('urgent')), edge('d', 'b', { label: { en: 'others' } })) },
    ],
    invalid: [
      { name: 'a branch without a condition listed first', flow: decide(edge('d', 'a', { label: { en: 'always' } }), when('d', 'b', v('urgent')), otherwise('d', 'c')), nodeIds: ['d'], edgeIds: ['d-a', 'd-b', 'd-c'], message: /takes every case/, count: 1 },
      { name: 'in the middle, before a default', flow: decide(when('d', 'a', v('urgent')), edge('d', 'b'), otherwise('d', 'c')), edgeIds: ['d-b', 'd-c'], count: 1 },
    ],
  });
});
