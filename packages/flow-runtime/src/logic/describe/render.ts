import type { Catalog } from '../../schema/catalog.js';
import type { EnumOption, ItemField } from '../../schema/common.js';
import type { Flow } from '../../schema/flow.js';
import { collectVarUses } from '../vars.js';
import { itemLabel, labelSource, rootLabel, type DescribeLocale, type FieldLabel, type LabelSource } from './labels.js';
import { WORDS, type Words } from './words.js';

interface Scope {
  kind: 'item' | 'reduce';
  itemFields: ReadonlyArray<ItemField> | undefined;
  listPath: string;
}

interface Ctx {
  src: LabelSource;
  w: Words;
  /** Root paths whose label is shared with another path in the same rule: named with their record. */
  qualify: ReadonlySet<string>;
  scope: Scope | null;
  /** Defaults of `var`s seen so far (default text → labels), said once after the sentence. */
  defaults: Map<string, string[]>;
  /** The field a value goes to: its literals are written the way that field shows them. */
  result?: FieldLabel | undefined;
}

type Op = { op: string; args: unknown[] };

const COMPARISONS = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=']);
const BOOLEAN_OPS = new Set([...COMPARISONS, '!', '!!', 'and', 'or', 'in', 'some', 'all', 'none']);
const NUMERIC_OPS = new Set(['+', '-', '*', '/', '%', 'min', 'max']);
const FLIP: Record<string, '==' | '!=' | '>' | '>=' | '<' | '<='> = { '==': '==', '!=': '!=', '>': '<', '>=': '<=', '<': '>', '<=': '>=' };
const NEGATE: Record<string, '==' | '!=' | '>' | '>=' | '<' | '<='> = { '==': '!=', '!=': '==', '>': '<=', '>=': '<', '<': '>=', '<=': '>' };

/**
 * Renders a JsonLogic rule as a sentence a key user can read, with field
 * labels taken from the catalog's entity fields through the flow's data
 * schema. Shapes it has no phrase for are written as `operator(arguments)`
 * with readable arguments, never as raw JSON alone.
 *
 * @example
 * describe({ '>=': [{ var: 'customer.creditUsed' }, { '*': [0.9, { var: 'customer.creditLimit' }] }] }, catalog, 'en', flow)
 * // → 'credit used is at least 90% of the credit limit'
 * describe(sameRule, catalog, 'zh', flow)
 * // → '已用信用额度达到信用额度的90%'
 */
export function describe(rule: unknown, catalog?: Catalog, locale: DescribeLocale = 'en', flow?: Flow): string {
  const ctx = context(rule, catalog, locale, flow);
  return withDefaults(valueLike(rule) ? val(rule, ctx, 'subject') : cond(rule, ctx), ctx);
}

function context(rule: unknown, catalog: Catalog | undefined, locale: DescribeLocale, flow: Flow | undefined): Ctx {
  const src = labelSource(locale, catalog, flow);
  const qualify = sharedLabels(rule, src);
  for (const p of flowSharedLabels(src)) qualify.add(p);
  return { src, w: WORDS[locale], qualify, scope: null, defaults: new Map() };
}

/** Says the null-handling of the rule's fields once, after the sentence, instead of after every use. */
function withDefaults(text: string, c: Ctx): string {
  if (c.defaults.size === 0) return text;
  const parts = [...c.defaults].map(([d, labels]) => c.w.defaults(labels, d));
  return text + c.w.defaultsClause(parts);
}

const VALUE_OPS = new Set(['+', '-', '*', '/', '%', 'min', 'max', 'cat', 'substr', 'map', 'filter', 'reduce', 'merge']);

/** Whether a rule computes a value (hours, a total) rather than a yes/no. */
function valueLike(x: unknown): boolean {
  if (typeof x === 'number' || typeof x === 'string') return true;
  const o = asOp(x);
  if (!o) return false;
  if (VALUE_OPS.has(o.op)) return true;
  if (o.op === 'if' || o.op === '?:') return o.args.some((a, i) => (i % 2 === 1 || i === o.args.length - 1) && valueLike(a));
  return false;
}

