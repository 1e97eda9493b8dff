import type { Meta, StoryObj } from '@storybook/react-vite';
import { FlowDesigner } from '../src/index.js';
import { allKinds, catalog, emptyFlow, newCustomerApproval, newCustomerApprovalScenarios, newOrderFlow, complaintHandling, withProblems } from './samples.js';

const meta = {
  title: 'Designer/FlowDesigner',
  component: FlowDesigner,
  args: {
    flow: newCustomerApproval,
    catalog,
    permissions: 'key-user',
    locale: 'en',
    templates: [newCustomerApproval, newOrderFlow, complaintHandling].map((flow) => ({ flow, source: 'sample' as const })),
  },
  argTypes: { permissions: { control: 'inline-radio', options: ['viewer', 'key-user', 'admin'] }, locale: { control: 'inline-radio', options: ['en', 'zh'] } },
} satisfies Meta<typeof FlowDesigner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A blank canvas with two lanes, ready to draw. */
export const Empty: Story = { args: { flow: emptyFlow } };
/** The new-customer approval sample. */
export const SampleFlow: Story = {};
/** A larger sample: the new order with its credit check loop. */
export const NewOrder: Story = { args: { flow: newOrderFlow } };
/** Problems listed in plain language and badged on the steps. */
export const WithProblems: Story = { args: { flow: withProblems } };
/** What a viewer sees: no palette, no editing. */
export const ReadOnly: Story = { args: { permissions: 'viewer' } };
/** An admin gets Publish (disabled while there are errors). */
export const Admin: Story = { args: { permissions: 'admin', onPublish: () => undefined } };
/** The whole UI in Chinese. */
export const Chinese: Story = { args: { locale: 'zh', flow: newOrderFlow } };
/** Every node kind with its badges: mandatory, SLA, gate. */
export const EveryNodeKind: Story = { args: { flow: allKinds } };
/** Compare with an earlier version. */
export const WithVersions: Story = {
  args: {
    versions: [
      (() => {
        const v = structuredClone(newCustomerApproval);
        v.nodes = v.nodes.filter((n) => n.id !== 'review-payment-terms');
        v.edges = v.edges.filter((e) => e.source !== 'review-payment-terms' && e.target !== 'review-payment-terms');
        v.edges.push({ id: 'old', source: 'submit-customer', target: 'review-credit-limit' });
        return v;
      })(),
    ],
  },
};
/** Simulation mode: pick a scenario, start, and step through on the engine. */
export const Simulation: Story = { args: { mode: 'simulate', scenarios: newCustomerApprovalScenarios } };
/** Simulation in Chinese. */
export const SimulationChinese: Story = { args: { mode: 'simulate', scenarios: newCustomerApprovalScenarios, locale: 'zh' } };
