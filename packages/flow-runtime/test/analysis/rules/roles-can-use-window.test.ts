import { describe } from 'vitest';
import { rolesCanUseWindow } from '../../../src/analysis/rules/roles-can-use-window.js';
import { chain, end, financeTask, flow, orderFlow, start, system, task, v } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('roles-can-use-window', () => {
  ruleTable(rolesCanUseWindow, {
    valid: [
      { name: 'each role edits its window and required fields', flow: orderFlow() },
      {
        name: 'a view-only required field filled by an earlier step',
        flow: flow([start(), task('info', { window: 'customer-info' }), financeTask('limit', { window: 'credit-limit-review' }), end()], chain('start', 'info', 'limit', 'end')),
      },
      {
        name: 'a required field a system step prefills',
        flow: flow(
          [start(), system('prefill', { assign: [{ target: 'order.amount', value: 100 }] }), financeTask('check', { required: ['order.amount'] }), end()],
          chain('start', 'prefill', 'check', 'end'),
        ),
      },
    ],
    invalid: [
      { name: 'a role with view access only', flow: flow([start(), task('check', { window: 'credit-check' }), end()], chain('start', 'check', 'end')), nodeIds: ['check'], message: /sales-rep.*only view/ },
      {
        name: 'a bad task after good ones in the same window',
        flow: flow([start(), task('entry'), task('again'), task('check', { window: 'credit-check' }), end()], chain('start', 'entry', 'again', 'check', 'end')),
        nodeIds: ['check'],
        count: 1,
      },
      { name: 'a role with no access', flow: flow([start(), task('ship', { window: 'shipping', roles: ['finance'], department: 'finance' }), end()], chain('start', 'ship', 'end')), message: /no access/ },
      {
        name: 'a required field the role may only view, filled by nobody before',
        flow: flow([start(), financeTask('limit', { window: 'credit-limit-review', required: ['customer.name'] }), end()], chain('start', 'limit', 'end')),
        message: /requires field 'name'/,
      },
      {
        name: 'a required field the window does not show',
        flow: flow([start(), task('entry', { required: ['order.shipDate'] }), end()], chain('start', 'entry', 'end')),
        message: /does not show/,
      },
      {
        name: 'prefilled only on some paths',
        flow: flow(
          [start(), { id: 'd', kind: 'decision', name: { en: 'Known?' } }, system('prefill', { assign: [{ target: 'customer.name', value: 'x' }] }), financeTask('limit', { window: 'credit-limit-review', required: ['customer.name'] }), end()],
          [...chain('start', 'd'), { id: 'd1', source: 'd', target: 'prefill', guard: v('urgent'), label: { en: 'yes' } }, { id: 'd2', source: 'd', target: 'limit', default: true, label: { en: 'no' } }, ...chain('prefill', 'limit', 'end')],
        ),
        nodeIds: ['limit'],
      },
    ],
  });
});
