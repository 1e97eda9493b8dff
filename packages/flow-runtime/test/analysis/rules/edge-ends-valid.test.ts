import { describe } from 'vitest';
import { edgeEndsValid } from '../../../src/analysis/rules/edge-ends-valid.js';
import { chain, edge, end, flow, orderFlow, start, task } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('edge-ends-valid', () => {
  ruleTable(edgeEndsValid, {
    valid: [{ name: 'edges between existing steps', flow: orderFlow() }],
    invalid: [
      { name: 'edge to a missing step', flow: flow([start(), task('a'), end()], [...chain('start', 'a', 'end'), edge('a', 'ghost')]), edgeIds: ['a-ghost'], message: /ghost/ },
      { name: 'edge back into the start', flow: flow([start(), task('a'), end()], [...chain('start', 'a', 'end'), edge('a', 'start')]), edgeIds: ['a-start'] },
      { name: 'edge out of an end', flow: flow([start(), task('a'), end()], [...chain('start', 'a', 'end'), edge('end', 'a')]), nodeIds: ['end'] },
    ],
  });
});
