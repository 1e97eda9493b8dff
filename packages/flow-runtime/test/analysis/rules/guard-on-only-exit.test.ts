import { describe } from 'vitest';
import { guardOnOnlyExit } from '../../../src/analysis/rules/guard-on-only-exit.js';
import { edge, end, flow, orderFlow, start, system, task, v, wait } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('guard-on-only-exit', () => {
  ruleTable(guardOnOnlyExit, {
    valid: [
      { name: 'decisions carry the conditions', flow: orderFlow() },
      { name: 'a default (otherwise) exit', flow: flow([start(), task('entry'), end()], [edge('start', 'entry'), edge('entry', 'end', { default: true })]) },
    ],
    invalid: [
      { name: 'a guarded only exit of a task', flow: flow([start(), task('entry'), end()], [edge('start', 'entry'), edge('entry', 'end', { guard: { '>': [v('order.amount'), 0] } })]), nodeIds: ['entry'], edgeIds: ['entry-end'], message: /only way out of step 'Entry' \(entry\)/, count: 1 },
      { name: 'a guarded only exit of a wait', flow: flow([start(), wait('w', { timer: { hours: 2 } }), end()], [edge('start', 'w'), edge('w', 'end', { guard: v('urgent') })]), nodeIds: ['w'], count: 1 },
      { name: 'a guarded only exit of an automatic step', flow: flow([start(), system('s', { assign: [{ target: 'score', value: 1 }] }), end()], [edge('start', 's'), edge('s', 'end', { guard: v('urgent') })]), nodeIds: ['s'], count: 1 },
    ],
  });
});
