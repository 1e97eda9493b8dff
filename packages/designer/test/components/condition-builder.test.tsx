import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { ConditionBuilder, I18nProvider } from '../../src/index.js';
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

  it('joins conditions with words a key user reads ("All of", "Any of"), in English and Chinese, writing and/or', () => {
    // given two conditions joined by "and"
    const onChange = vi.fn();
    const both = { and: [{ '==': [{ var: 'estimate.decision' }, 'approved'] }, { '>': [{ var: 'customer.creditLimit' }, 1000] }] };
    const { unmount } = render(<Harness initial={both} onChange={onChange} />);
    const combinator = document.querySelector('.ruleGroup-combinators') as HTMLSelectElement;
    expect([...combinator.options].map((o) => o.textContent)).toEqual(['All of (AND)', 'Any of (OR)']);
    // when "Any of" is chosen, the rule becomes an "or"
    fireEvent.change(combinator, { target: { value: 'or' } });
    expect(Object.keys(onChange.mock.calls.at(-1)![0] as object)).toEqual(['or']);
    unmount();
    render(
      <I18nProvider locale="zh">
        <Harness initial={both} onChange={() => undefined} />
      </I18nProvider>,
    );
    expect([...(document.querySelector('.ruleGroup-combinators') as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['全部满足（且）', '任一满足（或）']);
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
