import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/index.js';
import { catalog } from './fixtures/catalog.js';
import { chain, decision, end, financeTask, flow, join, orderFlow, otherwise, parallel, start, task, v, warehouseTask, when } from './fixtures/build.js';

describe('clarity metrics', () => {
  it('counts steps, decisions, departments, paths and hand-offs of the order flow', () => {
    const m = computeMetrics(orderFlow(), catalog);
    expect(m).toMatchObject({
      steps: 3,
      tasks: 3,
      decisions: 1,
      parallelSplits: 0,
      departments: ['sales', 'finance', 'warehouse'],
      longestPath: 3,
      shortestPath: 2,
      handoffs: { min: 1, max: 2 },
      cyclomaticComplexity: 2,
      pathCount: 2,
      jumps: { back: 0, skips: 0 },
      rating: 'clear',
    });
    expect(m.paths!.map((p) => [p.outcome, p.steps, p.handoffs, p.departments])).toEqual([
      ['shipped', 3, 2, ['sales', 'finance', 'warehouse']],
      ['rejected', 2, 1, ['sales', 'finance']],
    ]);
  });

  it('counts a loop back as a jump, and a branch straight to the meeting point as a skip', () => {
    const f = flow(
      [start(), task('entry'), financeTask('check'), decision('ok'), decision('big'), task('approve', { department: 'sales', roles: ['sales-manager'], window: 'credit-check' }), warehouseTask('ship'), end()],
      [
        ...chain('start', 'entry', 'check', 'ok'),
        when('ok', 'entry', { '!': v('order.approved') }, 'fix'),
        otherwise('ok', 'big'),
        when('big', 'approve', { '>': [v('order.amount'), 5000] }, 'big'),
        otherwise('big', 'ship', 'small'),
        ...chain('approve', 'ship', 'end'),
      ],
    );
    const m = computeMetrics(f, catalog);
    expect(m.jumps).toEqual({ back: 1, skips: 1, backEdgeIds: ['ok-entry'], skipEdgeIds: ['big-ship'] });
    expect(m.longestPath).toBe(4);
    expect(m.shortestPath).toBe(3);
    expect(m.cyclomaticComplexity).toBe(3);
    // Hand-offs: sales → finance → (sales manager) → warehouse at most; sales → finance → warehouse at least.
    expect(m.handoffs).toEqual({ min: 2, max: 3 });
  });

  it('counts parallel branches as one run', () => {
    const f = flow([start(), parallel('p'), task('a'), financeTask('b'), join('j'), end()], [...chain('start', 'p', 'a', 'j', 'end'), ...chain('p', 'b', 'j')]);
    const m = computeMetrics(f, catalog);
    expect(m.parallelSplits).toBe(1);
    expect(m.paths).toHaveLength(1);
    expect(m.paths![0]!.steps).toBe(2);
  });

  it('writes a summary a key user can read, in English and Chinese', () => {
    expect(computeMetrics(orderFlow(), catalog).summary).toBe(
      '3 steps (3 tasks) in 3 departments, 1 decision. A run takes 2 to 3 steps with 1 to 2 hand-offs between departments, across 2 paths. 0 jumps back (loops or rework), 0 skips. Complexity 2: clear.',
    );
    expect(computeMetrics(orderFlow(), catalog, 'zh').summary).toContain('部门间交接1到2次');
  });

  it('says when no end can be reached', () => {
    const m = computeMetrics(flow([start(), task('a')], chain('start', 'a')), catalog);
    expect(m.longestPath).toBeNull();
    expect(m.summary).toContain('No end can be reached');
  });
});
