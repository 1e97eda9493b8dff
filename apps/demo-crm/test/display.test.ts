import { describe, expect, it } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { fitLabel } from '../src/components/BarChart';
import { outcomeName } from '../src/components/outcome';

describe('chart labels', () => {
  it('are kept whole when they fit and cut with an ellipsis when they do not', () => {
    expect(fitLabel('New order', 200)).toBe('New order');
    const cut = fitLabel('Review payment history · Credit limit review', 150);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(30);
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
