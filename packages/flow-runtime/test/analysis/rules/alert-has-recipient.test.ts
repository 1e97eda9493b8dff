import { describe, expect, it } from 'vitest';
import { alertHasRecipient } from '../../../src/analysis/rules/alert-has-recipient.js';
import type { Control } from '../../../src/index.js';
import { chain, end, flow, orderFlow, start, system, task, v } from '../fixtures/build.js';
import { lintWith, ruleTable } from '../rule-table.js';

const control = (extra: Partial<Control>): Control => ({
  id: 'credit-90',
  kind: 'alert',
  name: { en: 'Credit at 90%' },
  when: { '>=': [v('customer.creditUsed'), { '*': [0.9, v('customer.creditLimit')] }] },
  message: { en: 'Chase payment' },
  ...extra,
});
const base = orderFlow();

describe('alert-has-recipient', () => {
  ruleTable(alertHasRecipient, {
    valid: [
      { name: 'an alert to the sales rep', flow: { ...base, controls: [control({ notify: ['sales-rep'] })] } },
      { name: 'a gate needs no recipient', flow: { ...base, controls: [control({ kind: 'gate', blocks: ['ship'] })] } },
    ],
    invalid: [
      { name: 'an alert to nobody', flow: { ...base, controls: [control({})] }, message: /nobody/ },
      { name: 'an alert to an unknown role', flow: { ...base, controls: [control({ notify: ['ceo'] })] }, message: /ceo/ },
      { name: 'an alert to a misspelt role', flow: { ...base, controls: [control({ notify: ['sales-rap'] })] }, message: /Did you mean 'sales-rep'\?/ },
      { name: 'a system alert to an unknown role', flow: flow([start(), system('warn', { alert: { message: { en: 'x' }, to: ['ceo'] } }), end()], chain('start', 'warn', 'end')), nodeIds: ['warn'] },
      { name: 'an SLA escalating to an unknown role', flow: flow([start(), task('a', { sla: { hours: 4, escalateTo: 'boss' } }), end()], chain('start', 'a', 'end')), nodeIds: ['a'] },
    ],
  });

  it('a finding about a control point carries its id and names it by its name', () => {
    const [d] = lintWith(alertHasRecipient, { ...base, controls: [control({ notify: ['ceo'] })] });
    expect(d).toMatchObject({ controlId: 'credit-90', nodeIds: [], edgeIds: [] });
    expect(d!.message).toContain("'Credit at 90%' (credit-90)");
  });
});
