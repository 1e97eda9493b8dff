/**
 * How much work a catalog pattern can cost on a text that does not match.
 *
 * A backtracking regex engine (every JavaScript engine) tries each way a
 * pattern can split a text before it fails. When two repeated parts can
 * match the same characters (`\d*\d*`, `[a-z]+[a-z0-9]+`, `.*=.*`), a text of
 * n such characters can be split about n ways between them, three such parts
 * about n² ways each tried to the end: checking costs about n^k steps for a
 * chain of k such parts. This module reads the pattern (a real parse of the
 * `u`-flag syntax: groups, classes, escapes, quantifiers, look-arounds) and
 * finds the longest chain of repeated parts that can share characters, with
 * the parts between them able to match those characters too (or nothing).
 * Character sets are exact for classes, `.`, `\d`, `\w`, `\s` and `\p{…}`
 * (as this JavaScript engine has it), and a repeated group counts as every
 * character it holds, so the degree found is never lower than the real one.
 *
 * The check is the catalog's (`validate`, FLOW_E040) and the root engine's
 * (a value longer than {@link patternSafeLength} is refused before the pattern
 * runs); the small `/engine` entry runs validated catalogs and does not carry it.
 */

/**
 * The steps a pattern check may take on one value: about 10 ms on a 2-core
 * machine where `\d*\d*x` (n² steps) takes 86 ms on 10,000 characters
 * (bench/pattern-cost.ts measures it).
 */
export const PATTERN_STEP_BUDGET = 10_000_000;

/** Code point ranges, sorted and disjoint, as [from, to, from, to, …] (inclusive). */
type Ranges = readonly number[];

type Node =
  | { t: 'set'; s: Ranges; ref?: true }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; body: Node; min: number; max: number; src: string }
  | { t: 'look'; body: Node };

const MAX = 0x10ffff;
const ANY: Ranges = [0, MAX];
const DIGIT: Ranges = [48, 57];
const WORD: Ranges = [48, 57, 65, 90, 95, 95, 97, 122];
const SPACE: Ranges = [9, 13, 32, 32, 160, 160, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff];
const EMPTY: Node = { t: 'seq', items: [] };

/** Both sets: what neither leaves out (ranges sorted and disjoint in, the same out). */
const union = (a: Ranges, b: Ranges): Ranges => negate(intersect(negate(a), negate(b)));

function negate(a: Ranges): Ranges {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i]! > next) out.push(next, a[i]! - 1);
    next = a[i + 1]! + 1;
  }
  if (next <= MAX) out.push(next, MAX);
  return out;
}

function intersect(a: Ranges, b: Ranges): Ranges {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const lo = Math.max(a[i]!, b[j]!);
    const hi = Math.min(a[i + 1]!, b[j + 1]!);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

const meets = (a: Ranges, b: Ranges) => intersect(a, b).length > 0;

/** The sets of the `\p{…}` / `\P{…}` escapes read so far, by escape. */
const PROPERTIES = new Map<string, Ranges>();

/**
 * The characters a `\p{…}` or `\P{…}` escape matches, exactly as this
 * JavaScript engine has them: every character tried (20-50 ms, once per escape).
 */
function property(src: string): Ranges {
  let r = PROPERTIES.get(src);
  if (!r) {
    const one = new RegExp(`^${src}$`, 'u');
    const out: number[] = [];
    for (let c = 0, was = false; c <= MAX + 1; c++) {
      const is = c <= MAX && one.test(String.fromCodePoint(c));
      if (is !== was) out.push(is ? c : c - 1);
      was = is;
    }
    PROPERTIES.set(src, (r = out));
  }
  return r;
}

const CLASS_ESCAPES: Record<string, Ranges> = { d: DIGIT, D: negate(DIGIT), w: WORD, W: negate(WORD), s: SPACE, S: negate(SPACE) };
const CONTROL: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };

type Seq = Extract<Node, { t: 'seq' }>;

