import { ITERATING_OPERATORS } from './operators.js';

/**
 * Where a `var` reads from: the flow data (`root`), an item of a list being
 * iterated by map/filter/all/none/some (`item`), or the `{current,
 * accumulator}` pair of a reduce. `of` is the root data path of the list when
 * it is a plain `var`, else null (the list is computed).
 */
export type VarScope = { kind: 'root' } | { kind: 'item'; of: string | null } | { kind: 'reduce'; of: string | null };

/** A data path a rule reads, with where it stands in the rule. */
export interface VarUse {
  /** The dotted path, e.g. `customer.creditLimit`; `''` reads the whole scope. */
  path: string;
  /** JSON pointer of the path inside the rule. */
  pointer: string;
  /** The operator that reads it. */
  operator: 'var' | 'missing' | 'missing_some';
  scope: VarScope;
}

const ROOT: VarScope = { kind: 'root' };

/**
 * Lists every literal data path a rule reads (`var`, `missing`,
 * `missing_some`), tracking the scope changes of the iterating operators.
 * Computed paths (`{"var": {"cat": …}}`) cannot be known statically and are
 * skipped. Expects a rule that passed {@link checkRule} (bounded depth).
 */
export function collectVarUses(rule: unknown): VarUse[] {
  const out: VarUse[] = [];
  walk(rule, '', ROOT, out);
  return out;
}

function walk(rule: unknown, pointer: string, scope: VarScope, out: VarUse[]): void {
  if (Array.isArray(rule)) {
    rule.forEach((r, i) => walk(r, `${pointer}/${i}`, scope, out));
    return;
  }
  if (rule === null || typeof rule !== 'object') return;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return;
  const op = keys[0]!;
  const raw = (rule as Record<string, unknown>)[op];
  const argPointer = `${pointer}/${op.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const args = Array.isArray(raw) ? raw : [raw];
  const at = (i: number): string => (Array.isArray(raw) ? `${argPointer}/${i}` : argPointer);

  if (op === 'var') {
    const name = args[0];
    if (typeof name === 'string' || typeof name === 'number') out.push({ path: String(name), pointer: at(0), operator: 'var', scope });
    else if (name === null || name === undefined) out.push({ path: '', pointer: at(0), operator: 'var', scope });
    else walk(name, at(0), scope, out);
    if (args.length > 1) walk(args[1], at(1), scope, out);
    return;
  }
  if (op === 'missing') {
    const list = Array.isArray(args[0]) ? args[0] : args;
    const base = Array.isArray(args[0]) ? at(0) : argPointer;
    list.forEach((n, i) => {
      const p = Array.isArray(args[0]) || Array.isArray(raw) ? `${base}/${i}` : base;
      if (typeof n === 'string') out.push({ path: n, pointer: p, operator: 'missing', scope });
      else walk(n, p, scope, out);
    });
    return;
  }
  if (op === 'missing_some') {
    walk(args[0], at(0), scope, out);
    const list = args[1];
    if (Array.isArray(list)) {
      list.forEach((n, i) => {
        if (typeof n === 'string') out.push({ path: n, pointer: `${at(1)}/${i}`, operator: 'missing_some', scope });
        else walk(n, `${at(1)}/${i}`, scope, out);
      });
    } else walk(list, at(1), scope, out);
    return;
  }
  if (ITERATING_OPERATORS.has(op)) {
    walk(args[0], at(0), scope, out);
    const of = listPath(args[0], scope);
    walk(args[1], at(1), op === 'reduce' ? { kind: 'reduce', of } : { kind: 'item', of }, out);
    for (let i = 2; i < args.length; i++) walk(args[i], at(i), scope, out);
    return;
  }
  args.forEach((a, i) => walk(a, at(i), scope, out));
}

/** The root data path of a list expression when it is a plain `var` at root scope. */
function listPath(expr: unknown, scope: VarScope): string | null {
  if (scope.kind !== 'root' || expr === null || typeof expr !== 'object' || Array.isArray(expr)) return null;
  const keys = Object.keys(expr);
  if (keys.length !== 1 || keys[0] !== 'var') return null;
  const raw = (expr as { var: unknown }).var;
  const name = Array.isArray(raw) ? raw[0] : raw;
  return typeof name === 'string' ? name : null;
}
