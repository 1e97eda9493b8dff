import type { LintRule } from '../types.js';
import { named, t } from '../text.js';
import { dominates } from '../dominators.js';
import { forwardIn } from '../structure.js';
import { outOf } from '../graph.js';

/**
 * join-matches-split: the join that closes a parallel split has one
 * incoming connection per branch. Drawn with more (two answers of a decision
 * inside a branch both going straight into it), it reads as waiting for more
 * branches than run: the engine waits only for the split's branches.
 */
export const joinMatchesSplit: LintRule = {
  id: 'join-matches-split',
  doc: 'The join closing a parallel split has one incoming connection per branch, so it does not seem to wait for branches that never run.',
  check(ctx, report) {
    const g = ctx.graph;
    const dom = ctx.dominators;
    for (const p of ctx.byKind('parallel')) {
      if (!ctx.reachable[p]) continue;
      const j = ctx.postDominators.idom[p]!;
      if (j < 0 || j >= g.nodes.length || g.nodes[j]!.kind !== 'join') continue;
      const branches = new Set(outOf(g, p).map((e) => g.target[e]!)).size;
      if (branches < 2) continue;
      const inside = forwardIn(ctx, j).filter((e) => dominates(dom, p, g.source[e]!));
      if (inside.length <= branches) continue;
      const split = g.nodes[p]!;
      const node = g.nodes[j]!;
      report({
        message: t(`Join ${named(node).en} is drawn with ${inside.length} incoming connections, but parallel split ${named(split).en} starts only ${branches} branches: it reads as waiting for ${inside.length} things while the engine waits for ${branches}.`, `汇合点${named(node).zh}画有${inside.length}条进线，但并行拆分${named(split).zh}只启动了${branches}个分支：看上去要等${inside.length}件事，实际只等${branches}件。`),
        nodeIds: [node.id, split.id],
        edgeIds: inside.map((e) => g.edges[e]!.id),
        hint: t('Bring the alternatives inside a branch together at one step before the join, so each branch comes into the join once.', '让同一分支内的备选路径先在一个步骤汇合，再进入汇合点，使每个分支只进入一次。'),
      });
    }
  },
};
