import { describe } from 'vitest';
import { decisionSingleDefault } from '../../../src/analysis/rules/decision-single-default.js';
import { chain, decision, end, flow, orderFlow, otherwise, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';
import type { FlowEdge } from '../../../src/index.js';

const shape = (branches: FlowEdge[]) => flow([start(), decision('d'), task('a'), task('b'), end()], [...chain('start', 'd'), ...branches, ...chain('a', 'end'), ...chain('b', 'end')]);

describe('decision-single-default', () => {
  ruleTable(decisionSingleDefault, {
    valid: [
      { name: 'one default', flow: orderFlow() },
      { name: 'no default at all (decision-has-default warns)', flow: shape([when('d', 'a', v('urgent')), when('d', 'b', { '!': v('urgent') })]) },
    ],
    invalid: [
      { name: 'two defaults', flow: shape([otherwise('d', 'a'), otherwise('d', 'b', 'else')]), nodeIds: ['d'], edgeIds: ['d-a', 'd-b'], message: /2 default branches/, count: 1 },
      { name: 'a condition and two defaults', flow: shape([when('d', 'a', v('urgent')), otherwise('d', 'b'), otherwise('d', 'end', 'else')]), count: 1 },
    ],
  });
});