/**
 * Renders a rule used as a value (an SLA's hours, an assignment) rather than
 * a condition. With `target` (the data path the value goes to), a literal is
 * written the way that field shows it (an enum's option name, a percent sign).
 */
export function describeValue(rule: unknown, catalog?: Catalog, locale: DescribeLocale = 'en', flow?: Flow, target?: string): string {
  const ctx = context(rule, catalog, locale, flow);
  if (target !== undefined) ctx.result = rootLabel(target, ctx.src);
  return withDefaults(val(rule, ctx, 'subject'), ctx);
}

/**
 * Renders a rule that gives a number of hours (an SLA, a timer) with its
 * unit on every result: `4 hours if urgent, otherwise 24 hours`,
 * `加急时为4小时，否则为24小时`.
 *
 * @example
 * describeHours({ if: [{ var: 'urgent' }, 4, 24] }, catalog, 'en', flow) // → '4 hours if urgent, otherwise 24 hours'
 */
export function describeHours(rule: unknown, catalog?: Catalog, locale: DescribeLocale = 'en', flow?: Flow): string {
  const ctx = context(rule, catalog, locale, flow);
  return withDefaults(hoursOf(rule, ctx), ctx);
}

function hoursOf(x: unknown, c: Ctx): string {
  const o = asOp(x);
  if (o && (o.op === 'if' || o.op === '?:') && o.args.length >= 2) {
    const args = o.args;
    const rest = args.length === 2 ? undefined : args.length === 3 ? hoursOf(args[2], c) : hoursOf({ if: args.slice(2) }, c);
    return c.w.valueIf(cond(args[0], { ...c, result: undefined }), hoursOf(args[1], c), rest, isIf(args[2]) || args.length > 3);
  }
  if (typeof x === 'number') return c.w.hours(fmtNumber(x), x === 1);
  return c.w.hours(val(x, c, 'object'), false);
}

const flowShared = new WeakMap<Flow, Partial<Record<DescribeLocale, Set<string>>>>();

/**
 * Data paths of the flow whose label another path of the flow shares (four
 * records with a "status"): these are always named with their record.
 */
function flowSharedLabels(src: LabelSource): Set<string> {
  const flow = src.flow;
  if (!flow) return new Set();
  const cached = flowShared.get(flow)?.[src.locale];
  if (cached) return cached;
  const byLabel = new Map<string, Set<string>>();
  const add = (path: string) => {
    const f = rootLabel(path, src);
    const set = byLabel.get(f.label) ?? new Set<string>();
    set.add(path);
    byLabel.set(f.label, set);
  };
  for (const [name, d] of Object.entries(flow.data)) {
    if (d.type === 'record' && d.entity) {
      const e = src.entities?.get(d.entity);
      for (const f of e?.fields ?? []) add(`${name}.${f.id}`);
    } else if (d.type !== 'record') add(name);
  }
  const out = new Set<string>();
  for (const paths of byLabel.values()) if (paths.size > 1) for (const p of paths) out.add(p);
  flowShared.set(flow, { ...flowShared.get(flow), [src.locale]: out });
  return out;
}

function sharedLabels(rule: unknown, src: LabelSource): Set<string> {
  const byLabel = new Map<string, Set<string>>();
  let uses: ReturnType<typeof collectVarUses>;
  try {
    uses = collectVarUses(rule);
  } catch {
    uses = [];
  }
  for (const u of uses) {
    if (u.scope.kind !== 'root' || u.path === '') continue;
    const l = rootLabel(u.path, src).label;
    const set = byLabel.get(l) ?? new Set<string>();
    set.add(u.path);
    byLabel.set(l, set);
  }
  const out = new Set<string>();
  for (const paths of byLabel.values()) if (paths.size > 1) for (const p of paths) out.add(p);
  return out;
}

