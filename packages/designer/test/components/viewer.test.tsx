import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowViewer, diffFlows } from '../../src/index.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';

afterEach(cleanup);

describe('FlowViewer', () => {
  it("shows an instance's progress: done, active and the path taken", () => {
    // given an instance that passed the sales steps and waits at the payment-terms review
    const instance = {
      status: 'active' as const,
      visited: ['start', 'enter-customer', 'submit-customer'],
      tokens: { t1: { nodeId: 'review-payment-terms', waiting: 'task' } },
    };
    const { container } = render(<div style={{ width: 1000, height: 600 }}><FlowViewer flow={newCustomerApproval()} catalog={sampleCatalog} instance={instance} /></div>);
    const step = (id: string) => container.querySelector(`.react-flow__node[data-id="${id}"] .cfd-step`)!;
    // then passed steps are done, the current one active, the rest untouched
    expect(step('enter-customer').className).toContain('status-done');
    expect(step('review-payment-terms').className).toContain('status-active');
    expect(step('review-credit-limit').className).not.toContain('status-');
    // and it has no editing affordances
    expect(container.querySelector('.cfd-palette')).toBeNull();
  });
});

describe('diffFlows', () => {
  it('finds added, removed and changed steps and connections, ignoring moves', () => {
    // given a second version with one step renamed, one removed, one added, and one moved
    const before = newCustomerApproval();
    const after = newCustomerApproval();
    after.nodes = after.nodes.filter((n) => n.id !== 'notify-rejection');
    after.nodes.find((n) => n.id === 'review-credit-limit')!.name.en = 'Check credit';
    after.nodes.push({ id: 'call-customer', kind: 'task', name: { en: 'Call customer' } });
    after.layout!.nodes!.start = { x: 0, y: 0 };
    // when compared
    const d = diffFlows(before, after);
    // then each is marked on its side
    expect(d.before.get('notify-rejection')).toBe('removed');
    expect(d.after.get('call-customer')).toBe('added');
    expect(d.after.get('review-credit-limit')).toBe('changed');
    expect(d.after.has('start')).toBe(false);
    expect([d.added, d.removed, d.changed]).toEqual([1, 1, 1]);
  });
});
