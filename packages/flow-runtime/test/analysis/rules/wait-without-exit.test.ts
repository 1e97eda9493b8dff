import { describe } from 'vitest';
import { waitWithoutExit } from '../../../src/analysis/rules/wait-without-exit.js';
import { chain, end, flow, start, task, v, wait } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

const withWait = (w: ReturnType<typeof wait>) => flow([start(), task('a'), w, end()], chain('start', 'a', w.id, 'end'));

describe('wait-without-exit', () => {
  ruleTable(waitWithoutExit, {
    valid: [
      { name: 'waits for data', flow: withWait(wait('paid', { until: { '>=': [v('customer.creditUsed'), v('order.amount')] } })) },
      { name: 'waits for a timer', flow: withWait(wait('cool-off', { timer: { hours: 72 } })) },
      { name: 'a constant condition but a timer', flow: withWait(wait('w', { until: false, timer: { hours: 1 } })) },
    ],
    invalid: [
      { name: 'neither condition nor timer', flow: withWait(wait('w')), nodeIds: ['w'], message: /nothing/ },
      { name: 'a condition that reads no data and never holds', flow: withWait(wait('w', { until: { '==': [1, 2] } })), nodeIds: ['w'], message: /forever/ },
    ],
  });
});
