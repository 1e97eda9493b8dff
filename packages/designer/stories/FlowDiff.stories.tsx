import type { Meta, StoryObj } from '@storybook/react-vite';
import { FlowDiff, I18nProvider } from '../src/index.js';
import { catalog, newCustomerApproval } from './samples.js';

const before = (() => {
  const v = structuredClone(newCustomerApproval);
  v.nodes = v.nodes.filter((n) => n.id !== 'review-payment-terms');
  v.edges = v.edges.filter((e) => e.source !== 'review-payment-terms' && e.target !== 'review-payment-terms');
  v.edges.push({ id: 'old', source: 'submit-customer', target: 'review-credit-limit' });
  v.nodes.find((n) => n.id === 'evaluate-expenses')!.name = { en: 'Evaluate expenses', zh: '评估费用' };
  return v;
})();
const after = { ...structuredClone(newCustomerApproval), version: 2 };

const meta = {
  title: 'Designer/FlowDiff',
  component: FlowDiff,
  args: { before, after, catalog },
  decorators: [(Story) => <I18nProvider locale="en"><div style={{ height: '100%', display: 'flex', padding: 12 }}><Story /></div></I18nProvider>],
} satisfies Meta<typeof FlowDiff>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Version 1 beside version 2: the payment-terms review added, the shortcut removed, a step renamed. */
export const TwoVersions: Story = {};
