import { truthy } from './truthy.js';
import { FORBIDDEN_PATH_SEGMENTS } from './operators.js';
import {
  DEFAULT_BUDGET,
  LogicError,
  checkString,
  countItems,
  newContext,
  overSteps,
  type EvaluationBudget,
  type EvaluationContext,
} from './budget.js';

type Node = (data: unknown, ctx: EvaluationContext) => unknown;

/** A rule compiled to closures: call it with the data to evaluate. */
export interface CompiledRule {
  (data?: unknown): unknown;
  /** The rule this was compiled from. */
  readonly rule: unknown;
}

/**
 * Compiles a JsonLogic rule once into a tree of closures, with json-logic-js
 * 2.0.5's semantics and without `eval` or `new Function` (safe under a
 * strict Content-Security-Policy). Each call runs under a fresh
 * {@link EvaluationBudget}; running over it throws a {@link LogicError}.
 *
 * Call {@link checkRule} first on untrusted rules: compile does not apply
 * the operator allow-list's reasons, it only refuses what it cannot run.
 *
 * @example
 * const nearLimit = compileRule({ '>=': [{ var: 'customer.creditUsed' }, { '*': [0.9, { var: 'customer.creditLimit' }] }] });
 * nearLimit({ customer: { creditUsed: 92_000, creditLimit: 100_000 } }); // true
 */
export function compileRule(rule: unknown, budget: EvaluationBudget = {}): CompiledRule {
  const limits = { ...DEFAULT_BUDGET, ...budget };
  const node = compileNode(rule);
  const run = ((data?: unknown) => node(data, newContext(limits))) as CompiledRule;
  Object.defineProperty(run, 'rule', { value: rule });
  return run;
}

function compileNode(rule: unknown): Node {
  if (Array.isArray(rule)) {
    const items = rule.map(compileNode);
    return (d, c) => {
      const out = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) out[i] = items[i]!(d, c);
      return out;
    };
  }
  if (rule === null || typeof rule !== 'object') return () => rule;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return () => rule;
  const op = keys[0]!;
  const raw = (rule as Record<string, unknown>)[op];
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  const special = compileSpecial(op, args);
  if (special) return special;
  const fn = OPERATIONS[op];
  if (!fn || !Object.prototype.hasOwnProperty.call(OPERATIONS, op)) {
    throw new LogicError('LOGIC_UNKNOWN_OPERATOR', `'${op}' is not a JsonLogic operator CRM Flow can run.`);
  }
  const parts = args.map(compileNode);
  if (parts.length === 1) {
    const a = parts[0]!;
    return (d, c) => {
      if (++c.steps > c.maxSteps) overSteps(c);
      return fn(d, c, [a(d, c)]);
    };
  }
  if (parts.length === 2) {
    const a = parts[0]!;
    const b = parts[1]!;
    return (d, c) => {
      if (++c.steps > c.maxSteps) overSteps(c);
      return fn(d, c, [a(d, c), b(d, c)]);
    };
  }
  return (d, c) => {
    if (++c.steps > c.maxSteps) overSteps(c);
    const values = new Array<unknown>(parts.length);
    for (let i = 0; i < parts.length; i++) values[i] = parts[i]!(d, c);
    return fn(d, c, values);
  };
}

