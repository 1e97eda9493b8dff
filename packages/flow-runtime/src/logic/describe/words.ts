import type { DescribeLocale } from './labels.js';

/** The phrases {@link describe} builds sentences from, per language. */
export interface Words {
  cmp: Record<'==' | '!=' | '>' | '>=' | '<' | '<=', string>;
  /** Comparison words for dates: before / after. */
  cmpDate: Record<'>' | '>=' | '<' | '<=', string>;
  betweenDates(subject: string, lo: string, hi: string, inclusive: boolean): string;
  /** A number of hours (`4 hours`, `4小时`). */
  hours(n: string, one: boolean): string;
  /** Fields' null-handling, said once: `an empty amount paid counts as 0`. */
  defaults(labels: string[], dflt: string): string;
  /** Appends the null-handling parts to a sentence. */
  defaultsClause(parts: string[]): string;
  /** A label that reads as a clause ("If credit is not enough") made usable as a subject. */
  clause(label: string): string;
  /** Joins a subject, a comparison word and an object. */
  compare(subject: string, word: string, object: string): string;
  list(items: string[], conj: 'and' | 'or'): string;
  group(s: string): string;
  not(s: string): string;
  the(label: string): string;
  percentOf(pct: string, of: string): string;
  timesOf(k: string, of: string): string;
  yes: string;
  no: string;
  empty: string;
  quote(s: string): string;
  isTrue(label: string): string;
  isFalse(label: string): string;
  filled(label: string): string;
  notFilled(labels: string[]): string;
  allFilled(labels: string[]): string;
  fewerFilled(n: string, labels: string[]): string;
  notZero(v: string): string;
  oneOf(subject: string, values: string[]): string;
  noneOf(subject: string, values: string[]): string;
  contains(haystack: string, needle: string): string;
  between(subject: string, lo: string, hi: string, inclusive: boolean): string;
  ifThen(cond: string, then: string, otherwise?: string): string;
  /** `chained` when `otherwise` is itself a conditional value. */
  valueIf(cond: string, then: string, otherwise?: string, chained?: boolean): string;
  some(list: string, cond: string): string;
  all(list: string, cond: string): string;
  none(list: string, cond: string): string;
  item: string;
  accumulator: string;
  owned(owner: string, label: string): string;
  smaller(items: string[]): string;
  larger(items: string[]): string;
  remainder(a: string, b: string): string;
  joined(items: string[]): string;
  part(s: string, start: string, len?: string): string;
  mapped(list: string, expr: string): string;
  filtered(list: string, cond: string): string;
  reduced(list: string, expr: string, initial: string): string;
  sumOver(list: string, expr: string): string;
  merged(items: string[]): string;
  fn(op: string, args: string[]): string;
}

function enList(items: string[], conj: string): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} ${conj} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

