import { varPaths } from '../guards/var-paths.js';
import { didYouMean, resolveItemPath, type PathInfo } from '../../schema/data-paths.js';
import type { ItemField } from '../../schema/common.js';
import type { AnalysisContext } from '../context.js';
import type { Finding, LintRule } from '../types.js';
import { named, t } from '../text.js';
import { siteTarget } from '../guards/sites.js';

/**
 * guard-vars-known: every data path the flow reads or writes exists in its
 * data schema (and, through record variables, in the catalog's entities):
 * in conditions, calculations, assignments and required fields.
 */
export const guardVarsKnown: LintRule = {
  id: 'guard-vars-known',
  doc: 'Every field a condition, calculation or step names exists in the flow data (and the catalog entity behind it).',
  check(ctx, report) {
    for (const site of ctx.ruleSites) {
      if (!site.readsFlowData || site.issues.length > 0) continue;
      for (const use of varPaths(site.rule)) {
        const info = resolveUse(ctx, use.path, use.of, use.reduce);
        if (!info || info.ok) continue;
        report({ ...finding(`${site.where().en} reads '${use.path}', but ${info.reason}.${didYouMean(info)}`, `${site.where().zh}读取了“${use.path}”，但该字段不存在（${info.reason}）。${zhDidYouMean(info)}`, [], []), ...siteTarget(site) });
      }
    }
    for (const node of ctx.graph.nodes) {
      let paths: Array<[string, string, string, string]> | undefined;
      if (node.kind === 'task' && (node.fields?.length || node.required?.length)) {
        paths = [];
        for (const p of node.fields ?? []) paths.push([p, 'edits', '编辑', 'fields']);
        for (const p of node.required ?? []) paths.push([p, 'requires', '要求填写', 'required']);
      } else if (node.kind === 'system' && node.assign?.length) {
        paths = node.assign.map((a): [string, string, string, string] => [a.target, 'sets', '设置', 'assign']);
      } else if (node.kind === 'subflow' && node.output) {
        paths = Object.keys(node.output).map((p): [string, string, string, string] => [p, 'receives', '接收', 'output']);
      }
      if (!paths) continue;
      for (const [p, en, zh, prop] of paths) {
        const info = ctx.resolvePath(p);
        if (!info.ok) report({ ...finding(`Step ${named(node).en} ${en} '${p}', but ${info.reason}.${didYouMean(info)}`, `步骤${named(node).zh}${zh}“${p}”，但该字段不存在（${info.reason}）。${zhDidYouMean(info)}`, [node.id], []), about: [prop] });
      }
    }
  },
};

function zhDidYouMean(info: PathInfo): string {
  return !info.ok && info.suggestion ? `是否想写“${info.suggestion}”？` : '';
}

function finding(en: string, zh: string, nodeIds: string[], edgeIds: string[]): Finding {
  return { message: t(en, zh), nodeIds, edgeIds, hint: t("Pick a field of the flow's data, or add the variable to the data schema.", '请选择流程数据中的字段，或把该变量加入数据结构。') };
}

function resolveUse(ctx: AnalysisContext, path: string, of: string | null, reduce: boolean): PathInfo | undefined {
  if (of === null) return path === '' ? undefined : ctx.resolvePath(path);
  if (!of) return undefined;
  const list = ctx.resolvePath(of);
  const items: ReadonlyArray<ItemField> | undefined = list.ok && list.type === 'list' ? list.itemFields : undefined;
  if (!items) return undefined;
  if (reduce) return path.startsWith('current.') ? resolveItemPath(path.slice(8), items, of) : undefined;
  return resolveItemPath(path, items, of);
}
