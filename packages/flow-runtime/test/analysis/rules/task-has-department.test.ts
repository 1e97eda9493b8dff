import { describe } from 'vitest';
import { taskHasDepartment } from '../../../src/analysis/rules/task-has-department.js';
import { chain, end, flow, orderFlow, start, task } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('task-has-department', () => {
  ruleTable(taskHasDepartment, {
    valid: [{ name: 'every task in a lane', flow: orderFlow() }],
    invalid: [
      { name: 'a draft task without department', flow: flow([start(), task('a', { department: undefined }), end()], chain('start', 'a', 'end')), nodeIds: ['a'], count: 1 },
      { name: 'a department the catalog lacks', flow: flow([start(), task('a', { department: 'legal' }), end()], chain('start', 'a', 'end')), message: /legal/ },
    ],
  });
});
