import { describe } from 'vitest';
import { taskHasWindow } from '../../../src/analysis/rules/task-has-window.js';
import { chain, end, flow, orderFlow, start, task } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('task-has-window', () => {
  ruleTable(taskHasWindow, {
    valid: [{ name: 'windows named', flow: orderFlow() }],
    invalid: [
      { name: 'no window', flow: flow([start(), task('call', { window: undefined }), end()], chain('start', 'call', 'end')), nodeIds: ['call'] },
      { name: 'a window the catalog lacks', flow: flow([start(), task('a', { window: 'crystal-ball' }), end()], chain('start', 'a', 'end')), message: /crystal-ball/ },
      { name: 'a misspelt window, with the window it nearly names', flow: flow([start(), task('a', { window: 'shiping' }), end()], chain('start', 'a', 'end')), message: /Did you mean 'shipping'\?/ },
    ],
  });
});
