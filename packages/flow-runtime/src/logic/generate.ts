// Rules compiled ahead of time: the source text of an ES module with one
// JavaScript function per rule, written by `crm-flow compile-rules` (or
// `generateRulesModule`) when a host builds its app. Run through
// `precompiledRules` (./precompiled.ts), each rule is code of its own, so V8
// caches each rule's reads and operators apart, as json-logic-engine's
// `build` gets with `new Function`, but nothing is generated at run time: the
// module is bundled like any other code, so a Content-Security-Policy without
// 'unsafe-eval' allows it.
//
// The code does exactly what the closures of ./compile.ts do, part for part:
// `var` reads of a literal path, constants, the two-operand operators
// (charged as ./operand.ts charges them), `if`/`?:`, `and`/`or`, `!`/`!!`.
// Every other part (iterations, `missing`, `cat`, computed paths, lists
// built from operations, operators given other than two operands) is left to
// the closure the runtime compiles for it (`sub`), on the same counters.
import { ruleWeight } from './compile.js';
import { BINARY } from './operand.js';
import { FORBIDDEN_PATH_SEGMENTS } from './operators.js';

import { PRECOMPILED_FORMAT, ruleKey } from './precompiled-format.js';

const isOperation = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1;
const isConstant = (v: unknown): boolean => (Array.isArray(v) ? v.every(isConstant) : !isOperation(v));
const isScalar = (v: unknown): boolean => v === null || (typeof v !== 'object' && v !== undefined);
const argsOf = (raw: unknown): unknown[] => (Array.isArray(raw) ? raw : [raw]);

/**
 * Names JSON values have by inheritance (objects, lists, texts, numbers, booleans): reading one
 * always asks whether it is the value's own. Any other name can be inherited only if something was
 * planted on those prototypes under it, which the code checks on every read (`name in
 * Array.prototype`, …: V8 answers it from the prototypes' shapes without a lookup).
 */
const INHERITED = new Set<string>([
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Array.prototype),
  ...Object.getOwnPropertyNames(String.prototype),
  ...Object.getOwnPropertyNames(Number.prototype),
  ...Object.getOwnPropertyNames(Boolean.prototype),
]);

/** A value written in the code: scalars as literals, lists and objects parsed from their JSON (a `__proto__` key stays a member). */
function literal(v: unknown): string {
  // Numbers in brackets, so that `-x`, `x.indexOf` or `- -1` read as meant.
  if (typeof v === 'number') return `(${Object.is(v, -0) ? '-0' : String(v)})`;
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  return `JSON.parse(${JSON.stringify(JSON.stringify(v))})`;
}

/** What the closures make of an operand: a constant (with its value) or anything else. */
type Kind = { constant: true; value: unknown } | { constant: false };

function kindOf(rule: unknown): Kind {
  if (Array.isArray(rule)) return isConstant(rule) ? { constant: true, value: rule } : { constant: false };
  if (!isOperation(rule)) return { constant: true, value: rule };
  const op = Object.keys(rule)[0]!;
  if (op !== 'var') return { constant: false };
  const args = argsOf(rule[op]);
  const name = args[0];
  if (typeof name !== 'string' && typeof name !== 'number') return { constant: false };
  if (name === '' || !String(name).split('.').some((s) => FORBIDDEN_PATH_SEGMENTS.has(s))) return { constant: false };
  // A path that can never be found is its default.
  return args.length > 1 ? kindOf(args[1]) : { constant: true, value: null };
}

const OPS = ['==', '!=', '===', '!==', '>', '>=', '<', '<='];
const IN = BINARY.in!;
const STRICT = new Set([BINARY['===']!, BINARY['!==']!]);

/**
 * What a part of the rule reads as its data: the rule's data (`d`), an item of
 * map/filter/all/none/some (a variable), or the `{current, accumulator}`
 * record of reduce's per-item logic, kept as two variables (never built).
 */
type Scope = { data: string } | { current: string; accumulator: string };

/** Thrown when a part of reduce's per-item logic needs the record as an object: the whole reduce is left to its closure. */
class NeedsRecord {}

/** Writes one rule's function body. */
class Writer {
  private lines: string[] = [];
  private hoisted: string[] = [];
  private temps = 0;
  private scope: Scope = { data: 'd' };
  /** Whether any part was written as code (a rule made only of `sub` gains nothing). */
  coded = false;

  /** Root-scope paths read (segments), recorded on a first pass to find the prefixes worth reading once. */
  readonly reads: string[][] = [];
  /** Whether the rule does more than read data: then each evaluation resets the counters and turns errors into LogicErrors. */
  private charges = false;
  /** Temporaries known to hold a boolean (a comparison's result): tested as they are. */
  private readonly booleans = new Set<string>();

