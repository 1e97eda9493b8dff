import { describe } from 'vitest';
import { conditionNeverTrue } from '../../../src/analysis/rules/condition-never-true.js';
import { chain, end, flow, start, task, v, wait } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

const amount = v('order.amount');
const impossible = { and: [{ '>': [amount, 5] }, { '<': [amount, 3] }] };
const waitFlow = (extra: Record<string, unknown>) => flow([start(), task('entry'), wait('w', extra), end()], chain('start', 'entry', 'w', 'end'));
const control = (kind: 'gate' | 'alert', when: unknown) =>
  flow([start(), task('entry'), end()], chain('start', 'entry', 'end'), {
    controls: [{ id: 'big-order', kind, name: { en: 'Big order', zh: '大额订单' }, when, message: { en: 'Big order', zh: '大额订单' }, ...(kind === 'gate' ? { blocks: ['entry'] } : { notify: ['finance'] }) }],
  });

describe('condition-never-true', () => {
  ruleTable(conditionNeverTrue, {
    valid: [
      { name: 'a wait on a condition that can hold', flow: waitFlow({ until: { '>': [amount, 5] } }) },
      { name: 'a wait on a range', flow: waitFlow({ until: { and: [{ '>': [amount, 3] }, { '<': [amount, 5] }] } }) },
      { name: 'a gate that can close', flow: control('gate', { '>': [amount, 10000] }) },
      { name: 'an alert on a choice value', flow: control('alert', { '==': [v('order.type'), 'rework'] }) },
    ],
    invalid: [
      { name: 'a wait on amount > 5 and amount < 3', flow: waitFlow({ until: impossible }), nodeIds: ['w'], message: /never hold.*no timer/, count: 1 },
      { name: 'the same wait with a timer', flow: waitFlow({ until: impossible, timer: { hours: 24 } }), message: /until its timer/, count: 1 },
      { name: 'a gate that can never close', flow: control('gate', impossible), message: /gate 'Big order' \(big-order\).*never closes/, count: 1 },
      { name: 'an alert on a value the field does not have', flow: control('alert', { and: [{ '==': [v('order.type'), 'new'] }, { '==': [v('order.type'), 'rework'] }] }), message: /nobody is ever alerted/, count: 1 },
    ],
  });
});
