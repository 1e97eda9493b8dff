import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, describeHours, describeValue, parseCatalogOrThrow, parseFlowOrThrow, type Flow } from '../../src/index.js';
import { EXAMPLES_DIR } from '../paths.js';
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
    expect(describeHours({ if: [v('urgent'), 4, 24] }, catalog, 'en', flow)).toBe('4 hours if urgent, otherwise 24 hours');
    expect(describeHours({ if: [v('urgent'), 4, 24] }, catalog, 'zh', flow)).toBe('加急为“是”时为4小时，否则为24小时');
    expect(describeValue({ reduce: [v('order.lines'), { '+': [v('accumulator'), { '*': [v('current.qty'), v('current.price')] }] }, 0] }, catalog, 'en', flow)).toBe(
      'the total of the quantity × the price over the order lines',
    );
  });

  it('names each field with its record when two fields share a name', () => {
    const twoAmounts = { ...flow, data: { ...flow.data, quote: { type: 'record' as const, entity: 'order', name: { en: 'Quote', zh: '报价单' } } } };
    expect(describe({ '>': [v('order.amount'), v('quote.amount')] }, catalog, 'en', twoAmounts)).toBe('the order’s amount is more than the quote’s amount');
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

  it('keeps "never raw JSON, never an id" for values, hours, dates and option literals', () => {
    const optionIds = ['new', 'prepaid', 'sample', 'north'];
    const leaf = fc.oneof(
      fc.integer({ min: 0, max: 1000 }),
      fc.constantFrom(...optionIds, '2026-01-31'),
      fc.constantFrom(v('order.amount'), v('order.type'), v('order.shipDate'), v('region'), { var: ['order.amount', 0] }, { var: ['order.discount', 0] }),
    );
    const rule = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.tuple(fc.constantFrom('and', 'or', '==', '<', '>=', 'if', '+', 'in'), fc.array(tie('node'), { minLength: 1, maxLength: 3 })).map(([op, args]) => ({ [op]: args })),
      ),
    })).node;
    fc.assert(
      fc.property(rule, fc.constantFrom('en' as const, 'zh' as const), fc.constantFrom('describe', 'value', 'hours', 'type'), (r, locale, how) => {
        const text =
          how === 'describe' ? describe(r, catalog, locale, flow) : how === 'value' ? describeValue(r, catalog, locale, flow) : how === 'hours' ? describeHours(r, catalog, locale, flow) : describeValue(r, catalog, locale, flow, 'order.type');
        expect(text).not.toMatch(/[{}]/);
        // An option is always said by its name: its id never shows as a quoted literal.
        for (const id of optionIds) expect(text).not.toContain(`“${id}”`);
        // Null-handling is said once per sentence, not after every field.
        expect(text.split(locale === 'zh' ? '计）' : 'counting ').length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 400 },
    );
  });
});

