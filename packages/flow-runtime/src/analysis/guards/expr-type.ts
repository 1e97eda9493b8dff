import type { EnumOption, ItemField } from '../../schema/common.js';
import { resolveItemPath, type PathInfo } from '../../schema/data-paths.js';
import { ITERATING_OPERATORS } from '../../logic/operators.js';
import type { Text } from '../types.js';
import { t } from '../text.js';

/** What an expression yields, as far as the data schema tells. */
export interface ExprType {
  kind: 'number' | 'text' | 'enum' | 'boolean' | 'date' | 'id' | 'list' | 'record' | 'null' | 'unknown';
  /** The data path, when the expression is a plain `var`. */
  path?: string;
  /** The literal, when the expression is one. */
  literal?: string | number | boolean | null;
  options?: ReadonlyArray<EnumOption>;
  itemFields?: ReadonlyArray<ItemField>;
}

/** A type mismatch inside a rule. */
export interface TypeIssue {
  message: Text;
}

const UNKNOWN: ExprType = { kind: 'unknown' };

function kindOf(type: string): ExprType['kind'] {
  switch (type) {
    case 'number':
    case 'integer':
    case 'money':
    case 'percent':
      return 'number';
    case 'string':
    case 'text':
      return 'text';
    case 'enum':
      return 'enum';
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'datetime':
      return 'date';
    case 'reference':
    case 'user':
      return 'id';
    case 'list':
      return 'list';
    case 'record':
      return 'record';
    default:
      return 'unknown';
  }
}

const KIND_WORDS: Record<ExprType['kind'], Text> = {
  number: t('a number', '数字'),
  text: t('a text', '文本'),
  enum: t('a choice from a list', '选项'),
  boolean: t('a yes/no value', '是/否值'),
  date: t('a date', '日期'),
  id: t('a reference', '引用'),
  list: t('a list', '列表'),
  record: t('a whole record', '整条记录'),
  null: t('empty', '空值'),
  unknown: t('a value', '值'),
};

function show(x: ExprType): Text {
  if (x.path) return t(`'${x.path}' (${KIND_WORDS[x.kind].en})`, `“${x.path}”（${KIND_WORDS[x.kind].zh}）`);
  if (x.literal !== undefined) {
    const lit = typeof x.literal === 'string' ? `"${x.literal}"` : String(x.literal);
    return t(`${lit} (${KIND_WORDS[x.kind].en})`, `${lit}（${KIND_WORDS[x.kind].zh}）`);
  }
  return KIND_WORDS[x.kind];
}

interface Scope {
  itemFields: ReadonlyArray<ItemField> | undefined;
  listPath: string;
  reduce: boolean;
}

/** Resolves a root data path. */
export type Resolve = (path: string) => PathInfo;

const COMPARE = new Set(['==', '===', '!=', '!==']);
const ORDER = new Set(['<', '<=', '>', '>=']);
const ARITH = new Set(['+', '-', '*', '/', '%', 'min', 'max']);

/**
 * Finds comparisons and arithmetic that mix types: a number field compared
 * with a text, an enum compared with a value it does not have, a whole record
 * compared with anything, a yes/no field ordered with `<`.
 */
export function typeIssues(rule: unknown, resolve: Resolve): TypeIssue[] {
  const issues: TypeIssue[] = [];
  infer(rule, null, resolve, issues);
  return issues;
}

function fromInfo(info: PathInfo, path: string): ExprType {
  if (!info.ok || info.type === 'unknown') return { kind: 'unknown', path };
  const field = info.field;
  const out: ExprType = { kind: kindOf(info.type), path };
  if (field && 'options' in field && field.options) out.options = field.options;
  if (info.itemFields) out.itemFields = info.itemFields;
  return out;
}

function literalType(x: unknown): ExprType | undefined {
  if (x === null) return { kind: 'null', literal: null };
  if (typeof x === 'number') return { kind: 'number', literal: x };
  if (typeof x === 'string') return { kind: 'text', literal: x };
  if (typeof x === 'boolean') return { kind: 'boolean', literal: x };
  return undefined;
}