function asOp(x: unknown): Op | null {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return null;
  const keys = Object.keys(x);
  if (keys.length !== 1) return null;
  const op = keys[0]!;
  const raw = (x as Record<string, unknown>)[op];
  return { op, args: Array.isArray(raw) ? raw : [raw] };
}

function isLiteral(x: unknown): x is string | number | boolean | null {
  return x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
}

function fmtNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** The label of a plain `var`, or undefined. */
function fieldOf(x: unknown, c: Ctx): FieldLabel | undefined {
  const o = asOp(x);
  if (!o || o.op !== 'var') return undefined;
  const name = o.args[0];
  if (typeof name !== 'string' && typeof name !== 'number') return undefined;
  const path = String(name);
  if (c.scope) {
    if (c.scope.kind === 'reduce') {
      if (path === 'current' || path === 'accumulator' || path === '') return { label: path === 'accumulator' ? c.w.accumulator : c.w.item };
      if (path.startsWith('current.')) return itemLabel(path.slice(8), c.scope.itemFields, c.scope.listPath, c.src);
      return { label: rootLabel(path, c.src).label };
    }
    if (path === '') return { label: c.w.item };
    return itemLabel(path, c.scope.itemFields, c.scope.listPath, c.src);
  }
  if (path === '') return { label: c.src.locale === 'zh' ? '全部数据' : 'all the data' };
  const f = rootLabel(path, c.src);
  if (c.qualify.has(path) && f.owner) return { ...f, label: c.w.clause(c.w.owned(f.owner, f.label)) };
  return { ...f, label: c.w.clause(f.label) };
}

function lit(v: unknown, field: FieldLabel | undefined, c: Ctx): string {
  if (v === null) return c.w.empty;
  if (typeof v === 'boolean') return v ? c.w.yes : c.w.no;
  if (typeof v === 'number') return fmtNumber(v) + (field?.type === 'percent' ? '%' : '');
  if (typeof v === 'string') {
    const option = field?.options?.find((o) => o.value === v);
    if (option) return optionName(option, c);
    if (field?.type === 'date' || field?.type === 'datetime') return v;
    const known = optionAnywhere(v, c);
    if (known) return optionName(known, c);
    return c.w.quote(v);
  }
  if (Array.isArray(v)) return c.w.list(v.map((x) => (isLiteral(x) ? lit(x, field, c) : val(x, c, 'object'))), 'and');
  return val(v, c, 'object');
}

function optionName(option: EnumOption, c: Ctx): string {
  return c.src.locale === 'zh' ? (option.name.zh ?? option.name.en) : /^[A-Z][a-z]/.test(option.name.en) ? option.name.en.toLowerCase() : option.name.en;
}

/**
 * An option with this value of some field the flow uses (or, without a flow,
 * of any catalog field): a bare `"awaiting-credit-check"` reads as its label,
 * never as the id. Fields of the flow's own records are tried first.
 */
function optionAnywhere(value: string, c: Ctx): EnumOption | undefined {
  const flow = c.src.flow;
  if (flow) {
    for (const d of Object.values(flow.data)) {
      const own = 'options' in d ? (d.options as ReadonlyArray<EnumOption> | undefined)?.find((x) => x.value === value) : undefined;
      if (own) return own;
    }
  }
  const entities = flow
    ? Object.values(flow.data).flatMap((d) => (d.type === 'record' && d.entity && c.src.entities?.get(d.entity) ? [c.src.entities.get(d.entity)!] : []))
    : [...(c.src.entities?.values() ?? [])];
  for (const e of entities) for (const f of e.fields) if ('options' in f && f.options) {
    const o = f.options.find((x) => x.value === value);
    if (o) return o;
  }
  return undefined;
}

