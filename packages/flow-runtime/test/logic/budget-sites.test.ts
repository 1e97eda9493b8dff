// Issue 15 point 1: every place that runs a published rule goes through the same budget. A flow whose
// alert doubles a list 26 times (took 12-16 s in the demo, per start) is deployed, started, linted and
// simulated: each ends with an incident or a finding, never a hang.
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../src/schema/flow.js';
import { lintFlow, simulate } from '../../src/analysis-entry.js';
import { catalog, orderFlow, sales } from '../engine/fixtures.js';
import { testEngine } from '../engine/helpers.js';

const acc = { var: 'accumulator' };
const doubling = (n: number) => ({ '==': [{ reduce: [Array.from({ length: n }, (_, i) => i), [acc, acc], [1]] }, 'x'] });

function withDoublingAlert(n: number): Flow {
  const f = structuredClone(orderFlow);
  f.id = `order-doubling-${n}`;
  f.controls = f.controls!.map((c) => (c.kind === 'alert' ? { ...c, when: { or: [doubling(n), c.when] } } : c));
  return f;
}

describe('a published rule that doubles a value runs under the budget everywhere', () => {
  it('engine: starting a case ends with one RULE_FAILED incident naming the alert (N = 26 and 40)', async () => {
    for (const n of [26, 40]) {
      const flow = withDoublingAlert(n);
      const { engine } = await testEngine([flow]);
      const { instance } = await engine.start(flow.id, { actor: sales, hostData: { customer: { name: 'Acme', creditLimit: 100_000, creditUsed: 95_000, paymentTerms: 'net30' } } });
      const incidents = instance.incidents.filter((i) => i.controlId === 'near-limit');
      expect(incidents).toHaveLength(1);
      expect(incidents[0]).toMatchObject({ code: 'RULE_FAILED', resolved: false });
      expect(incidents[0]!.message).toContain('Credit nearly used');
      expect(instance.alerts).toEqual([]);
    }
  });

  it('engine: a small N still evaluates (the rule is not refused for its shape)', async () => {
    const flow = withDoublingAlert(4);
    const { engine } = await testEngine([flow]);
    const { instance } = await engine.start(flow.id, { actor: sales, hostData: { customer: { name: 'Acme', creditLimit: 100_000, creditUsed: 95_000, paymentTerms: 'net30' } } });
    expect(instance.incidents).toEqual([]);
    expect(instance.alerts).toHaveLength(1);
  });

  it('lint and simulate finish on the flow', async () => {
    const flow = withDoublingAlert(26);
    const lint = lintFlow(flow, catalog);
    expect(lint.flow?.id).toBe(flow.id);
    const run = await simulate(flow, {
      name: 'doubling alert',
      data: { customer: { name: 'Acme', creditLimit: 100_000, creditUsed: 95_000, paymentTerms: 'net30' } },
      choices: { entry: { order: { amount: 100 } } },
      actors: { 'sales-rep': 'Li Na', finance: 'Chen Jing', warehouse: 'Zhao Lei' },
    }, { catalog });
    expect(run.status).toBe('incident');
    expect(run.events.map((e) => e.type)).toContain('incident.raised');
    expect(run.failures.join('\n')).toMatch(/Credit nearly used.*evaluation budget.*RULE_FAILED/);
  });
});
