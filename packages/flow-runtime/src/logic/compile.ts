import { truthy } from './truthy.js';
import { FORBIDDEN_PATH_SEGMENTS, ITERATING_OPERATORS } from './operators.js';
import { CHARS_PER_STEP, DEFAULT_BUDGET, LONG_TEXT, LogicError, chargeConversion, chargeOperand, chargeText, checkString, countItems, overSteps, overText, type EvaluationBudget, type EvaluationContext } from './budget.js';
import { OTHER_OPERATIONS, catText } from './operations.js';
import { BIN, BINARY, CONST, PATH1, PATH2, PATHN, asNode, binaryOperand, computed, constant, ev, get, getPath, path, type Node, type Operand } from './operand.js';

/** A rule compiled to closures: call it with the data to evaluate. */
export interface CompiledRule {
  (data?: unknown): unknown;
  /** The rule this was compiled from. */
  readonly rule: unknown;
}

/**
 * Finds a rule's code compiled ahead of time (`precompiledRules` of
 * `@crm/flow-runtime/precompiled`): a {@link CompiledRule} when it has the
 * rule, else undefined (the rule is then compiled as usual).
 */
export type RuleSource = (rule: unknown) => CompiledRule | undefined;

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
  const root = new Compiler(ctx).root(rule);
  let run: CompiledRule;
  if (root.t === CONST) {
    const value = root.v;
    run = (() => value) as CompiledRule;
  } else if (root.t === BIN) {
    // A guard comparing a path with a constant, or arithmetic: read, computed and charged here, no closure called.
    run = ((data?: unknown) => {
      ctx.steps = 0;
      ctx.items = 0;
      try {
        return ev(root, data);
      } catch (e) {
        throw asLogicError(e);
      }
    }) as CompiledRule;
  } else if ((root.t === PATH1 || root.t === PATH2) && root.fb === null) {
    // A plain read charges nothing: no counters to reset, and no closure to call.
    const { k0, k1, v: dflt } = root;
    run = (
      root.t === PATH1
        ? (data?: unknown) => {
            try {
              const v = get(data, k0);
              return v === undefined ? dflt : v;
            } catch (e) {
              throw asLogicError(e);
            }
          }
        : (data?: unknown) => {
            try {
              const v = get(get(data, k0), k1);
              return v === undefined ? dflt : v;
            } catch (e) {
              throw asLogicError(e);
            }
          }
    ) as CompiledRule;
  } else if (root.t === PATHN && root.fb === null) {
    // A plain read charges nothing: no counters to reset, and no closure to call.
    run = ((data?: unknown) => {
      try {
        return ev(root, data);
      } catch (e) {
        throw asLogicError(e);
      }
    }) as CompiledRule;
  } else {
    const node = asNode(root);
    run = ((data?: unknown) => {
      ctx.steps = 0;
      ctx.items = 0;
      try {
        return node(data);
      } catch (e) {
        throw asLogicError(e);
      }
    }) as CompiledRule;
  }
  Object.defineProperty(run, 'rule', { value: rule });
  return run;
}

/**
 * A part of a rule compiled to a closure that counts against `ctx`: what a
 * rule compiled ahead of time (`precompiled.ts`) runs for the parts it
 * leaves to the closures (iterations, `missing`, `cat`, …).
 */
export function compileNode(rule: unknown, ctx: EvaluationContext): Node {
  return new Compiler(ctx).node(rule);
}

/** `cat` of three values already charged: their texts' lengths checked before the text is built, and the text paid for. */
export function catJoin(c: EvaluationContext, x: unknown, y: unknown, z: unknown): string {
  const length = (typeof x === 'string' ? x.length : 0) + (typeof y === 'string' ? y.length : 0) + (typeof z === 'string' ? z.length : 0);
  if (length > c.maxStringLength) overText(c);
  return checkString(c, catText(x) + catText(y) + catText(z));
}

