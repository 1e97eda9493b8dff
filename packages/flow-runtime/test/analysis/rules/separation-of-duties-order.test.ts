import { describe } from 'vitest';
import { separationOfDutiesOrder } from '../../../src/analysis/rules/separation-of-duties-order.js';
import { chain, decision, end, financeTask, flow, otherwise, start, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('separation-of-duties-order', () => {
  ruleTable(separationOfDutiesOrder, {
    valid: [
      { name: 'the approval may not be done by who entered the order', flow: flow([start(), task('entry'), financeTask('approve', { notSameActorAs: ['entry'] }), end()], chain('start', 'entry', 'approve', 'end')) },
      {
        name: 'a step that comes before it on a loop',
        flow: flow(
          [start(), financeTask('approve', { notSameActorAs: ['rework'] }), decision('ok'), task('rework'), end()],
          [...chain('start', 'approve', 'ok'), when('ok', 'end', v('order.approved')), otherwise('ok', 'rework'), ...chain('rework', 'approve')],
        ),
      },
    ],
    invalid: [
      {
        name: 'naming a later step',
        flow: flow([start(), task('entry', { notSameActorAs: ['approve'] }), financeTask('approve'), end()], chain('start', 'entry', 'approve', 'end')),
        nodeIds: ['entry', 'approve'],
        message: /'Entry' \(entry\).*'Approve' \(approve\) never comes before it/,
        count: 1,
      },
    ],
  });
});
