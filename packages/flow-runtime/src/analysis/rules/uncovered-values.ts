import { describe } from '../../logic/describe/render.js';
import type { LintRule } from '../types.js';
import { boxToRule, decisionRegions } from '../guards/decisions.js';
import { minus, or, RegionTooLarge, EVERYTHING, NOTHING, type Region } from '../guards/region.js';
import { named, t } from '../text.js';

/**
 * uncovered-values: a decision without a default must have a branch for
 * every case; when some values match no branch, the process stops there.
 * Says which values, in words.
 */
export const uncoveredValues: LintRule = {
  id: 'uncovered-values',
  doc: 'A decision without a default covers every case; the rule names the values no branch matches.',
  check(ctx, report) {
    const g = ctx.graph;
    for (const d of decisionRegions(ctx)) {
      if (d.defaults.length > 0 || d.branches.length === 0) continue;
      let union: Region = NOTHING;
      let rest: Region;
      try {
        for (const b of d.branches) union = or(union, b.region);
        rest = minus(EVERYTHING, union);
      } catch (error) {
        if (error instanceof RegionTooLarge) continue;
        throw error;
      }
      if (rest.length === 0) continue;
      const node = g.nodes[d.node]!;
      const example = boxToRule(rest[0]!, d.atoms);
      const en = describe(example, ctx.catalog, 'en', ctx.flow);
      const zh = describe(example, ctx.catalog, 'zh', ctx.flow);
      report({
        message: t(`Decision ${named(node).en} has no branch for the case where ${en}; it has no default either, so the process would stop there.`, `判断${named(node).zh}没有覆盖“${zh}”的情况，也没有默认分支，流程会停在这里。`),
        nodeIds: [node.id],
        edgeIds: d.branches.map((b) => b.edge.id),
        hint: t('Add a branch for that case, or mark one branch as the default.', '为这种情况添加分支，或把一个分支设为默认。'),
      });
    }
  },
};
