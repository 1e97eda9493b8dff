import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';
import { renderDesigner } from './render.js';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('undo history kept with the draft', () => {
  it('survives a reload: the saved draft reopens with its undo steps, and undo takes them back', () => {
    // given a draft where a wait and a task were added
    const first = renderDesigner(newCustomerApproval(), sampleCatalog);
    fireEvent.click(screen.getByTestId('palette-wait'));
    fireEvent.click(screen.getByTestId('palette-task'));
    const draft = first.last()!;
    expect(draft.nodes.filter((n) => n.kind === 'wait')).toHaveLength(1);
    first.unmount();
    // when the page reloads with that saved draft
    const again = renderDesigner(structuredClone(draft), sampleCatalog);
    // then undo is offered and takes back the task, then the wait
    const undo = screen.getByTestId('undo') as HTMLButtonElement;
    expect(undo.disabled).toBe(false);
    fireEvent.click(undo);
    expect(again.last()!.nodes.length).toBe(draft.nodes.length - 1);
    fireEvent.click(undo);
    expect(again.last()!.nodes.filter((n) => n.kind === 'wait')).toHaveLength(0);
    expect(again.last()!.nodes.length).toBe(newCustomerApproval().nodes.length);
  });

  it('does not bring back steps made on another flow content (a discarded and restarted draft)', () => {
    const first = renderDesigner(newCustomerApproval(), sampleCatalog);
    fireEvent.click(screen.getByTestId('palette-wait'));
    first.unmount();
    // the original flow, not the draft the steps lead to
    renderDesigner(newCustomerApproval(), sampleCatalog);
    expect((screen.getByTestId('undo') as HTMLButtonElement).disabled).toBe(true);
  });
});