group('describe() on the sample flows, as a key user reads it', () => {
  const sampleCatalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')));
  const sample = (id: string): Flow => parseFlowOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}${id}.json`, 'utf8')));
  const leadToOrder = sample('lead-to-order');
  const newOrder = sample('new-order');
  const prepaid = sample('prepaid-order');
  const say = (rule: unknown, f: Flow, locale: 'en' | 'zh' = 'en') => describe(rule, sampleCatalog, locale, f);

  it('says whose status it is when several records of the flow have one, even in a rule that reads only one', () => {
    expect(say({ '==': [v('lead.status'), 'qualified'] }, leadToOrder)).toBe('the lead’s status is qualified');
    expect(say({ '==': [v('order.status'), 'shipped'] }, leadToOrder)).toBe('the order’s status is shipped');
    expect(say({ '==': [v('quote.status'), 'accepted'] }, leadToOrder, 'zh')).toBe('报价单状态为已接受');
    expect(say({ '==': [v('customer.status'), 'active'] }, leadToOrder, 'zh')).toBe('客户状态为正式客户');
  });

  it('tells the order’s amount from the payment’s amount in one sentence, and says “(0 when empty)” once', () => {
    const rule = { '>=': [{ '+': [{ var: ['order.paidAmount', 0] }, { var: ['payment.amount', 0] }] }, v('order.amount')] };
    expect(say(rule, prepaid)).toBe('the amount paid + the payment’s amount is at least the order’s amount, counting an empty amount paid or payment’s amount as 0');
    expect(say(rule, prepaid, 'zh')).toBe('已收款 + 收款金额达到订单金额（已收款、收款金额为空时按0计）');
    const thrice = { and: [{ '>': [{ var: ['order.paidAmount', 0] }, 0] }, { '<': [{ var: ['order.paidAmount', 0] }, v('order.amount')] }, { '!=': [{ var: ['order.paidAmount', 0] }, 5] }] };
    expect(say(thrice, prepaid).match(/as 0|when empty/g)).toHaveLength(1);
    expect(say(thrice, prepaid, 'zh').match(/为空/g)).toHaveLength(1);
  });

  it('reads a choice whose name is a clause as a choice, not “if credit is not enough is …”', () => {
    const rule = { '==': [v('order.creditHoldAction'), 'prepay'] };
    expect(say(rule, newOrder)).toBe('the answer to “if credit is not enough” is customer pays first');
    expect(say({ '!=': [v('order.creditHoldAction'), 'cancel'] }, newOrder)).toBe('the answer to “if credit is not enough” is not cancel the order');
    expect(say(rule, newOrder, 'zh')).toBe('信用不足处理为客户先付款');
  });

  it('compares dates as before and after', () => {
    expect(say({ '<': [v('order.requestedShipDate'), '2026-01-31'] }, prepaid)).toBe('requested ship date is before 2026-01-31');
    expect(say({ '>=': [v('order.requestedShipDate'), '2026-01-31'] }, prepaid)).toBe('requested ship date is on or after 2026-01-31');
    expect(say({ '<': [v('order.requestedShipDate'), '2026-01-31'] }, prepaid, 'zh')).toBe('要求发货日期早于2026-01-31');
    expect(say({ '>': ['2026-01-31', v('order.requestedShipDate')] }, prepaid, 'zh')).toBe('要求发货日期早于2026-01-31');
    expect(say({ '>': [v('order.plannedFinishDate'), v('order.requestedShipDate')] }, prepaid, 'zh')).toBe('计划完工日期晚于要求发货日期');
    expect(say({ '<=': ['2026-01-01', v('order.requestedShipDate'), '2026-01-31'] }, prepaid)).toBe('requested ship date is from 2026-01-01 to 2026-01-31');
  });

  it('gives rule-valued time limits their unit on every branch', () => {
    const sla = { if: [{ '==': [v('complaint.severity'), 'critical'] }, 4, { '==': [v('complaint.severity'), 'high'] }, 24, 72] };
    const complaint = sample('complaint-handling');
    expect(describeHours(sla, sampleCatalog, 'en', complaint)).toBe('4 hours if severity is critical, otherwise 24 hours if severity is high, otherwise 3 days');
    expect(describeHours(sla, sampleCatalog, 'zh', complaint)).toBe('严重程度为紧急时为4小时，否则严重程度为高时为24小时，否则为3天');
    expect(describeHours(1, sampleCatalog, 'en', complaint)).toBe('1 hour');
  });

  it('shows an option by its label, with or without the field it goes to', () => {
    expect(describeValue('awaiting-credit-check', sampleCatalog, 'en', newOrder)).toBe('awaiting credit check');
    expect(describeValue('awaiting-credit-check', sampleCatalog, 'zh', newOrder)).toBe('待信用检查');
    expect(describeValue('awaiting-credit-check', sampleCatalog, 'zh', newOrder, 'order.status')).toBe('待信用检查');
    const quotation = sample('quotation');
    const statusRule = { if: [{ '>': [v('quote.discountPercent'), 10] }, 'pending-approval', 'approved'] };
    expect(describeValue(statusRule, sampleCatalog, 'en', quotation, 'quote.status')).toBe('awaiting approval if discount % is more than 10%, otherwise approved');
    expect(describeValue(statusRule, sampleCatalog, 'zh', quotation, 'quote.status')).not.toMatch(/pending-approval|approved/);
  });
});
