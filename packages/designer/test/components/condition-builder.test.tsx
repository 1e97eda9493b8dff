import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ConditionBuilder } from '../../src/index.js';
import { DesignerContext } from '../../src/designer/context.js';
import { createDocumentStore } from '../../src/document/store.js';
import { createUiState } from '../../src/designer/ui-state.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';

afterEach(cleanup);

function Harness({ initial, onChange }: { initial: unknown; onChange: (r: unknown) => void }) {
  const flow = newCustomerApproval();
  const [value, setValue] = useState<unknown>(initial);
  const ctx = { store: createDocumentStore(flow), ui: createUiState(), catalog: sampleCatalog, permission: 'admin' as const, editable: true };
  return (
    <ReactFlowProvider>
      <DesignerContext.Provider value={ctx}>
        <ConditionBuilder value={value} flow={flow} label="Guard" onChange={(r) => { setValue(r); onChange(r); }} />
      </DesignerContext.Provider>
    </ReactFlowProvider>
  );
}

describe('ConditionBuilder', () => {
  it('shows a simple guard in the builder and reads it in plain language', () => {
    // given a guard comparing the expense decision
    render(<Harness initial={{ '==': [{ var: 'estimate.decision' }, 'approved'] }} onChange={() => undefined} />);
    // then the builder tab is active with the field chosen, and the guard reads as a sentence
    expect(screen.getByRole('tab', { name: 'Builder' }).getAttribute('aria-selected')).toBe('true');
    expect((document.querySelector('.rule-fields select, select.rule-fields') as HTMLSelectElement).value).toBe('estimate.decision');
    expect(screen.getByText(/Reads as:/).textContent).toMatch(/decision/i);
  });

  it('writes JsonLogic when a condition is built', () => {
    // given no guard
    const onChange = vi.fn();
    render(<Harness initial={undefined} onChange={onChange} />);
    // when a condition is added
    fireEvent.click(screen.getByTitle('Add condition'));
    // then a JsonLogic rule over the first field comes out (not wrapped in a one-item "and")
    const rule = onChange.mock.calls.at(-1)![0] as Record<string, unknown>;
    expect(Object.keys(rule)).toHaveLength(1);
    expect(JSON.stringify(rule)).toContain('"var":"customer.');
  });

  it('opens rules the builder cannot show in JSON mode, and checks JSON live against the policy', () => {
    // given arithmetic the builder cannot express
    const onChange = vi.fn();
    render(<Harness initial={{ '>=': [{ var: 'customer.creditUsed' }, { '*': [0.9, { var: 'customer.creditLimit' }] }] }} onChange={onChange} />);
    expect(screen.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected')).toBe('true');
    const box = screen.getByTestId('condition-json');
    // when a forbidden operator is typed
    fireEvent.change(box, { target: { value: '{"method": [{"var": "customer.name"}, "toUpperCase"]}' } });
    // then it is refused with the policy's reason and not applied
    expect(screen.getByRole('status').textContent).toMatch(/not allowed/);
    expect(onChange).not.toHaveBeenCalled();
    // when valid JSON is typed
    fireEvent.change(box, { target: { value: '{">": [{"var": "customer.creditLimit"}, 1000]}' } });
    // then it is applied
    expect(onChange).toHaveBeenLastCalledWith({ '>': [{ var: 'customer.creditLimit' }, 1000] });
  });
});
