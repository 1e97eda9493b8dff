import type { LintRule } from '../types.js';
import { joinTexts, named, t } from '../text.js';
import { forwardIn, joinsOf, postDominates } from '../structure.js';
import { KIND, outOf, inOf, neighbours } from '../graph.js';
import type { AnalysisContext } from '../context.js';

/** The join most branches of split `p` come to (when some do): where the branches were meant to meet. */
function partialJoin(ctx: AnalysisContext, p: number, taken: ReadonlySet<number>): { join: number; count: number } | undefined {
  const g = ctx.graph;
  const n = g.nodes.length;
  const count = new Map<number, number>();
  for (const e of outOf(g, p)) {
    const s = g.target[e]!;
    if (s < 0) continue;
    const seen = new Uint8Array(n);
    const stack = [s];
    seen[s] = 1;
    while (stack.length) {
      const v = stack.pop()!;
      // A join another split's branches meet at is theirs; look past it.
      if (g.kind[v] === KIND.join && !taken.has(v)) {
        count.set(v, (count.get(v) ?? 0) + 1);
        continue;
      }
      for (const w of neighbours(g.succ, v)) {
        if (w >= n || w === p || seen[w]) continue;
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  let best: { join: number; count: number } | undefined;
  for (const [join, c] of count) if (!best || c > best.count) best = { join, count: c };
  return best;
}

/**
 * parallel-join-balanced: a parallel split has two or more branches that all
 * come together at one join, and a join has two or more branches to wait for.
 */
export const parallelJoinBalanced: LintRule = {
  id: 'parallel-join-balanced',
  doc: 'Every parallel split has at least two branches that all meet at one join, and every join has branches to wait for.',
  // A join some branches of a split never reach is that split's flaw: it is not also a join after alternatives.
  // A branch that leads back to its own split is this rule's finding; the same loop is not also an automatic loop.
  supersedes: ['join-after-exclusive', 'no-automatic-loop'],
  check(ctx, report) {
    const g = ctx.graph;
    // Which branches meet where is read from the connections: while one is drawn to a step that does not exist, the broken connection is the one finding.
    if (ctx.broken.meant.length > 0 || ctx.broken.from.some(Boolean) || ctx.broken.into.some(Boolean)) return;
    const joins = joinsOf(ctx);
    const said = new Set<number>();
    const joinsFor = (p: number): number[] => {
      const js = joins.get(p) ?? [];
      if (js.length) return js;
      // A decision before the split may send its other answers straight to the join (the split is skipped then):
      // every branch still meets there when the join is the first step all of them pass.
      const pd = ctx.postDominators.idom[p]!;
      return pd >= 0 && pd < g.nodes.length && g.kind[pd] === KIND.join ? [pd] : [];
    };
    // Splits inside a branch whose own branches never meet: that split's flaw, not also the enclosing one's.
    const unmet = new Set(ctx.byKind('parallel').filter((q) => ctx.reachable[q] && outOf(g, q).length > 1 && joinsFor(q).length === 0));
    const n = g.nodes.length;
    /** Walks from `start` along `adj`, not past `until`; stops at the first node `hit` accepts. Returns whether one did, and the nodes seen. */
    const walk = (start: number, until: number, adj: typeof g.succ, hit?: (v: number) => boolean): { found: boolean; seen: Uint8Array } => {
      const seen = new Uint8Array(n);
      const stack = [start];
      seen[start] = 1;
      while (stack.length) {
        const v = stack.pop()!;
        if (hit?.(v)) return { found: true, seen };
        if (v === until) continue;
        for (const w of neighbours(adj, v)) {
          if (w >= n || seen[w]) continue;
          seen[w] = 1;
          stack.push(w);
        }
      }
      return { found: false, seen };
    };
    // A branch that runs into a step with no way on (or no way to an end) before the join: no-dead-end's or end-reachable's finding.
    const passesDeadEnd = (from: number, until: number): boolean =>
      walk(from, until, g.succ, (v) => v !== until && (!ctx.reachesEnd[v] || (g.kind[v] !== KIND.end && outOf(g, v).length === 0))).found;
    // Whether split `p` can be reached again from `from` without passing join `until`.
    const loopsBackBefore = (from: number, p: number, until: number): boolean => walk(from, until, g.succ, (v) => v === p).found;
    // Nodes on a loop back already reported: a loop through two splits (p → q → … → p) is one flaw, said at the first split.
    const onReportedLoop = new Uint8Array(n);
    const markLoop = (from: number, p: number, until: number): void => {
      const ahead = walk(from, until, g.succ).seen;
      const behind = walk(p, until, g.pred).seen;
      onReportedLoop[p] = 1;
      for (let v = 0; v < n; v++) if (ahead[v] && behind[v] && v !== until) onReportedLoop[v] = 1;
    };
    const passesUnmet = (from: number, until: number): boolean => walk(from, until, g.succ, (v) => unmet.has(v)).found;
    for (const p of ctx.byKind('parallel')) {
      const node = g.nodes[p]!;
      // A split from which no end can be reached sits in a trap (end-reachable's finding): how its branches meet cannot be read from the ways to an end.
      if (!ctx.reachable[p] || !ctx.reachesEnd[p]) continue;
      const out = outOf(g, p);
      if (out.length === 0) continue;
      if (out.length === 1) {
        // The join its one branch comes to has nothing to wait for either: the same flaw, pointed at from both ends.
        const near = partialJoin(ctx, p, new Set());
        if (near) said.add(near.join);
        report({ message: t(`Parallel split ${named(node).en} has only one branch, so nothing runs in parallel.`, `并行拆分${named(node).zh}只有一个分支，没有任何内容并行执行。`), nodeIds: near ? [node.id, g.nodes[near.join]!.id] : [node.id], hint: t('Add the branches that run at the same time, or remove the split.', '添加同时进行的分支，或删除该拆分。') });
        continue;
      }
      const js = joinsFor(p);
      if (js.length === 0) {
        // Said once: the join the branches were drawn to (reached by only some of them) is part of this flaw, not a second one.
        const near = partialJoin(ctx, p, new Set(ctx.byKind('parallel').flatMap((q) => (q === p ? [] : joinsFor(q)))));
        // Every branch does come to that join: the ways on after it are what is broken (no-dead-end, end-reachable say so).
        if (near && near.count >= out.length) continue;
        // A branch that runs into a step with no way on: that dead end is the finding, not the split.
        if (out.some((e) => g.target[e]! >= 0 && passesDeadEnd(g.target[e]!, -1))) continue;
        if (near) said.add(near.join);
        report({
          message: near
            ? t(
                `The branches of parallel split ${named(node).en} never meet at a join: only ${near.count} of its ${out.length} branches come to join ${named(g.nodes[near.join]!).en}, so nobody can tell when all of them are done.`,
                `并行拆分${named(node).zh}的各分支从不在汇合点汇合：${out.length}个分支中只有${near.count}个到达汇合点${named(g.nodes[near.join]!).zh}，无法知道何时全部完成。`,
              )
            : t(`The branches of parallel split ${named(node).en} never meet at a join, so nobody can tell when all of them are done.`, `并行拆分${named(node).zh}的各分支从不在汇合点汇合，无法知道何时全部完成。`),
          nodeIds: near ? [node.id, g.nodes[near.join]!.id] : [node.id],
          hint: t('Bring the branches together at a join before the process goes on or ends.', '在流程继续或结束前，用一个汇合点把各分支汇合起来。'),
        });
        continue;
      }
      if (js.length > 1) {
        const list = joinTexts(js.map((j) => named(g.nodes[j]!)));
        report({
          message: t(`The branches of parallel split ${named(node).en} meet at different joins (${list.en}); each join waits for branches that go to the other.`, `并行拆分${named(node).zh}的分支在不同的汇合点汇合（${list.zh}）；每个汇合点都会等待去了另一个汇合点的分支。`),
          nodeIds: [node.id, ...js.map((j) => g.nodes[j]!.id)],
          hint: t('Use one join for all branches of the split.', '为该拆分的所有分支使用同一个汇合点。'),
        });
        continue;
      }
      const j = js[0]!;
      // A join from which no end can be reached is no-dead-end's or end-reachable's finding; which branches come to it cannot be told from the ways to an end.
      if (!ctx.reachesEnd[j]) continue;
      for (const e of out) {
        const s = g.target[e]!;
        if (s < 0) continue;
        const edge = g.edges[e]!;
        // A branch that can come back to its own split before the join: the split runs again, and the join waits for a branch that keeps leaving.
        if (loopsBackBefore(s, p, j)) {
          if (onReportedLoop[p]) continue;
          markLoop(s, p, j);
          report({
            message: t(
              `Branch ${named({ id: edge.id, name: edge.label }).en} of parallel split ${named(node).en} can lead back to the split before it comes to join ${named(g.nodes[j]!).en}: the split starts its branches again and the join waits for one that keeps leaving.`,
              `并行拆分${named(node).zh}的分支${named({ id: edge.id, name: edge.label }).zh}在到达汇合点${named(g.nodes[j]!).zh}之前可能回到该拆分：拆分会再次启动各分支，汇合点等待的分支却一再离开。`,
            ),
            nodeIds: [node.id, g.nodes[j]!.id],
            edgeIds: [edge.id],
            hint: t('Bring the branch to the join first, and loop back after the join (to a step before the split).', '先让该分支到达汇合点，再在汇合点之后（回到拆分之前的步骤）循环。'),
          });
          continue;
        }
        if (postDominates(ctx, j, s) || (unmet.size > 0 && passesUnmet(s, j)) || passesDeadEnd(s, j)) continue;
        report({
          message: t(`Branch ${named({ id: edge.id, name: edge.label }).en} of parallel split ${named(node).en} does not always come to join ${named(g.nodes[j]!).en}.`, `并行拆分${named(node).zh}的分支${named({ id: edge.id, name: edge.label }).zh}并不总是到达汇合点${named(g.nodes[j]!).zh}。`),
          nodeIds: [node.id, g.nodes[j]!.id],
          edgeIds: [edge.id],
          hint: t('Route every way through the branch to the join.', '让该分支的每条路径都通往汇合点。'),
        });
      }
    }
    for (const j of ctx.byKind('join')) {
      const node = g.nodes[j]!;
      if (!ctx.reachable[j] || said.has(j)) continue;
      const fin = forwardIn(ctx, j);
      if (fin.length === 1 && fin.length === inOf(g, j).length) {
        report({ message: t(`Join ${named(node).en} has only one incoming branch, so it has nothing to wait for.`, `汇合点${named(node).zh}只有一个进入的分支，没有需要等待的内容。`), nodeIds: [node.id], hint: t('Remove the join, or connect the other branches to it.', '删除该汇合点，或把其他分支连到它。') });
      }
    }
  },
};
