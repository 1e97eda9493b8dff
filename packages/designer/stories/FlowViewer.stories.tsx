import type { Meta, StoryObj } from '@storybook/react-vite';
import { FlowViewer } from '../src/index.js';
import { catalog, newCustomerApproval } from './samples.js';

const meta = {
  title: 'Designer/FlowViewer',
  component: FlowViewer,
  args: { flow: newCustomerApproval, catalog, locale: 'en' },
  argTypes: { locale: { control: 'inline-radio', options: ['en', 'zh'] } },
} satisfies Meta<typeof FlowViewer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The read-only canvas. */
export const Plain: Story = {};
/** An instance waiting at the credit-limit review: done, active, path taken. */
export const InstanceInProgress: Story = {
  args: {
    instance: { status: 'active', visited: ['start', 'enter-customer', 'submit-customer', 'review-payment-terms'], tokens: { t: { nodeId: 'review-credit-limit', waiting: 'task' } } },
  },
};
/** A finished instance: the branch not taken is skipped. */
export const InstanceCompleted: Story = {
  args: {
    locale: 'zh',
    instance: {
      status: 'completed',
      visited: ['start', 'enter-customer', 'submit-customer', 'review-payment-terms', 'review-credit-limit', 'evaluate-expenses', 'approved', 'activate-customer', 'end-approved'],
      tokens: {},
    },
  },
};
