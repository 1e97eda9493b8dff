import { describe, expect, it } from 'vitest';
import { notifyNobody } from '../../../src/analysis/rules/notify-nobody.js';
import { alertHasRecipient } from '../../../src/analysis/rules/alert-has-recipient.js';
import { chain, end, flow, start, system } from '../fixtures/build.js';
import { lintWith, ruleTable } from '../rule-table.js';

const one = (name: { en: string; zh?: string }, extra: Parameters<typeof system>[1] = {}) => flow([start(), system('s', { name, ...extra }), end()], chain('start', 's', 'end'));

describe('notify-nobody', () => {
  ruleTable(notifyNobody, {
    valid: [
      { name: 'a notifying step that alerts the sales rep', flow: one({ en: 'Request prepayment', zh: '通知客户预付款' }, { alert: { message: { en: 'Ask the customer to prepay.' }, to: ['sales-rep'] } }) },
      { name: 'a step that only calculates', flow: one({ en: 'Calculate the total', zh: '计算合计' }) },
      { name: 'a word that only contains a claim (“Set the requested date”)', flow: one({ en: 'Set the requested date', zh: '设置日期' }) },
      { name: 'request as a noun (“Prepare request”)', flow: one({ en: 'Prepare request', zh: '准备申请' }) },
    ],
    invalid: [
      { name: 'Request prepayment, alerting nobody', flow: one({ en: 'Request prepayment', zh: '通知客户预付款' }), nodeIds: ['s'], message: /alerts nobody/, count: 1 },
      { name: 'a reminder in English only', flow: one({ en: 'Remind the customer' }), nodeIds: ['s'], count: 1 },
      { name: 'a claim only in the Chinese name', flow: one({ en: 'Prepayment', zh: '提醒财务确认收款' }), nodeIds: ['s'], count: 1 },
    ],
  });

  it('leaves an alert with an empty recipient list to alert-has-recipient: one flaw, one finding', () => {
    const f = one({ en: 'Notify finance' }, { alert: { message: { en: 'x' }, to: [] } });
    expect(lintWith(notifyNobody, f)).toEqual([]);
    expect(lintWith(alertHasRecipient, f)).toHaveLength(1);
  });

  it('says it in Chinese, naming the step', () => {
    const [d] = lintWith(notifyNobody, one({ en: 'Request prepayment', zh: '通知客户预付款' }), undefined, 'zh');
    expect(d?.message).toContain('通知客户预付款');
    expect(d?.message).toContain('没有发出任何提醒');
  });
});
