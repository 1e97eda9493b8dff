import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import { describe, describeValue } from '../../src/index.js';
import { catalog } from '../analysis/fixtures/catalog.js';
import { orderFlow, v } from '../analysis/fixtures/build.js';

const flow = orderFlow();
const en = (rule: unknown) => describe(rule, catalog, 'en', flow);
const zh = (rule: unknown) => describe(rule, catalog, 'zh', flow);
const credit90 = { '>=': [v('customer.creditUsed'), { '*': [0.9, v('customer.creditLimit')] }] };

group('describe()', () => {
  it('says the 90% credit control in plain English and Chinese, with the catalog’s field names', () => {
    expect(en(credit90)).toBe('credit used is at least 90% of the credit limit');
    expect(zh(credit90)).toBe('已用信用额度达到信用额度的90%');
  });

  it('finds labels through the entity id when no flow is given, and falls back to readable names without a catalog', () => {
    expect(describe(credit90, catalog, 'zh')).toBe('已用信用额度达到信用额度的90%');
    expect(describe(credit90)).toBe('credit used is at least 90% of the credit limit');
  });

  it.each([
    [{ '>': [v('order.amount'), 2000] }, 'amount is more than 2,000', '金额超过2,000'],
    [{ '<': [1000, v('order.amount')] }, 'amount is more than 1,000', '金额超过1,000'],
    [{ '<=': [1000, v('order.amount'), 5000] }, 'amount is between 1,000 and 5,000', '金额在1,000到5,000之间'],
    [{ in: [v('order.type'), ['new', 'prepaid']] }, 'order type is new or prepaid', '订单类型为新订单或预付订单'],
    [{ '!': { in: [v('order.type'), ['new', 'prepaid']] } }, 'order type is neither new nor prepaid', '订单类型不为新订单或预付订单'],
    [{ '>': [v('order.discount'), 10] }, 'discount is more than 10%', '折扣超过10%'],
    [{ '==': [v('order.approved'), false] }, 'not approved', '已批准为“否”'],
    [{ '==': [v('region'), 'north'] }, 'region is north', '区域为北区'],
    [{ '!': { or: [{ '>': [v('order.amount'), 5000] }, { '==': [v('order.type'), 'sample'] }] } }, 'amount is at most 5,000 and order type is not sample', '金额不超过5,000且订单类型不为样品订单'],
    [{ missing: ['order.amount', 'customer.name'] }, 'amount or name is not filled in', '金额或名称未填写'],
    [{ some: [v('order.lines'), { '>': [v('qty'), 10] }] }, 'for at least one of the order lines, quantity is more than 10', '订单明细中至少有一项数量超过10'],
    [{ and: [{ '>': [v('order.discount'), 10] }, { or: [v('urgent'), { '!': v('order.approved') }] }] }, 'discount is more than 10% and (urgent or not approved)', '折扣超过10%且（加急为“是”或已批准为“否”）'],
  ])('renders %j', (rule, english, chinese) => {
    expect(en(rule)).toBe(english);
    expect(zh(rule)).toBe(chinese);
  });

  it('renders calculations as values: SLA hours and order totals', () => {
    expect(en({ if: [v('urgent'), 4, 24] })).toBe('4 if urgent, otherwise 24');
    expect(describeValue({ reduce: [v('order.lines'), { '+': [v('accumulator'), { '*': [v('current.qty'), v('current.price')] }] }, 0] }, catalog, 'en', flow)).toBe(
      'the total of the quantity × the price over the order lines',
    );
  });

  it('names each field with its record when two fields share a name', () => {
    const twoAmounts = { ...flow, data: { ...flow.data, quote: { type: 'record' as const, entity: 'order', name: { en: 'Quote', zh: '报价单' } } } };
    expect(describe({ '>': [v('order.amount'), v('quote.amount')] }, catalog, 'en', twoAmounts)).toBe('order amount is more than the quote amount');
    expect(describe({ '>': [v('order.amount'), v('quote.amount')] }, catalog, 'zh', twoAmounts)).toBe('订单金额超过报价单金额');
  });

  it('writes a shape it has no phrase for as operator(arguments), never as raw JSON', () => {
    expect(en({ regex: [v('customer.name'), '^A'] })).toBe('regex(the name, “^A”) is filled in');
    expect(en({ '>': [{ substr: [v('customer.name'), 0, 1] }, 'M'] })).toBe('1 characters of the name from position 0 is more than “M”');
  });

  it('never returns raw JSON for any rule shape', () => {
    const leaf = fc.oneof(fc.integer(), fc.string({ unit: fc.constantFrom('a', 'b', ' ', '中'), maxLength: 5 }), fc.boolean(), fc.constantFrom(v('order.amount'), v('customer.level'), v('urgent'), v('nope.x')));
    const ops = ['and', 'or', '!', '==', '>', '<=', 'in', 'if', '+', '*', 'max', 'cat', 'some', 'missing', 'weird'];
    const rule = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.tuple(fc.constantFrom(...ops), fc.array(tie('node'), { maxLength: 3 })).map(([op, args]) => ({ [op]: args }))),
    })).node;
    fc.assert(
      fc.property(rule, fc.constantFrom('en' as const, 'zh' as const), (r, locale) => {
        const text = describe(r, catalog, locale, flow);
        expect(typeof text).toBe('string');
        expect(text).not.toMatch(/[{}]/);
      }),
      { numRuns: 300 },
    );
  });
});
