import { describe, expect, it } from 'vitest';
import { parseCatalogOrThrow, type Catalog, type Flow } from '../../../src/index.js';
import { AnalysisContext, runRules } from '../../../src/analysis-entry.js';
import { constraintsSatisfiable } from '../../../src/analysis/rules/constraints-satisfiable.js';
import { recommended } from '../../../src/analysis/config.js';
import { catalog as base } from '../fixtures/catalog.js';
import { chain, end, flow, start, system } from '../fixtures/build.js';

type Limits = NonNullable<Catalog['entities'][number]['fields'][number]['constraints']>;

/** The test catalog with limits put on some fields of `order` and `customer`. */
function withLimits(limits: Record<string, Limits>): Catalog {
  const json = structuredClone(base) as Catalog;
  json.entities.find((e) => e.id === 'order')!.fields.push({ id: 'orderDate', name: { en: 'Order date', zh: '下单日期' }, type: 'date' });
  for (const [path, c] of Object.entries(limits)) {
    const [entity, field] = path.split('.');
    json.entities.find((e) => e.id === entity)!.fields.find((f) => f.id === field)!.constraints = c;
  }
  return parseCatalogOrThrow(json);
}

const limited = withLimits({
  'order.discount': { min: 0, max: 30 },
  'customer.name': { minLength: 2, maxLength: 40 },
  'order.notes': { pattern: '^[A-Z]{3}-\\d{4}$', patternHint: { en: 'three capitals, a dash and 4 digits', zh: '三个大写字母、短横线和 4 位数字' } },
  'order.shipDate': { notBefore: { field: 'orderDate', days: 0 } },
});

const assigning = (assign: Array<{ target: string; value: unknown }>): Flow => flow([start(), system('auto', { assign }), end()], chain('start', 'auto', 'end'));
const plain = assigning([]);

function lint(f: Flow, catalog: Catalog, locale: 'en' | 'zh' = 'en') {
  return runRules(new AnalysisContext({ flow: f, catalog, flows: undefined }), [constraintsSatisfiable], { locale });
}

interface Case {
  name: string;
  flow: Flow;
  catalog: Catalog;
  message?: RegExp;
  zh?: RegExp;
  nodeIds?: string[];
}

const valid: Case[] = [
  { name: 'no limits at all', flow: assigning([{ target: 'order.discount', value: 50 }]), catalog: base },
  { name: 'a constant within the limits', flow: assigning([{ target: 'order.discount', value: 30 }, { target: 'customer.name', value: 'ACME' }]), catalog: limited },
  { name: 'a constant text the pattern accepts', flow: assigning([{ target: 'order.notes', value: 'ABC-1234' }]), catalog: limited },
  { name: 'a calculated value (judged when it runs)', flow: assigning([{ target: 'order.discount', value: { '*': [{ var: 'score' }, 10] } }]), catalog: limited },
  { name: 'zero money', flow: assigning([{ target: 'order.amount', value: 0 }]), catalog: base },
  { name: 'money allowed below zero', flow: assigning([{ target: 'order.amount', value: -10 }]), catalog: withLimits({ 'order.amount': { allowNegative: true } }) },
  { name: 'date bounds that leave room', flow: plain, catalog: withLimits({ 'order.shipDate': { notBefore: { today: 0 }, notAfter: { today: 365 } } }) },
  { name: 'a pattern that fits the length', flow: plain, catalog: withLimits({ 'customer.name': { pattern: '^\\d{18}$', patternHint: { en: '18 digits' }, maxLength: 18 } }) },
  { name: 'a rule that reads the record', flow: plain, catalog: withLimits({ 'order.amount': { rule: { holds: { '<=': [{ var: 'value' }, { var: 'record.amount' }] }, message: { en: 'x', zh: 'x' } } } }) },
  { name: 'an impossible field of an entity the flow does not use', flow: { ...plain, data: { score: plain.data.score! } }, catalog: withLimits({ 'order.notes': { pattern: '^\\d{18}$', patternHint: { en: '18 digits' }, maxLength: 11 } }) },
];

const invalid: Case[] = [
  { name: 'a negative constant into money', flow: assigning([{ target: 'order.amount', value: -100 }]), catalog: base, nodeIds: ['auto'], message: /always sets 'order\.amount' to -100, but the order's amount must be zero or more/, zh: /订单的金额必须不小于 0/ },
  { name: 'a discount above its maximum', flow: assigning([{ target: 'order.discount', value: 50 }]), catalog: limited, nodeIds: ['auto'], message: /must be at most 30: the step fails every time/, zh: /必须不大于 30/ },
  { name: 'a text too short', flow: assigning([{ target: 'customer.name', value: 'A' }]), catalog: limited, message: /at least 2 characters long/ },
  { name: 'a text the pattern refuses', flow: assigning([{ target: 'order.notes', value: 'abc' }]), catalog: limited, message: /three capitals, a dash and 4 digits/, zh: /三个大写字母/ },
  { name: 'a date before a fixed bound', flow: assigning([{ target: 'order.shipDate', value: '2001-01-01' }]), catalog: withLimits({ 'order.shipDate': { notBefore: { date: '2020-01-01' } } }), message: /on or after/ },
  { name: 'days after another field that contradict', flow: plain, catalog: withLimits({ 'order.shipDate': { notBefore: { field: 'orderDate', days: 3 }, notAfter: { field: 'orderDate', days: 1 } } }), message: /'order\.shipDate' \(Ship date\) can never be given a value/, zh: /永远无法取值/ },
  { name: 'not before today but not after a past date', flow: plain, catalog: withLimits({ 'order.shipDate': { notBefore: { today: 0 }, notAfter: { date: '2001-01-01' } } }), message: /2001-01-01, which has passed/ },
  { name: 'a rule that is always false', flow: plain, catalog: withLimits({ 'order.amount': { rule: { holds: { '>': [1, 2] }, message: { en: 'Never', zh: '永不' } } } }), message: /rule never holds/ },
  { name: 'a credit code pattern longer than the maximum length', flow: plain, catalog: withLimits({ 'customer.name': { pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', patternHint: { en: '18 characters' }, maxLength: 11 } }), message: /needs at least 18 characters, but it may be at most 11/ },
];

describe('constraints-satisfiable', () => {
  for (const c of valid) {
    it(`accepts: ${c.name}`, () => {
      expect(lint(c.flow, c.catalog).map((d) => d.message)).toEqual([]);
    });
  }
  for (const c of invalid) {
    it(`flags: ${c.name}`, () => {
      const found = lint(c.flow, c.catalog);
      expect(found.length).toBeGreaterThan(0);
      for (const d of found) expect(d.rule).toBe('constraints-satisfiable');
      if (c.nodeIds) expect(found.flatMap((d) => d.nodeIds)).toEqual(expect.arrayContaining(c.nodeIds));
      if (c.message) expect(found.map((d) => d.message).join('\n')).toMatch(c.message);
      const zh = lint(c.flow, c.catalog, 'zh');
      expect(zh).toHaveLength(found.length);
      expect(zh[0]!.message).not.toBe(found[0]!.message);
      if (c.zh) expect(zh.map((d) => d.message).join('\n')).toMatch(c.zh);
    });
  }

  it('is an error in the recommended config', () => {
    expect(recommended['constraints-satisfiable']).toBe('error');
  });
});