/**
 * Data the rule cannot work on (an object whose toString is not a function, nesting too deep to
 * compare): a LogicError with a code, never a raw TypeError or RangeError.
 */
export function asLogicError(e: unknown): LogicError {
  if (e instanceof LogicError) return e;
  return new LogicError('LOGIC_DATA', `The rule cannot be evaluated on this data: ${e instanceof RangeError ? 'the data is nested too deeply' : e instanceof Error ? e.message : String(e)}.`);
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
  const node = asNode(new Compiler(context, meter).root(rule));
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

const isScalar = (v: unknown): boolean => v === null || (typeof v !== 'object' && v !== undefined);

/** JsonLogic truthiness with the booleans decided inline (most guards' parts are booleans). */
export const yes = (t: unknown): boolean => t === true || (t !== false && truthy(t));

/**
 * Whether per-item logic could hand back the data object it is evaluated on
 * (`{"var": ""}`, a computed `var` name): only then must reduce build a fresh
 * `{current, accumulator}` per item. Bodies of nested iterations run on their
 * own items, so only their other arguments are looked at.
 */
function mayReturnItsData(rule: unknown): boolean {
  if (Array.isArray(rule)) return rule.some(mayReturnItsData);
  if (!isOperation(rule)) return false;
  const op = Object.keys(rule)[0]!;
  const raw = rule[op];
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') {
    const name = args[0];
    if (!((typeof name === 'string' && name !== '') || typeof name === 'number')) return true;
    return args.slice(1).some(mayReturnItsData);
  }
  if (ITERATING_OPERATORS.has(op)) return args.some((a, i) => i !== 1 && mayReturnItsData(a));
  return args.some(mayReturnItsData);
}

/** The record reduce evaluates its per-item logic on: built by reduce, one shape, both members its own. */
interface ReduceItem {
  current: unknown;
  accumulator: unknown;
}

/** Member `current` or `accumulator` of reduce's record, as `var` reads it (a function reads as not found). */
function recordMember(d: unknown, current: boolean): unknown {
  const v = current ? (d as ReduceItem).current : (d as ReduceItem).accumulator;
  return typeof v === 'function' ? undefined : v;
}

class Compiler {
  /** Whether the logic being compiled runs on reduce's `{current, accumulator}` record (reduce's per-item logic, outside nested iterations). */
  private onRecord = false;

  constructor(
    private readonly c: EvaluationContext,
    private readonly meter?: WorkMeter,
  ) {}

  /** The root returns fresh arrays, as json-logic-js does, so callers may keep or change them. */
  root(rule: unknown): Operand {
    if (Array.isArray(rule)) {
      const items = rule.map((r) => this.operand(r));
      return computed(this.meter ? this.metered(listOf(items)) : listOf(items));
    }
    return this.operand(rule);
  }

  /**
   * A part of a rule as an operand. Metered, every part is a counted closure;
   * otherwise constants and literal paths are read inline by the operation.
   */
  operand(rule: unknown): Operand {
    return this.meter ? computed(this.node(rule)) : this.bare(rule);
  }

  /** A part of a rule as a closure (iteration bodies). */
  node(rule: unknown): Node {
    const n = asNode(this.bare(rule));
    return this.meter ? this.metered(n) : n;
  }

  private metered(n: Node): Node {
    const meter = this.meter!;
    return (d) => {
      meter.nodes++;
      return n(d);
    };
  }