function infer(x: unknown, scope: Scope | null, resolve: Resolve, issues: TypeIssue[]): ExprType {
  const lit = literalType(x);
  if (lit) return lit;
  if (Array.isArray(x)) {
    for (const a of x) infer(a, scope, resolve, issues);
    return { kind: 'list' };
  }
  if (typeof x !== 'object') return UNKNOWN;
  const keys = Object.keys(x as object);
  if (keys.length !== 1) return UNKNOWN;
  const op = keys[0]!;
  const raw = (x as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? raw : [raw];

  if (op === 'var') {
    const name = args[0];
    if (typeof name !== 'string' && typeof name !== 'number') return UNKNOWN;
    const path = String(name);
    if (scope) {
      const rel = scope.reduce ? (path.startsWith('current.') ? path.slice(8) : undefined) : path;
      if (rel === undefined || rel === '' || !scope.itemFields) return UNKNOWN;
      return fromInfo(resolveItemPath(rel, scope.itemFields, scope.listPath), path);
    }
    if (path === '') return UNKNOWN;
    return fromInfo(resolve(path), path);
  }
  if (ITERATING_OPERATORS.has(op)) {
    const list = infer(args[0], scope, resolve, issues);
    const listPath = list.path ?? '';
    const inner: Scope = { itemFields: list.kind === 'list' ? list.itemFields : undefined, listPath, reduce: op === 'reduce' };
    infer(args[1], inner, resolve, issues);
    for (let i = 2; i < args.length; i++) infer(args[i], scope, resolve, issues);
    if (list.kind !== 'list' && list.kind !== 'unknown' && list.kind !== 'null') {
      issues.push({ message: t(`'${op}' goes through the items of a list, but ${show(list).en} is not a list.`, `“${op}”用于遍历列表，但${show(list).zh}不是列表。`) });
    }
    return op === 'all' || op === 'none' || op === 'some' ? { kind: 'boolean' } : op === 'reduce' ? UNKNOWN : { kind: 'list' };
  }
  const types = args.map((a) => infer(a, scope, resolve, issues));
  if (COMPARE.has(op) && types.length >= 2) {
    compare(types[0]!, types[1]!, op, issues);
    return { kind: 'boolean' };
  }
  if (ORDER.has(op)) {
    for (const ty of types) {
      if (ty.kind === 'boolean' || ty.kind === 'enum' || ty.kind === 'record' || ty.kind === 'list') {
        issues.push({ message: t(`'${op}' orders values, but ${show(ty).en} has no order.`, `“${op}”用于比较大小，但${show(ty).zh}没有大小之分。`) });
      }
    }
    for (let i = 0; i + 1 < types.length; i++) compare(types[i]!, types[i + 1]!, op, issues);
    return { kind: 'boolean' };
  }
  if (ARITH.has(op)) {
    for (const ty of types) {
      if (ty.kind === 'text' && ty.literal !== undefined && op === '+' && !Number.isNaN(Number(ty.literal))) continue;
      if (ty.kind !== 'number' && ty.kind !== 'unknown' && ty.kind !== 'null') {
        issues.push({ message: t(`'${op}' calculates with numbers, but ${show(ty).en} is not a number.`, `“${op}”用于数字计算，但${show(ty).zh}不是数字。`) });
      }
    }
    return { kind: 'number' };
  }
  if (op === 'in') {
    const [needle, hay] = types;
    if (needle && Array.isArray(args[1])) {
      for (const v of args[1] as unknown[]) {
        const lt = literalType(v);
        if (lt) compare(needle, lt, '==', issues);
      }
    } else if (hay && hay.kind !== 'text' && hay.kind !== 'list' && hay.kind !== 'unknown') {
      issues.push({ message: t(`'in' looks inside a text or a list, but ${show(hay).en} is neither.`, `“in”用于在文本或列表中查找，但${show(hay).zh}两者都不是。`) });
    }
    return { kind: 'boolean' };
  }
  if (op === 'cat' || op === 'substr') return { kind: 'text' };
  if (op === '!' || op === '!!' || op === 'and' || op === 'or') return op === '!' || op === '!!' ? { kind: 'boolean' } : UNKNOWN;
  if (op === 'missing' || op === 'missing_some' || op === 'merge') return { kind: 'list' };
  return UNKNOWN;
}

function compare(a: ExprType, b: ExprType, op: string, issues: TypeIssue[]): void {
  if (a.kind === 'unknown' || b.kind === 'unknown' || a.kind === 'null' || b.kind === 'null') return;
  if (a.literal !== undefined && b.literal !== undefined) return;
  const [field, other] = a.literal === undefined ? [a, b] : [b, a];
  if (field.kind === 'record' || other.kind === 'record') {
    issues.push({ message: t(`${show(field.kind === 'record' ? field : other).en} is a whole record; compare one of its fields instead.`, `${show(field.kind === 'record' ? field : other).zh}是整条记录，请改为比较它的某个字段。`) });
    return;
  }
  if (field.kind === 'enum' && other.kind === 'text' && typeof other.literal === 'string') {
    const options = field.options ?? [];
    if (options.length && !options.some((o) => o.value === other.literal)) {
      const values = options.map((o) => o.value).join(', ');
      issues.push({ message: t(`"${other.literal}" is not one of the values of '${field.path}' (${values}), so this comparison ${op.startsWith('!') ? 'always holds' : 'never holds'}.`, `"${other.literal}"不是“${field.path}”的可选值（${values}），该比较${op.startsWith('!') ? '总是成立' : '永远不成立'}。`) });
    }
    return;
  }
  if (compatible(field.kind, other.kind)) return;
  issues.push({ message: t(`${show(field).en} is compared with ${show(other).en}.`, `${show(field).zh}与${show(other).zh}进行了比较。`) });
}

function compatible(a: ExprType['kind'], b: ExprType['kind']): boolean {
  if (a === b) return true;
  const textual = (k: string) => k === 'text' || k === 'enum' || k === 'id' || k === 'date';
  if (textual(a) && textual(b)) return true;
  return false;
}
