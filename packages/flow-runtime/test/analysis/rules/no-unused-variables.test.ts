import { describe } from 'vitest';
import { noUnusedVariables } from '../../../src/analysis/rules/no-unused-variables.js';
import { chain, end, flow, start, system, task, v, wait } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';
import type { Flow } from '../../../src/index.js';

/** Keeps the named variables of the fixture data. */
const only = (f: Flow, ...names: string[]): Flow => ({ ...f, data: Object.fromEntries(names.map((n) => [n, f.data[n]!])) });
const base = flow([start(), task('entry'), end()], chain('start', 'entry', 'end'));

describe('no-unused-variables', () => {
  ruleTable(noUnusedVariables, {
    valid: [
      { name: 'the order, opened by the task window', flow: only(base, 'order') },
      { name: 'a variable a wait reads', flow: only(flow([start(), task('entry', { fields: ['urgent'] }), wait('w', { until: v('urgent') }), end()], chain('start', 'entry', 'w', 'end')), 'order', 'urgent') },
      { name: 'a variable an automatic step writes', flow: only(flow([start(), system('s', { assign: [{ target: 'score', value: 1 }] }), task('entry'), end()], chain('start', 's', 'entry', 'end')), 'order', 'score') },
    ],
    invalid: [
      { name: 'a variable nobody uses', flow: only(base, 'order', 'score'), message: /Variable 'Score' \(score\) is never used/, path: '/data/score', count: 1 },
      { name: 'a customer nobody opens', flow: only(base, 'order', 'customer'), message: /'Customer' \(customer\)/, path: '/data/customer', count: 1 },
    ],
  });
});
