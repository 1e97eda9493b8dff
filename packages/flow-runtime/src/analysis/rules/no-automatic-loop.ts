import { checkRule } from '../../logic/policy.js';
import { collectVarUses } from '../../logic/vars.js';
import { KIND, outOf } from '../graph.js';
import type { LintRule } from '../types.js';
import { joinTexts, named, t } from '../text.js';

/** Steps the engine passes without stopping: no person acts, nothing is waited for. */
const AUTOMATIC = new Set<number>([KIND.start, KIND.decision, KIND.parallel, KIND.join, KIND.system]);

/** Whether a written path and a read path touch the same data. */
const touches = (write: string, read: string): boolean => write === read || read.startsWith(`${write}.`) || write.startsWith(`${read}.`);

/**
 * no-automatic-loop: a loop made only of automatic steps (decisions, splits,
 * joins, system steps) with no task, wait or sub-flow on it, and no system
 * step on it that changes, round after round, what its decisions read. Once a
 * case goes round it, every decision on it sees the same data and chooses the
 * same way again, so the case spins until the engine stops it (LOOP_LIMIT). A
 * loop that counts (a system step raising a counter its decision tests) is
 * fine; a system step that computes a value from data the loop does not
 * change sets the same value every round, so it does not count.
 */
export const noAutomaticLoop: LintRule = {
  id: 'no-automatic-loop',
  doc: 'A loop needs a task, a wait, a sub-flow, or a system step changing what its decisions test; otherwise a case goes round it forever.',
  check(ctx, report) {
    const g = ctx.graph;
    const n = g.nodes.length;
    const auto = (v: number) => v >= 0 && v < n && AUTOMATIC.has(g.kind[v]!);
    // Tarjan's strongly connected components over automatic steps, iteratively.
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const stack: number[] = [];
    const components: number[][] = [];
    let counter = 0;
    for (let root = 0; root < n; root++) {
      if (!auto(root) || index[root] !== -1) continue;
      const work: Array<[number, number]> = [[root, 0]];
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = 1;
      while (work.length) {
        const top = work[work.length - 1]!;
        const [v, k] = top;
        const out = outOf(g, v);
        if (k < out.length) {
          top[1]++;
          const w = g.target[out[k]!]!;
          if (!auto(w)) continue;
          if (index[w] === -1) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = 1;
            work.push([w, 0]);
          } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
          continue;
        }
        work.pop();
        if (work.length) {
          const u = work[work.length - 1]![0];
          low[u] = Math.min(low[u]!, low[v]!);
        }
        if (low[v] === index[v]) {
          const c: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            c.push(w);
          } while (w !== v);
          components.push(c);
        }
      }
    }
    for (const c of components) {
      const inC = new Set(c);
      const inner = c.flatMap((v) => outOf(g, v).filter((e) => inC.has(g.target[e]!)));
      if (inner.length === 0) continue;
      // What changes from one round to the next: an assignment that reads its own target (a counter) or another
      // assignment that changes. One computed only from data the loop leaves alone sets the same value every round.
      const assigns = c.flatMap((v) => {
        const node = g.nodes[v]!;
        return node.kind === 'system' ? (node.assign ?? []).map((a) => ({ target: a.target, reads: checkRule(a.value).length > 0 ? undefined : collectVarUses(a.value).filter((u) => u.scope.kind === 'root').map((u) => u.path) })) : [];
      });
      const writes: string[] = [];
      for (let grew = true; grew; ) {
        grew = false;
        for (const a of assigns) {
          if (writes.includes(a.target)) continue;
          // A value that cannot be read is taken to change (guard-policy says what is wrong with it).
          if (a.reads === undefined || a.reads.some((r) => touches(a.target, r) || writes.some((w) => touches(w, r)))) {
            writes.push(a.target);
            grew = true;
          }
        }
      }
      let changes = false;
      for (const v of c) {
        if (g.kind[v] !== KIND.decision) continue;
        for (const e of outOf(g, v)) {
          const guard = g.edges[e]!.guard;
          if (guard === undefined) continue;
          if (checkRule(guard).length > 0) {
            changes = true; // a rule that cannot be read is left to guard-policy; say nothing here
            break;
          }
          if (collectVarUses(guard).some((u) => u.scope.kind === 'root' && writes.some((w) => touches(w, u.path)))) changes = true;
        }
        if (changes) break;
      }
      if (changes) continue;
      const order = [...c].sort((a, b) => a - b);
      const steps = joinTexts(order.map((v) => named(g.nodes[v]!)));
      report({
        message: t(
          `The loop through ${steps.en} has no task, wait or sub-flow, and nothing on it changes what its decisions test: a case that goes round it once goes round it forever.`,
          `经过${steps.zh}的循环中没有任务、等待或子流程，也没有步骤改变其判断所依据的数据：案例一旦绕回，就会无休止地循环。`,
        ),
        nodeIds: order.map((v) => g.nodes[v]!.id),
        edgeIds: inner.map((e) => g.edges[e]!.id),
        hint: t('Send the loop back through the step where someone acts again, or connect it to the step it was meant to reach.', '让循环回到有人处理的步骤，或把连线改到原本要去的步骤。'),
      });
    }
  },
};
