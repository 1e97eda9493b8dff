import { describe } from 'vitest';
import { waitDataNeverWritten } from '../../../src/analysis/rules/wait-data-never-written.js';
import { chain, end, financeTask, flow, start, system, task, v, wait } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';
import type { FlowNode } from '../../../src/index.js';

const waitOn = (until: unknown, before: FlowNode[] = [], extra: Record<string, unknown> = {}) =>
  flow([start(), ...before, wait('w', { until, ...extra }), end()], chain('start', ...before.map((n) => n.id), 'w', 'end'));

describe('wait-data-never-written', () => {
  ruleTable(waitDataNeverWritten, {
    valid: [
      { name: 'a wait on an order field a task window edits', flow: waitOn({ '==': [v('order.approved'), true] }, [financeTask('check')]) },
      { name: 'a wait on a variable an automatic step sets', flow: waitOn({ '>': [v('score'), 3] }, [system('rate', { assign: [{ target: 'score', value: 5 }] })]) },
      { name: 'a wait on a variable a task edits as a field', flow: waitOn(v('urgent'), [task('entry', { fields: ['urgent'] })]) },
      { name: 'a wait with a timer (it ends anyway)', flow: waitOn(v('urgent'), [], { timer: { hours: 24 } }) },
      { name: 'a wait on a customer field while a task works on the customer', flow: waitOn({ '>': [v('customer.creditLimit'), 0] }, [task('info', { window: 'customer-info' })]) },
    ],
    invalid: [
      { name: 'a wait on a variable nothing writes', flow: waitOn(v('urgent'), [task('entry')]), nodeIds: ['w'], message: /'urgent'.*no step/, count: 1 },
      { name: 'a wait on the customer while only order windows are opened', flow: waitOn({ '>': [v('customer.creditLimit'), 0] }, [task('entry')]), nodeIds: ['w'], count: 1 },
    ],
  });
});
