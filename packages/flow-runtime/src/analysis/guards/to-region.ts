import { num, set, and, or, not, EVERYTHING, NOTHING, type Constraint, type Region } from './region.js';

/** What a data path holds, for interval reasoning. */
export type Domain = { kind: 'num'; integer: boolean } | { kind: 'set'; universe?: ReadonlySet<string> } | { kind: 'unknown' };

/** Tells the domain of a root data path. */
export type DomainOf = (path: string) => Domain;

const BOOL_UNIVERSE: ReadonlySet<string> = new Set(['true', 'false']);
const BOOL = BOOL_UNIVERSE;

/** Key of a plain variable in a box. */
export const varKey = (path: string): string => `v:${path}`;
/** Key of an opaque yes/no atom in a box. */
export const atomKey = (canonical: string): string => `a:${canonical}`;

type Op = { op: string; args: unknown[] };

function asOp(rule: unknown): Op | null {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return null;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return null;
  const op = keys[0]!;
  const raw = (rule as Record<string, unknown>)[op];
  return { op, args: Array.isArray(raw) ? raw : [raw] };
}

/** The literal root path of `{"var": "a.b"}`, without a default; else null. */
export function plainVar(expr: unknown): string | null {
  const o = asOp(expr);
  if (!o || o.op !== 'var' || o.args.length > 1) return null;
  const name = o.args[0];
  return typeof name === 'string' && name !== '' ? name : null;
}

function isLiteral(x: unknown): x is string | number | boolean | null {
  return x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
}

function canonical(x: unknown): string {
  return JSON.stringify(x) ?? 'undefined';
}

function truthyLiteral(x: unknown): boolean {
  if (Array.isArray(x)) return x.length > 0;
  return Boolean(x);
}

/** What each opaque atom stands for (the rule that holds when the atom is true), filled in while converting. */
let atomSink: Map<string, unknown> | undefined;

const atom = (key: string, value: boolean, meaning: unknown): Region => {
  atomSink?.set(atomKey(key), meaning);
  return [new Map([[atomKey(key), set([String(value)], false, BOOL_UNIVERSE)]])];
};

function cmpAtom(op: '>=' | '==', a: unknown, b: unknown, holds: boolean): Region {
  const [x, y] = op === '==' ? [canonical(a), canonical(b)].sort() : [canonical(a), canonical(b)];
  return atom(`${op}(${x},${y})`, holds, { [op]: [a, b] });
}

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * Turns a guard into a {@link Region}. Comparisons of a variable with a
 * constant become intervals or value sets; other comparisons become opaque
 * atoms in a canonical form (so `a < b` is recognised as the opposite of
 * `a >= b`); and/or/not/if combine them. May throw {@link RegionTooLarge}.
 */
export function toRegion(rule: unknown, domainOf: DomainOf, atoms?: Map<string, unknown>): Region {
  const outer = atomSink;
  if (atoms) atomSink = atoms;
  try {
    return convert(rule, domainOf);
  } finally {
    atomSink = outer;
  }
}

function convert(rule: unknown, domainOf: DomainOf): Region {
  const o = asOp(rule);
  if (!o) return truthyLiteral(rule) ? EVERYTHING : NOTHING;
  const { op, args } = o;
  switch (op) {
    case 'and':
      return args.reduce<Region>((acc, a) => and(acc, convert(a, domainOf)), EVERYTHING);
    case 'or':
      return args.reduce<Region>((acc, a) => or(acc, convert(a, domainOf)), NOTHING);
    case '!':
      return not(convert(args[0], domainOf));
    case '!!':
      return convert(args[0], domainOf);
    case 'if':
    case '?:':
      return ifRegion(args, domainOf);
    case 'var':
      return truthOfVar(rule, domainOf);
    case '==':
    case '===':
      return equality(args[0], args[1], domainOf, true);
    case '!=':
    case '!==':
      return equality(args[0], args[1], domainOf, false);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return ordering(op, args, domainOf);
    case 'in':
      return membership(args[0], args[1], domainOf) ?? atom(`truthy(${canonical(rule)})`, true, rule);
    default:
      return atom(`truthy(${canonical(rule)})`, true, rule);
  }
}

function ifRegion(args: unknown[], domainOf: DomainOf): Region {
  if (args.length === 0) return NOTHING;
  if (args.length === 1) return convert(args[0], domainOf);
  const cond = convert(args[0], domainOf);
  const then = convert(args[1], domainOf);
  const rest = args.length === 2 ? NOTHING : ifRegion(args.slice(2), domainOf);
  return or(and(cond, then), and(not(cond), rest));
}

function truthOfVar(rule: unknown, domainOf: DomainOf): Region {
  const path = plainVar(rule);
  if (path) {
    const d = domainOf(path);
    if (d.kind === 'num') return [new Map([[varKey(path), notZero(d.integer)]])];
    if (d.kind === 'set' && d.universe === BOOL) return [new Map([[varKey(path), set(['true'], false, BOOL)]])];
  }
  return atom(`truthy(${canonical(rule)})`, true, rule);
}


function notZero(integer: boolean): Constraint {
  return num(
    [
      { lo: -Infinity, loIn: false, hi: 0, hiIn: false },
      { lo: 0, loIn: false, hi: Infinity, hiIn: false },
    ],
    integer,
  );
}

