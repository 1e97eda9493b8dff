import { checkRule } from '../logic/policy.js';
import { collectVarUses } from '../logic/vars.js';
import { didYouMean, resolveItemPath, type PathInfo } from './data-paths.js';
import { toPointer, type Problem } from './problems.js';
import type { ItemField } from './common.js';

/** Resolves a root-scope data path for a rule site. */
export type RootResolver = (path: string) => PathInfo;

/**
 * Checks one rule of a definition: the JsonLogic policy, then every literal
 * path it reads against the data it will run on. `where` says in words where
 * the rule stands ("Edge 'e3' guard").
 */
export function checkRuleSite(rule: unknown, at: ReadonlyArray<PropertyKey>, where: string, resolveRoot: RootResolver | undefined): Problem[] {
  const base = toPointer(at);
  const policy = checkRule(rule);
  if (policy.length > 0) return policy.map((i) => ({ code: i.code, path: base + i.path, message: `${where}: ${i.message}` }));
  if (!resolveRoot) return [];
  const problems: Problem[] = [];
  for (const use of collectVarUses(rule)) {
    let info: PathInfo;
    if (use.scope.kind === 'root') {
      if (use.path === '') continue;
      info = resolveRoot(use.path);
    } else {
      const items = use.scope.of ? listItems(resolveRoot(use.scope.of)) : undefined;
      if (!items || !use.scope.of) continue;
      if (use.scope.kind === 'reduce') {
        if (!use.path.startsWith('current.')) continue;
        info = resolveItemPath(use.path.slice('current.'.length), items, use.scope.of);
      } else info = resolveItemPath(use.path, items, use.scope.of);
    }
    if (!info.ok) {
      problems.push({
        code: info.reason.includes('is not a variable') ? 'FLOW_E027' : 'FLOW_E026',
        path: base + use.pointer,
        message: `${where} reads '${use.path}', but ${info.reason}.${didYouMean(info)}`,
      });
    }
  }
  return problems;
}

function listItems(info: PathInfo): ReadonlyArray<ItemField> | undefined {
  return info.ok && info.type === 'list' ? info.itemFields : undefined;
}