/** A value next to a field: literals use the field's option names and units. */
function against(x: unknown, field: FieldLabel | undefined, c: Ctx): string {
  return isLiteral(x) ? lit(x, field, c) : val(x, c, 'object');
}

function val(x: unknown, c: Ctx, pos: 'subject' | 'object'): string {
  if (isLiteral(x) || Array.isArray(x)) return lit(x, c.result, c);
  const o = asOp(x);
  if (!o) return c.w.fn('?', []);
  const { op, args } = o;
  const w = c.w;
  switch (op) {
    case 'var': {
      const f = fieldOf(x, c);
      if (!f) return w.fn('var', args.map((a) => val(a, c, 'object')));
      const label = pos === 'object' ? w.the(f.label) : f.label;
      if (args.length > 1 && args[1] !== null) {
        const d = lit(args[1], f, c);
        const labels = c.defaults.get(d) ?? [];
        if (!labels.includes(f.label)) labels.push(f.label);
        c.defaults.set(d, labels);
      }
      return label;
    }
    case '*': {
      if (args.length === 2) {
        const k = typeof args[0] === 'number' ? 0 : typeof args[1] === 'number' ? 1 : -1;
        if (k >= 0) {
          const factor = args[k] as number;
          const other = val(args[1 - k], c, 'object');
          if (!Number.isInteger(factor) && factor > 0) return w.percentOf(fmtNumber(Math.round(factor * 100 * 1e6) / 1e6), other);
          return w.timesOf(fmtNumber(factor), other);
        }
      }
      return args.map((a) => operand(a, c, true)).join(' × ');
    }
    case '+':
      return args.length === 1 ? val(args[0], c, pos) : args.map((a) => operand(a, c, false)).join(' + ');
    case '-':
      return args.length === 1 ? `−${operand(args[0], c, true)}` : args.map((a) => operand(a, c, false)).join(' − ');
    case '/':
      return args.map((a) => operand(a, c, true)).join(' ÷ ');
    case '%':
      return w.remainder(val(args[0], c, 'object'), val(args[1], c, 'object'));
    case 'min':
      return w.smaller(args.map((a) => val(a, c, 'object')));
    case 'max':
      return w.larger(args.map((a) => val(a, c, 'object')));
    case 'cat':
      return w.joined(args.map((a) => val(a, c, 'object')));
    case 'substr':
      return w.part(val(args[0], c, 'object'), lit(args[1], undefined, c), args.length > 2 ? lit(args[2], undefined, c) : undefined);
    case 'if':
    case '?:':
      return valueIf(args, c);
    case 'merge':
      return w.merged(args.map((a) => val(a, c, 'object')));
    case 'map':
      return w.mapped(val(args[0], c, 'object'), val(args[1], inner(args[0], c, 'item'), 'object'));
    case 'filter':
      return w.filtered(val(args[0], c, 'object'), cond(args[1], inner(args[0], c, 'item')));
    case 'reduce': {
      // The common total: {"reduce": [list, {"+": [{"var": "accumulator"}, X]}, 0]}.
      const body = asOp(args[1]);
      if (body && body.op === '+' && body.args.length === 2 && args[2] === 0) {
        const acc = body.args.findIndex((a) => asOp(a)?.op === 'var' && asOp(a)?.args[0] === 'accumulator');
        if (acc >= 0) return w.sumOver(val(args[0], c, 'object'), val(body.args[1 - acc], inner(args[0], c, 'reduce'), 'object'));
      }
      return w.reduced(val(args[0], c, 'object'), val(args[1], inner(args[0], c, 'reduce'), 'object'), against(args[2], undefined, c));
    }
    default:
      if (BOOLEAN_OPS.has(op) || op === 'missing' || op === 'missing_some') return cond(x, c);
      return w.fn(op, args.map((a) => val(a, c, 'object')));
  }
}

