import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldWidget } from '../../src/forms/FieldWidget.js';
import { formatDateText, parseDateText } from '../../src/forms/dates.js';
import { I18nProvider, type Locale } from '../../src/i18n/index.js';

afterEach(cleanup);

describe('parseDateText: dates typed in the app language, year first', () => {
  it('reads ISO, slashes and Chinese 年月日 as the same day', () => {
    for (const text of ['2026-11-22', ' 2026/11/22 ', '2026.11.22', '2026年11月22日', '2026 年 11 月 22 日', '2026年11月22号']) {
      expect(parseDateText(text, 'date')).toEqual({ ok: true, value: '2026-11-22' });
    }
    expect(parseDateText('2026-3-5', 'date')).toEqual({ ok: true, value: '2026-03-05' });
  });

  it('reads English month names in either order', () => {
    expect(parseDateText('22 Nov 2026', 'date')).toEqual({ ok: true, value: '2026-11-22' });
    expect(parseDateText('November 22, 2026', 'date')).toEqual({ ok: true, value: '2026-11-22' });
    expect(parseDateText('Sept 3 2026', 'date')).toEqual({ ok: true, value: '2026-09-03' });
  });

  it('refuses day/month numbers as ambiguous, days that do not exist and other text', () => {
    expect(parseDateText('11/12/2026', 'date')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseDateText('2026-02-30', 'date')).toEqual({ ok: false, reason: 'noSuchDay' });
    expect(parseDateText('2026-13-01', 'date')).toEqual({ ok: false, reason: 'noSuchDay' });
    expect(parseDateText('tomorrow', 'date')).toEqual({ ok: false, reason: 'format' });
    expect(parseDateText('2026-11', 'date')).toEqual({ ok: false, reason: 'format' });
    expect(parseDateText('', 'date')).toEqual({ ok: true, value: null });
  });

  it('reads a date and time in the reader time zone and asks for the time when missing', () => {
    const at = new Date(2026, 10, 22, 9, 30).toISOString();
    for (const text of ['2026-11-22 09:30', '2026-11-22T09:30', '2026年11月22日 9:30', '2026年11月22日 9点30分', '2026-11-22 09：30']) {
      expect(parseDateText(text, 'datetime')).toEqual({ ok: true, value: at });
    }
    expect(parseDateText('2026-11-22', 'datetime')).toEqual({ ok: false, reason: 'time' });
    expect(parseDateText('2026-11-22 25:00', 'datetime')).toEqual({ ok: false, reason: 'noSuchTime' });
    expect(parseDateText('2026-11-22 09:75', 'datetime')).toEqual({ ok: false, reason: 'noSuchTime' });
    expect(formatDateText(at, 'datetime')).toBe('2026-11-22 09:30');
    expect(formatDateText('2026-11-22', 'date')).toBe('2026-11-22');
    expect(formatDateText('11/22', 'date')).toBe('11/22');
  });
});

function Form({ locale, start, kind = 'date' }: { locale: Locale; start: unknown; kind?: 'date' | 'datetime' }) {
  const [value, setValue] = useState<unknown>(start);
  return (
    <I18nProvider locale={locale}>
      <FieldWidget id="due" field={{ type: kind }} value={value} onChange={setValue} access="edit" />
      <output data-testid="stored">{JSON.stringify(value)}</output>
    </I18nProvider>
  );
}

const input = () => screen.getByRole('textbox') as HTMLInputElement;
const stored = () => JSON.parse(screen.getByTestId('stored').textContent!) as unknown;

describe('a date field in a form', () => {
  it('shows a stored day year first with a Chinese format hint in zh, whatever the browser locale', () => {
    render(<Form locale="zh" start="2026-11-03" />);
    expect(input().type).toBe('text');
    expect(input().value).toBe('2026-11-03');
    expect(input().placeholder).toBe('年-月-日');
    expect(screen.getByTestId('date-hint').textContent).toBe('2026年11月3日星期二');
  });

  it('stores a day typed in Chinese as yyyy-mm-dd', () => {
    render(<Form locale="zh" start={null} />);
    fireEvent.change(input(), { target: { value: '2026年12月1日' } });
    fireEvent.blur(input());
    expect(stored()).toBe('2026-12-01');
    expect(input().value).toBe('2026年12月1日');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps a wrong date as typed and says in Chinese what to type', () => {
    render(<Form locale="zh" start="2026-11-03" />);
    fireEvent.change(input(), { target: { value: '11/22/2026' } });
    fireEvent.blur(input());
    expect(input().value).toBe('11/22/2026');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('“11/22/2026”可读作两个不同的日子：请先写年份，按“年-月-日”输入，例如 2026-11-22。');
    // the old date is not kept behind the wrong one: the engine sees the text and refuses it
    expect(stored()).toBe('11/22/2026');
    fireEvent.change(input(), { target: { value: '2026-11-22' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(stored()).toBe('2026-11-22');
  });

  it('explains a day that does not exist in English', () => {
    render(<Form locale="en" start={null} />);
    expect(input().placeholder).toBe('yyyy-mm-dd');
    fireEvent.change(input(), { target: { value: '2026-02-30' } });
    fireEvent.blur(input());
    expect(screen.getByRole('alert').textContent).toBe('There is no day “2026-02-30”: check the month (1–12) and the day of the month.');
  });

  it('types a date and time as yyyy-mm-dd hh:mm', () => {
    render(<Form locale="en" start={new Date(2026, 10, 22, 9, 0).toISOString()} kind="datetime" />);
    expect(input().value).toBe('2026-11-22 09:00');
    fireEvent.change(input(), { target: { value: '2026-11-23 14:15' } });
    expect(stored()).toBe(new Date(2026, 10, 23, 14, 15).toISOString());
  });
});
