import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAYOUT_STORAGE_KEY } from '../../src/designer/layout-state.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';
import { renderDesigner } from './render.js';

beforeEach(() => localStorage.removeItem(LAYOUT_STORAGE_KEY));
afterEach(cleanup);

describe('room to work', () => {
  it('takes the whole window in focus mode and remembers it on the next opening', () => {
    // given a designer
    const first = renderDesigner(newCustomerApproval(), sampleCatalog);
    const root = () => document.querySelector('.cfd-root') as HTMLElement;
    expect(root().classList.contains('is-focus')).toBe(false);
    // when focus mode is switched on
    fireEvent.click(screen.getByTestId('focus-mode'));
    // then the designer covers the window
    expect(root().classList.contains('is-focus')).toBe(true);
    expect(screen.getByTestId('focus-mode').getAttribute('aria-label')).toBe('Leave focus mode');
    // and a designer opened later (a reload) opens in focus mode too
    first.unmount();
    renderDesigner(newCustomerApproval(), sampleCatalog);
    expect(root().classList.contains('is-focus')).toBe(true);
    fireEvent.click(screen.getByTestId('focus-mode'));
    expect(root().classList.contains('is-focus')).toBe(false);
  });

  it('collapses the palette, inspector and bottom panel, remembered; Validate brings the problems back', () => {
    const first = renderDesigner(newCustomerApproval(), sampleCatalog);
    fireEvent.click(screen.getByTestId('toggle-palette'));
    fireEvent.click(screen.getByTestId('toggle-inspector'));
    fireEvent.click(screen.getByTestId('toggle-bottom'));
    expect(screen.queryByTestId('palette-task')).toBeNull();
    expect(screen.queryByTestId('flow-inspector')).toBeNull();
    expect(screen.queryByTestId('tab-problems')).toBeNull();
    // the canvas gets the room
    expect((document.querySelector('.cfd-main') as HTMLElement).style.gridTemplateColumns).toBe('1fr');
    first.unmount();
    renderDesigner(newCustomerApproval(), sampleCatalog);
    expect(screen.queryByTestId('palette-task')).toBeNull();
    expect(screen.queryByTestId('tab-problems')).toBeNull();
    fireEvent.click(screen.getByTestId('validate'));
    expect(screen.getByTestId('tab-problems')).toBeTruthy();
  });
});