  private bare(rule: unknown): Operand {
    if (Array.isArray(rule)) {
      // Inner constant lists (the list of `in`) are built once and shared, frozen.
      if (isConstant(rule)) return constant(Object.freeze(rule.slice()));
      return computed(listOf(rule.map((r) => this.operand(r))));
    }
    if (!isOperation(rule)) return constant(rule);
    const op = Object.keys(rule)[0]!;
    const raw = rule[op];
    const args: unknown[] = Array.isArray(raw) ? raw : [raw];
    if (op === 'var') return this.variable(args);
    if (args.length === 2 && Object.prototype.hasOwnProperty.call(BINARY, op)) {
      const [left, right] = args;
      // A list of scalars written in the rule (the list of `in`) is built once and shared, frozen.
      const written = (v: unknown) => (Array.isArray(v) && v.every(isScalar) ? constant(Object.freeze(v.slice())) : this.operand(v));
      return binaryOperand(BINARY[op]!, written(left), written(right), this.c);
    }
    return computed(this.operation(op, args));
  }

  private operation(op: string, args: unknown[]): Node {
    switch (op) {
      case 'if':
      case '?:': {
        const parts = args.map((a) => this.operand(a));
        if (parts.length === 3) {
          const [p, q, r] = parts as [Operand, Operand, Operand];
          return (d) => (yes(ev(p, d)) ? ev(q, d) : ev(r, d));
        }
        const last = parts.length - 1;
        return (d) => {
          let i = 0;
          for (; i < last; i += 2) if (yes(ev(parts[i]!, d))) return ev(parts[i + 1]!, d);
          return parts.length === i + 1 ? ev(parts[i]!, d) : null;
        };
      }
      case 'and':
      case 'or': {
        const parts = args.map((a) => this.operand(a));
        const stopOn = op === 'or';
        if (parts.length === 2) {
          const [a, b] = parts as [Operand, Operand];
          return stopOn
            ? (d) => {
                const x = ev(a, d);
                return yes(x) ? x : ev(b, d);
              }
            : (d) => {
                const x = ev(a, d);
                return yes(x) ? ev(b, d) : x;
              };
        }
        return (d) => {
          let current: unknown;
          for (let i = 0; i < parts.length; i++) {
            current = ev(parts[i]!, d);
            if (yes(current) === stopOn) return current;
          }
          return current;
        };
      }
      case '!': {
        const a = this.operand(args[0]);
        return (d) => !yes(ev(a, d));
      }
      case '!!': {
        const a = this.operand(args[0]);
        return (d) => yes(ev(a, d));
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
        const need = this.operand(args[0]);
        const options = this.operand(args[1]);
        return (d) => {
          const n = ev(need, d);
          const keys = ev(options, d);
          const list: unknown[] = Array.isArray(keys) ? keys : [keys];
          const missing = findMissing(d, list, this.c);
          return list.length - missing.length >= (n as number) ? [] : missing;
        };
      }
      case 'cat':
        if (args.length >= 1 && args.length <= 3) return this.cat(args);
        return this.plain(op, args);
      default:
        return this.plain(op, args);
    }
  }

  /** Operators that evaluate every argument first. */
  private plain(op: string, args: unknown[]): Node {
    const c = this.c;
    const parts = args.map((a) => this.operand(a));
    const fn = Object.prototype.hasOwnProperty.call(OTHER_OPERATIONS, op) ? OTHER_OPERATIONS[op] : undefined;
    if (!fn) throw new LogicError('LOGIC_UNKNOWN_OPERATOR', `'${op}' is not a JsonLogic operator CRM Flow can run.`);
    // Every operator here but merge, === and !== may read a list as text or a number: charged first.
    // Long texts are charged as read too, except by cat, which pays for the text it builds.
    const converts = op !== 'merge' && op !== '===' && op !== '!==';
    const readsText = converts && op !== 'cat';
    return (d) => {
      const values = new Array<unknown>(parts.length);
      for (let i = 0; i < parts.length; i++) {
        const v = ev(parts[i]!, d);
        if (typeof v === 'object' ? converts && v !== null : readsText && typeof v === 'string' && v.length > LONG_TEXT) chargeOperand(c, v);
        values[i] = v;
      }
      return fn(c, values);
    };
  }