  /** JsonLogic truthiness of an expression, `yes(…)` unless it is known to be a boolean. */
  private truth(v: string): string {
    return this.booleans.has(v) ? v : `yes(${v})`;
  }

  /** Shared prefixes already read at the top. */
  private readonly ready = new Set<string>();

  /**
   * @param shared path prefixes read once at the top of each evaluation (joined with '.' → variable):
   * the data is JSON, so reading a member has no effect and gives the same value every time.
   */
  constructor(
    private readonly shared: ReadonlyMap<string, string> = new Map(),
    private readonly indent = '      ',
  ) {}

  private emit(line: string): void {
    this.lines.push(this.indent + line);
  }

  private temp(): string {
    return `v${this.temps++}`;
  }

  private hoist(code: string): string {
    const name = `k${this.hoisted.length}`;
    this.hoisted.push(`const ${name} = ${code};`);
    return name;
  }

  /** The factory's source: hoisted constants and closures, then the function run per evaluation. */
  factory(rule: unknown): string {
    // Shared prefixes first, shortest first, each from the longest shorter one.
    for (const [path, name] of this.shared) {
      this.readPath(path.split('.'));
      this.emit(`${name} = o;`);
      this.ready.add(name);
    }
    const result = this.value(rule);
    const temps = [...Array.from({ length: this.temps }, (_, i) => `v${i}`), ...this.shared.values()];
    return [
      '(h, c, sub) => {',
      '  const own = h.own, charge = h.charge, num = h.num, yes = h.yes, err = h.err;',
      ...this.hoisted.map((l) => `  ${l}`),
      '  return (d) => {',
      // A rule that only reads charges nothing and cannot fail on JSON data (as the closures' plain reads).
      ...(this.charges
        ? ['    c.steps = 0;', '    c.items = 0;', '    try {', `      let o${temps.length ? `, ${temps.join(', ')}` : ''};`, ...this.lines, `      return ${result};`, '    } catch (e) {', '      throw err(e);', '    }']
        : ['    {', `      let o${temps.length ? `, ${temps.join(', ')}` : ''};`, ...this.lines, `      return ${result};`, '    }']),
      '  };',
      '}',
    ].join('\n');
  }

  /** Writes the code that computes `rule` and returns the expression holding its value. */
  value(rule: unknown): string {
    const kind = kindOf(rule);
    if (kind.constant) {
      const v = kind.value;
      if (Array.isArray(v)) return this.hoist(`Object.freeze(${literal(v)})`);
      return isScalar(v) ? literal(v) : this.hoist(literal(v));
    }
    if (!isOperation(rule)) return this.sub(rule);
    const op = Object.keys(rule)[0]!;
    const args = argsOf(rule[op]);
    if (op === 'var') return this.variable(rule, args);
    if (args.length === 2 && Object.prototype.hasOwnProperty.call(BINARY, op)) return this.binary(BINARY[op]!, args[0], args[1]);
    switch (op) {
      case 'if':
      case '?:':
        return this.choose(args);
      case 'and':
      case 'or':
        return this.logical(op === 'or', args);
      case '!':
      case '!!': {
        const a = this.value(args[0]);
        this.coded = true;
        return op === '!' ? `!yes(${a})` : `yes(${a})`;
      }
      case 'cat':
        if (args.length >= 1 && args.length <= 3) return this.cat(args);
        return this.sub(rule);
      case 'reduce':
        return this.whole(rule, () => this.reduce(args));
      case 'map':
      case 'filter':
      case 'all':
      case 'none':
      case 'some':
        return this.whole(rule, () => this.iterate(op, args));
      default:
        return this.sub(rule);
    }
  }

  /** Writes `write()`, or, when a part of reduce's per-item logic needs the record as an object, leaves the whole part to its closure. */
  private whole(rule: unknown, write: () => string): string {
    const lines = this.lines.length;
    const hoisted = this.hoisted.length;
    try {
      return write();
    } catch (e) {
      if (!(e instanceof NeedsRecord)) throw e;
      this.lines.length = lines;
      this.hoisted.length = hoisted;
      return this.sub(rule);
    }
  }

  /** Writes per-item logic in a scope of its own; returns the expression of its value. */
  private inScope(scope: Scope, rule: unknown): string {
    const outer = this.scope;
    this.scope = scope;
    try {
      return this.value(rule);
    } finally {
      this.scope = outer;
    }
  }

  /** Charges `weight` steps per item of `list`, as the closures do before the first item runs. */
  private pay(list: string, rule: unknown): void {
    this.emit(`c.steps += ${ruleWeight(rule)} * ${list}.length;`);
    this.emit('if (c.steps > c.maxSteps) h.over(c);');
  }