/** Operators that control their own evaluation order or scope. */
function compileSpecial(op: string, args: unknown[]): Node | undefined {
  switch (op) {
    case 'var':
      return compileVar(args);
    case 'if':
    case '?:': {
      const parts = args.map(compileNode);
      return (d, c) => {
        if (++c.steps > c.maxSteps) overSteps(c);
        let i = 0;
        for (; i < parts.length - 1; i += 2) if (truthy(parts[i]!(d, c))) return parts[i + 1]!(d, c);
        return parts.length === i + 1 ? parts[i]!(d, c) : null;
      };
    }
    case 'and':
    case 'or': {
      const parts = args.map(compileNode);
      const stopOn = op === 'or';
      return (d, c) => {
        if (++c.steps > c.maxSteps) overSteps(c);
        let current: unknown;
        for (let i = 0; i < parts.length; i++) {
          current = parts[i]!(d, c);
          if (truthy(current) === stopOn) return current;
        }
        return current;
      };
    }
    case 'filter':
    case 'map':
    case 'all':
    case 'none':
    case 'some': {
      const source = compileNode(args[0]);
      const each = compileNode(args[1]);
      return (d, c) => {
        if (++c.steps > c.maxSteps) overSteps(c);
        const list = source(d, c);
        if (!Array.isArray(list)) return op === 'filter' || op === 'map' ? [] : op === 'none';
        if (op === 'map') {
          countItems(c, list.length);
          return list.map((item) => each(item, c));
        }
        if (op === 'filter') {
          const out = list.filter((item) => truthy(each(item, c)));
          countItems(c, out.length);
          return out;
        }
        if (list.length === 0) return op === 'none';
        for (const item of list) {
          const t = truthy(each(item, c));
          if (op === 'all' && !t) return false;
          if (op === 'some' && t) return true;
          if (op === 'none' && t) return false;
        }
        return op !== 'some';
      };
    }
    case 'reduce': {
      const source = compileNode(args[0]);
      const each = compileNode(args[1]);
      const hasInitial = typeof args[2] !== 'undefined';
      const initial = compileNode(args[2]);
      return (d, c) => {
        if (++c.steps > c.maxSteps) overSteps(c);
        const list = source(d, c);
        const start = hasInitial ? initial(d, c) : null;
        if (!Array.isArray(list)) return start;
        let acc = start;
        for (const current of list) acc = each({ current, accumulator: acc }, c);
        return acc;
      };
    }
    case 'missing':
      return compileMissing(args);
    case 'missing_some': {
      const need = compileNode(args[0]);
      const options = compileNode(args[1]);
      return (d, c) => {
        if (++c.steps > c.maxSteps) overSteps(c);
        const n = need(d, c);
        const keys = options(d, c);
        const list: unknown[] = Array.isArray(keys) ? keys : [keys];
        const missing = findMissing(d, list);
        return list.length - missing.length >= (n as number) ? [] : missing;
      };
    }
    default:
      return undefined;
  }
}

function compileVar(args: unknown[]): Node {
  const [nameArg, fallbackArg] = args;
  const fallback = compileNode(fallbackArg);
  const hasFallback = args.length > 1;
  if (nameArg === undefined || nameArg === null || nameArg === '' || typeof nameArg === 'string' || typeof nameArg === 'number') {
    if (nameArg === undefined || nameArg === null || nameArg === '') {
      return (d, c) => {
        if (++c.steps > c.maxSteps) overSteps(c);
        return d;
      };
    }
    const segments = String(nameArg).split('.');
    if (segments.length === 1) {
      const key = segments[0]!;
      return (d, c) => {
        if (++c.steps > c.maxSteps) overSteps(c);
        const v = readSegment(d, key);
        if (v !== undefined) return v;
        return hasFallback ? fallback(d, c) : null;
      };
    }
    return (d, c) => {
      if (++c.steps > c.maxSteps) overSteps(c);
      const v = readPath(d, segments);
      if (v !== undefined) return v;
      return hasFallback ? fallback(d, c) : null;
    };
  }
  const name = compileNode(nameArg);
  return (d, c) => {
    if (++c.steps > c.maxSteps) overSteps(c);
    const n = name(d, c);
    if (n === undefined || n === null || n === '') return d;
    const v = readPath(d, String(n).split('.'));
    if (v !== undefined) return v;
    return hasFallback ? fallback(d, c) : null;
  };
}

function compileMissing(args: unknown[]): Node {
  const parts = args.map(compileNode);
  return (d, c) => {
    if (++c.steps > c.maxSteps) overSteps(c);
    const values = parts.map((p) => p(d, c));
    const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
    return findMissing(d, keys);
  };
}

