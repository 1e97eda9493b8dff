import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';
import { renderDesigner } from './render.js';
import { editNotes, notesText } from '../../src/panels/inspector/notes.js';

afterEach(cleanup);

const nodeEl = (container: HTMLElement, id: string) => container.querySelector(`.react-flow__node[data-id="${id}"]`) as HTMLElement;
const box = (id: string) => screen.getByTestId(id) as HTMLTextAreaElement;

describe('notes in the inspector, per language', () => {
  it('shows a step’s notes in an English box and a Chinese box', () => {
    const { container } = renderDesigner(newCustomerApproval(), sampleCatalog);
    fireEvent.click(nodeEl(container, 'review-payment-terms'));
    expect(box('node-notes').value).toMatch(/^Open question: may finance skip this review/);
    expect(box('node-notes-zh').value).toMatch(/^待定问题：对于采用预付款方式的 C 级客户/);
  });

  it('adds the Chinese of a note and a second note, as the flow reports them', () => {
    const { container, last } = renderDesigner(newCustomerApproval(), sampleCatalog);
    fireEvent.click(nodeEl(container, 'enter-customer'));
    const en = box('node-notes');
    fireEvent.change(en, { target: { value: 'Check the tax number.\nAsk for the licence.' } });
    fireEvent.blur(en);
    const zh = box('node-notes-zh');
    for (const v of ['核', '核对税号。', '核对税号。\n索取营业执照。']) fireEvent.change(zh, { target: { value: v } });
    fireEvent.blur(zh);
    expect(last()!.nodes.find((n) => n.id === 'enter-customer')!.notes).toEqual([
      { en: 'Check the tax number.', zh: '核对税号。' },
      { en: 'Ask for the licence.', zh: '索取营业执照。' },
    ]);
  });
});

describe('editNotes()', () => {
  it('keeps plain notes plain until Chinese is given', () => {
    expect(editNotes(['Old'], 'en', 'Old\nNew')).toEqual(['Old', 'New']);
    expect(editNotes(['Old', 'New'], 'zh', '\n新')).toEqual(['Old', { en: 'New', zh: '新' }]);
    expect(notesText(['Old', { en: 'New', zh: '新' }], 'zh')).toBe('\n新');
  });

  it('uses Chinese typed without English as the English too, and follows it while it is typed', () => {
    const first = editNotes(undefined, 'zh', '超');
    expect(first).toEqual([{ en: '超', zh: '超' }]);
    expect(editNotes(first, 'zh', '超过一百万')).toEqual([{ en: '超过一百万', zh: '超过一百万' }]);
    // once English is typed, it is kept when the Chinese changes
    const typed = editNotes(editNotes(first, 'zh', '超过一百万'), 'en', 'Above 1M');
    expect(editNotes(typed, 'zh', '超过一百万元')).toEqual([{ en: 'Above 1M', zh: '超过一百万元' }]);
  });

  it('drops the Chinese of a note when its line is cleared, and all notes when both boxes are empty', () => {
    expect(editNotes([{ en: 'A', zh: '甲' }], 'zh', '')).toEqual(['A']);
    expect(editNotes(['A'], 'en', '')).toBeUndefined();
  });
});