function zhList(items: string[], conj: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}${conj}${items[items.length - 1]}`;
}

/** A record's name without its explanation: “Accepted quote (when the order comes from a quotation)” → “Accepted quote”. */
function plainOwner(owner: string): string {
  return owner.replace(/\s*[（(][^）)]*[）)]\s*/g, ' ').trim() || owner;
}

/** Whole days for 48 hours or more in whole days (720 → 30), else undefined. */
function days(n: string): number | undefined {
  const h = Number(n.replace(/,/g, ''));
  return /^[\d,]+$/.test(n) && h >= 48 && h % 24 === 0 ? h / 24 : undefined;
}

const en: Words = {
  cmp: { '==': 'is', '!=': 'is not', '>': 'is more than', '>=': 'is at least', '<': 'is less than', '<=': 'is at most' },
  cmpDate: { '>': 'is after', '>=': 'is on or after', '<': 'is before', '<=': 'is on or before' },
  betweenDates: (s, lo, hi, inc) => (inc ? `${s} is from ${lo} to ${hi}` : `${s} is after ${lo} and before ${hi}`),
  hours: (n, one) => (days(n) ? `${days(n)} days` : `${n} ${one ? 'hour' : 'hours'}`),
  defaults: (ls, d) => `an empty ${enList(ls.map((l) => l.replace(/^the /, '')), 'or')} as ${d}`,
  defaultsClause: (parts) => `, counting ${enList(parts, 'and')}`,
  clause: (l) => (/^(if|when|whether|unless)\b/i.test(l) || l.endsWith('?') ? `the answer to “${l.replace(/^the /, '')}”` : l),
  compare: (s, w, o) => `${s} ${w} ${o}`,
  list: (items, conj) => enList(items, conj),
  group: (s) => `(${s})`,
  not: (s) => `not ${s}`,
  the: (l) => (l.startsWith('the ') ? l : `the ${l}`),
  percentOf: (p, of) => `${p}% of ${of}`,
  timesOf: (k, of) => `${k} times ${of}`,
  yes: 'yes',
  no: 'no',
  empty: 'empty',
  quote: (s) => `“${s}”`,
  isTrue: (l) => l,
  isFalse: (l) => `not ${l}`,
  filled: (l) => `${l} is filled in`,
  notFilled: (ls) => `${enList(ls, 'or')} is not filled in`,
  allFilled: (ls) => `${enList(ls, 'and')} ${ls.length > 1 ? 'are' : 'is'} filled in`,
  fewerFilled: (n, ls) => `fewer than ${n} of ${enList(ls, 'and')} are filled in`,
  notZero: (v) => `${v} is not zero`,
  oneOf: (s, vs) => (vs.length === 1 ? `${s} is ${vs[0]}` : vs.length === 2 ? `${s} is ${vs[0]} or ${vs[1]}` : `${s} is one of ${enList(vs, 'or')}`),
  noneOf: (s, vs) => (vs.length === 1 ? `${s} is not ${vs[0]}` : `${s} is neither ${enList(vs, 'nor')}`),
  contains: (h, n) => `${h} contains ${n}`,
  between: (s, lo, hi, inc) => (inc ? `${s} is between ${lo} and ${hi}` : `${s} is more than ${lo} and less than ${hi}`),
  ifThen: (c, t, o) => (o === undefined ? `if ${c}, ${t}` : `if ${c}, ${t}; otherwise ${o}`),
  valueIf: (c, t, o) => (o === undefined ? `${t} if ${c}` : `${t} if ${c}, otherwise ${o}`),
  some: (l, c) => `for at least one of ${l}, ${c}`,
  all: (l, c) => `for every one of ${l}, ${c}`,
  none: (l, c) => `for none of ${l}, ${c}`,
  item: 'the item',
  accumulator: 'the running result',
  owned: (owner, l) => {
    const o = plainOwner(owner);
    return l.toLowerCase().startsWith(`${o.toLowerCase()} `) ? `the ${l}` : `the ${o}${o.endsWith('s') ? '’' : '’s'} ${l}`;
  },
  smaller: (xs) => `the smaller of ${enList(xs, 'and')}`,
  larger: (xs) => `the larger of ${enList(xs, 'and')}`,
  remainder: (a, b) => `the remainder of ${a} divided by ${b}`,
  joined: (xs) => `${enList(xs, 'and')} joined together`,
  part: (s, st, len) => (len === undefined ? `${s} from position ${st}` : `${len} characters of ${s} from position ${st}`),
  mapped: (l, e) => `${l}, each turned into ${e}`,
  filtered: (l, c) => `those of ${l} where ${c}`,
  reduced: (l, e, i) => `${l} combined by ${e}, starting from ${i}`,
  sumOver: (l, e) => `the total of ${e} over ${l}`,
  merged: (xs) => `${enList(xs, 'and')} together`,
  fn: (op, args) => `${op}(${args.join(', ')})`,
};

const zh: Words = {
  cmp: { '==': '为', '!=': '不为', '>': '超过', '>=': '达到', '<': '低于', '<=': '不超过' },
  cmpDate: { '>': '晚于', '>=': '不早于', '<': '早于', '<=': '不晚于' },
  betweenDates: (s, lo, hi, inc) => (inc ? `${s}在${lo}至${hi}之间` : `${s}晚于${lo}且早于${hi}`),
  hours: (n) => (days(n) ? `${days(n)}天` : `${n}小时`),
  defaults: (ls, d) => `${zhList(ls, '、')}为空时按${d}计`,
  defaultsClause: (parts) => `（${parts.join('；')}）`,
  clause: (l) => (/^(如果|若|是否)/.test(l) || /[?？]$/.test(l) ? `“${l}”` : l),
  compare: (s, w, o) => `${s}${w}${o}`,
  list: (items, conj) => zhList(items, conj === 'and' ? '且' : '或'),
  group: (s) => `（${s}）`,
  not: (s) => `并非${s}`,
  the: (l) => l,
  percentOf: (p, of) => `${of}的${p}%`,
  timesOf: (k, of) => `${of}的${k}倍`,
  yes: '是',
  no: '否',
  empty: '空',
  quote: (s) => `“${s}”`,
  isTrue: (l) => `${l}为“是”`,
  isFalse: (l) => `${l}为“否”`,
  filled: (l) => `${l}已填写`,
  notFilled: (ls) => `${zhList(ls, '或')}未填写`,
  allFilled: (ls) => `${zhList(ls, '和')}均已填写`,
  fewerFilled: (n, ls) => `${zhList(ls, '、')}中已填写的少于${n}项`,
  notZero: (v) => `${v}不为零`,
  oneOf: (s, vs) => `${s}为${zhList(vs, '或')}`,
  noneOf: (s, vs) => `${s}不为${zhList(vs, '或')}`,
  contains: (h, n) => `${h}包含${n}`,
  between: (s, lo, hi, inc) => (inc ? `${s}在${lo}到${hi}之间` : `${s}大于${lo}且小于${hi}`),
  ifThen: (c, t, o) => (o === undefined ? `如果${c}，则${t}` : `如果${c}，则${t}；否则${o}`),
  valueIf: (c, t, o, chained) => (o === undefined ? `${c}时为${t}` : `${c}时为${t}，否则${chained ? '' : '为'}${o}`),
  some: (l, c) => `${l}中至少有一项${c}`,
  all: (l, c) => `${l}中每一项都${c}`,
  none: (l, c) => `${l}中没有一项${c}`,
  item: '该项',
  accumulator: '累计结果',
  owned: (owner, l) => {
    const o = plainOwner(owner);
    return l.startsWith(o) ? l : `${o}${l}`;
  },
  smaller: (xs) => `${zhList(xs, '和')}中较小者`,
  larger: (xs) => `${zhList(xs, '和')}中较大者`,
  remainder: (a, b) => `${a}除以${b}的余数`,
  joined: (xs) => `${zhList(xs, '与')}连接而成的文本`,
  part: (s, st, len) => (len === undefined ? `${s}从第${st}位起的部分` : `${s}从第${st}位起的${len}个字符`),
  mapped: (l, e) => `${l}中每一项换算为${e}`,
  filtered: (l, c) => `${l}中满足${c}的项`,
  reduced: (l, e, i) => `${l}按${e}累计（初值${i}）`,
  sumOver: (l, e) => `${l}中${e}的合计`,
  merged: (xs) => `${zhList(xs, '与')}合并`,
  fn: (op, args) => `${op}（${args.join('，')}）`,
};

export const WORDS: Record<DescribeLocale, Words> = { en, zh };
