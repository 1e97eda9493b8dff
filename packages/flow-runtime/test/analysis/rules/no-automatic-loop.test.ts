import { describe } from 'vitest';
import { noAutomaticLoop } from '../../../src/analysis/rules/no-automatic-loop.js';
import { chain, decision, end, flow, orderFlow, otherwise, start, system, task, v, when } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';

describe('no-automatic-loop', () => {
  ruleTable(noAutomaticLoop, {
    valid: [
      { name: 'a flow without loops', flow: orderFlow() },
      {
        name: 'a loop back through a task (someone acts each time round)',
        flow: flow([start(), task('entry'), decision('ok'), end()], [...chain('start', 'entry', 'ok'), when('ok', 'entry', v('urgent'), 'again'), otherwise('ok', 'end')]),
      },
      {
        name: 'an automatic loop that counts: a system step raises the counter its decision tests',
        flow: flow(
          [start(), task('entry'), system('count', { assign: [{ target: 'score', value: { '+': [v('score'), 1] } }] }), decision('enough'), end()],
          [...chain('start', 'entry', 'count', 'enough'), when('enough', 'count', { '<': [v('score'), 3] }, 'not yet'), otherwise('enough', 'end', 'three times')],
        ),
      },
    ],
    invalid: [
      {
        name: 'a decision whose branch leads back to itself',
        flow: flow([start(), task('entry'), decision('d'), end()], [...chain('start', 'entry', 'd'), when('d', 'd', v('urgent'), 'again'), otherwise('d', 'end')]),
        nodeIds: ['d'],
        edgeIds: ['d-d'],
        message: /goes round it forever/,
        count: 1,
      },
      {
        name: 'two decisions sending each other back, with a system step writing something they do not test',
        flow: flow(
          [start(), task('entry'), decision('a'), system('note', { assign: [{ target: 'region', value: 'north' }] }), decision('b'), end()],
          [...chain('start', 'entry', 'a'), when('a', 'note', v('urgent'), 'urgent'), otherwise('a', 'end'), ...chain('note', 'b'), when('b', 'a', { '>': [v('score'), 2] }, 'back'), otherwise('b', 'end', 'done')],
        ),
        nodeIds: ['a', 'note', 'b'],
        edgeIds: ['a-note', 'note-b', 'b-a'],
        count: 1,
      },
      {
        name: 'a system step on the loop recomputing the tested value from data the loop never changes',
        flow: flow(
          [start(), task('entry'), system('value', { assign: [{ target: 'score', value: { '*': [v('order.amount'), 2] } }] }), decision('big'), end()],
          [...chain('start', 'entry', 'value', 'big'), when('big', 'end', { '>': [v('score'), 2000] }, 'big'), otherwise('big', 'value', 'small')],
        ),
        nodeIds: ['value', 'big'],
        count: 1,
      },
      {
        name: 'a loop of system steps only',
        flow: flow([start(), task('entry'), system('s1'), decision('d'), end()], [...chain('start', 'entry', 's1', 'd'), when('d', 's1', v('urgent'), 'again'), otherwise('d', 'end')]),
        nodeIds: ['s1', 'd'],
        count: 1,
      },
    ],
  });
});
