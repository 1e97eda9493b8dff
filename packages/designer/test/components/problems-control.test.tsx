import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';
import { renderDesigner } from './render.js';

afterEach(cleanup);

async function settle() {
  // Validation is debounced (200 ms); let it run.
  await act(async () => new Promise((r) => setTimeout(r, 260)));
}

describe('problems panel', () => {
  it('shows what crm-flow lint shows: the format problem once, with its code, not a second finding for the same flaw', async () => {
    const flow = newCustomerApproval();
    const task = flow.nodes.find((n) => n.kind === 'task')!;
    if (task.kind === 'task') task.window = 'customer-infoo';
    renderDesigner(flow, sampleCatalog);
    await settle();
    const problems = screen.getAllByTestId('problem');
    const rules = problems.map((p) => p.getAttribute('data-rule'));
    expect(rules.filter((r) => r === 'FLOW_E024')).toHaveLength(1);
    expect(rules).not.toContain('task-has-window');
    expect(problems.find((p) => p.getAttribute('data-rule') === 'FLOW_E024')!.textContent).toContain("Did you mean 'customer-info'?");
  });

  it('a problem about a control point selects it: the flow inspector shows it highlighted', async () => {
    const flow = newCustomerApproval();
    flow.controls = [
      { id: 'big-limit-alert', kind: 'alert', name: { en: 'Big credit limit', zh: '高信用额度' }, when: { '>': [{ var: 'customer.creditLimit' }, 100000] }, message: { en: 'Check it', zh: '请核查' }, notify: ['sales-rap'] },
      { id: 'other-alert', kind: 'alert', name: { en: 'Other', zh: '其他' }, when: { '>': [{ var: 'customer.creditLimit' }, 1] }, message: { en: 'x', zh: 'x' }, notify: ['sales-rep'] },
    ];
    renderDesigner(flow, sampleCatalog);
    await settle();
    const problem = screen.getAllByTestId('problem').find((p) => p.getAttribute('data-control') === 'big-limit-alert');
    expect(problem, 'the unknown role in the alert is one problem carrying the control id').toBeTruthy();
    expect(screen.getAllByTestId('problem').filter((p) => p.getAttribute('data-control') === 'big-limit-alert')).toHaveLength(1);
    fireEvent.click(problem!);
    const list = await screen.findByTestId('flow-controls');
    const selected = within(list)
      .getAllByTestId('flow-control')
      .filter((li) => li.getAttribute('aria-current') === 'true');
    expect(selected.map((li) => li.getAttribute('data-control'))).toEqual(['big-limit-alert']);
    expect(selected[0]!.textContent).toContain('Big credit limit');
  });

  it('a problem about an unused variable points at it: the flow inspector highlights its row in the data table', async () => {
    const flow = newCustomerApproval();
    flow.data.followUpNote = { type: 'text', name: { en: 'Follow-up note', zh: '跟进备注' } };
    renderDesigner(flow, sampleCatalog);
    await settle();
    const problem = screen.getAllByTestId('problem').find((p) => p.getAttribute('data-rule') === 'no-unused-variables');
    expect(problem, 'the unused variable is a problem carrying its path').toBeTruthy();
    expect(problem!.getAttribute('data-path')).toBe('/data/followUpNote');
    fireEvent.click(problem!);
    const table = await screen.findByTestId('data-schema');
    const current = table.querySelectorAll('tr[aria-current="true"]');
    expect([...current].map((tr) => tr.getAttribute('data-variable'))).toEqual(['followUpNote']);
  });
});

describe('problem count beside the tabs', () => {
  const severities = () => screen.getAllByTestId('problem').map((p) => /severity-(\w+)/.exec(p.className)?.[1]);

  it('counts in words a reader would write: "1 error", "2 warnings", no "0 warning" part', async () => {
    const flow = newCustomerApproval();
    const task = flow.nodes.find((n) => n.kind === 'task')!;
    if (task.kind === 'task') task.window = 'customer-infoo';
    const { container } = renderDesigner(flow, sampleCatalog);
    await settle();
    const found = severities();
    const errors = found.filter((s) => s === 'error').length;
    const warnings = found.filter((s) => s === 'warning').length;
    expect(errors).toBeGreaterThan(0);
    const status = container.querySelector('.cfd-tabs-status')!.textContent;
    const part = (n: number, word: string) => (n === 0 ? [] : [`${n} ${word}${n === 1 ? '' : 's'}`]);
    expect(status).toBe([...part(errors, 'error'), ...part(warnings, 'warning')].join(' · '));
    expect(status).not.toMatch(/\b0 /);
  });

  it('reads in Chinese with a measure word, none of the English words', async () => {
    const flow = newCustomerApproval();
    const task = flow.nodes.find((n) => n.kind === 'task')!;
    if (task.kind === 'task') task.window = 'customer-infoo';
    const { container } = renderDesigner(flow, sampleCatalog, { locale: 'zh' });
    await settle();
    const errors = severities().filter((s) => s === 'error').length;
    const status = container.querySelector('.cfd-tabs-status')!.textContent!;
    expect(status.startsWith(`${errors} 个错误`)).toBe(true);
    expect(status).not.toMatch(/[a-z]/i);
  });
});
