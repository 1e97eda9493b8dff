import { describe, expect, it } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { fitLabel, labelLines } from '../src/components/BarChart';
import { outcomeName } from '../src/components/outcome';
import { makeI18n } from '../src/i18n';
import { pathName } from '../src/runtime/refusal';

describe('chart labels', () => {
  it('are kept whole when they fit and cut with an ellipsis when they do not', () => {
    expect(fitLabel('New order', 200)).toBe('New order');
    const cut = fitLabel('Review payment history · Credit limit review', 150);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(30);
  });

  it('take two lines rather than an ellipsis: the step over its flow, or the text broken at a space', () => {
    expect(labelLines('Ship order · Prepaid order', 200)).toEqual(['Ship order · Prepaid order']);
    expect(labelLines('Review payment history · Credit limit review', 150)).toEqual(['Review payment history', 'Credit limit review']);
    expect(labelLines('Investigate · Complaint handling', 120)).toEqual(['Investigate', 'Complaint handling']);
    const [a, b] = labelLines('Satisfaction follow-up after the rework', 150);
    expect(a).toBe('Satisfaction follow-up');
    expect(b).toBe('after the rework');
    expect(labelLines('Confirm the customer payment received', 150)).toEqual(['Confirm the customer', 'payment received']);
    expect(labelLines('审核回款记录 · 信用额度审查', 90)).toEqual(['审核回款记录', '信用额度审查']);
  });

  it('count Chinese characters as wide ones', () => {
    // 10 CJK characters need about 120 px: in 80 px only a part fits
    expect(fitLabel('审核回款记录信用额度', 80)).toMatch(/^审核回款.*…$/);
    expect(fitLabel('审核回款记录信用额度', 130)).toBe('审核回款记录信用额度');
  });
});

describe('outcome of a finished case', () => {
  const flow = {
    nodes: [
      { id: 'end-ok', kind: 'end', outcome: 'shipped', name: { en: 'Order shipped', zh: '订单已发货' } },
      { id: 'end-no', kind: 'end', outcome: 'cancelled', name: { en: 'Order cancelled', zh: '订单已取消' } },
    ],
  } as unknown as Pick<Flow, 'nodes'>;

  it('is named by the end step the case reached, not by its outcome code', () => {
    expect(outcomeName(flow, { visited: ['start', 'end-no'], outcome: 'cancelled' })).toEqual({ en: 'Order cancelled', zh: '订单已取消' });
    expect(outcomeName(flow, { visited: [], outcome: 'shipped' })?.zh).toBe('订单已发货');
  });

  it('falls back to the code when no end step has it', () => {
    expect(outcomeName(flow, { visited: [], outcome: 'other' })).toEqual({ en: 'other' });
    expect(outcomeName(flow, { visited: [] })).toBeUndefined();
  });
});

describe('field names in the audit trail and refusals', () => {
  const flow = {
    data: { estimate: { type: 'record', entity: 'expense-estimate' }, customer: { type: 'record', entity: 'customer', name: { en: 'Customer', zh: '客户' } } },
    nodes: [],
    edges: [],
  } as unknown as Flow;

  it("names a new record's number by its record, never as a bare \"id\"", () => {
    const en = pathName('estimate.id', { i18n: makeI18n('en'), flow });
    const zh = pathName('estimate.id', { i18n: makeI18n('zh'), flow });
    expect(en).toMatch(/^Sales expense .* no\.$/i);
    expect(zh).toMatch(/^销售费用.*编号$/);
    expect(pathName('customer.id', { i18n: makeI18n('zh'), flow })).toBe('客户编号');
  });

  it('names a catalog field by its label', () => {
    expect(pathName('customer.creditLimit', { i18n: makeI18n('en'), flow })).toBe('Credit limit');
  });
});