  /**
   * `cat` of one to three parts without an argument list: each part that is
   * a list is charged for its conversion, the texts' lengths are summed and
   * checked before the text is built, and the text built is paid for.
   */
  private cat(args: unknown[]): Node {
    const c = this.c;
    const [p, q, r] = [0, 1, 2].map((i) => (i < args.length ? this.operand(args[i]) : constant(null))) as [Operand, Operand, Operand];
    return (d) => {
      const x = ev(p, d);
      if (typeof x === 'object' && x !== null) chargeOperand(c, x);
      const y = ev(q, d);
      if (typeof y === 'object' && y !== null) chargeOperand(c, y);
      const z = ev(r, d);
      if (typeof z === 'object' && z !== null) chargeOperand(c, z);
      return catJoin(c, x, y, z);
    };
  }

  private variable(args: unknown[]): Operand {
    const [nameArg] = args;
    if (nameArg === undefined || nameArg === null || nameArg === '') return computed((d) => d);
    if (typeof nameArg === 'string' || typeof nameArg === 'number') {
      const segments = String(nameArg).split('.');
      // A forbidden segment can never be found; checked here once, not on every read.
      if (segments.some((s) => FORBIDDEN_PATH_SEGMENTS.has(s))) return args.length > 1 ? this.operand(args[1]) : constant(null);
      if (this.onRecord && (segments[0] === 'current' || segments[0] === 'accumulator')) return this.recordRead(segments, args);
      if (args.length < 2) return path(segments, null, null);
      const dflt = this.operand(args[1]);
      return dflt.t === CONST ? path(segments, dflt.v, null) : path(segments, null, asNode(dflt));
    }
    const name = this.node(nameArg);
    const fallback = args.length > 1 ? this.node(args[1]) : undefined;
    const c = this.c;
    return computed((d) => {
      const n = name(d);
      if (n === undefined || n === null || n === '') return d;
      if (typeof n === 'object') chargeConversion(c, n);
      else if (typeof n === 'string' && n.length > CHARS_PER_STEP) chargeText(c, n.length);
      const v = readPath(d, String(n).split('.'));
      return v !== undefined ? v : fallback ? fallback(d) : null;
    });
  }

  /**
   * A `var` in reduce's per-item logic naming `current` or `accumulator`: the data there is the
   * record reduce built, so that member is read directly at read sites that only ever see that
   * record's shape (no lookup by name, no own-member check: both are its own); the rest of the path
   * is data, read like any path.
   */
  private recordRead(segments: string[], args: unknown[]): Operand {
    const current = segments[0] === 'current';
    const rest = segments.slice(1);
    const dflt = args.length > 1 ? this.operand(args[1]) : constant(null);
    const fallback = dflt.t === CONST ? null : asNode(dflt);
    const value = dflt.v;
    if (rest.length === 0) {
      return computed((d) => {
        const v = recordMember(d, current);
        return v !== undefined ? v : fallback === null ? value : fallback(d);
      });
    }
    return computed((d) => {
      const v = getPath(recordMember(d, current), rest);
      return v !== undefined ? v : fallback === null ? value : fallback(d);
    });
  }

  /**
   * Compiles the per-item logic of an iterating operator. Outside iterations
   * a rule runs each of its (by policy at most a few thousand) operations
   * once; inside, each item costs as many steps as the logic has operations,
   * charged against the budget before the item runs.
   */
  private scoped(rule: unknown, onRecord: boolean): { each: Node; weight: number } {
    const outer = this.onRecord;
    this.onRecord = onRecord;
    try {
      return { each: this.node(rule), weight: ruleWeight(rule) };
    } finally {
      this.onRecord = outer;
    }
  }