  private reduce(args: unknown[]): string {
    this.coded = true;
    this.charges = true;
    const list = this.operand(args[0], kindOf(args[0]));
    const start = typeof args[2] !== 'undefined' ? this.operand(args[2], kindOf(args[2])) : 'null';
    const t = this.temp();
    const acc = this.temp();
    const cur = this.temp();
    const i = this.temp();
    this.emit(`if (!Array.isArray(${list})) ${t} = ${start};`);
    this.emit('else {');
    this.pay(list, args[1]);
    this.emit(`${acc} = ${start};`);
    this.emit(`for (${i} = 0; ${i} < ${list}.length; ${i}++) {`);
    this.emit(`${cur} = ${list}[${i}];`);
    const v = this.inScope({ current: cur, accumulator: acc }, args[1]);
    this.emit(`${acc} = ${v};`);
    this.emit('}');
    this.emit(`${t} = ${acc};`);
    this.emit('}');
    return t;
  }

  private iterate(op: string, args: unknown[]): string {
    this.coded = true;
    this.charges = true;
    const list = this.operand(args[0], kindOf(args[0]));
    const t = this.temp();
    const item = this.temp();
    const i = this.temp();
    const loop = (each: (v: string) => void) => {
      this.emit(`for (${i} = 0; ${i} < ${list}.length; ${i}++) {`);
      this.emit(`${item} = ${list}[${i}];`);
      each(this.inScope({ data: item }, args[1]));
      this.emit('}');
    };
    if (op === 'map' || op === 'filter') {
      this.emit(`if (!Array.isArray(${list})) ${t} = [];`);
      this.emit('else {');
      this.pay(list, args[1]);
      if (op === 'map') {
        this.emit(`h.items(c, ${list}.length);`);
        this.emit(`${t} = new Array(${list}.length);`);
        loop((v) => this.emit(`${t}[${i}] = ${v};`));
      } else {
        this.emit(`${t} = [];`);
        loop((v) => this.emit(`if (yes(${v})) ${t}.push(${item});`));
        this.emit(`h.items(c, ${t}.length);`);
      }
      this.emit('}');
      return t;
    }
    // all: false on an empty list, stops at the first item that fails; none and some: stop at the first that passes.
    const empty = op === 'none' ? 'true' : 'false';
    this.emit(`if (!Array.isArray(${list}) || ${list}.length === 0) ${t} = ${empty};`);
    this.emit('else {');
    this.pay(list, args[1]);
    this.emit(`${t} = ${op === 'all' ? 'true' : op === 'none' ? 'true' : 'false'};`);
    loop((v) => {
      if (op === 'all') this.emit(`if (!yes(${v})) { ${t} = false; break; }`);
      else if (op === 'none') this.emit(`if (yes(${v})) { ${t} = false; break; }`);
      else this.emit(`if (yes(${v})) { ${t} = true; break; }`);
    });
    this.emit('}');
    return t;
  }

  /** `cat` of one to three parts: each list or object charged for its conversion, then joined by the runtime's own join. */
  private cat(args: unknown[]): string {
    this.coded = true;
    this.charges = true;
    const parts = [0, 1, 2].map((i) => {
      if (i >= args.length) return 'null';
      const k = kindOf(args[i]);
      const v = this.operand(args[i], k);
      if (!k.constant || (typeof k.value === 'object' && k.value !== null)) this.emit(`if (typeof ${v} === 'object' && ${v} !== null) charge(c, ${v});`);
      return v;
    });
    const t = this.temp();
    this.emit(`${t} = h.cat(c, ${parts.join(', ')});`);
    return t;
  }

  /** The data the part being written reads; reduce's record has none as one object. */
  private data(): string {
    if (!('data' in this.scope)) throw new NeedsRecord();
    return this.scope.data;
  }

  /** A part left to the runtime's closure, compiled once with the rule. */
  private sub(rule: unknown): string {
    const data = this.data();
    this.charges = true;
    const node = this.hoist(`sub(${literal(rule)})`);
    const t = this.temp();
    this.emit(`${t} = ${node}(${data});`);
    return t;
  }

