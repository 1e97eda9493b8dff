import { ITERATING_OPERATORS } from '../../logic/operators.js';

/** A literal data path a rule reads, with the list it iterates over when inside map/filter/some…. */
export interface VarPath {
  path: string;
  /** null at the root; the root list path (or '' when computed) inside an iteration. */
  of: string | null;
  reduce: boolean;
}

/**
 * The literal `var`/`missing` paths of a policy-checked rule, like
 * `collectVarUses` but without JSON pointers — the linter reads every rule
 * of a flow on each run and does not need them.
 */
export function varPaths(rule: unknown): VarPath[] {
  const out: VarPath[] = [];
  walk(rule, null, false, out);
  return out;
}

function walk(x: unknown, of: string | null, reduce: boolean, out: VarPath[]): void {
  if (Array.isArray(x)) {
    for (const a of x) walk(a, of, reduce, out);
    return;
  }
  if (x === null || typeof x !== 'object') return;
  let op: string | undefined;
  for (const k in x) {
    if (op !== undefined) return;
    op = k;
  }
  if (op === undefined) return;
  const raw = (x as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') {
    const name = args[0];
    if (typeof name === 'string' || typeof name === 'number') out.push({ path: String(name), of, reduce });
    else if (name !== null && name !== undefined) walk(name, of, reduce, out);
    if (args.length > 1) walk(args[1], of, reduce, out);
    return;
  }
  if (op === 'missing' || op === 'missing_some') {
    const list = op === 'missing_some' ? args[1] : Array.isArray(args[0]) ? args[0] : args;
    if (op === 'missing_some') walk(args[0], of, reduce, out);
    for (const n of Array.isArray(list) ? list : [list]) {
      if (typeof n === 'string') out.push({ path: n, of, reduce });
      else walk(n, of, reduce, out);
    }
    return;
  }
  if (ITERATING_OPERATORS.has(op)) {
    walk(args[0], of, reduce, out);
    const first = args[0];
    const listVar = of === null && first !== null && typeof first === 'object' && !Array.isArray(first) && 'var' in first ? (first as { var: unknown }).var : undefined;
    const name = Array.isArray(listVar) ? listVar[0] : listVar;
    walk(args[1], typeof name === 'string' ? name : '', op === 'reduce', out);
    for (let i = 2; i < args.length; i++) walk(args[i], of, reduce, out);
    return;
  }
  for (const a of args) walk(a, of, reduce, out);
}
