import { describe, expect, it } from 'vitest';
import { guardTypes } from '../../../src/analysis/rules/guard-types.js';
import { chain, decision, end, flow, otherwise, start, task, v, when } from '../fixtures/build.js';
import { lintWith, ruleTable } from '../rule-table.js';

const guarded = (guard: unknown) => flow([start(), decision('d'), task('a'), end()], [...chain('start', 'd'), when('d', 'a', guard), otherwise('d', 'end'), ...chain('a', 'end')]);

describe('guard-types', () => {
  ruleTable(guardTypes, {
    valid: [
      { name: 'money with a number', flow: guarded({ '>': [v('order.amount'), 2000] }) },
      { name: 'the 90% control', flow: guarded({ '>=': [v('customer.creditUsed'), { '*': [0.9, v('customer.creditLimit')] }] }) },
      { name: 'an enum with one of its values', flow: guarded({ in: [v('order.type'), ['new', 'prepaid']] }) },
      { name: 'a date with a date text', flow: guarded({ '<': [v('order.shipDate'), '2025-01-01'] }) },
      { name: 'a boolean with true', flow: guarded({ '==': [v('order.approved'), true] }) },
      { name: 'emptiness check', flow: guarded({ '==': [v('order.amount'), null] }) },
      { name: 'item fields inside some', flow: guarded({ some: [v('order.lines'), { '>': [v('qty'), 10] }] }) },
    ],
    invalid: [
      { name: 'a number field with a text', flow: guarded({ '>': [v('order.amount'), '2000'] }), edgeIds: ['d-a'], message: /'order\.amount' \(a number\) is compared with "2000" \(a text\)/ },
      { name: 'an enum with a value it lacks', flow: guarded({ '==': [v('order.type'), 'urgent'] }), message: /not one of the values/ },
      { name: 'an enum list with a value it lacks', flow: guarded({ in: [v('order.type'), ['new', 'express']] }), message: /express/ },
      { name: 'a boolean with a text', flow: guarded({ '==': [v('urgent'), 'yes'] }) },
      { name: 'a text field with a number', flow: guarded({ '==': [v('customer.name'), 42] }) },
      { name: 'a whole record', flow: guarded({ '==': [v('customer'), 'ACME'] }), message: /whole record/ },
      { name: 'ordering a yes/no field', flow: guarded({ '>': [v('order.approved'), 0] }) },
      { name: 'arithmetic on a text', flow: guarded({ '>': [{ '*': [v('customer.name'), 2] }, 10] }), message: /not a number/ },
      { name: 'an item field with a text', flow: guarded({ some: [v('order.lines'), { '>': [v('qty'), 'ten'] }] }) },
    ],
  });

  it('a condition of a control point: the finding carries the control id and names the control', () => {
    const f = guarded({ '>': [v('order.amount'), 2000] });
    f.controls = [{ id: 'big-gate', kind: 'gate', name: { en: 'Big orders' }, when: { '>': [v('order.amount'), 'lots'] }, message: { en: 'Hold' }, blocks: ['a'] }];
    const [d] = lintWith(guardTypes, f);
    expect(d).toMatchObject({ controlId: 'big-gate', nodeIds: [], edgeIds: [] });
    expect(d!.message).toContain("control 'Big orders' (big-gate)");
  });
});
