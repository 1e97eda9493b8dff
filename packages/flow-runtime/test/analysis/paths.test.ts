import { describe, expect, it } from 'vitest';
import { enumeratePaths } from '../../src/analysis-entry.js';
import { catalog } from './fixtures/catalog.js';
import { chain, decision, end, financeTask, flow, join, orderFlow, otherwise, parallel, start, task, v, when } from './fixtures/build.js';

describe('enumeratePaths()', () => {
  it('lists each way from start to end with the conditions that lead there, in words', () => {
    const { paths, truncated } = enumeratePaths(orderFlow(), { catalog, locale: 'en' });
    expect(truncated).toBe(false);
    expect(paths.map((p) => p.nodeIds.join(' '))).toEqual(['start entry check approved ship shipped', 'start entry check approved rejected']);
    expect(paths[0]!.conditions).toEqual([{ nodeId: 'approved', edgeId: 'approved-ship', label: 'approved', rule: { '==': [v('order.approved'), true] }, byDefault: false, text: 'approved' }]);
    expect(paths[1]!.conditions[0]).toMatchObject({ byDefault: true, label: 'not approved', text: 'not approved' });
    expect(paths[1]!.outcome).toBe('rejected');
  });

  it('follows a loop at most maxLoops times', () => {
    const f = flow([start(), task('a'), decision('again'), end()], [...chain('start', 'a', 'again'), when('again', 'a', v('urgent'), 'again'), otherwise('again', 'end')]);
    expect(enumeratePaths(f, { maxLoops: 0 }).paths).toHaveLength(1);
    const twice = enumeratePaths(f, { maxLoops: 2 }).paths;
    expect(twice.map((p) => p.loops)).toEqual([2, 1, 0]);
    expect(twice[0]!.nodeIds.filter((n) => n === 'a')).toHaveLength(3);
  });

  it('runs every branch of a parallel split before its join', () => {
    const f = flow(
      [start(), parallel('p'), decision('d'), task('a1'), task('a2'), financeTask('b'), join('j'), end()],
      [...chain('start', 'p', 'd'), when('d', 'a1', v('urgent'), 'urgent'), otherwise('d', 'a2'), ...chain('a1', 'j'), ...chain('a2', 'j'), ...chain('p', 'b', 'j', 'end')],
    );
    const { paths } = enumeratePaths(f);
    expect(paths.map((p) => p.nodeIds.join(' '))).toEqual(['start p d a1 b j end', 'start p d a2 b j end']);
  });

  it('stops at maxPaths and says so', () => {
    const nodes = [start()];
    const edges = [];
    let prev = 'start';
    for (let i = 0; i < 8; i++) {
      nodes.push(decision(`d${i}`), task(`x${i}`), task(`y${i}`));
      edges.push(...chain(prev, `d${i}`), when(`d${i}`, `x${i}`, v('urgent'), 'x'), otherwise(`d${i}`, `y${i}`));
      prev = `m${i}`;
      nodes.push({ id: prev, kind: 'task', name: { en: `M${i}` }, department: 'sales', roles: ['sales-rep'], window: 'order-entry' } as never);
      edges.push(...chain(`x${i}`, prev), ...chain(`y${i}`, prev));
    }
    nodes.push(end());
    edges.push(...chain(prev, 'end'));
    const r = enumeratePaths(flow(nodes, edges), { maxPaths: 100 });
    expect(r.paths).toHaveLength(100);
    expect(r.truncated).toBe(true);
    expect(enumeratePaths(flow(nodes, edges), { maxPaths: 1000 }).paths).toHaveLength(256);
  });
});
