import { describe } from 'vitest';
import { uncoveredValues } from '../../../src/analysis/rules/uncovered-values.js';
import type { FlowEdge } from '../../../src/index.js';
import { chain, decision, end, flow, orderFlow, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

const decide = (...branches: FlowEdge[]) => flow([start(), decision('d'), task('a'), task('b'), end()], [...chain('start', 'd'), ...branches, ...chain('a', 'end'), ...chain('b', 'end')]);
const amount = v('order.amount');

describe('uncovered-values', () => {
  ruleTable(uncoveredValues, {
    valid: [
      { name: 'a default branch covers the rest', flow: orderFlow() },
      { name: 'complementary numeric conditions', flow: decide(when('d', 'a', { '>': [amount, 1000] }), when('d', 'b', { '<=': [amount, 1000] })) },
      { name: 'every enum value', flow: decide(when('d', 'a', { in: [v('order.type'), ['new', 'prepaid']] }), when('d', 'b', { in: [v('order.type'), ['sample', 'rework']] })) },
      { name: 'a yes/no field both ways', flow: decide(when('d', 'a', v('urgent')), when('d', 'b', { '!': v('urgent') })) },
      { name: 'a computed comparison and its opposite', flow: decide(when('d', 'a', { '>=': [v('customer.creditUsed'), v('customer.creditLimit')] }), when('d', 'b', { '<': [v('customer.creditUsed'), v('customer.creditLimit')] })) },
      { name: 'integer bands with no gap', flow: decide(when('d', 'a', { '<=': [v('score'), 5] }), when('d', 'b', { '>=': [v('score'), 6] })) },
    ],
    invalid: [
      { name: 'a gap between two bands', flow: decide(when('d', 'a', { '<': [amount, 1000] }), when('d', 'b', { '>': [amount, 2000] })), nodeIds: ['d'], message: /amount is between 1,000 and 2,000/ },
      { name: 'enum values no branch takes', flow: decide(when('d', 'a', { '==': [v('order.type'), 'new'] }), when('d', 'b', { '==': [v('order.type'), 'prepaid'] })), message: /order type is sample or rework/ },
      { name: 'a single condition and no default', flow: decide(when('d', 'a', v('urgent'))), message: /not urgent/ },
      { name: 'a number boundary left out', flow: decide(when('d', 'a', { '<': [amount, 1000] }), when('d', 'b', { '>': [amount, 1000] })), message: /amount is 1,000/ },
    ],
  });
});
