import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlowViewer, diffFlows, laneBands } from '../../src/index.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** happy-dom lays nothing out: give React Flow's pane the size it would have on a page. */
function paneSize(width: number, height: number) {
  const isPane = (el: HTMLElement) => el.classList.contains('react-flow__renderer');
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return isPane(this) ? width : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isPane(this) ? height : 0;
  });
}

/** The viewport React Flow draws with: screen offset and zoom. */
function viewport(container: HTMLElement) {
  const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)\s*scale\(([\d.]+)\)/.exec(container.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform);
  if (!m) throw new Error('no viewport transform');
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

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

  it('has no minimap covering the flow unless the host asks for one', () => {
    const plain = render(<FlowViewer flow={newCustomerApproval()} catalog={sampleCatalog} />);
    expect(plain.container.querySelector('.react-flow__minimap')).toBeNull();
    cleanup();
    const withMap = render(<FlowViewer flow={newCustomerApproval()} catalog={sampleCatalog} minimap />);
    expect(withMap.container.querySelector('.react-flow__minimap')).not.toBeNull();
  });

  it('opens a flow wider than its pane at a readable zoom, from its start, rather than shrinking it', async () => {
    // given a pane narrower than the flow (its lanes are over 1,100 px wide)
    paneSize(700, 460);
    const { container } = render(<FlowViewer flow={newCustomerApproval()} catalog={sampleCatalog} />);
    // then it opens at the readable zoom, the flow's left edge (its start) just inside the pane, the lanes centred in height
    await waitFor(() => expect(viewport(container).zoom).toBeCloseTo(0.75, 2));
    const v = viewport(container);
    expect(v.x).toBeCloseTo(24, 0);
    const lanesHeight = laneBands(newCustomerApproval(), sampleCatalog).reduce((sum, b) => sum + b.height, 0);
    expect(v.y).toBeCloseTo((460 - lanesHeight * 0.75) / 2, 0);
  });

  it("centres a wide flow on the step its case is at, so where it stands is in view", async () => {
    paneSize(700, 460);
    const flow = newCustomerApproval();
    const instance = { status: 'active' as const, visited: ['start', 'enter-customer', 'submit-customer', 'review-payment-terms', 'review-credit-limit'], tokens: { t: { nodeId: 'evaluate-expenses', waiting: 'task' } } };
    const { container } = render(<FlowViewer flow={flow} catalog={sampleCatalog} instance={instance} />);
    await waitFor(() => expect(viewport(container).x).toBeLessThan(0));
    // the middle of the active step is in the middle of the pane
    const v = viewport(container);
    const at = flow.layout!.nodes!['evaluate-expenses']!;
    expect((at.x + 90) * v.zoom + v.x).toBeCloseTo(350, 0);
  });

  it('shows the whole flow when the host lowers the readable zoom', async () => {
    paneSize(700, 460);
    const { container } = render(<FlowViewer flow={newCustomerApproval()} catalog={sampleCatalog} minFitZoom={0.1} />);
    await waitFor(() => expect(viewport(container).zoom).toBeLessThan(0.75));
    // the lanes' right end is inside the pane
    const lanes = container.querySelectorAll<HTMLElement>('.react-flow__node-lane');
    const laneWidth = Number.parseFloat(lanes[0]!.style.width);
    const v = viewport(container);
    expect(v.x + laneWidth * v.zoom).toBeLessThanOrEqual(700 - 23);
    expect(v.x).toBeGreaterThanOrEqual(23);
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
