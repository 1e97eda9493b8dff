import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';
import { renderDesigner } from './render.js';

afterEach(cleanup);

const nodeEl = (container: HTMLElement, id: string) => container.querySelector(`.react-flow__node[data-id="${id}"]`) as HTMLElement;

describe('keyboard', () => {
  it('nudges the selection with the arrows, holding being one undo step', () => {
    // given a selected step at (260, 50)
    const { container, last } = renderDesigner(newCustomerApproval(), sampleCatalog);
    const root = container.querySelector('.cfd-root')!;
    fireEvent.click(nodeEl(container, 'enter-customer'));
    // when → is held for three repeats and Shift+↓ pressed once, then released
    for (let i = 0; i < 3; i++) fireEvent.keyDown(root, { key: 'ArrowRight' });
    fireEvent.keyUp(root, { key: 'ArrowRight' });
    fireEvent.keyDown(root, { key: 'ArrowDown', shiftKey: true });
    fireEvent.keyUp(root, { key: 'ArrowDown' });
    // then it moved 30 right and 50 down
    expect(last()!.layout!.nodes!['enter-customer']).toEqual({ x: 290, y: 100 });
    // and undo takes back the Shift+↓, then the three → at once
    fireEvent.keyDown(root, { key: 'z', ctrlKey: true });
    expect(last()!.layout!.nodes!['enter-customer']).toEqual({ x: 290, y: 50 });
    fireEvent.keyDown(root, { key: 'z', ctrlKey: true });
    expect(last()!.layout!.nodes!['enter-customer']).toEqual({ x: 260, y: 50 });
    // and Shift+Ctrl+Z redoes
    fireEvent.keyDown(root, { key: 'z', ctrlKey: true, shiftKey: true });
    expect(last()!.layout!.nodes!['enter-customer']).toEqual({ x: 290, y: 50 });
  });

  it('keeps the focus in the designer after Delete, so Ctrl+Z right after brings the step back', () => {
    // given a step selected and focused, as after clicking it
    const { container, last } = renderDesigner(newCustomerApproval(), sampleCatalog);
    const root = container.querySelector('.cfd-root') as HTMLElement;
    const node = nodeEl(container, 'enter-customer');
    fireEvent.click(node);
    node.focus();
    // when Delete is pressed on it
    fireEvent.keyDown(node, { key: 'Delete' });
    expect(last()!.nodes.some((n) => n.id === 'enter-customer')).toBe(false);
    // then the focus is still inside the designer, not lost to the page
    expect(root.contains(document.activeElement)).toBe(true);
    // and Ctrl+Z pressed where the focus is restores the step
    fireEvent.keyDown(document.activeElement!, { key: 'z', ctrlKey: true });
    expect(last()!.nodes.some((n) => n.id === 'enter-customer')).toBe(true);
  });

  it('selects everything with Ctrl+A and clears the selection with Esc', () => {
    const { container } = renderDesigner(newCustomerApproval(), sampleCatalog);
    const root = container.querySelector('.cfd-root')!;
    fireEvent.keyDown(root, { key: 'a', ctrlKey: true });
    expect(screen.getByText('21 selected')).toBeTruthy();
    fireEvent.keyDown(root, { key: 'Escape' });
    expect(screen.getByTestId('flow-inspector')).toBeTruthy();
  });

  it('Esc leaves focus mode once nothing is selected: first the selection, then focus mode', () => {
    // given the designer in focus mode with a step selected
    const { container } = renderDesigner(newCustomerApproval(), sampleCatalog);
    const root = container.querySelector('.cfd-root')!;
    fireEvent.click(screen.getByTestId('focus-mode'));
    expect(root.getAttribute('data-focus-mode')).toBe('on');
    fireEvent.click(nodeEl(container, 'enter-customer'));
    expect(screen.getByTestId('node-inspector')).toBeTruthy();
    // when Esc is pressed: the selection clears, focus mode stays
    fireEvent.keyDown(root, { key: 'Escape' });
    expect(screen.getByTestId('flow-inspector')).toBeTruthy();
    expect(root.getAttribute('data-focus-mode')).toBe('on');
    // and pressed again: focus mode ends, the page is back
    fireEvent.keyDown(root, { key: 'Escape' });
    expect(root.getAttribute('data-focus-mode')).toBe('off');
    // and once more: nothing left, the key goes on to the host page
    const again = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    root.dispatchEvent(again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('ignores shortcuts typed into fields', () => {
    // given the flow name field focused
    const { container, changes } = renderDesigner(newCustomerApproval(), sampleCatalog);
    fireEvent.click(nodeEl(container, 'enter-customer'));
    const input = screen.getByTestId('node-name-en');
    // when Delete is pressed in it
    fireEvent.keyDown(input, { key: 'Delete' });
    // then the step is still there
    expect(changes.length === 0 || changes.at(-1)!.nodes.some((n) => n.id === 'enter-customer')).toBe(true);
    expect(nodeEl(container, 'enter-customer')).toBeTruthy();
  });
});

describe('lanes', () => {
  it('reorders lanes from their header, the steps moving with them', () => {
    // given sales above finance
    const { last } = renderDesigner(newCustomerApproval(), sampleCatalog);
    // when sales is moved down
    fireEvent.click(screen.getByLabelText('Move lane down: Sales'));
    // then finance is first and its steps moved up by the sales lane's height (240)
    expect(last()!.layout!.lanes!.map((l) => l.department)).toEqual(['finance', 'sales']);
    expect(last()!.layout!.nodes!['review-credit-limit']).toEqual({ x: 920, y: 50 });
  });

  it('moves a step into another lane when its department changes in the inspector', () => {
    const { container, last } = renderDesigner(newCustomerApproval(), sampleCatalog);
    fireEvent.click(nodeEl(container, 'evaluate-expenses'));
    fireEvent.change(screen.getByTestId('node-department'), { target: { value: 'finance' } });
    const flow = last()!;
    expect(flow.nodes.find((n) => n.id === 'evaluate-expenses')!.department).toBe('finance');
    // the finance lane spans 240..400
    expect(flow.layout!.nodes!['evaluate-expenses']!.y).toBeGreaterThanOrEqual(240);
    expect(flow.layout!.nodes!['evaluate-expenses']!.y).toBeLessThan(400);
  });
});
