import type { Meta, StoryObj } from '@storybook/react-vite';
import { FlowViewer } from '../src/index.js';
import { catalog, newCustomerApproval, newOrderFlow } from './samples.js';

const meta = {
  title: 'Designer/FlowViewer',
  component: FlowViewer,
  args: { flow: newCustomerApproval, catalog, locale: 'en' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['en', 'zh'] },
    minimap: { control: 'boolean' },
    minFitZoom: { control: { type: 'range', min: 0.1, max: 1, step: 0.05 } },
  },
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
/**
 * A wide flow embedded in a page, as on the demo's case page: it opens at a
 * readable zoom centred on the step the case is at (pan for the rest), with
 * no minimap over it; the box is as tall as the lanes at that zoom.
 */
export const WideFlowEmbedded: Story = {
  args: {
    flow: newOrderFlow,
    instance: { status: 'active', visited: ['start', 'prefill-order', 'enter-order', 'submit-order'], tokens: { t: { nodeId: 'credit-check', waiting: 'task' } } },
  },
  decorators: [(Story) => <div style={{ width: 900, height: 468, margin: 24, border: '1px solid #e2e8f0', borderRadius: 8 }}><Story /></div>],
};
/** The same flow with the minimap turned on and shown whole (`minFitZoom` 0.1), for a big pane. */
export const WholeFlowWithMinimap: Story = {
  args: { flow: newOrderFlow, minimap: true, minFitZoom: 0.1 },
};