function operand(x: unknown, c: Ctx, tight: boolean): string {
  const o = asOp(x);
  const s = val(x, c, 'object');
  return o && tight && (o.op === '+' || o.op === '-') && o.args.length > 1 ? c.w.group(s) : s;
}

function valueIf(args: unknown[], c: Ctx): string {
  if (args.length === 0) return c.w.empty;
  if (args.length === 1) return val(args[0], c, 'object');
  const rest = args.length === 2 ? undefined : args.length === 3 ? val(args[2], c, 'object') : valueIf(args.slice(2), c);
  return c.w.valueIf(cond(args[0], { ...c, result: undefined }), val(args[1], c, 'object'), rest, isIf(args[2]) || args.length > 3);
}

function isIf(x: unknown): boolean {
  const o = asOp(x);
  return o !== null && (o.op === 'if' || o.op === '?:') && o.args.length >= 2;
}

function inner(list: unknown, c: Ctx, kind: 'item' | 'reduce'): Ctx {
  const f = fieldOf(list, c);
  const o = asOp(list);
  const listPath = o && o.op === 'var' && typeof o.args[0] === 'string' ? o.args[0] : '';
  return { ...c, result: undefined, scope: { kind, itemFields: f?.itemFields, listPath } };
}

function cond(x: unknown, outer: Ctx): string {
  const c = outer.result ? { ...outer, result: undefined } : outer;
  const w = c.w;
  const o = asOp(x);
  if (!o) {
    const t = Array.isArray(x) ? x.length > 0 : Boolean(x);
    return c.src.locale === 'zh' ? (t ? '始终成立' : '永不成立') : t ? 'always' : 'never';
  }
  const { op, args } = o;
  switch (op) {
    case 'and':
    case 'or':
      return w.list(
        args.map((a) => {
          const s = cond(a, c);
          const ao = asOp(a);
          return ao && (ao.op === 'and' || ao.op === 'or') && ao.op !== op && ao.args.length > 1 ? w.group(s) : s;
        }),
        op,
      );
    case '!':
      return negate(args[0], c);
    case '!!':
      return truth(args[0], c);
    case '==':
    case '===':
    case '!=':
    case '!==':
    case '>':
    case '>=':
    case '<':
    case '<=':
      return comparison(op.length === 3 ? (op.slice(0, 2) as '==' | '!=') : (op as '==' | '!=' | '>' | '>=' | '<' | '<='), args, c);
    case 'in':
      return membership(args[0], args[1], c, false);
    case 'missing':
      return w.notFilled(missingLabels(args, c));
    case 'missing_some':
      return w.fewerFilled(lit(args[0], undefined, c), missingLabels(Array.isArray(args[1]) ? args[1] : [args[1]], c));
    case 'some':
    case 'all':
    case 'none':
      return w[op](val(args[0], c, 'object'), cond(args[1], inner(args[0], c, 'item')));
    case 'if':
    case '?:':
      return valueLike(x) ? val(x, c, 'subject') : ifCond(args, c);
    default:
      return truth(x, c);
  }
}

function ifCond(args: unknown[], c: Ctx): string {
  if (args.length === 0) return cond(false, c);
  if (args.length === 1) return cond(args[0], c);
  const rest = args.length === 2 ? undefined : args.length === 3 ? cond(args[2], c) : ifCond(args.slice(2), c);
  return c.w.ifThen(cond(args[0], c), cond(args[1], c), rest);
}

function missingLabels(args: unknown[], c: Ctx): string[] {
  const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return list.map((n) => (typeof n === 'string' ? (fieldOf({ var: n }, c)?.label ?? n) : val(n, c, 'object')));
}

