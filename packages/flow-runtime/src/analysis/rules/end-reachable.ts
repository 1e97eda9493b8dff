import type { LintRule } from '../types.js';
import { reach } from '../traversal.js';
import { joinTexts, named, t } from '../text.js';
import { KIND, neighbours, outDegree } from '../graph.js';

/**
 * end-reachable: from every step an end can still be reached. Steps that
 * only lead into a dead end are left to no-dead-end; this rule finds loops
 * with no way out.
 */
export const endReachable: LintRule = {
  id: 'end-reachable',
  doc: 'From every step an end can still be reached; a loop with no way out traps the process.',
  // A trapped loop is said once, as a loop with no way out (not also as a loop of automatic steps, a loop into a join, or its decision lacking the way out).
  supersedes: ['no-automatic-loop', 'join-after-exclusive', 'uncovered-values'],
  check(ctx, report) {
    const g = ctx.graph;
    const deadEnds: number[] = [];
    const { from } = ctx.broken;
    for (let i = 0; i < g.nodes.length; i++) if ((g.kind[i] !== KIND.end && outDegree(g, i) === 0) || from[i]) deadEnds.push(i);
    const escapes = reach(g.pred, [g.exit, ...deadEnds]);
    const reachable = ctx.reachable;
    const stuck: number[] = [];
    for (let i = 0; i < g.nodes.length; i++) if (reachable[i] && !escapes[i]) stuck.push(i);
    if (stuck.length === 0) return;
    // One finding per trapped group (connected stuck steps), not one per step.
    const group = new Int32Array(g.nodes.length).fill(-1);
    let groups = 0;
    for (const s of stuck) {
      if (group[s] !== -1) continue;
      const stack = [s];
      group[s] = groups;
      while (stack.length) {
        const v = stack.pop()!;
        for (const w of [...neighbours(g.succ, v), ...neighbours(g.pred, v)]) {
          if (w < g.nodes.length && reachable[w] && !escapes[w] && group[w] === -1) {
            group[w] = groups;
            stack.push(w);
          }
        }
      }
      groups++;
    }
    for (let k = 0; k < groups; k++) {
      const members = stuck.filter((s) => group[s] === k);
      const list = joinTexts(members.map((i) => named(g.nodes[i]!)), undefined, 5);
      report({
        message: t(`No end can be reached from ${list.en}: once there, the process goes round without ever finishing.`, `从${list.zh}无法到达任何结束：流程一旦进入就会循环，永远无法完成。`),
        nodeIds: members.map((i) => g.nodes[i]!.id),
        hint: t('Add a way out of the loop (a decision with a branch to the next step or an end).', '为这个循环添加出口（加一个判断，其中一个分支通往下一步或结束）。'),
      });
    }
  },
};
