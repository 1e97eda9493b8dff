import { truthy } from './truthy.js';
import { FORBIDDEN_PATH_SEGMENTS } from './operators.js';
import { CHARS_PER_STEP, DEFAULT_BUDGET, LONG_TEXT, LogicError, chargeConversion, chargeOperand, chargeText, countItems, overSteps, type EvaluationBudget, type EvaluationContext } from './budget.js';
import { OTHER_OPERATIONS, binary, binaryWithConstant, comparePathWithConstant, own } from './operations.js';

const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

/** A compiled node: evaluates against data; counters live in the context captured at compile time. */
type Node = (data: unknown) => unknown;

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
 * Call {@link checkRule} first on untrusted rules (or use `prepareRule`):
 * compile refuses only what it cannot run.
 *
 * @example
 * const nearLimit = compileRule({ '>=': [{ var: 'customer.creditUsed' }, { '*': [0.9, { var: 'customer.creditLimit' }] }] });
 * nearLimit({ customer: { creditUsed: 92_000, creditLimit: 100_000 } }); // true
 */
export function compileRule(rule: unknown, budget: EvaluationBudget = {}): CompiledRule {
  const limits = { ...DEFAULT_BUDGET, ...budget };
  // One context per compiled rule, reset on every call: evaluation is synchronous
  // and never re-enters, so this saves an allocation per evaluation.
  const ctx: EvaluationContext = { steps: 0, items: 0, maxSteps: limits.maxSteps, maxItems: limits.maxItems, maxStringLength: limits.maxStringLength };
  const node = new Compiler(ctx).root(rule);
  const run = ((data?: unknown) => {
    ctx.steps = 0;
    ctx.items = 0;
    try {
      return node(data);
    } catch (e) {
      throw asLogicError(e);
    }
  }) as CompiledRule;
  Object.defineProperty(run, 'rule', { value: rule });
  return run;
}

/**
 * Data the rule cannot work on (an object whose toString is not a function, nesting too deep to
 * compare): a LogicError with a code, never a raw TypeError or RangeError.
 */
function asLogicError(e: unknown): LogicError {
  if (e instanceof LogicError) return e;
  return new LogicError('LOGIC_DATA', `The rule cannot be evaluated on this data: ${e instanceof RangeError ? 'the data is nested too deeply' : e instanceof Error ? e.message : String(e)}.`);
}

/** The segments of `{"var": "a.b"}` (one or two, no default, nothing forbidden), else undefined. */
function literalPath(v: unknown): [string] | [string, string] | undefined {
  if (!isOperation(v) || !('var' in v)) return undefined;
  const raw = v.var;
  const name = Array.isArray(raw) ? (raw.length === 1 ? raw[0] : undefined) : raw;
  if (typeof name !== 'string' || name === '') return undefined;
  const segments = name.split('.');
  if (segments.length > 2 || segments.some((s) => FORBIDDEN_PATH_SEGMENTS.has(s))) return undefined;
  return segments as [string] | [string, string];
}

/**
 * The step cost of evaluating a rule once: one step per part (operation,
 * list item, literal), plus one per segment of a `var` path and one per
 * {@link CHARS_PER_STEP} characters of a text literal. Inside an iteration
 * every part runs (or is skipped) once per item, so this weight times the
 * items bounds the closures an iteration runs and the list items it builds
 * (a list literal of 1,000 values built per item costs 1,000 steps per item).
 */
export function ruleWeight(rule: unknown): number {
  let n = 0;
  const visit = (v: unknown): void => {
    n++;
    if (typeof v === 'string') n += (v.length / CHARS_PER_STEP) | 0;
    else if (Array.isArray(v)) v.forEach(visit);
    else if (isOperation(v)) {
      const op = Object.keys(v)[0]!;
      const raw = v[op];
      if (op === 'var') {
        const name = Array.isArray(raw) ? raw[0] : raw;
        if (typeof name === 'string') n += name.split('.').length;
      }
      visit(raw);
    }
  };
  visit(rule);
  return n;
}

function isOperation(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1;
}

/** True when a value contains no operation anywhere, so it evaluates to itself. */
function isConstant(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(isConstant);
  return !isOperation(v);
}

/** Counts every compiled node a metered rule runs (tests check the budget against it). */
export interface WorkMeter {
  nodes: number;
}

/**
 * {@link compileRule} with every node counted as it runs, and the counters
 * of the last evaluation readable: how tests show that the steps charged
 * bound the work done. Not for production use (each node pays a wrapper).
 */
