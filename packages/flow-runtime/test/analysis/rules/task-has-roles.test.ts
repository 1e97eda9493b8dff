import { describe } from 'vitest';
import { taskHasRoles } from '../../../src/analysis/rules/task-has-roles.js';
import { chain, end, flow, orderFlow, start, task } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('task-has-roles', () => {
  ruleTable(taskHasRoles, {
    valid: [{ name: 'roles named', flow: orderFlow() }],
    invalid: [
      { name: 'no roles', flow: flow([start(), task('a', { roles: [] }), end()], chain('start', 'a', 'end')), nodeIds: ['a'], count: 1 },
      { name: 'roles missing altogether', flow: flow([start(), task('a', { roles: undefined }), end()], chain('start', 'a', 'end')), nodeIds: ['a'] },
      { name: 'a role the catalog lacks', flow: flow([start(), task('a', { roles: ['sales-rep', 'intern'] }), end()], chain('start', 'a', 'end')), message: /intern/ },
      { name: 'a misspelt role, with the role it nearly names', flow: flow([start(), task('a', { roles: ['sales-rap'] }), end()], chain('start', 'a', 'end')), message: /'sales-rap', which the catalog does not have\. Did you mean 'sales-rep'\?/ },
    ],
  });
});