  private variable(rule: unknown, args: unknown[]): string {
    const name = args[0];
    if (name === undefined || name === null || name === '') {
      this.coded = true;
      return this.data();
    }
    if (typeof name !== 'string' && typeof name !== 'number') return this.sub(rule);
    const segments = String(name).split('.');
    // A path that can never be found is its default.
    if (segments.some((s) => FORBIDDEN_PATH_SEGMENTS.has(s))) return args.length > 1 ? this.value(args[1]) : 'null';
    this.coded = true;
    const t = this.temp();
    if ('data' in this.scope) {
      if (this.scope.data === 'd') this.reads.push(segments);
      this.readPath(segments, this.scope.data);
    } else if (segments[0] === 'current' || segments[0] === 'accumulator') {
      // reduce's record: its member, then the rest of the path as data.
      this.emit(`o = ${this.scope[segments[0]]};`);
      this.readSegments(segments.slice(1));
    } else {
      // The record has no other member of its own.
      this.emit('o = undefined;');
    }
    if (args.length < 2) {
      this.emit(`${t} = o === undefined ? null : o;`);
      return t;
    }
    const dflt = kindOf(args[1]);
    if (dflt.constant && isScalar(dflt.value)) {
      this.emit(`${t} = o === undefined ? ${literal(dflt.value)} : o;`);
      return t;
    }
    // A default that is a list, an object or an operation is evaluated only when the path is not found.
    this.emit(`if (o !== undefined) ${t} = o;`);
    this.emit('else {');
    const saved = this.lines.length;
    const v = this.value(args[1]);
    this.emit(`${t} = ${v};`);
    this.indentFrom(saved);
    this.emit('}');
    return t;
  }

  /** Reads a path of the rule's data into `o` (undefined when not found), from the longest shared prefix read already. */
  private readPath(segments: string[], data = 'd'): void {
    let from = 0;
    if (data === 'd') {
      for (let n = segments.length; n > 0; n--) {
        const name = this.shared.get(segments.slice(0, n).join('.'));
        if (name !== undefined && this.ready.has(name)) {
          this.emit(`o = ${name};`);
          from = n;
          break;
        }
      }
    }
    if (from === 0) this.emit(`o = ${data};`);
    this.readSegments(segments.slice(from));
  }

  /**
   * Reads members of `o` one by one, own members only. The data is JSON (plain objects, lists,
   * texts, numbers, booleans, as the engine always has it), so an inherited member can only come
   * from the prototypes of those: `hasOwnProperty` is asked for names they have and for anything
   * planted on them under the name read. (Asking `typeof o` on every read instead cost ~10 %.)
   */
  private readSegments(segments: string[]): void {
    for (const s of segments) {
      const k = JSON.stringify(s);
      const inherited = INHERITED.has(s)
        ? `!own.call(o, ${k})`
        : `(${k} in Array.prototype || ${k} in String.prototype || ${k} in Number.prototype || ${k} in Boolean.prototype) && !own.call(o, ${k})`;
      this.emit(`if (o === null || o === undefined || ${inherited}) o = undefined;`);
      this.emit(`else o = o[${k}];`);
    }
  }

  private indentFrom(from: number): void {
    for (let i = from; i < this.lines.length; i++) this.lines[i] = `  ${this.lines[i]}`;
  }

  private binary(op: number, left: unknown, right: unknown): string {
    this.coded = true;
    this.charges = true;
    const converts = !STRICT.has(op);
    // A list of scalars written in the rule is a constant shared by every evaluation, as in the closures.
    const kind = (v: unknown): Kind => (Array.isArray(v) && v.every(isScalar) ? { constant: true, value: v } : kindOf(v));
    const pays = (v: unknown, isRight: boolean): boolean => {
      const k = kind(v);
      return converts && (!k.constant || (typeof k.value === 'object' && k.value !== null && !(isRight && op === IN)));
    };
    const x = this.operand(left, kind(left));
    if (pays(left, false)) this.emit(`if (typeof ${x} === 'object' ? ${x} !== null : typeof ${x} === 'string' && ${x}.length > 64) charge(c, ${x});`);
    const y = this.operand(right, kind(right));
    if (pays(right, true)) this.emit(`if (typeof ${y} === 'object' ? ${y} !== null : typeof ${y} === 'string' && ${y}.length > 64) charge(c, ${y});`);
    const t = this.temp();
    let e: string;
    if (op < OPS.length) e = `${x} ${OPS[op]} ${y}`;
    else if (op === IN) e = `!!${y} && typeof ${y}.indexOf === 'function' && ${y}.indexOf(${x}) !== -1`;
    else if (op === BINARY['+']) e = `num(${x}) + num(${y})`;
    else if (op === BINARY['-']) e = `${y} === undefined ? -(${x}) : ${x} - ${y}`;
    else if (op === BINARY['*']) e = `num(${x}) * num(${y})`;
    else if (op === BINARY['/']) e = `${x} / ${y}`;
    else if (op === BINARY['%']) e = `${x} % ${y}`;
    else if (op === BINARY.max) e = `Math.max(${x}, ${y})`;
    else e = `Math.min(${x}, ${y})`;
    this.emit(`${t} = ${e};`);
    if (op <= IN) this.booleans.add(t);
    return t;
  }

