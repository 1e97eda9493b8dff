import { describe, expect, it } from 'vitest';
import type { Flow } from '@crm/flow-runtime';
import { Simulator } from '../../src/simulation/simulator.js';
import { walkablePart } from '../../src/simulation/partial.js';
import { checkFlow } from '../../src/validation/check-flow.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';

describe('walkablePart', () => {
  it('turns a step with an error into the end of the walk, so the steps before it still run', async () => {
    const flow: Flow = newCustomerApproval();
    const task = flow.nodes.filter((n) => n.kind === 'task')[1]!;
    if (task.kind !== 'task') throw new Error('fixture');
    task.window = 'no-such-window';
    const errors = checkFlow(flow, sampleCatalog, 'en').diagnostics.filter((d) => d.severity === 'error');
    expect(errors.some((d) => d.nodeIds.includes(task.id))).toBe(true);
    await expect(Simulator.start(flow, sampleCatalog, {})).rejects.toThrow();
    const part = walkablePart(flow, errors)!;
    expect(part.stops).toContain(task.id);
    expect(part.flow.nodes.find((n) => n.id === task.id)?.kind).toBe('end');
    expect(part.flow.edges.some((e) => e.source === task.id)).toBe(false);
    const sim = await Simulator.start(part.flow, sampleCatalog, {});
    expect(sim.openTask).toBeDefined();
  });

  it('gives up when the start itself is broken', () => {
    const flow = newCustomerApproval();
    const start = flow.nodes.find((n) => n.kind === 'start')!;
    expect(walkablePart(flow, [{ rule: 'x', severity: 'error', message: 'broken start', nodeIds: [start.id], edgeIds: [], hint: '' }])).toBeUndefined();
    expect(walkablePart(flow, [{ rule: 'x', severity: 'error', message: 'format', nodeIds: [], edgeIds: [], hint: '' }])).toBeUndefined();
    expect(walkablePart(flow, [{ rule: 'x', severity: 'warning', message: 'only a warning', nodeIds: [start.id], edgeIds: [], hint: '' }])?.flow).toBe(flow);
  });
});
