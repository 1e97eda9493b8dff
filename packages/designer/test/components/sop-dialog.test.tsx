import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';
import { renderDesigner } from './render.js';

afterEach(cleanup);

describe('SOP reader', () => {
  it('shows the flow as its standard operating procedure: headings, numbered steps with who and window, the roles table; no Markdown marks', async () => {
    const flow = newCustomerApproval();
    renderDesigner(flow, sampleCatalog);
    fireEvent.click(screen.getByTestId('sop-open'));
    const dialog = screen.getByRole('dialog');
    const sop = within(dialog).getByTestId('sop');
    await waitFor(() => expect(sop.querySelector('h2')).toBeTruthy());
    expect(sop.querySelector('h2')!.textContent).toContain(flow.name.en);
    // every task is a numbered step heading
    const steps = [...sop.querySelectorAll('h4')].map((h) => h.textContent);
    for (const n of flow.nodes.filter((x) => x.kind === 'task')) expect(steps.some((s) => s?.includes(n.name.en))).toBe(true);
    expect(sop.querySelector('table th')?.textContent).toBe('Department');
    expect(sop.querySelectorAll('strong').length).toBeGreaterThan(3);
    expect(sop.textContent).not.toMatch(/\*\*|^#|\n#|\|\s*---/);
  });

  it('reads in Chinese in the Chinese UI', async () => {
    const flow = newCustomerApproval();
    renderDesigner(flow, sampleCatalog, { locale: 'zh' });
    fireEvent.click(screen.getByTestId('sop-open'));
    const sop = within(screen.getByRole('dialog')).getByTestId('sop');
    await waitFor(() => expect(sop.querySelector('h2')).toBeTruthy());
    expect(sop.querySelector('h2')!.textContent).toContain('标准作业程序');
    expect(sop.querySelector('table th')?.textContent).toBe('部门');
    expect(screen.getByRole('dialog').querySelector('h2')!.textContent).toContain('标准作业程序：');
  });

  it('keeps text a user typed as text: a step named like HTML is not read as HTML', async () => {
    const flow = newCustomerApproval();
    const task = flow.nodes.find((n) => n.kind === 'task')!;
    task.name = { en: '<img src=x onerror="window.hacked=1"> Check', zh: '核对' };
    renderDesigner(flow, sampleCatalog);
    fireEvent.click(screen.getByTestId('sop-open'));
    const sop = within(screen.getByRole('dialog')).getByTestId('sop');
    await waitFor(() => expect(sop.querySelector('h2')).toBeTruthy());
    expect(sop.querySelector('img')).toBeNull();
    expect(sop.textContent).toContain('<img src=x');
  });
});