  /** An operand read into a temporary of its own (a constant is written where it is used). */
  private operand(rule: unknown, kind: Kind): string {
    if (kind.constant) {
      const v = kind.value;
      if (Array.isArray(v)) return this.hoist(`Object.freeze(${literal(v)})`);
      return isScalar(v) ? literal(v) : this.hoist(literal(v));
    }
    const v = this.value(rule);
    if (/^v\d+$/.test(v)) return v;
    const t = this.temp();
    this.emit(`${t} = ${v};`);
    return t;
  }

  private choose(args: unknown[]): string {
    this.coded = true;
    const t = this.temp();
    const last = args.length - 1;
    let depth = 0;
    let i = 0;
    for (; i < last; i += 2) {
      const p = this.value(args[i]);
      this.emit(`if (${this.truth(p)}) {`);
      const from = this.lines.length;
      this.emit(`${t} = ${this.value(args[i + 1])};`);
      this.indentFrom(from);
      this.emit('} else {');
      // The rest runs only when this condition failed: written inside the else.
      depth++;
    }
    const tail = args.length === i + 1 ? this.value(args[i]) : 'null';
    this.emit(`${t} = ${tail};`);
    for (let j = 0; j < depth; j++) this.emit('}');
    return t;
  }

  private logical(stopOnTrue: boolean, args: unknown[]): string {
    this.coded = true;
    const t = this.temp();
    if (args.length === 0) {
      this.emit(`${t} = undefined;`);
      return t;
    }
    let depth = 0;
    args.forEach((a, i) => {
      const v = this.value(a);
      this.emit(`${t} = ${v};`);
      if (i < args.length - 1) {
        this.emit(`if (${stopOnTrue ? '!' : ''}${this.truth(v)}) {`);
        depth++;
      }
    });
    for (let j = 0; j < depth; j++) this.emit('}');
    return t;
  }
}

/** Options of {@link generateRulesModule}. */
export interface GenerateRulesOptions {
  /** The first comment line of the module (what it was written from). */
  header?: string;
  /** Written as a TypeScript file (`.ts`): the generated code is exempt from type checking. */
  typescript?: boolean;
}

/**
 * The source text of an ES module holding `rules` compiled ahead of time, for
 * `precompiledRules` (`@crm/flow-runtime/precompiled`). Rules given twice are
 * written once; rules that would gain nothing (constants, a part the closures
 * run anyway) are left out and run as usual.
 *
 * @example
 * const source = generateRulesModule(flows.flatMap(rulesOfFlow));
 * await writeFile('src/flow-rules.js', source);
 */
export function generateRulesModule(rules: Iterable<unknown>, options: GenerateRulesOptions = {}): string {
  const header = options.header ?? 'Rules of CRM flows compiled ahead of time by @crm/flow-runtime.';
  const entries = new Map<string, string>();
  for (const rule of rules) {
    if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) continue;
    const key = ruleKey(rule);
    if (entries.has(key)) continue;
    const first = new Writer();
    let code = first.factory(rule);
    if (!first.coded) continue;
    // Prefixes of the root-scope paths read more than once (`order` of `order.amount` and `order.paidAmount`).
    const counts = new Map<string, number>();
    for (const segments of first.reads) for (let n = 1; n <= segments.length; n++) {
      const p = segments.slice(0, n).join('.');
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    const shared = [...counts].filter(([, n]) => n > 1).map(([p]) => p).sort((a, b) => a.split('.').length - b.split('.').length);
    if (shared.length > 0) code = new Writer(new Map(shared.map((p, i) => [p, `p${i}`]))).factory(rule);
    entries.set(key, code);
  }
  const body = [...entries].map(([key, code]) => `    ${JSON.stringify(key)}: ${code.split('\n').join('\n    ')},`).join('\n');
  return [
    // As TypeScript the generated functions are left untyped: the module is checked by the tests that run it.
    '/* eslint-disable */',
    ...(options.typescript ? ['// @ts-nocheck'] : []),
    `// ${header.replace(/\n/g, ' ')}`,
    '// Generated code: rebuild it with `crm-flow compile-rules` when the flows change rather than edit it.',
    '// Rules not in it (flows changed since) run as usual, so a stale module is slower, never wrong.',
    `export default {`,
    `  format: ${PRECOMPILED_FORMAT},`,
    '  rules: {',
    body,
    '  },',
    '};',
    '',
  ].join('\n');
}
