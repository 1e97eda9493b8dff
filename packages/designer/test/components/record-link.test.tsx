import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';
import { renderDesigner } from './render.js';

afterEach(cleanup);

/*
 * A connection's record link is picked from lists with readable names (the
 * entity, its field, the flow value it equals), with messages in the user's
 * language; the link is written only when whole, and a link that names
 * something unknown is kept as it is.
 */

const LINKED = 'submit-customer-to-review-payment-terms';
const UNLINKED = 'enter-customer-to-submit-customer';

function openEdge(container: HTMLElement, id: string) {
  const el = container.querySelector(`.react-flow__edge[data-id="${id}"]`) as HTMLElement;
  fireEvent.keyDown(el, { key: 'Enter' });
  return screen.getByTestId('edge-inspector');
}
const picker = (part: 'entity' | 'field' | 'equals') => screen.getByTestId(`edge-record-link-${part}`) as HTMLSelectElement;
const shownText = (s: HTMLSelectElement) => s.selectedOptions[0]?.textContent;
const optionTexts = (s: HTMLSelectElement) => [...s.options].map((o) => o.textContent);
const linkOf = (flow: Flow | undefined, id: string) => flow?.edges.find((e) => e.id === id)?.recordLink;
const HALF_WIDTH_IN_CHINESE = /[\u4e00-\u9fff“”（）][(),:;?!]|[(),:;?!][\u4e00-\u9fff“”（）]/u;

describe('the record link of a connection', () => {
  it('is shown by readable names, not as JSON, and a pick changes only that part (English)', () => {
    const flow = newCustomerApproval();
    expect(flow.edges.some((e) => e.id === UNLINKED)).toBe(true);
    flow.data.referrer = { type: 'reference', entity: 'customer', name: { en: 'Referring customer', zh: '推荐客户' } };
    const { container, last } = renderDesigner(flow, sampleCatalog);
    const inspector = openEdge(container, LINKED);
    expect(within(inspector).queryByRole('textbox', { name: /record link/i })).toBeNull();
    expect(within(inspector).getByRole('group', { name: 'Record link' })).toBeTruthy();
    expect(shownText(picker('entity'))).toBe('Customer (customer)');
    expect(shownText(picker('field'))).toBe('Record id (id)');
    expect(shownText(picker('equals'))).toBe('Customer › Record id (customer.id)');
    // the lists name the entities, their fields and the flow's values
    expect(optionTexts(picker('entity'))).toContain('Sales expense estimate (expense-estimate)');
    expect(optionTexts(picker('field'))).toContain('Payment terms (paymentTerms)');
    expect(optionTexts(picker('equals'))).toContain('Sales expense estimate › Customer (estimate.customer)');
    // a reference holds the id itself: offered as a whole, not by fields it does not have
    const values = [...picker('equals').options].map((o) => o.value);
    expect(values).toContain('referrer');
    expect(values.filter((v) => v.startsWith('referrer.'))).toEqual([]);
    fireEvent.change(picker('equals'), { target: { value: 'estimate.customer' } });
    expect(linkOf(last(), LINKED)).toEqual({ entity: 'customer', field: 'id', equals: 'estimate.customer' });
    // "no link" removes it
    fireEvent.change(picker('entity'), { target: { value: '' } });
    expect(linkOf(last(), LINKED)).toBeUndefined();
    expect(last()!.edges.find((e) => e.id === LINKED)).not.toHaveProperty('recordLink');
  });

  it('is written only once whole; until then a message in Chinese says what is missing', () => {
    const { container, last, changes } = renderDesigner(newCustomerApproval(), sampleCatalog, { locale: 'zh' });
    const inspector = openEdge(container, UNLINKED);
    expect(within(inspector).getByRole('group', { name: '记录关联' })).toBeTruthy();
    expect(shownText(picker('entity'))).toBe('— 不关联 —');
    const before = changes.length;
    fireEvent.change(picker('entity'), { target: { value: 'customer' } });
    expect(changes.length).toBe(before);
    expect(within(inspector).getByText('请选择用来找到该记录的字段。')).toBeTruthy();
    expect(within(inspector).getByText('请选择该字段应等于的本流程取值。')).toBeTruthy();
    expect(screen.getByTestId('edge-record-link-pending').textContent).toContain('尚未保存');
    expect(picker('field').getAttribute('aria-invalid')).toBe('true');
    expect(optionTexts(picker('field'))).toContain('付款条件（paymentTerms）');
    fireEvent.change(picker('field'), { target: { value: 'id' } });
    expect(changes.length).toBe(before);
    fireEvent.change(picker('equals'), { target: { value: 'customer.id' } });
    expect(linkOf(last(), UNLINKED)).toEqual({ entity: 'customer', field: 'id', equals: 'customer.id' });
    expect(screen.queryByTestId('edge-record-link-pending')).toBeNull();
    expect(shownText(picker('equals'))).toBe('客户 › 记录编号（customer.id）');
    for (const p of within(inspector).queryAllByRole('status')) expect(p.textContent).not.toMatch(HALF_WIDTH_IN_CHINESE);
  });

  it('keeps a link that names what the catalog or flow does not have, and says so in the user language', () => {
    for (const [locale, entityWhy, valueWhy] of [
      ['en', 'The catalog has no entity “ghost”: pick one from the list.', 'This flow has no value “nowhere.y”: pick one from the list.'],
      ['zh', '目录中没有实体“ghost”，请从列表中选择。', '本流程没有取值“nowhere.y”，请从列表中选择。'],
    ] as const) {
      const flow = newCustomerApproval();
      const odd = { entity: 'ghost', field: 'x', equals: 'nowhere.y' };
      flow.edges.find((e) => e.id === LINKED)!.recordLink = odd;
      const { container, last } = renderDesigner(flow, sampleCatalog, { locale });
      const inspector = openEdge(container, LINKED);
      expect(picker('entity').value).toBe('ghost');
      expect(picker('field').value).toBe('x');
      expect(picker('equals').value).toBe('nowhere.y');
      expect(shownText(picker('entity'))).toBe(locale === 'zh' ? 'ghost（未知）' : 'ghost (unknown)');
      expect(within(inspector).getByText(entityWhy)).toBeTruthy();
      expect(within(inspector).getByText(valueWhy)).toBeTruthy();
      // nothing was rewritten
      expect(linkOf(last() ?? flow, LINKED)).toEqual(odd);
      // picking a known entity keeps the other parts until they are picked too
      fireEvent.change(picker('entity'), { target: { value: 'customer' } });
      expect(linkOf(last() ?? flow, LINKED)).toEqual(odd);
      expect(within(inspector).getByText(locale === 'zh' ? '客户没有字段“x”，请从列表中选择。' : 'Customer has no field “x”: pick one from the list.')).toBeTruthy();
      cleanup();
    }
  });
});