export function compileMetered(rule: unknown, budget: EvaluationBudget = {}): { run: CompiledRule; meter: WorkMeter; context: EvaluationContext } {
  const limits = { ...DEFAULT_BUDGET, ...budget };
  const context: EvaluationContext = { steps: 0, items: 0, maxSteps: limits.maxSteps, maxItems: limits.maxItems, maxStringLength: limits.maxStringLength };
  const meter: WorkMeter = { nodes: 0 };
  const node = new Compiler(context, meter).root(rule);
  const run = ((data?: unknown) => {
    context.steps = 0;
    context.items = 0;
    meter.nodes = 0;
    try {
      return node(data);
    } catch (e) {
      throw asLogicError(e);
    }
  }) as CompiledRule;
  Object.defineProperty(run, 'rule', { value: rule });
  return { run, meter, context };
}

class Compiler {
  constructor(
    private readonly c: EvaluationContext,
    private readonly meter?: WorkMeter,
  ) {}

  /** The root returns fresh arrays, as json-logic-js does, so callers may keep or change them. */
  root(rule: unknown): Node {
    if (Array.isArray(rule)) {
      const items = rule.map((r) => this.node(r));
      return (d) => items.map((n) => n(d));
    }
    return this.node(rule);
  }

  node(rule: unknown): Node {
    const n = this.unmetered(rule);
    const meter = this.meter;
    if (!meter) return n;
    return (d) => {
      meter.nodes++;
      return n(d);
    };
  }

  private unmetered(rule: unknown): Node {
    if (Array.isArray(rule)) {
      // Inner constant lists (the list of `in`) are built once and shared, frozen.
      if (isConstant(rule)) {
        const constant = Object.freeze(rule.slice());
        return () => constant;
      }
      const items = rule.map((r) => this.node(r));
      return (d) => items.map((n) => n(d));
    }
    if (!isOperation(rule)) return () => rule;
    const op = Object.keys(rule)[0]!;
    const raw = rule[op];
    const args: unknown[] = Array.isArray(raw) ? raw : [raw];
    return this.operation(op, args);
  }

  private operation(op: string, args: unknown[]): Node {
    switch (op) {
      case 'var':
        return this.variable(args);
      case 'if':
      case '?:': {
        const parts = args.map((a) => this.node(a));
        const last = parts.length - 1;
        return (d) => {
          let i = 0;
          for (; i < last; i += 2) {
            const t = parts[i]!(d);
            if (t === true || (t !== false && truthy(t))) return parts[i + 1]!(d);
          }
          return parts.length === i + 1 ? parts[i]!(d) : null;
        };
      }
      case 'and':
      case 'or': {
        const parts = args.map((a) => this.node(a));
        const stopOn = op === 'or';
        if (parts.length === 2) {
          const [a, b] = parts as [Node, Node];
          return stopOn
            ? (d) => {
                const x = a(d);
                return x === true || (x !== false && truthy(x)) ? x : b(d);
              }
            : (d) => {
                const x = a(d);
                return x === false || !(x === true || truthy(x)) ? x : b(d);
              };
        }
        return (d) => {
          let current: unknown;
          for (let i = 0; i < parts.length; i++) {
            current = parts[i]!(d);
            if (truthy(current) === stopOn) return current;
          }
          return current;
        };
      }
      case '!':
      case '!!': {
        const a = this.node(args[0]);
        const negate = op === '!';
        return (d) => {
          return truthy(a(d)) !== negate;
        };
      }
      case 'filter':
      case 'map':
      case 'all':
      case 'none':
      case 'some':
        return this.iterate(op, args);
      case 'reduce':
        return this.reduce(args);
      case 'missing':
        return this.missing(args);
      case 'missing_some': {
        const need = this.node(args[0]);
        const options = this.node(args[1]);
        return (d) => {
          const n = need(d);
          const keys = options(d);
          const list: unknown[] = Array.isArray(keys) ? keys : [keys];
          const missing = findMissing(d, list, this.c);
          return list.length - missing.length >= (n as number) ? [] : missing;
        };
      }
      default:
        return this.plain(op, args);
    }
  }

