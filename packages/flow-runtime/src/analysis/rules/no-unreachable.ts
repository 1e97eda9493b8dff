import { neighbours } from '../graph.js';
import type { LintRule } from '../types.js';
import { joinTexts, named, t } from '../text.js';

/**
 * no-unreachable: every step can be reached from the start. Steps cut off
 * together (a connection missing before them, so the steps after it go too)
 * are one finding per cut-off part, naming the steps where it begins and
 * pointing at every step of it: one missing connection, one finding.
 */
export const noUnreachable: LintRule = {
  id: 'no-unreachable',
  doc: 'Every step can be reached from the start; a step no path leads to never runs.',
  // What is said about a step that never runs (it goes nowhere, it skips a mandatory step, its actor comes first) follows from this.
  supersedes: ['no-dead-end', 'mandatory-not-bypassed', 'separation-of-duties-order', 'roles-can-use-window'],
  check(ctx, report) {
    if (ctx.graph.starts.length === 0) return;
    const reachable = ctx.reachableOrMeant;
    const g = ctx.graph;
    const n = g.nodes.length;
    const seen = new Uint8Array(n);
    for (let s = 0; s < n; s++) {
      if (reachable[s] || seen[s]) continue;
      // The cut-off part around s: unreachable steps connected to it either way.
      const part: number[] = [s];
      seen[s] = 1;
      for (let k = 0; k < part.length; k++) {
        const v = part[k]!;
        for (const adj of [g.succ, g.pred]) {
          for (const w of neighbours(adj, v)) {
            if (w >= n || reachable[w] || seen[w]) continue;
            seen[w] = 1;
            part.push(w);
          }
        }
      }
      const inPart = new Set(part);
      let heads = part.filter((v) => !Array.from(neighbours(g.pred, v)).some((u) => u !== v && inPart.has(u)));
      if (heads.length === 0) heads = [part[0]!];
      const rest = part.filter((v) => !heads.includes(v)).sort((a, b) => a - b);
      const head = joinTexts(heads.map((v) => named(g.nodes[v]!)));
      const after = joinTexts(rest.map((v) => named(g.nodes[v]!)));
      const one = heads.length === 1;
      const message =
        rest.length === 0
          ? t(`Step${one ? '' : 's'} ${head.en} cannot be reached from the start, so ${one ? 'it never runs' : 'they never run'}.`, `从开始无法到达步骤${head.zh}，${one ? '它' : '它们'}永远不会执行。`)
          : t(
              `Step${one ? '' : 's'} ${head.en} cannot be reached from the start, so ${one ? 'it never runs' : 'they never run'}, nor ${rest.length === 1 ? 'does the step' : `do the ${rest.length} steps`} after ${one ? 'it' : 'them'} (${after.en}).`,
              `从开始无法到达步骤${head.zh}，${one ? '它' : '它们'}及之后的${rest.length}个步骤（${after.zh}）永远不会执行。`,
            );
      report({
        message,
        nodeIds: [...heads, ...rest].map((v) => g.nodes[v]!.id),
        hint: t(`Connect ${one ? 'it' : 'them'} from the step that should come before, or delete ${one ? 'it' : 'them'}.`, `从前一步连线到${one ? '它' : '它们'}，或删除${one ? '它' : '它们'}。`),
      });
    }
  },
};
