import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import type { Flow } from '@crm/flow-runtime';
import { ConditionBuilder, I18nProvider } from '../../src/index.js';
import { newCustomerApproval } from '../fixtures/samples.js';

afterEach(cleanup);

function flowWithDue(): Flow {
  const flow = newCustomerApproval();
  return { ...flow, data: { due: { type: 'date', name: { en: 'Due date', zh: '到期日' } } } } as Flow;
}

function Harness({ initial, onChange, locale }: { initial: unknown; onChange: (r: unknown) => void; locale: 'en' | 'zh' }) {
  const [value, setValue] = useState<unknown>(initial);
  return (
    <I18nProvider locale={locale}>
      <ConditionBuilder value={value} flow={flowWithDue()} catalog={{ entities: [], windows: [], roles: [] } as never} label="Guard" onChange={(r) => { setValue(r); onChange(r); }} />
    </I18nProvider>
  );
}

describe('dates in the condition builder', () => {
  it('types a date year first in Chinese, not in the browser locale, and writes it as yyyy-mm-dd', () => {
    const onChange = vi.fn();
    render(<Harness locale="zh" initial={{ '<': [{ var: 'due' }, '2026-12-01'] }} onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: '值' }) as HTMLInputElement;
    expect(input.type).toBe('text');
    expect(input.value).toBe('2026-12-01');
    expect(input.placeholder).toBe('年-月-日');
    fireEvent.change(input, { target: { value: '2026年12月5日' } });
    expect(onChange.mock.calls.at(-1)![0]).toEqual({ '<': [{ var: 'due' }, '2026-12-05'] });
  });

  it('gives a range two date fields and says what is wrong with one in the user language', () => {
    const onChange = vi.fn();
    render(<Harness locale="en" initial={{ '<=': ['2026-12-01', { var: 'due' }, '2026-12-31'] }} onChange={onChange} />);
    const from = screen.getByRole('textbox', { name: 'From date' }) as HTMLInputElement;
    const to = screen.getByRole('textbox', { name: 'To date' }) as HTMLInputElement;
    expect([from.value, to.value]).toEqual(['2026-12-01', '2026-12-31']);
    fireEvent.change(to, { target: { value: '2027-01-15' } });
    expect(onChange.mock.calls.at(-1)![0]).toEqual({ '<=': ['2026-12-01', { var: 'due' }, '2027-01-15'] });
    fireEvent.change(from, { target: { value: '31/12/2026' } });
    fireEvent.blur(from);
    expect(screen.getByRole('alert').textContent).toContain('type the year first');
    expect(from.value).toBe('31/12/2026');
  });
});