  /** Operators that evaluate every argument first. */
  private plain(op: string, args: unknown[]): Node {
    const c = this.c;
    const parts = args.map((a) => this.node(a));
    if (parts.length === 2) {
      const [left, right] = args;
      const isScalar = (v: unknown) => v === null || (typeof v !== 'object' && v !== undefined);
      const path = literalPath(left);
      const fused = path && isScalar(right) ? comparePathWithConstant(op, path, right, c) : undefined;
      if (fused) return fused;
      const special = isScalar(right)
        ? binaryWithConstant(op, parts[0]!, right, c)
        : isScalar(left) && (op === '*' || op === '+')
          ? binaryWithConstant(op, parts[1]!, left, c) // both commute in IEEE arithmetic
          : binary(op, parts[0]!, parts[1]!, c);
      if (special) return special;
    }
    const fn = Object.prototype.hasOwnProperty.call(OTHER_OPERATIONS, op) ? OTHER_OPERATIONS[op] : undefined;
    if (!fn) throw new LogicError('LOGIC_UNKNOWN_OPERATOR', `'${op}' is not a JsonLogic operator CRM Flow can run.`);
    // Every operator here but merge, === and !== may read a list as text or a number: charged first.
    // Long texts are charged as read too, except by cat, which pays for the text it builds.
    const converts = op !== 'merge' && op !== '===' && op !== '!==';
    const readsText = converts && op !== 'cat';
    return (d) => {
      const values = new Array<unknown>(parts.length);
      for (let i = 0; i < parts.length; i++) {
        const v = parts[i]!(d);
        if (typeof v === 'object' ? converts && v !== null : readsText && typeof v === 'string' && v.length > LONG_TEXT) chargeOperand(c, v);
        values[i] = v;
      }
      return fn(c, values);
    };
  }

  private variable(args: unknown[]): Node {
    const [nameArg] = args;
    if (nameArg === undefined || nameArg === null || nameArg === '') return (d) => d;
    const fallback = args.length > 1 ? this.node(args[1]) : undefined;
    if (typeof nameArg === 'string' || typeof nameArg === 'number') {
      const segments = String(nameArg).split('.');
      // A forbidden segment can never be found; checked here once, not on every read.
      if (segments.some((s) => FORBIDDEN_PATH_SEGMENTS.has(s))) return fallback ?? (() => null);
      return readerOf(segments, fallback);
    }
    const name = this.node(nameArg);
    const c = this.c;
    return (d) => {
      const n = name(d);
      if (n === undefined || n === null || n === '') return d;
      if (typeof n === 'object') chargeConversion(c, n);
      else if (typeof n === 'string' && n.length > CHARS_PER_STEP) chargeText(c, n.length);
      const v = readPath(d, String(n).split('.'));
      return v !== undefined ? v : fallback ? fallback(d) : null;
    };
  }

  /**
   * Compiles the per-item logic of an iterating operator. Outside iterations
   * a rule runs each of its (by policy at most a few thousand) operations
   * once; inside, each item costs as many steps as the logic has operations,
   * charged against the budget before the item runs.
   */
  private scoped(rule: unknown): { each: Node; weight: number } {
    return { each: this.node(rule), weight: ruleWeight(rule) };
  }

  private iterate(op: 'filter' | 'map' | 'all' | 'none' | 'some', args: unknown[]): Node {
    const c = this.c;
    const source = this.node(args[0]);
    const { each, weight } = this.scoped(args[1]);
    return (d) => {
      const list = source(d);
      if (!Array.isArray(list)) return op === 'filter' || op === 'map' ? [] : op === 'none';
      c.steps += weight * list.length;
      if (c.steps > c.maxSteps) overSteps(c);
      if (op === 'map') {
        countItems(c, list.length);
        return list.map((item) => each(item));
      }
      if (op === 'filter') {
        const out = list.filter((item) => truthy(each(item)));
        countItems(c, out.length);
        return out;
      }
      if (list.length === 0) return op === 'none';
      for (let i = 0; i < list.length; i++) {
        const t = truthy(each(list[i]));
        if (op === 'all') {
          if (!t) return false;
        } else if (t) return op === 'some';
      }
      return op !== 'some';
    };
  }

  private reduce(args: unknown[]): Node {
    const c = this.c;
    const source = this.node(args[0]);
    const { each, weight } = this.scoped(args[1]);
    const hasInitial = typeof args[2] !== 'undefined';
    const initial = this.node(args[2]);
    return (d) => {
      const list = source(d);
      const start = hasInitial ? initial(d) : null;
      if (!Array.isArray(list)) return start;
      c.steps += weight * list.length;
      if (c.steps > c.maxSteps) overSteps(c);
      let acc = start;
      for (let i = 0; i < list.length; i++) acc = each({ current: list[i], accumulator: acc });
      return acc;
    };
  }

  private missing(args: unknown[]): Node {
    const plainKey = (a: unknown) => typeof a === 'string' && a !== '' && !a.split('.').some((s) => FORBIDDEN_PATH_SEGMENTS.has(s));
    if (args.length > 0 && args.every(plainKey)) {
      const keys = args as string[];
      const paths = keys.map((k) => k.split('.'));
      return (d) => {
        let out: string[] | undefined;
        for (let i = 0; i < paths.length; i++) {
          const v = readTrusted(d, paths[i]!);
          if (v === undefined || v === null || v === '') (out ??= []).push(keys[i]!);
        }
        return out ?? [];
      };
    }
    const parts = args.map((a) => this.node(a));
    return (d) => {
      const values = parts.map((p) => p(d));
      const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
      return findMissing(d, keys, this.c);
    };
  }
}

