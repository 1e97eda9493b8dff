import { describe } from 'vitest';
import { guardPolicy } from '../../../src/analysis/rules/guard-policy.js';
import { chain, decision, end, flow, orderFlow, otherwise, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

const guarded = (guard: unknown) => flow([start(), decision('d'), task('a'), end()], [...chain('start', 'd'), when('d', 'a', guard), otherwise('d', 'end'), ...chain('a', 'end')]);

describe('guard-policy', () => {
  ruleTable(guardPolicy, {
    valid: [{ name: 'standard operators', flow: orderFlow() }],
    invalid: [
      { name: "the 'method' operator", flow: guarded({ method: [v('customer.name'), 'toUpperCase'] }), edgeIds: ['d-a'], message: /not allowed/ },
      { name: 'reading __proto__', flow: guarded({ var: '__proto__.polluted' }), edgeIds: ['d-a'] },
      { name: 'an unknown operator', flow: guarded({ regex: [v('customer.name'), '^A'] }), message: /regex/ },
    ],
  });
});
