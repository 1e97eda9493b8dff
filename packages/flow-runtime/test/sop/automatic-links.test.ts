import { describe, expect, it } from 'vitest';
import { parseCatalogOrThrow, parseFlowOrThrow, type Catalog, type Flow, type FlowEdge, type FlowNode } from '../../src/index.js';
import { toSop } from '../../src/analysis-entry.js';
import { catalog as baseCatalog } from '../analysis/fixtures/catalog.js';
import { chain, edge, end, financeTask, flow, start, system, task, v, when, otherwise, decision, subflow } from '../analysis/fixtures/build.js';

// The test catalog, with orders that refer to their customer, a finance window
// that shows that link, and one that hides it from finance.
const catalog: Catalog = parseCatalogOrThrow({
  ...baseCatalog,
  entities: baseCatalog.entities.map((e) => (e.id === 'order' ? { ...e, fields: [...e.fields, { id: 'customer', name: { en: 'Customer', zh: '客户' }, type: 'reference', entity: 'customer' }] } : e)),
  windows: [
    ...baseCatalog.windows,
    { id: 'order-review', name: { en: 'Order review', zh: '订单审核' }, entity: 'order', fields: ['amount', 'customer'], access: { finance: 'edit' } },
    { id: 'order-blind', name: { en: 'Blind review', zh: '盲审' }, entity: 'order', fields: ['amount', 'customer'], access: { finance: 'edit' }, fieldAccess: { customer: { finance: 'none' } } },
  ],
});

const link = { target: 'order.customer', value: v('customer.id') };
const status = { target: 'order.approved', value: false };
const LINKED = { en: 'the order is linked to the customer', zh: '订单关联到客户' };

/** A flow: entry → prepare (automatic) → …then → done, with extra data. */
function withPrepare(assign: unknown[], then: FlowNode[], extraEdges: FlowEdge[] = [], extra: Partial<Flow> = {}, before: FlowNode[] = []): Flow {
  const ids = [...before.map((n) => n.id), 'prepare', ...then.map((n) => n.id)];
  return parseFlowOrThrow(
    flow(
      [start(), ...before, system('prepare', { name: { en: 'Prepare the order', zh: '准备订单' }, assign }), ...then, end('done')],
      extraEdges.length ? extraEdges : [...chain('start', ...ids, 'done')],
      { ...extra, data: { ...flow([], []).data, customerRef: { type: 'text', name: { en: 'Customer ref', zh: '客户编号' } }, ...(extra.data ?? {}) } },
    ),
    catalog,
  );
}

/** The automatic line of the step “Prepare the order”, in one language. */
function prepareLine(f: Flow, locale: 'en' | 'zh'): string {
  const md = toSop(f, catalog, locale, { metrics: false });
  const section = md.slice(md.indexOf(locale === 'en' ? 'Prepare the order' : '准备订单'));
  return section.split('\n').find((l) => l.includes(locale === 'en' ? '**Automatic step' : '**自动步骤'))!;
}

describe('automatic steps say a link only when it matters', () => {
  const table: Array<{ name: string; flow: () => Flow; said: boolean }> = [
    { name: 'a later task shows the link in its window', flow: () => withPrepare([link, status], [financeTask('review', { window: 'order-review' })]), said: true },
    { name: 'no later step shows or reads the link', flow: () => withPrepare([link, status], [financeTask('review', { window: 'credit-check' })]), said: false },
    { name: 'the later window hides the link from the role doing the step', flow: () => withPrepare([link, status], [financeTask('review', { window: 'order-blind' })]), said: false },
    { name: 'only a step before it shows the link', flow: () => withPrepare([link, status], [financeTask('review', { window: 'credit-check' })], [], {}, [financeTask('earlier', { window: 'order-review' })]), said: false },
    {
      name: 'a later condition reads the link',
      flow: () =>
        withPrepare([link, status], [decision('known'), financeTask('review', { window: 'credit-check' })], [...chain('start', 'prepare', 'known'), when('known', 'review', { '!!': [v('order.customer')] }, 'known'), otherwise('known', 'done', 'unknown'), edge('review', 'done')]),
      said: true,
    },
    {
      name: 'a control point reads the link',
      flow: () =>
        withPrepare([link, status], [financeTask('review', { window: 'credit-check' })], [], {
          controls: [{ id: 'no-customer', kind: 'alert', name: { en: 'No customer', zh: '无客户' }, when: { '!': [v('order.customer')] }, message: { en: 'Order without customer.', zh: '订单没有客户。' }, notify: ['finance'] }],
        }),
      said: true,
    },
    { name: 'a later sub-flow is given the whole order', flow: () => withPrepare([link, status], [subflow('child', 'other-flow', { input: { order: v('order') } })]), said: true },
    { name: 'linking is all the step does', flow: () => withPrepare([link], [financeTask('review', { window: 'credit-check' })]), said: true },
  ];

  it.each(table)('$name: said = $said', ({ flow: make, said }) => {
    const f = make();
    for (const locale of ['en', 'zh'] as const) {
      const line = prepareLine(f, locale);
      if (said) expect(line).toContain(LINKED[locale]);
      else expect(line).not.toContain(LINKED[locale]);
    }
    // What the step sets for people is always said.
    if (f.nodes.find((n) => n.id === 'prepare')!.kind === 'system' && (f.nodes.find((n) => n.id === 'prepare') as { assign?: unknown[] }).assign!.length > 1) {
      expect(prepareLine(f, 'en')).toContain('sets the order’s approved to no');
    }
  });
});

describe('automatic steps never show plumbing', () => {
  const plumbing: Array<{ name: string; assign: unknown[]; hidden: RegExp[] }> = [
    { name: 'an id copied into a helper variable', assign: [{ target: 'customerRef', value: v('customer.id') }, status], hidden: [/customer ref/i, /客户编号/, /\bid\b/i] },
    { name: 'a value set to itself', assign: [{ target: 'order.amount', value: v('order.amount') }, status], hidden: [/amount/i, /金额/] },
    { name: 'an id field overwritten', assign: [{ target: 'order.id', value: 'x-1' }, status], hidden: [/\bid\b/i, /x-1/] },
  ];

  it.each(plumbing)('$name is left out', ({ assign, hidden }) => {
    const f = withPrepare(assign, [financeTask('review', { window: 'credit-check' })]);
    for (const locale of ['en', 'zh'] as const) {
      const line = prepareLine(f, locale);
      for (const h of hidden) expect(line).not.toMatch(h);
    }
    expect(prepareLine(f, 'en')).toContain('sets the order’s approved to no');
    expect(prepareLine(f, 'zh')).toContain('将订单的已批准设为否');
  });

  it('a step that only does plumbing says there is nothing to do', () => {
    const f = withPrepare([{ target: 'customerRef', value: v('customer.id') }], [task('entry2')]);
    expect(prepareLine(f, 'en')).toContain('internal bookkeeping only; nothing for you to do.');
    expect(prepareLine(f, 'zh')).toContain('仅系统内部记账，无需人工处理。');
  });
});
