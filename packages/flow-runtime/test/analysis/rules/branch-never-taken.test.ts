import { describe } from 'vitest';
import { branchNeverTaken } from '../../../src/analysis/rules/branch-never-taken.js';
import type { FlowEdge } from '../../../src/index.js';
import { chain, decision, edge, end, flow, orderFlow, otherwise, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

const decide = (...branches: FlowEdge[]) =>
  flow([start(), decision('d'), task('a'), task('b'), task('c'), end()], [...chain('start', 'd'), ...branches, ...chain('a', 'end'), ...chain('b', 'end'), ...chain('c', 'end')]);
const amount = v('order.amount');

describe('branch-never-taken', () => {
  ruleTable(branchNeverTaken, {
    valid: [
      // Behind a branch without a condition, the dead branches are unguarded-branch-first's single finding.
      { name: 'branches after a branch without a condition (another rule)', flow: decide(edge('d', 'a', { label: { en: 'always' } }), when('d', 'b', v('urgent')), otherwise('d', 'c')) },
      { name: 'the order flow', flow: orderFlow() },
      { name: 'bands in increasing order', flow: decide(when('d', 'a', { '>': [amount, 5000] }), when('d', 'b', { '>': [amount, 1000] }), otherwise('d', 'c')) },
      { name: 'different enum values', flow: decide(when('d', 'a', { '==': [v('order.type'), 'new'] }), when('d', 'b', { in: [v('order.type'), ['prepaid', 'sample']] }), otherwise('d', 'c')) },
      { name: 'conditions on different fields', flow: decide(when('d', 'a', { '>': [amount, 1000] }), when('d', 'b', { '>': [v('order.discount'), 10] }), otherwise('d', 'c')) },
      { name: 'integers: 1–5 then 6+ both possible', flow: decide(when('d', 'a', { '<=': [v('score'), 5] }), when('d', 'b', { '>': [v('score'), 5] })) },
    ],
    invalid: [
      {
        name: 'a wider band first hides a narrower one',
        flow: decide(when('d', 'a', { '>': [amount, 1000] }), when('d', 'b', { '>': [amount, 5000] }), otherwise('d', 'c')),
        edgeIds: ['d-b', 'd-a'],
        count: 1,
        message: /never taken.*earlier branch/,
      },
      { name: 'a condition that can never hold', flow: decide(when('d', 'a', { and: [{ '>': [amount, 10] }, { '<': [amount, 5] }] }), otherwise('d', 'b')), edgeIds: ['d-a'], message: /can never hold/ },
      { name: 'enum values already taken', flow: decide(when('d', 'a', { in: [v('order.type'), ['new', 'prepaid']] }), when('d', 'b', { '==': [v('order.type'), 'prepaid'] }), otherwise('d', 'c')), edgeIds: ['d-b'] },
      {
        name: 'covered by two earlier branches together',
        flow: decide(when('d', 'a', { '<': [amount, 1000] }), when('d', 'b', { '>=': [amount, 500] }), when('d', 'c', { '==': [amount, 700] }), otherwise('d', 'end')),
        edgeIds: ['d-c'],
      },
      {
        name: 'the same computed comparison, written the other way round',
        flow: decide(
          when('d', 'a', { '>=': [v('customer.creditUsed'), { '*': [0.9, v('customer.creditLimit')] }] }),
          when('d', 'b', { '<=': [{ '*': [0.9, v('customer.creditLimit')] }, v('customer.creditUsed')] }),
          otherwise('d', 'c'),
        ),
        edgeIds: ['d-b'],
      },
    ],
  });
});