/**
 * Alternatives, those that begin with the same single character set read as
 * that set followed by the choice of their rests (`ab|ac` as `a(?:b|c)`): a
 * text has as many ways to match either way, and the choice is then made on
 * the characters that differ.
 */
function choice(alts: Seq[]): Node {
  const groups = new Map<unknown, Seq[]>();
  for (const a of alts) {
    const f = a.items[0];
    const key = f?.t === 'set' && !f.ref ? f.s.join() : a;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const out = [...groups.values()].map((g): Node => (g.length > 1 ? { t: 'seq', items: [g[0]!.items[0]!, choice(g.map((a) => ({ t: 'seq', items: a.items.slice(1) })))] } : g[0]!));
  return out.length === 1 ? out[0]! : { t: 'alt', alts: out };
}

/** Reads a pattern that compiles with the `u` flag into a tree. */
function parse(p: string): Node {
  let i = 0;
  /** Inside a modifier group (`(?i:…)`, `(?s:…)`): sets are not exact there, so each counts as any character. */
  let wide = 0;
  const w = (s: Ranges): Ranges => (wide ? ANY : s);
  const alternatives = (): Node => {
    const alts = [sequence()];
    while (p[i] === '|') {
      i++;
      alts.push(sequence());
    }
    return choice(alts as Seq[]);
  };
  const sequence = (): Seq => {
    const items: Node[] = [];
    while (i < p.length && p[i] !== '|' && p[i] !== ')') {
      const from = i;
      const a = atom();
      const q = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(p.slice(i, i + 40));
      if (q) {
        i += q[0].length;
        const min = q[1] ? (q[1] === '+' ? 1 : 0) : Number(q[2]);
        const max = q[1] ? (q[1] === '?' ? 1 : Infinity) : q[3] === undefined ? min : q[4] === '' ? Infinity : Number(q[4]);
        items.push({ t: 'rep', body: a, min, max, src: p.slice(from, i) });
      } else items.push(a);
    }
    return { t: 'seq', items };
  };
  /** One character (code point) of an escape or literal, or a class escape's set. */
  const escape = (inClass: boolean): Ranges | 'boundary' | 'ref' => {
    const c = p[i + 1]!;
    i += 2;
    if (CLASS_ESCAPES[c]) return CLASS_ESCAPES[c]!;
    if (c === 'p' || c === 'P') {
      const from = i - 2;
      i = p.indexOf('}', i) + 1;
      return property(p.slice(from, i));
    }
    if (c === 'b' || c === 'B') return inClass ? [8, 8] : 'boundary';
    if (/[1-9]/.test(c) || (c === 'k' && !inClass)) {
      if (c === 'k') i = p.indexOf('>', i) + 1;
      else while (/\d/.test(p[i] ?? '')) i++;
      return 'ref';
    }
    let code: number;
    if (c === 'u' && p[i] === '{') {
      const end = p.indexOf('}', i);
      code = parseInt(p.slice(i + 1, end), 16);
      i = end + 1;
    } else if (c === 'u') {
      code = parseInt(p.slice(i, i + 4), 16);
      i += 4;
      // A surrogate pair written as two escapes is one character.
      if (code >= 0xd800 && code <= 0xdbff && p.startsWith('\\u', i)) {
        const low = parseInt(p.slice(i + 2, i + 6), 16);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i += 6;
        }
      }
    } else if (c === 'x') {
      code = parseInt(p.slice(i, i + 2), 16);
      i += 2;
    } else if (c === 'c') {
      code = p.charCodeAt(i++) % 32;
    } else code = CONTROL[c] ?? c.codePointAt(0)!;
    return [code, code];
  };
  const literal = (): Ranges => {
    const code = p.codePointAt(i)!;
    i += code > 0xffff ? 2 : 1;
    return [code, code];
  };
  const charClass = (): Ranges => {
    i++;
    const negated = p[i] === '^';
    if (negated) i++;
    let set: Ranges = [];
    while (i < p.length && p[i] !== ']') {
      const from = p[i] === '\\' ? escape(true) : literal();
      if (typeof from === 'string') continue;
      if (p[i] === '-' && p[i + 1] !== ']' && i + 1 < p.length && from.length === 2 && from[0] === from[1]) {
        i++;
        const to = p[i] === '\\' ? escape(true) : literal();
        set = union(set, typeof to === 'string' ? from : [from[0]!, Math.max(from[0]!, to[to.length - 1]!)]);
      } else set = union(set, from);
    }
    i++;
    return negated ? negate(set) : set;
  };
  const atom = (): Node => {
    const c = p[i]!;
    if (c === '(') {
      const mark = /^\((?:\?(?:(=|!|<=|<!)|:|<[^>=!]*>|([a-z]*-?[a-z]*):))?/.exec(p.slice(i))!;
      i += mark[0].length;
      if (mark[2]) wide++;
      const body = alternatives();
      if (mark[2]) wide--;
      i++;
      return mark[1] ? { t: 'look', body } : body;
    }
    if (c === '[') return { t: 'set', s: w(charClass()) };
    if (c === '.') {
      i++;
      return { t: 'set', s: w(negate([10, 10, 13, 13, 0x2028, 0x2029])) };
    }
    if (c === '^' || c === '$') {
      i++;
      return EMPTY;
    }
    if (c === '\\') {
      const e = escape(false);
      // A back reference can match any text; the catalog check refuses it anyway (exponential).
      return e === 'boundary' ? EMPTY : e === 'ref' ? { t: 'set', s: ANY, ref: true } : { t: 'set', s: w(e) };
    }
    return { t: 'set', s: w(literal()) };
  };
  return alternatives();
}

/** Every character a part can match. */
function chars(n: Node): Ranges {
  switch (n.t) {
    case 'set':
      return n.s;
    case 'seq':
      return n.items.reduce<Ranges>((s, x) => union(s, chars(x)), []);
    case 'alt':
      return n.alts.reduce<Ranges>((s, x) => union(s, chars(x)), []);
    case 'rep':
      return chars(n.body);
    case 'look':
      return [];
  }
}

/**
 * A chain of repeated parts that a text can still extend: how long it is, the
 * characters its last part repeats, the sets of the single characters read
 * since then (each must be able to be one of the shared characters), and the
 * parts' sources.
 */
interface Chain {
  k: number;
  c: Ranges;
  /** The characters the last part's match can end with. */
  e: Ranges;
  since: Ranges[];
  parts: string[];
}

/** Chains followed at once before they are merged into one that stands for them all (never shorter, never less connected). */
const MAX_CHAINS = 64;
/** Characters read since a repeated part that are remembered; more only make a link less likely, so they are let go. */
const MAX_SINCE = 16;
/** A bounded quantifier with at least this many choices (`{0,40}`) counts as repeated, like `*`. */
const REPEATS = 32;

/** The cost of a pattern: k, for about n^k steps on a text of n characters (1: linear), and the repeated parts of the worst chain. */
export interface PatternCost {
  degree: number;
  parts: string[];
}

/**
 * The degree of the polynomial a pattern's backtracking can cost on a text of
 * n characters that does not match the whole of it (anchored), and the
 * repeated parts that cause it. Call it on a pattern that compiles with the
 * `u` flag; exponential patterns (nested repetition) are for the catalog's
 * other check and get a degree here as if their repetitions were side by side.
 *
 * @example
 * patternCost('\\d*\\d*\\d*x') // { degree: 3, parts: ['\\d*', '\\d*', '\\d*'] }
 * patternCost('^[^@\\s]+@[^@\\s]+$').degree // 1
 */
export function patternCost(pattern: string): PatternCost {
  let worst: PatternCost = { degree: 0, parts: [] };
  const merge = (chains: Chain[]): Chain[] => {
    if (chains.length <= MAX_CHAINS) return chains;
    const top = chains.reduce((a, b) => (b.k > a.k ? b : a));
    const c = chains.reduce<Ranges>((s, x) => union(s, x.c), []);
    return [{ k: top.k, c, e: c, since: [], parts: top.parts }];
  };
  const walk = (n: Node, chains: Chain[]): Chain[] => {
    switch (n.t) {
      case 'set':
        return chains.filter((ch) => meets(ch.c, n.s)).map((ch) => (ch.since.length < MAX_SINCE ? { ...ch, since: [...ch.since, n.s] } : ch));
      case 'seq':
        return n.items.reduce((cs, x) => walk(x, cs), chains);
      case 'alt':
        return merge(n.alts.flatMap((a) => walk(a, chains)));
      case 'look':
        // A look-around reads ahead (or back) without moving on; run at every place the text is split,
        // its own repeated parts add to the chains before it.
        walk(n.body, chains);
        return chains;
      case 'rep': {
        if (n.max === Infinity || n.max - n.min >= REPEATS) {
          const c = chars(n.body);
          const f = edge(n.body);
          let best: Chain | undefined;
          for (const ch of chains) {
            const shared = intersect(ch.c, c);
            // Two splits of a text between the parts differ in a character one part ends with and the other
            // takes (or one read between them): a group such as (-\d+)* starts only with '-'.
            const between = ch.since.length < MAX_SINCE ? ch.since.reduce(union, []) : ANY;
            if (shared.length && ch.since.every((s) => meets(s, shared)) && meets(ch.e, union(c, between)) && meets(f, union(ch.c, between)) && (!best || ch.k > best.k)) best = ch;
          }
          const chain: Chain = { k: (best?.k ?? 0) + 1, c, e: edge(n.body, true), since: [], parts: [...(best?.parts ?? []), n.src] };
          if (chain.k > worst.degree) worst = { degree: chain.k, parts: chain.parts };
          // Through the part: at least once (its characters read), or not at all.
          const through = n.min >= 1 ? walk(n.body, chains) : chains;
          return merge([...through, chain]);
        }
        // A fixed or small count: read the body as often as it must be (twice at most: the links are the same).
        let cs = chains;
        for (let r = 0; r < Math.min(Math.max(n.max, 1), 2); r++) cs = walk(n.body, cs);
        return merge(n.min === 0 ? [...chains, ...cs] : cs);
      }
    }
  };
  walk(parse(pattern), []);
  return worst;
}

/** The longest text on which a pattern of this degree stays within {@link PATTERN_STEP_BUDGET}. */
export function safeLengthFor(degree: number): number {
  if (degree <= 1) return Infinity;
  let n = Math.floor(PATTERN_STEP_BUDGET ** (1 / degree));
  while ((n + 1) ** degree <= PATTERN_STEP_BUDGET) n++;
  while (n ** degree > PATTERN_STEP_BUDGET) n--;
  return n;
}

/** Whether a part can match no text at all. */
function nullable(n: Node): boolean {
  switch (n.t) {
    case 'set':
      return false;
    case 'seq':
      return n.items.every(nullable);
    case 'alt':
      return n.alts.some(nullable);
    case 'rep':
      return n.min === 0 || nullable(n.body);
    case 'look':
      return true;
  }
}

/** The characters a part's match can begin with (`last`: end with). */
function edge(n: Node, last?: boolean): Ranges {
  switch (n.t) {
    case 'set':
      return n.s;
    case 'seq': {
      let out: Ranges = [];
      for (const x of last ? [...n.items].reverse() : n.items) {
        out = union(out, edge(x, last));
        if (!nullable(x)) break;
      }
      return out;
    }
    case 'alt':
      return n.alts.reduce<Ranges>((s, x) => union(s, edge(x, last)), []);
    case 'rep':
      return n.max ? edge(n.body, last) : [];
    case 'look':
      return [];
  }
}

/**
 * Whether the choices inside a repeated group's body can go two ways on the
 * same text: at each alternation and each variable count, the characters each
 * way can read next (`next`: what can follow the part within the iteration,
 * wrapping round to the group's first characters) must differ. A look-around
 * is atomic (never re-entered) and reads nothing here.
 */
function twoWays(n: Node, next: Ranges): 'nested' | 'alternatives' | undefined {
  switch (n.t) {
    case 'seq': {
      let r: 'nested' | 'alternatives' | undefined;
      for (let i = n.items.length - 1; i >= 0 && !r; i--) {
        const x = n.items[i]!;
        r = twoWays(x, next);
        next = nullable(x) ? union(edge(x), next) : edge(x);
      }
      return r;
    }
    case 'alt': {
      let seen: Ranges = [];
      for (const x of n.alts) {
        const reads = nullable(x) ? union(edge(x), next) : edge(x);
        if (meets(seen, reads)) return 'alternatives';
        seen = union(seen, reads);
      }
      for (const x of n.alts) {
        const r = twoWays(x, next);
        if (r) return r;
      }
      return;
    }
    case 'rep': {
      if (n.max > n.min && (nullable(n.body) || meets(edge(n.body), next))) return 'nested';
      return twoWays(n.body, n.max > 1 ? union(edge(n.body), next) : next);
    }
  }
}

/** Every part of a pattern's tree, the parts inside look-arounds included. */
function parts(n: Node): Node[] {
  return [n, ...(n.t === 'seq' ? n.items : n.t === 'alt' ? n.alts : n.t === 'set' ? [] : [n.body]).flatMap(parts)];
}

/**
 * Whether a pattern (one that compiles) can backtrack exponentially: one text
 * can be matched by an iteration of a repeated group in two ways or split
 * across its iterations in two ways — a variable count inside whose
 * characters can also be what follows it in the iteration (`(a+)+`,
 * `((a+))+`, `(a?){25}`, `(\d+\d*)+`, `(.*,)*`), alternatives that can start
 * alike (`(a|a)*`, `(\w|\d)+`: 'alternatives') — or a back reference.
 * Repeated means a count that can exceed 1. An iteration that must begin with
 * a character its inner counts cannot take splits one way only, so
 * `^[a-z0-9]+(-[a-z0-9]+)*$` and `^\d+(\.\d+)*$` pass.
 */
export function slowPattern(pattern: string): 'nested' | 'alternatives' | undefined {
  const all = parts(parse(pattern));
  if (all.some((n) => n.t === 'set' && n.ref)) return 'nested';
  for (const n of all) {
    if (n.t !== 'rep' || n.max < 2) continue;
    if (nullable(n.body) && chars(n.body).length) return 'nested';
    const r = twoWays(n.body, edge(n.body));
    if (r) return r;
  }
  return undefined;
}

/** How deep repetitions are nested in a pattern (`(a+)+`: 2), for the length an exponential pattern is safe to. */
function nesting(n: Node): number {
  switch (n.t) {
    case 'set':
      return 0;
    case 'seq':
      return Math.max(0, ...n.items.map(nesting));
    case 'alt':
      // Repeated alternatives that may match the same text double like a nested repetition.
      return Math.max(0, ...n.alts.map(nesting));
    case 'look':
      return nesting(n.body);
    case 'rep':
      return (n.max > 1 && n.max !== n.min ? 1 : 0) + Math.max(nesting(n.body), n.max > 1 && n.body.t === 'alt' ? 1 : 0);
  }
}

/**
 * The longest value the root engine checks against a pattern: longer values
 * are refused (INVALID_VALUE, "at most N characters") without running it.
 * Linear patterns have no such length; a pattern of degree k allows the
 * longest n with n^k ≤ {@link PATTERN_STEP_BUDGET} (k = 2: 3,162; k = 3:
 * 215); an exponential pattern ({@link slowPattern}: nested repetition) allows
 * about log₂ of the budget, split over its nesting (`(a+)+`: 11).
 */
export function patternSafeLength(pattern: string): number {
  let tree: Node;
  try {
    new RegExp(pattern, 'u');
    tree = parse(pattern);
  } catch {
    return Infinity; // a pattern that does not compile fails when it is used, as before
  }
  if (slowPattern(pattern)) return Math.max(1, Math.floor(Math.log2(PATTERN_STEP_BUDGET) / (2 * Math.max(1, nesting(tree) - 1))));
  return safeLengthFor(patternCost(pattern).degree);
}
