import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { Catalog, Flow } from '@crm/flow-runtime';
import { FlowDesigner, type FlowDesignerProps } from '../../src/index.js';

/** Renders a designer and records every flow it reports. */
export function renderDesigner(flow: Flow, catalog: Catalog, props: Partial<FlowDesignerProps> = {}) {
  const changes: Flow[] = [];
  const onChange = vi.fn((f: Flow) => changes.push(f));
  const utils = render(
    <div style={{ width: 1400, height: 900 }}>
      <FlowDesigner flow={flow} catalog={catalog} onChange={onChange} {...props} />
    </div>,
  );
  return { ...utils, changes, last: () => changes.at(-1) };
}