/** A variable against a literal, with the literal's kind matching the variable's domain; else null. */
function varLiteral(a: unknown, b: unknown, domainOf: DomainOf): { path: string; value: string | number | boolean | null; domain: Domain; swapped: boolean } | null {
  const pa = plainVar(a);
  const pb = plainVar(b);
  if (pa && isLiteral(b)) return { path: pa, value: b, domain: domainOf(pa), swapped: false };
  if (pb && isLiteral(a)) return { path: pb, value: a, domain: domainOf(pb), swapped: true };
  return null;
}

function equality(a: unknown, b: unknown, domainOf: DomainOf, holds: boolean): Region {
  const vl = varLiteral(a, b, domainOf);
  if (vl) {
    const { path, value, domain } = vl;
    if (domain.kind === 'num' && typeof value === 'number') {
      const c = num([{ lo: value, loIn: true, hi: value, hiIn: true }], domain.integer);
      return [new Map([[varKey(path), holds ? c : num([...notPoint(value)], domain.integer)]])];
    }
    if (domain.kind === 'set' && (typeof value === 'string' || typeof value === 'boolean')) {
      return [new Map([[varKey(path), set([canonicalValue(value, domain)], !holds, domain.universe)]])];
    }
  }
  return cmpAtom('==', a, b, holds);
}

function notPoint(v: number) {
  return [
    { lo: -Infinity, loIn: false, hi: v, hiIn: false },
    { lo: v, loIn: false, hi: Infinity, hiIn: false },
  ];
}

/** Booleans live in a true/false universe keyed by their string form; other values by JSON. */
function canonicalValue(v: string | boolean, domain: Domain): string {
  if (domain.kind === 'set' && domain.universe === BOOL) return String(v);
  return typeof v === 'boolean' ? String(v) : v;
}

function bound(op: string, value: number, varOnLeft: boolean): { lo: number; loIn: boolean; hi: number; hiIn: boolean } {
  const o = varOnLeft ? op : FLIP[op]!;
  switch (o) {
    case '<':
      return { lo: -Infinity, loIn: false, hi: value, hiIn: false };
    case '<=':
      return { lo: -Infinity, loIn: false, hi: value, hiIn: true };
    case '>':
      return { lo: value, loIn: false, hi: Infinity, hiIn: false };
    default:
      return { lo: value, loIn: true, hi: Infinity, hiIn: false };
  }
}

function ordering(op: string, args: unknown[], domainOf: DomainOf): Region {
  if (args.length === 3 && (op === '<' || op === '<=')) {
    const path = plainVar(args[1]);
    const d = path ? domainOf(path) : undefined;
    if (path && d?.kind === 'num' && typeof args[0] === 'number' && typeof args[2] === 'number') {
      return [new Map([[varKey(path), num([{ lo: args[0], loIn: op === '<=', hi: args[2], hiIn: op === '<=' }], d.integer)]])];
    }
    return atom(`truthy(${canonical({ [op]: args })})`, true, { [op]: args });
  }
  const [a, b] = args;
  const vl = varLiteral(a, b, domainOf);
  if (vl && vl.domain.kind === 'num' && typeof vl.value === 'number') {
    return [new Map([[varKey(vl.path), num([bound(op, vl.value, !vl.swapped)], vl.domain.integer)]])];
  }
  // Canonical form: everything as `x >= y` or its negation.
  switch (op) {
    case '>=':
      return cmpAtom('>=', a, b, true);
    case '<':
      return cmpAtom('>=', a, b, false);
    case '<=':
      return cmpAtom('>=', b, a, true);
    default:
      return cmpAtom('>=', b, a, false);
  }
}

function membership(needle: unknown, haystack: unknown, domainOf: DomainOf): Region | null {
  const path = plainVar(needle);
  if (!path || !Array.isArray(haystack) || !haystack.every(isLiteral)) return null;
  const d = domainOf(path);
  if (d.kind === 'num' && haystack.every((x) => typeof x === 'number')) {
    return [new Map([[varKey(path), num(haystack.map((v) => ({ lo: v as number, loIn: true, hi: v as number, hiIn: true })), d.integer)]])];
  }
  if (d.kind === 'set' && haystack.every((x) => typeof x === 'string' || typeof x === 'boolean')) {
    return [new Map([[varKey(path), set(haystack.map((v) => canonicalValue(v as string | boolean, d)), false, d.universe)]])];
  }
  return null;
}

/** The domain of a field type (with enum options), as guards see it. */
export function domainOfType(type: string, options?: ReadonlyArray<{ value: string }>): Domain {
  if (type === 'number' || type === 'money' || type === 'percent') return { kind: 'num', integer: false };
  if (type === 'integer') return { kind: 'num', integer: true };
  if (type === 'boolean') return { kind: 'set', universe: BOOL };
  if (type === 'enum' && options && options.length > 0) return { kind: 'set', universe: new Set(options.map((o) => o.value)) };
  if (type === 'string' || type === 'text' || type === 'enum' || type === 'reference' || type === 'user') return { kind: 'set' };
  return { kind: 'unknown' };
}
