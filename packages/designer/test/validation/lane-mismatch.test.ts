import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { laneBands } from '../../src/document/geometry.js';
import { checkFlow, laneMismatches } from '../../src/validation/check-flow.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';

const flowsDir = `${resolve(__dirname, '../../../../examples/flows')}/`;

describe('department and lane mismatch', () => {
  it('warns, by name and in both languages, about a step drawn in another department’s lane', () => {
    // given a finance step dragged (in the layout only) into the sales lane
    const flow = newCustomerApproval();
    const step = flow.nodes.find((n) => n.department === 'finance' && n.kind === 'task')!;
    const sales = laneBands(flow, sampleCatalog).find((b) => b.department === 'sales')!;
    flow.layout!.nodes![step.id] = { x: flow.layout!.nodes![step.id]!.x, y: sales.top + 10 };
    // then validation warns about exactly that step
    const found = checkFlow(flow, sampleCatalog, 'en').diagnostics.filter((d) => d.rule === 'lane-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', nodeIds: [step.id] });
    expect(found[0]!.message).toContain(step.name!.en);
    expect(found[0]!.message).toMatch(/Sales/);
    const zh = laneMismatches(flow, sampleCatalog, 'zh')[0]!;
    expect(zh.message).toContain('泳道');
    expect(zh.message).toContain(step.name!.zh ?? step.name!.en);
  });

  it('finds nothing in the sample flows as drawn', () => {
    const catalog = JSON.parse(readFileSync(`${flowsDir}catalog.json`, 'utf8'));
    const files = readdirSync(flowsDir).filter((f) => f.endsWith('.json') && f !== 'catalog.json');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const flow = JSON.parse(readFileSync(`${flowsDir}${f}`, 'utf8')) as Flow;
      expect(laneMismatches(flow, catalog, 'en').map((d) => d.message), f).toEqual([]);
    }
  });
});
