// "Did you mean" stays useful and linear on large flows (issue 15.5).
import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/schema/collect.js';
import { parseFlowText } from '../../src/schema/parse-flow.js';

function flowWithMisspelledTargets(n: number): string {
  const nodes = [{ id: 'start', kind: 'start', name: { en: 'Start' } }, ...Array.from({ length: n }, (_, i) => ({ id: `step-${i}`, kind: 'task', name: { en: `Step ${i}` } })), { id: 'end', kind: 'end', name: { en: 'End' } }];
  const edges = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, source: 'start', target: `stpe-${i}` }));
  return JSON.stringify({ id: 'x', version: 1, name: { en: 'X' }, data: {}, nodes, edges });
}

describe('suggest', () => {
  it('finds a near miss in a small set and in a large one (typo, transposition, missing or extra letter)', () => {
    const small = new Set(['shipping', 'customer-info', 'order-entry']);
    expect(suggest('shiping', small)).toBe(" Did you mean 'shipping'?");
    const large = new Set(Array.from({ length: 5000 }, (_, i) => `step-${i}`).concat(['credit-check', 'customer-info']));
    expect(suggest('credit-chekc', large)).toBe(" Did you mean 'credit-check'?");
    expect(suggest('custmer-info', large)).toBe(" Did you mean 'customer-info'?");
    expect(suggest('credit-checks', large)).toBe(" Did you mean 'credit-check'?");
    expect(suggest('stpe-4321', large)).toBe(" Did you mean 'step-4321'?");
    expect(suggest('completely-different', large)).toBe('');
  });

  it('an 8,000-edge flow with every target misspelled parses, each problem with its suggestion', () => {
    const r = parseFlowText(flowWithMisspelledTargets(8000));
    expect(r.ok).toBe(false);
    const dangling = r.problems.filter((p) => p.code === 'FLOW_E021');
    expect(dangling).toHaveLength(8000);
    expect(dangling[7999]!.message).toBe("Edge 'e7999' goes to node 'stpe-7999', which the flow does not have. Did you mean 'step-7999'?");
    expect(dangling[7999]!.path).toBe('/edges/7999/target');
  }, 20_000);
});
