import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/analysis-entry.js';
import { catalog } from './fixtures/catalog.js';
import { chain, decision, edge, end, financeTask, flow, join, orderFlow, otherwise, parallel, start, task, v, warehouseTask, when } from './fixtures/build.js';

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

  it('a run of a parallel block runs every branch: steps add up, one run, hand-offs into and out of each branch', () => {
    const f = flow(
      [start(), task('enter'), parallel('p'), financeTask('bill'), warehouseTask('pick'), join('j'), task('confirm'), end()],
      [...chain('start', 'enter', 'p', 'bill', 'j', 'confirm', 'end'), ...chain('p', 'pick', 'j')],
    );
    const m = computeMetrics(f, catalog);
    expect(m.longestPath).toBe(4);
    expect(m.shortestPath).toBe(4);
    expect(m.pathCount).toBe(1);
    // sales → finance and back, sales → warehouse and back.
    expect(m.handoffs).toEqual({ min: 4, max: 4 });
    expect(m.summary).toContain('A run takes 4 steps with 4 hand-offs between departments, across 1 path.');
    expect(m.paths).toHaveLength(1);
    expect(m.paths![0]!.steps).toBe(4);
    expect(m.paths![0]!.handoffs).toBe(4);
  });

  it('a chain of 60 parallel splits of two one-step branches runs 120 steps in one run', () => {
    const nodes = [start()];
    const edges = [];
    let last = 'start';
    for (let i = 0; i < 60; i++) {
      nodes.push(parallel(`p${i}`), task(`a${i}`), task(`b${i}`), join(`j${i}`));
      edges.push(...chain(last, `p${i}`, `a${i}`, `j${i}`), ...chain(`p${i}`, `b${i}`, `j${i}`));
      last = `j${i}`;
    }
    nodes.push(end());
    edges.push(...chain(last, 'end'));
    const m = computeMetrics(flow(nodes, edges), catalog);
    expect(m.longestPath).toBe(120);
    expect(m.shortestPath).toBe(120);
    expect(m.pathCount).toBe(1);
    expect(m.handoffs).toEqual({ min: 0, max: 0 });
    expect(m.summary).toContain('A run takes 120 steps with 0 hand-offs between departments, across 1 path.');
  });

  it('choices inside parallel branches multiply the runs and spread the lengths; nested blocks add up', () => {
    const f = flow(
      [start(), parallel('p'), decision('big'), financeTask('approve'), task('a'), parallel('q'), task('q1'), warehouseTask('q2'), join('k'), join('j'), end()],
      [
        ...chain('start', 'p'),
        edge('p', 'big'),
        when('big', 'approve', { '>': [v('order.amount'), 5000] }),
        otherwise('big', 'j'),
        ...chain('approve', 'j'),
        edge('p', 'a'),
        ...chain('a', 'q', 'q1', 'k', 'j', 'end'),
        ...chain('q', 'q2', 'k'),
      ],
    );
    const m = computeMetrics(f, catalog);
    // Branch 1: 0 or 1 step; branch 2: a, then q1 and q2 = 3 steps.
    expect(m.longestPath).toBe(4);
    expect(m.shortestPath).toBe(3);
    expect(m.pathCount).toBe(2);
  });

  it('says one step and one hand-off in the singular', () => {
    const f = flow([start(), task('only'), financeTask('pay'), end()], chain('start', 'only', 'pay', 'end'));
    const one = computeMetrics(flow([start(), task('only'), end()], chain('start', 'only', 'end')), catalog);
    expect(one.summary).toContain('A run takes 1 step with 0 hand-offs between departments, across 1 path.');
    expect(one.summary.startsWith('1 step (1 task) in 1 department, 0 decisions.')).toBe(true);
    expect(computeMetrics(f, catalog).summary).toContain('A run takes 2 steps with 1 hand-off between departments');
    expect(computeMetrics(f, catalog, 'zh').summary).toContain('一次运行需要2个步骤，部门间交接1次，共1条路径');
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
