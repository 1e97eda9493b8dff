import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';
import { renderDesigner } from './render.js';

afterEach(cleanup);

const nodeEl = (container: HTMLElement, id: string) => container.querySelector(`.react-flow__node[data-id="${id}"]`) as HTMLElement;

describe('FlowDesigner', () => {
  it('draws every step and one lane per department, in the department colour', () => {
    // given the new-customer approval sample
    const { container } = renderDesigner(newCustomerApproval(), sampleCatalog);
    // then each node is on the canvas and sales and finance are lanes
    for (const id of ['start', 'enter-customer', 'review-credit-limit', 'approved', 'end-rejected']) expect(nodeEl(container, id)).toBeTruthy();
    expect(screen.getByTestId('lane-sales').textContent).toContain('Sales');
    expect(screen.getByTestId('lane-finance').getAttribute('style')).toContain('#059669');
    // and the guarded edge is labelled in plain language
    expect(container.querySelector('[data-testid="edge-label-approved-to-activate-customer"]')?.textContent).toMatch(/Approved/);
  });

  it('adds a step from the palette with the keyboard after the selected one, connected, as one undo step', async () => {
    // given a designer with enter-customer selected
    const { container, last } = renderDesigner(newCustomerApproval(), sampleCatalog);
    fireEvent.click(nodeEl(container, 'enter-customer'));
    // when Enter is pressed on the palette's Task
    fireEvent.keyDown(screen.getByTestId('palette-task'), { key: 'Enter' });
    // then a task follows enter-customer in the sales lane
    const flow = last()!;
    const added = flow.nodes.at(-1)!;
    expect(added).toMatchObject({ kind: 'task', department: 'sales' });
    expect(flow.edges.some((e) => e.source === 'enter-customer' && e.target === added.id)).toBe(true);
    // and one undo removes both
    fireEvent.click(screen.getByTestId('undo'));
    expect(last()!.nodes.some((n) => n.id === added.id)).toBe(false);
    expect(last()!.edges.some((e) => e.target === added.id)).toBe(false);
  });

  it('adds a step with a single click on the palette, in the lane of the selected steps', () => {
    // given two finance steps selected
    const { container, last } = renderDesigner(newCustomerApproval(), sampleCatalog);
    const finance = last() ?? newCustomerApproval();
    const inFinance = finance.nodes.filter((n) => n.department === 'finance').slice(0, 2).map((n) => n.id);
    expect(inFinance.length).toBe(2);
    fireEvent.click(nodeEl(container, inFinance[0]!));
    fireEvent.click(nodeEl(container, inFinance[1]!), { ctrlKey: true });
    // when the palette's Wait is clicked once
    fireEvent.click(screen.getByTestId('palette-wait'));
    // then one wait step is added in the finance lane
    const flow = last()!;
    const added = flow.nodes.filter((n) => n.kind === 'wait' && !finance.nodes.some((o) => o.id === n.id));
    expect(added).toHaveLength(1);
    expect(added[0]!.department).toBe('finance');
  });

  it('edits a step in the inspector and undoes the edit in one step', () => {
    // given a selected step
    const { container, last } = renderDesigner(newCustomerApproval(), sampleCatalog);
    fireEvent.click(nodeEl(container, 'review-credit-limit'));
    const name = screen.getByTestId('node-name-en') as HTMLInputElement;
    // when its name is typed letter by letter and the field is left
    for (const v of ['C', 'Ch', 'Check credit']) fireEvent.change(name, { target: { value: v } });
    fireEvent.blur(name);
    // then the canvas and the reported flow show it
    expect(nodeEl(container, 'review-credit-limit').textContent).toContain('Check credit');
    expect(last()!.nodes.find((n) => n.id === 'review-credit-limit')!.name.en).toBe('Check credit');
    // and Ctrl+Z brings back the old name at once
    fireEvent.keyDown(container.querySelector('.cfd-root')!, { key: 'z', ctrlKey: true });
    expect(last()!.nodes.find((n) => n.id === 'review-credit-limit')!.name.en).toBe('Review credit limit');
  });

  it('lists problems in plain language, badges the step, and selects it on click', async () => {
    // given a flow whose step opens a window the catalog lacks
    const flow = newCustomerApproval();
    const task = flow.nodes.find((n) => n.id === 'review-payment-terms')!;
    if (task.kind === 'task') task.window = 'no-such-window';
    const { container } = renderDesigner(flow, sampleCatalog);
    // then the problem is listed and counted, and the step has a badge
    const problem = (await screen.findAllByTestId('problem')).find((p) => p.textContent?.includes('no-such-window'))!;
    expect(problem.textContent).toContain("opens window 'no-such-window'");
    // named by the step's name, the rule's code only on hover
    expect(problem.textContent).toContain('Review payment terms');
    expect(problem.textContent).not.toMatch(/FLOW_[EW]\d+|Node 'review-payment-terms'/);
    expect(problem.getAttribute('title')).toMatch(/FLOW_E\d+/);
    expect(Number(screen.getByTestId('problem-count').textContent)).toBeGreaterThanOrEqual(1);
    expect(within(nodeEl(container, 'review-payment-terms')).getByTestId('problem-badge')).toBeTruthy();
    // when it is clicked, the inspector shows that step
    fireEvent.click(problem);
    expect((screen.getByTestId('node-name-en') as HTMLInputElement).value).toBe('Review payment terms');
  });

  it('is read-only for viewers: no palette, disabled fields, no publish', () => {
    // given a viewer
    const { container } = renderDesigner(newCustomerApproval(), sampleCatalog, { permissions: 'viewer' });
    // then nothing can be edited
    expect(screen.queryByTestId('palette-task')).toBeNull();
    expect(screen.queryByTestId('publish')).toBeNull();
    fireEvent.click(nodeEl(container, 'enter-customer'));
    expect((screen.getByTestId('node-name-en') as HTMLInputElement).disabled).toBe(true);
  });

  it('gives only admins Publish, disabled while there are errors', async () => {
    // given a key user and an admin
    const { unmount } = renderDesigner(newCustomerApproval(), sampleCatalog, { permissions: 'key-user' });
    expect(screen.queryByTestId('publish')).toBeNull();
    unmount();
    const flow = newCustomerApproval();
    flow.edges.push({ id: 'bad', source: 'start', target: 'nowhere' });
    renderDesigner(flow, sampleCatalog, { permissions: 'admin', onPublish: () => undefined });
    // then the admin's Publish waits for the errors to be fixed
    expect((screen.getByTestId('publish') as HTMLButtonElement).disabled).toBe(true);
  });

  it('dims the steps a role takes no part in', () => {
    // given the sample
    const { container } = renderDesigner(newCustomerApproval(), sampleCatalog);
    // when viewing as finance
    fireEvent.change(screen.getByTestId('view-as'), { target: { value: 'finance' } });
    // then sales steps are dimmed and finance steps are not
    expect(nodeEl(container, 'enter-customer').querySelector('.cfd-step')!.className).toContain('is-dimmed');
    expect(nodeEl(container, 'review-credit-limit').querySelector('.cfd-step')!.className).not.toContain('is-dimmed');
  });

  it('speaks Chinese', () => {
    // given the zh locale
    const { container } = renderDesigner(newCustomerApproval(), sampleCatalog, { locale: 'zh' });
    // then UI strings and names are Chinese
    expect(screen.getByTestId('tab-problems').textContent).toContain('问题');
    expect(screen.getByTestId('palette-task').textContent).toContain('任务');
    expect(nodeEl(container, 'enter-customer').textContent).toContain('录入客户信息');
    expect(screen.getByTestId('lane-finance').textContent).toContain('财务部');
  });

  it('deletes the selection with Delete and copies and pastes with Ctrl+C and Ctrl+V', () => {
    // given a selected step
    const { container, last } = renderDesigner(newCustomerApproval(), sampleCatalog);
    const root = container.querySelector('.cfd-root')!;
    fireEvent.click(nodeEl(container, 'review-payment-terms'));
    // when it is copied and pasted
    fireEvent.keyDown(root, { key: 'c', ctrlKey: true });
    fireEvent.keyDown(root, { key: 'v', ctrlKey: true });
    // then a copy exists 40 px away
    const copy = last()!.nodes.find((n) => n.id === 'review-payment-terms-copy');
    expect(copy).toBeTruthy();
    expect(last()!.layout!.nodes!['review-payment-terms-copy']).toEqual({ x: 740, y: 330 });
    // when the (now selected) copy is deleted
    act(() => void fireEvent.keyDown(root, { key: 'Delete' }));
    // then it is gone again
    expect(last()!.nodes.some((n) => n.id === 'review-payment-terms-copy')).toBe(false);
  });

  it('opens the shortcut list with ? and closes it with Esc', () => {
    const { container } = renderDesigner(newCustomerApproval(), sampleCatalog);
    const root = container.querySelector('.cfd-root')!;
    fireEvent.keyDown(root, { key: '?' });
    expect(screen.getByRole('dialog').textContent).toContain('Keyboard shortcuts');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
