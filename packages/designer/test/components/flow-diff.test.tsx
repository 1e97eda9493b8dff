import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowDiff, I18nProvider } from '../../src/index.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';

afterEach(cleanup);

function versions() {
  const before = newCustomerApproval();
  const after = newCustomerApproval();
  after.version = 2;
  const review = after.nodes.find((n) => n.id === 'review-credit-limit');
  if (review?.kind !== 'task') throw new Error('fixture changed: review-credit-limit is no task');
  review.sla = { hours: 24, escalateTo: 'sales-manager' };
  after.nodes = after.nodes.filter((n) => n.id !== 'notify-rejection');
  after.edges = after.edges.filter((e) => e.source !== 'notify-rejection' && e.target !== 'notify-rejection');
  return { before, after, name: review.name };
}

describe('FlowDiff', () => {
  it('lists each change in words and what changes for each role, in English', () => {
    const { before, after, name } = versions();
    const { getByTestId } = render(
      <I18nProvider locale="en">
        <FlowDiff before={before} after={after} catalog={sampleCatalog} />
      </I18nProvider>,
    );
    const changes = getByTestId('diff-changes');
    expect(changes.textContent).toContain(`SLA of '${name.en}': none → 24 h, escalate to`);
    expect(within(changes).getByText(/Step '.*' .*removed/)).toBeTruthy();
    expect(getByTestId('diff-roles').textContent).toContain(`is now alerted when '${name.en}' is late`);
  });

  it('speaks Chinese when the designer does', () => {
    const { before, after, name } = versions();
    const { getByTestId } = render(
      <I18nProvider locale="zh">
        <FlowDiff before={before} after={after} catalog={sampleCatalog} />
      </I18nProvider>,
    );
    expect(getByTestId('diff-changes').textContent).toContain(`「${name.zh ?? name.en}」的时限：无 → 24小时，超时上报`);
    expect(getByTestId('diff-roles').textContent).toContain('对各角色的影响');
  });
});