/**
 * A reader for a literal path with json-logic-js's not-found rule: the
 * default (or null) when a step is missing; a null found at the end stays
 * null. One closure per path length keeps the common reads free of loops.
 */
function readerOf(segments: string[], fallback: Node | undefined): Node {
  if (segments.length === 1) {
    const k = segments[0]!;
    return (d) => {
      if (d !== null && d !== undefined) {
        const v = (d as Record<string, unknown>)[k];
        if (v !== undefined && typeof v !== 'function') {
          const p = Object.getPrototypeOf(d) as unknown;
          if (p === OBJECT_PROTO || p === ARRAY_PROTO || own(d, k)) return v;
        }
      }
      return fallback ? fallback(d) : null;
    };
  }
  if (segments.length === 2) {
    const k0 = segments[0]!;
    const k1 = segments[1]!;
    return (d) => {
      if (d !== null && d !== undefined) {
        const o = (d as Record<string, unknown>)[k0];
        if (o !== null && o !== undefined && typeof o !== 'function') {
          // own(d, k0) && own(o, k1), inlined: plain objects and arrays answer by their prototype.
          const pd = Object.getPrototypeOf(d) as unknown;
          if (pd === OBJECT_PROTO || pd === ARRAY_PROTO || own(d, k0)) {
            const v = (o as Record<string, unknown>)[k1];
            if (v !== undefined && typeof v !== 'function') {
              const po = Object.getPrototypeOf(o) as unknown;
              if (po === OBJECT_PROTO || po === ARRAY_PROTO || own(o, k1)) return v;
            }
          }
        }
      }
      return fallback ? fallback(d) : null;
    };
  }
  return (d) => {
    const v = readTrusted(d, segments);
    return v !== undefined ? v : fallback ? fallback(d) : null;
  };
}

function findMissing(data: unknown, keys: unknown[], c: EvaluationContext): unknown[] {
  const missing: unknown[] = [];
  // One step per key; a key that is a list is read as text (its name): charged like any conversion.
  c.steps += keys.length;
  if (c.steps > c.maxSteps) overSteps(c);
  for (const key of keys) {
    // json-logic-js looks each key up as {"var": key}, so an array key is [name, default].
    // A key that is itself an operation would be evaluated as a rule built from data: refused.
    if (isOperation(key) || (Array.isArray(key) && key.some(isOperation))) {
      throw new LogicError('LOGIC_POLICY', 'A key given to missing is itself a rule; CRM Flow does not run rules built from data.');
    }
    const name = Array.isArray(key) ? key[0] : key;
    if (name !== null && typeof name === 'object') chargeConversion(c, name);
    else if (typeof name === 'string' && name.length > CHARS_PER_STEP) chargeText(c, name.length);
    const text = name === null || name === undefined ? '' : String(name);
    // A one-segment name (the common case) is read without splitting it into a new list.
    let v = text === '' ? data : text.indexOf('.') === -1 ? readKey(data, text) : readPath(data, text.split('.'));
    if (v === undefined && Array.isArray(key) && key.length > 1) v = key[1];
    if (v === undefined || v === null || v === '') missing.push(key);
  }
  return missing;
}

/**
 * Reads a path the way json-logic-js's `var` does, except that JavaScript
 * internals (`__proto__`, `constructor`, `prototype`, inherited methods)
 * read as "not found" instead of leaking.
 */
function readPath(data: unknown, segments: string[]): unknown {
  for (const s of segments) if (FORBIDDEN_PATH_SEGMENTS.has(s)) return undefined;
  return readTrusted(data, segments);
}

/** {@link readPath} for a one-segment path. */
function readKey(data: unknown, k: string): unknown {
  if (FORBIDDEN_PATH_SEGMENTS.has(k) || data === null || data === undefined) return undefined;
  const v = (data as Record<string, unknown>)[k];
  return v === undefined || typeof v === 'function' || !own(data, k) ? undefined : v;
}

/** {@link readPath} for segments already known to be allowed. */
function readTrusted(data: unknown, segments: string[]): unknown {
  let cur = data;
  for (let i = 0; i < segments.length; i++) {
    if (cur === null || cur === undefined) return undefined;
    const next = (cur as Record<string, unknown>)[segments[i]!];
    // Inherited members (from a prototype a host's object may carry) read as not found.
    if (next === undefined || typeof next === 'function' || !own(cur, segments[i]!)) return undefined;
    cur = next;
  }
  return cur;
}