function findMissing(data: unknown, keys: unknown[]): unknown[] {
  const missing: unknown[] = [];
  for (const key of keys) {
    // json-logic-js looks each key up as {"var": key}, so an array key is [name, default].
    // A key that is itself an operation would be evaluated as a rule built from data: refused.
    if (isOperation(key) || (Array.isArray(key) && key.some(isOperation))) {
      throw new LogicError('LOGIC_POLICY', 'A key given to missing is itself a rule; CRM Flow does not run rules built from data.');
    }
    const name = Array.isArray(key) ? key[0] : key;
    let v = name === null || name === undefined || name === '' ? data : readPath(data, String(name).split('.'));
    if (v === undefined && Array.isArray(key) && key.length > 1) v = key[1];
    if (v === undefined || v === null || v === '') missing.push(key);
  }
  return missing;
}

function isOperation(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1;
}

/**
 * Reads one property of data the way json-logic-js's `var` does, except
 * that JavaScript internals (`__proto__`, `constructor`, `prototype`,
 * inherited methods) read as "not found" instead of leaking.
 */
function readSegment(data: unknown, key: string): unknown {
  if (data === null || data === undefined) return undefined;
  if (FORBIDDEN_PATH_SEGMENTS.has(key)) return undefined;
  const v = (data as Record<string, unknown>)[key];
  return typeof v === 'function' ? undefined : v;
}

function readPath(data: unknown, segments: string[]): unknown {
  let cur = data;
  for (const s of segments) {
    cur = readSegment(cur, s);
    if (cur === undefined) return undefined;
  }
  return cur;
}

type Operation = (data: unknown, ctx: EvaluationContext, values: unknown[]) => unknown;

/* eslint-disable @typescript-eslint/no-explicit-any -- JsonLogic's operators are JavaScript's loose operators on unknown values. */
const OPERATIONS: Record<string, Operation> = {
  '==': (_d, _c, [a, b]) => (a as any) == (b as any),
  '===': (_d, _c, [a, b]) => a === b,
  '!=': (_d, _c, [a, b]) => (a as any) != (b as any),
  '!==': (_d, _c, [a, b]) => a !== b,
  '>': (_d, _c, [a, b]) => (a as any) > (b as any),
  '>=': (_d, _c, [a, b]) => (a as any) >= (b as any),
  '<': (_d, _c, [a, b, x]) => (x === undefined ? (a as any) < (b as any) : (a as any) < (b as any) && (b as any) < (x as any)),
  '<=': (_d, _c, [a, b, x]) => (x === undefined ? (a as any) <= (b as any) : (a as any) <= (b as any) && (b as any) <= (x as any)),
  '!!': (_d, _c, [a]) => truthy(a),
  '!': (_d, _c, [a]) => !truthy(a),
  '%': (_d, _c, [a, b]) => (a as any) % (b as any),
  in: (_d, _c, [a, b]) => {
    if (!b || typeof (b as { indexOf?: unknown }).indexOf !== 'function') return false;
    return (b as { indexOf(x: unknown): number }).indexOf(a) !== -1;
  },
  cat: (_d, c, values) => checkString(c, values.join('')),
  substr: (_d, c, [source, start, end]) => {
    const s = String(source);
    if ((end as any) < 0) {
      const temp = s.substr(start as number);
      return checkString(c, temp.substr(0, temp.length + (end as number)));
    }
    return checkString(c, s.substr(start as number, end as number));
  },
  '+': (_d, _c, values) => values.reduce<number>((a, b) => parseFloat(a as any) + parseFloat(b as any), 0),
  '*': (_d, _c, values) => (values.length === 0 ? fail('*') : values.reduce((a, b) => parseFloat(a as any) * parseFloat(b as any))),
  '-': (_d, _c, [a, b]) => (b === undefined ? -(a as any) : (a as any) - (b as any)),
  '/': (_d, _c, [a, b]) => (a as any) / (b as any),
  min: (_d, _c, values) => Math.min(...(values as number[])),
  max: (_d, _c, values) => Math.max(...(values as number[])),
  merge: (_d, c, values) => {
    let size = 0;
    for (const v of values) size += Array.isArray(v) ? v.length : 1;
    countItems(c, size);
    return values.reduce<unknown[]>((a, b) => a.concat(b), []);
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */

function fail(op: string): never {
  // json-logic-js throws a TypeError here ("Reduce of empty array with no initial value").
  throw new LogicError('LOGIC_POLICY', `Operator '${op}' needs at least one value.`);
}
