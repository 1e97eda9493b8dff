import { describe, expect, it } from 'vitest';
import { windowRecordBound } from '../../../src/analysis/rules/window-record-bound.js';
import { chain, end, flow, orderFlow, start, task } from '../fixtures/build.js';
import { lintWith, ruleTable } from '../rule-table.js';

const one = (extra: Record<string, unknown>, data?: Record<string, unknown>) => {
  const f = flow([start(), task('a', extra), end()], chain('start', 'a', 'end'));
  if (data) f.data = { ...f.data, ...data } as typeof f.data;
  return f;
};

describe('window-record-bound', () => {
  ruleTable(windowRecordBound, {
    valid: [
      { name: 'one order record for the order windows', flow: orderFlow() },
      { name: "two order records, 'record' says which", flow: one({ record: 'order' }, { order2: { type: 'record', entity: 'order' } }) },
      { name: 'no window: another rule says so', flow: one({ window: undefined }) },
    ],
    invalid: [
      { name: 'two order records and no record named', flow: one({}, { order2: { type: 'record', entity: 'order' } }), nodeIds: ['a'], message: /several order records \(order, order2\)/ },
      { name: "'record' names a variable the data lacks, with a near miss", flow: one({ record: 'ordr' }), message: /not in the flow's data\. Did you mean 'order'\?/ },
      { name: "'record' names a variable of another entity", flow: one({ record: 'customer' }), message: /does not hold a order record/ },
      { name: 'no record of the entity at all', flow: one({ window: 'customer-info' }, { customer: { type: 'integer' } }), message: /no customer record/ },
    ],
  });

  it('speaks Chinese', () => {
    const [d] = lintWith(windowRecordBound, one({}, { order2: { type: 'record', entity: 'order' } }), undefined, 'zh');
    expect(d!.message).toContain('未指明是哪一条');
  });
});
