import { describe, expect, it } from 'vitest';
import { fieldText } from '../../src/forms/FieldWidget.js';

const pick = (t: { en: string; zh?: string } | undefined) => t?.en ?? '';

describe('fieldText: a value as a person reads it', () => {
  it('shows a date as a calendar day in the reader language, never ISO text, whatever the time zone', () => {
    expect(fieldText('2026-11-03', { type: 'date' }, pick, 'yes', 'no', 'en')).toBe('3 Nov 2026');
    expect(fieldText('2026-11-03', { type: 'date' }, pick, '是', '否', 'zh')).toBe('2026年11月3日');
    expect(fieldText('2026-12-31', { type: 'date' }, pick, 'yes', 'no', 'en')).toBe('31 Dec 2026');
  });

  it('shows a date-time with its day and time, not the ISO instant', () => {
    const text = fieldText('2026-11-03T09:30:00.000Z', { type: 'datetime' }, pick, 'yes', 'no', 'en');
    expect(text).toMatch(/Nov 2026/);
    expect(text).not.toContain('T09');
    expect(fieldText('2026-11-03T09:30:00.000Z', { type: 'datetime' }, pick, '是', '否', 'zh')).toMatch(/^2026年11月\d+日/);
  });

  it('groups money and numbers and marks percentages', () => {
    expect(fieldText(1234567.5, { type: 'money' }, pick, 'yes', 'no', 'en')).toBe('1,234,567.5');
    expect(fieldText(300000, { type: 'integer' }, pick, 'yes', 'no', 'zh')).toBe('300,000');
    expect(fieldText(15, { type: 'percent' }, pick, 'yes', 'no', 'en')).toBe('15 %');
  });

  it('names options and yes/no, and marks empty values', () => {
    const field = { type: 'enum', options: [{ value: 'pending', name: { en: 'Pending approval' } }] };
    expect(fieldText('pending', field, pick, 'yes', 'no')).toBe('Pending approval');
    expect(fieldText(false, { type: 'boolean' }, pick, 'yes', 'no')).toBe('no');
    expect(fieldText(null, { type: 'date' }, pick, 'yes', 'no')).toBe('—');
    // text that is not a date stays as typed
    expect(fieldText('soon', { type: 'date' }, pick, 'yes', 'no')).toBe('soon');
  });
});