  private iterate(op: 'filter' | 'map' | 'all' | 'none' | 'some', args: unknown[]): Node {
    const c = this.c;
    const source = this.operand(args[0]);
    const { each, weight } = this.scoped(args[1], false);
    const pay = (list: unknown[]) => {
      c.steps += weight * list.length;
      if (c.steps > c.maxSteps) overSteps(c);
    };
    switch (op) {
      case 'map':
        return (d) => {
          const list = ev(source, d);
          if (!Array.isArray(list)) return [];
          pay(list);
          countItems(c, list.length);
          return list.map((item) => each(item));
        };
      case 'filter':
        return (d) => {
          const list = ev(source, d);
          if (!Array.isArray(list)) return [];
          pay(list);
          const out = list.filter((item) => yes(each(item)));
          countItems(c, out.length);
          return out;
        };
      case 'all':
        return (d) => {
          const list = ev(source, d);
          if (!Array.isArray(list) || list.length === 0) return false;
          pay(list);
          for (let i = 0; i < list.length; i++) if (!yes(each(list[i]))) return false;
          return true;
        };
      case 'none':
        return (d) => {
          const list = ev(source, d);
          if (!Array.isArray(list) || list.length === 0) return true;
          pay(list);
          for (let i = 0; i < list.length; i++) if (yes(each(list[i]))) return false;
          return true;
        };
      default:
        return (d) => {
          const list = ev(source, d);
          if (!Array.isArray(list) || list.length === 0) return false;
          pay(list);
          for (let i = 0; i < list.length; i++) if (yes(each(list[i]))) return true;
          return false;
        };
    }
  }

  private reduce(args: unknown[]): Node {
    const c = this.c;
    const source = this.operand(args[0]);
    const { each, weight } = this.scoped(args[1], true);
    const hasInitial = typeof args[2] !== 'undefined';
    const initial = this.operand(args[2]);
    // When the per-item logic only reads `current` and `accumulator`, one
    // {current, accumulator} record per reduce serves every item (it never
    // escapes); a closure is never re-entered while it runs, so it is not shared.
    const reuse = !mayReturnItsData(args[1]);
    return (d) => {
      const list = ev(source, d);
      const start = hasInitial ? ev(initial, d) : null;
      if (!Array.isArray(list)) return start;
      c.steps += weight * list.length;
      if (c.steps > c.maxSteps) overSteps(c);
      let acc = start;
      if (reuse) {
        const item = { current: undefined as unknown, accumulator: undefined as unknown };
        for (let i = 0; i < list.length; i++) {
          item.current = list[i];
          item.accumulator = acc;
          acc = each(item);
        }
        return acc;
      }
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
          const v = getPath(d, paths[i]!);
          if (v === undefined || v === null || v === '') (out ??= []).push(keys[i]!);
        }
        return out ?? [];
      };
    }
    const parts = args.map((a) => this.operand(a));
    return (d) => {
      const values = parts.map((p) => ev(p, d));
      const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
      return findMissing(d, keys, this.c);
    };
  }
}

/** A list built fresh on every evaluation from its parts. */
function listOf(items: Operand[]): Node {
  return (d) => {
    const out = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = ev(items[i]!, d);
    return out;
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
    // Only an empty name (null, undefined, '') means the data itself; a list that reads as '' (`[]`) is the key '' like any other text.
    let v = name === null || name === undefined || name === '' ? data : text.indexOf('.') === -1 ? readKey(data, text) : readPath(data, text.split('.'));
    if (v === undefined && Array.isArray(key) && key.length > 1) v = key[1];
    if (v === undefined || v === null || v === '') missing.push(key);
  }
  return missing;
}

/**
 * Reads a path the way json-logic-js's `var` does, except that JavaScript
 * internals (`__proto__`, `constructor`, `prototype`, inherited members)
 * read as "not found" instead of leaking.
 */
function readPath(data: unknown, segments: string[]): unknown {
  for (const s of segments) if (FORBIDDEN_PATH_SEGMENTS.has(s)) return undefined;
  return getPath(data, segments);
}

/** {@link readPath} for a one-segment path. */
function readKey(data: unknown, k: string): unknown {
  return FORBIDDEN_PATH_SEGMENTS.has(k) ? undefined : get(data, k);
}