/** A value used as a yes/no condition. */
function truth(x: unknown, c: Ctx): string {
  const o = asOp(x);
  if (!o) return cond(x, c);
  if (o.op === 'var') {
    const f = fieldOf(x, c);
    const label = val(x, c, 'subject');
    if (f?.type === 'boolean') return c.w.isTrue(label);
    if (f?.type && ['number', 'integer', 'money', 'percent'].includes(f.type)) return c.w.notZero(label);
    return c.w.filled(label);
  }
  if (BOOLEAN_OPS.has(o.op) || o.op === 'missing' || o.op === 'missing_some' || o.op === 'if' || o.op === '?:') return cond(x, c);
  if (NUMERIC_OPS.has(o.op)) return c.w.notZero(val(x, c, 'subject'));
  return c.w.filled(val(x, c, 'subject'));
}

function negate(x: unknown, c: Ctx): string {
  const o = asOp(x);
  if (!o) return cond(!(Array.isArray(x) ? x.length > 0 : Boolean(x)), c);
  const { op, args } = o;
  if (COMPARISONS.has(op) && !(args.length === 3)) {
    const base = op.length === 3 ? op.slice(0, 2) : op;
    return comparison(NEGATE[base]!, args, c);
  }
  if (op === 'in') return membership(args[0], args[1], c, true);
  if (op === '!') return truth(args[0], c);
  if (op === '!!') return negate(args[0], c);
  if (op === 'missing') return c.w.allFilled(missingLabels(args, c));
  // "Not (A or B)" reads better as "not A and not B".
  if (op === 'or' && args.length > 1) return c.w.list(args.map((a) => negate(a, c)), 'and');
  if (op === 'var') {
    const f = fieldOf(x, c);
    const label = val(x, c, 'subject');
    if (f?.type === 'boolean') return c.w.isFalse(label);
    if (f?.type && ['number', 'integer', 'money', 'percent'].includes(f.type)) return c.w.compare(label, c.w.cmp['=='], '0');
    return c.w.notFilled([label]);
  }
  return c.w.not(c.w.group(cond(x, c)));
}

function comparison(op: '==' | '!=' | '>' | '>=' | '<' | '<=', args: unknown[], c: Ctx): string {
  const w = c.w;
  if (args.length === 3 && (op === '<' || op === '<=')) {
    const f = fieldOf(args[1], c);
    if (f?.type === 'date' || f?.type === 'datetime') return w.betweenDates(val(args[1], c, 'subject'), against(args[0], f, c), against(args[2], f, c), op === '<=');
    return w.between(val(args[1], c, 'subject'), against(args[0], f, c), against(args[2], f, c), op === '<=');
  }
  let [a, b] = args;
  // Put the field first: "amount is more than 1,000", not "1,000 is less than amount".
  if (isLiteral(a) && !isLiteral(b)) {
    [a, b] = [b, a];
    op = FLIP[op]!;
  }
  const f = fieldOf(a, c);
  const subject = val(a, c, 'subject');
  if ((op === '==' || op === '!=') && f?.type === 'boolean' && typeof b === 'boolean') {
    return b === (op === '==') ? w.isTrue(subject) : w.isFalse(subject);
  }
  if ((op === '==' || op === '!=') && b === null) return op === '==' ? w.notFilled([subject]) : w.filled(subject);
  const isDate = (x: FieldLabel | undefined) => x?.type === 'date' || x?.type === 'datetime';
  if (op !== '==' && op !== '!=' && (isDate(f) || isDate(fieldOf(b, c)))) return w.compare(subject, w.cmpDate[op], against(b, f, c));
  return w.compare(subject, w.cmp[op], against(b, f, c));
}

function membership(needle: unknown, hay: unknown, c: Ctx, negated: boolean): string {
  if (Array.isArray(hay)) {
    const f = fieldOf(needle, c);
    const values = hay.map((v) => against(v, f, c));
    return negated ? c.w.noneOf(val(needle, c, 'subject'), values) : c.w.oneOf(val(needle, c, 'subject'), values);
  }
  const s = c.w.contains(val(hay, c, 'subject'), against(needle, undefined, c));
  return negated ? c.w.not(c.w.group(s)) : s;
}
