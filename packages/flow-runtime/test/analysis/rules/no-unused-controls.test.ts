import { describe } from 'vitest';
import { noUnusedControls } from '../../../src/analysis/rules/no-unused-controls.js';
import { chain, end, flow, start, task, v } from '../fixtures/build.js';
import { ruleTable } from '../rule-table.js';
import type { Control } from '../../../src/index.js';

const withControl = (c: Partial<Control>) =>
  flow([start(), task('entry'), end()], chain('start', 'entry', 'end'), {
    controls: [{ id: 'big', kind: 'gate', name: { en: 'Big order', zh: '大额订单' }, when: { '>': [v('order.amount'), 10000] }, message: { en: 'Big order', zh: '大额订单' }, blocks: ['entry'], ...c } as Control],
  });

describe('no-unused-controls', () => {
  ruleTable(noUnusedControls, {
    valid: [
      { name: 'a gate holding a step', flow: withControl({}) },
      { name: 'an alert on the amount', flow: withControl({ kind: 'alert', blocks: undefined, notify: ['finance'] }) },
    ],
    invalid: [
      { name: 'a gate holding no step', flow: withControl({ blocks: [] }), message: /Gate 'Big order' \(big\) holds back no step/, count: 1 },
      { name: 'a gate without blocks at all', flow: withControl({ blocks: undefined }), count: 1 },
      { name: 'an alert whose condition reads no data', flow: withControl({ kind: 'alert', blocks: undefined, notify: ['finance'], when: { '>': [2, 1] } }), message: /reads no data/, count: 1 },
    ],
  });
});
