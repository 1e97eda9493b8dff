import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { I18nProvider, NewFlowDialog } from '../../src/index.js';
import { sampleCatalog } from '../fixtures/samples.js';

describe('New flow dialog', () => {
  it('gives a flow named only in Chinese a pinyin id, shown before it is created', async () => {
    const created: Flow[] = [];
    render(
      <I18nProvider locale="zh">
        <NewFlowDialog catalog={sampleCatalog} templates={[]} taken={['tui-huo-tui-kuan']} onCreate={(f) => created.push(f)} onClose={vi.fn()} />
      </I18nProvider>,
    );
    fireEvent.change(screen.getByTestId('new-flow-name-zh'), { target: { value: '退货退款' } });
    // the id the user will see in exports and links reads as the name, not "flow"
    await waitFor(() => expect(screen.getByTestId('new-flow-id').textContent).toContain('tui-huo-tui-kuan-2'));
    const lanes = screen.getByTestId('new-flow-departments');
    fireEvent.click(within(lanes).getAllByRole('checkbox')[0]!);
    fireEvent.submit(screen.getByTestId('new-flow-dialog'));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ id: 'tui-huo-tui-kuan-2', version: 1, name: { en: '退货退款', zh: '退货退款' } });
  });
});
