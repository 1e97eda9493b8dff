import { describe } from 'vitest';
import { guardVarsKnown } from '../../../src/analysis/rules/guard-vars-known.js';
import { chain, decision, end, flow, orderFlow, otherwise, start, system, task, v, when, wait } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

const guarded = (guard: unknown) => flow([start(), decision('d'), task('a'), end()], [...chain('start', 'd'), when('d', 'a', guard), otherwise('d', 'end'), ...chain('a', 'end')]);

describe('guard-vars-known', () => {
  ruleTable(guardVarsKnown, {
    valid: [
      { name: 'known fields', flow: guarded({ '>': [v('order.amount'), v('customer.creditLimit')] }) },
      { name: 'item fields inside some', flow: guarded({ some: [v('order.lines'), { '>': [v('qty'), 10] }] }) },
      { name: 'the plain order flow', flow: orderFlow() },
    ],
    invalid: [
      { name: 'a variable the flow lacks', flow: guarded({ '>': [v('invoice.total'), 10] }), edgeIds: ['d-a'], message: /invoice/ },
      { name: 'a field the entity lacks', flow: guarded({ '>': [v('customer.creditLimt'), 10] }), message: /creditLimt/ },
      { name: 'an item field the list lacks', flow: guarded({ some: [v('order.lines'), { '>': [v('quantity'), 10] }] }), message: /quantity/ },
      { name: 'a wait condition', flow: flow([start(), wait('w', { until: v('payment.received') }), end()], chain('start', 'w', 'end')), nodeIds: ['w'] },
      { name: 'a required path', flow: flow([start(), task('a', { required: ['order.amout'] }), end()], chain('start', 'a', 'end')), nodeIds: ['a'] },
      { name: 'an assignment target', flow: flow([start(), system('s', { assign: [{ target: 'customer.status', value: 'active' }] }), end()], chain('start', 's', 'end')), nodeIds: ['s'] },
    ],
  });
});
