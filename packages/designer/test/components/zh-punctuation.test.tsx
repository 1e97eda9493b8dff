import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';
import { translator } from '../../src/i18n/index.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';
import { renderDesigner } from './render.js';

afterEach(cleanup);

/** A half-width bracket, colon, comma, semicolon, ? or ! touching Chinese text. */
const HALF_WIDTH_IN_CHINESE = /[\u4e00-\u9fff“”（）][(),:;?!]|[(),:;?!][\u4e00-\u9fff“”（）]|[\u4e00-\u9fff]\s[(]|[)]\s[\u4e00-\u9fff]/u;

describe('Chinese text uses full-width punctuation', () => {
  it('in every Chinese message of the designer, with Chinese filled into its placeholders', () => {
    const t = translator('zh');
    const bad = (Object.keys(en) as (keyof typeof en)[])
      .filter((k) => !k.startsWith('date.format.'))
      .map((k) => [k, t(k, new Proxy({}, { get: () => '客户' }) as Record<string, string>)] as const)
      .filter(([, text]) => HALF_WIDTH_IN_CHINESE.test(text));
    expect(bad).toEqual([]);
    expect(Object.keys(zh).length).toBe(Object.keys(en).length);
  });

  it('in the inspector labels and the names read out for steps, lanes and variables', () => {
    const { container } = renderDesigner(newCustomerApproval(), sampleCatalog, { locale: 'zh' });
    // the flow inspector: a text per language
    expect(screen.getByLabelText('说明（英文）')).toBeTruthy();
    expect(screen.getByLabelText('说明（中文）')).toBeTruthy();
    expect(screen.getByLabelText('类型：customer')).toBeTruthy();
    expect(screen.queryByLabelText('说明 (中文)')).toBeNull();
    // a step is read out by its kind in words, not its kind id
    const labels = [...container.querySelectorAll('.react-flow__node[aria-label]')].map((n) => n.getAttribute('aria-label')!);
    expect(labels).toContain('任务：录入客户信息');
    expect(labels).toContain('开始：提出新客户');
    expect(labels.filter((l) => /^[a-z]+: /.test(l))).toEqual([]);
    for (const l of labels) expect(l).not.toMatch(HALF_WIDTH_IN_CHINESE);
  });
});

describe('record variables are offered by name, not only by id', () => {
  it('names the records a step can open in its window in the UI language, with their ids', () => {
    const flow = newCustomerApproval();
    flow.data.referrer = { type: 'record', entity: 'customer', name: { en: 'Referring customer', zh: '推荐客户' } };
    const { container } = renderDesigner(flow, sampleCatalog, { locale: 'zh' });
    fireEvent.click(container.querySelector('.react-flow__node[data-id="enter-customer"]') as HTMLElement);
    const options = [...(screen.getByTestId('node-record') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toContain('客户（customer）');
    expect(options).toContain('推荐客户（referrer）');
    expect(options).not.toContain('referrer');
  });
});
