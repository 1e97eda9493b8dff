import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlowProvider } from '@xyflow/react';
import { ConditionBuilder, createDocumentStore, I18nProvider, type Locale } from '../src/index.js';
import { DesignerContext } from '../src/designer/context.js';
import { createUiState } from '../src/designer/ui-state.js';
import { catalog, newOrderFlow } from './samples.js';

function Playground({ initial, locale = 'en', disabled = false }: { initial: unknown; locale?: Locale; disabled?: boolean }) {
  const [value, setValue] = useState<unknown>(initial);
  const [ctx] = useState(() => ({ store: createDocumentStore(newOrderFlow), ui: createUiState(), catalog, permission: 'key-user' as const, editable: !disabled }));
  return (
    <I18nProvider locale={locale}>
      <ReactFlowProvider>
        <DesignerContext.Provider value={ctx}>
          <div className="cfd-root" style={{ width: 340, padding: 12 }}>
            <ConditionBuilder value={value} onChange={setValue} flow={newOrderFlow} label="Guard" disabled={disabled} />
            <pre style={{ fontSize: 11 }}>{JSON.stringify(value, null, 2)}</pre>
          </div>
        </DesignerContext.Provider>
      </ReactFlowProvider>
    </I18nProvider>
  );
}

const meta = {
  title: 'Designer/ConditionBuilder',
  component: Playground,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof Playground>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No condition yet. */
export const Empty: Story = { args: { initial: undefined } };
/** A simple guard in the builder. */
export const Simple: Story = { args: { initial: { and: [{ '>': [{ var: 'order.amount' }, 10000] }, { '==': [{ var: 'customer.level' }, 'A'] }] } } };
/** Arithmetic the builder cannot show: JSON mode, checked live against the policy. */
export const ComplexAsJson: Story = { args: { initial: { '>=': [{ var: 'customer.creditUsed' }, { '*': [0.9, { var: 'customer.creditLimit' }] }] } } };
/** In Chinese. */
export const Chinese: Story = { args: { initial: { '>': [{ var: 'order.amount' }, 10000] }, locale: 'zh' } };
/** Read-only. */
export const Disabled: Story = { args: { initial: { '>': [{ var: 'order.amount' }, 10000] }, disabled: true } };
