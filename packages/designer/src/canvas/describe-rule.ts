import * as runtime from '@crm/flow-runtime';
import { indexEntities, resolveDataPath, type Catalog, type Flow } from '@crm/flow-runtime';
import type { Locale } from '../i18n/index.js';

type DescribeFn = (rule: unknown, catalog: Catalog | undefined, locale: Locale, flow?: Flow) => string;

/**
 * The runtime's plain-language renderer, when this build of @crm/flow-runtime
 * has one (it is being written alongside the designer); read through the
 * namespace so the designer keeps working without it.
 */
function runtimeDescribe(): DescribeFn | undefined {
  const fn = (runtime as Record<string, unknown>)['describe'];
  return typeof fn === 'function' ? (fn as DescribeFn) : undefined;
}

const OPS: Record<string, { en: string; zh: string }> = {
  '==': { en: 'is', zh: '等于' },
  '===': { en: 'is', zh: '等于' },
  '!=': { en: 'is not', zh: '不等于' },
  '!==': { en: 'is not', zh: '不等于' },
  '>': { en: 'is more than', zh: '大于' },
  '>=': { en: 'is at least', zh: '大于等于' },
  '<': { en: 'is less than', zh: '小于' },
  '<=': { en: 'is at most', zh: '小于等于' },
  in: { en: 'is one of', zh: '属于' },
};

/** Labels of data paths in the current language, read from the data schema and catalog. */
export function fieldLabeller(flow: Flow, catalog: Catalog | undefined, locale: Locale): (path: string) => string {
  const entities = indexEntities(catalog);
  return (path) => {
    const info = resolveDataPath(path, flow.data, entities);
    const head = path.split('.')[0]!;
    const headVar = flow.data[head];
    const pick = (t: { en: string; zh?: string } | undefined) => (t ? (locale === 'zh' ? (t.zh ?? t.en) : t.en) : undefined);
    const field = info.ok && info.field && 'name' in info.field ? pick(info.field.name as { en: string; zh?: string }) : undefined;
    if (path.includes('.') && field) {
      const entity = headVar?.entity ? entities?.get(headVar.entity) : undefined;
      const owner = pick(headVar?.name) ?? pick(entity?.name) ?? head;
      return locale === 'zh' ? `${owner}的${field}` : `${owner.toLowerCase()} ${field.toLowerCase()}`;
    }
    return field ?? path;
  };
}

/**
 * Renders a JsonLogic rule in plain language ("customer credit used is at
 * least 90% of customer credit limit"). Falls back to compact JSON for what
 * it does not know.
 */
export function describeRule(rule: unknown, flow: Flow, catalog: Catalog | undefined, locale: Locale): string {
  const fromRuntime = runtimeDescribe();
  if (fromRuntime) {
    try {
      return fromRuntime(rule, catalog, locale, flow);
    } catch {
      // fall through to the local rendering
    }
  }
  const label = fieldLabeller(flow, catalog, locale);
  const zh = locale === 'zh';
  const value = (v: unknown): string => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return expr(v as Record<string, unknown>);
    if (typeof v === 'string') return `“${v}”`;
    if (typeof v === 'boolean') return zh ? (v ? '是' : '否') : v ? 'yes' : 'no';
    if (Array.isArray(v)) return v.map(value).join(zh ? '、' : ', ');
    return String(v);
  };
  const expr = (r: Record<string, unknown>): string => {
    const op = Object.keys(r)[0];
    if (!op) return '{}';
    const raw = r[op];
    const args = Array.isArray(raw) ? raw : [raw];
    if (op === 'var') return typeof args[0] === 'string' ? label(args[0]) : zh ? '数据' : 'the data';
    if (op === 'and' || op === 'or') return args.map(value).join(zh ? (op === 'and' ? ' 并且 ' : ' 或者 ') : ` ${op} `);
    if (op === '!' || op === 'not') return zh ? `不是（${value(args[0])}）` : `not (${value(args[0])})`;
    if (op === '!!') return value(args[0]);
    if (op === '*' && args.length === 2 && typeof args[0] === 'number' && args[0] > 0 && args[0] < 1) return `${Math.round(args[0] * 100)}% ${zh ? '的' : 'of '}${value(args[1])}`;
    if (['+', '-', '*', '/'].includes(op)) return args.map(value).join(` ${op} `);
    if (op === 'missing') return zh ? `缺少 ${args.map((a) => label(String(a))).join('、')}` : `${args.map((a) => label(String(a))).join(', ')} missing`;
    const word = OPS[op];
    if (word && args.length === 2) {
      if ((op === '==' || op === '===') && args[1] === true) return zh ? `${value(args[0])}为是` : `${value(args[0])}`;
      if ((op === '==' || op === '===') && args[1] === false) return zh ? `${value(args[0])}为否` : `not ${value(args[0])}`;
      return `${value(args[0])} ${zh ? word.zh : word.en} ${value(args[1])}`;
    }
    if ((op === '<' || op === '<=') && args.length === 3) return zh ? `${value(args[1])}介于 ${value(args[0])} 与 ${value(args[2])} 之间` : `${value(args[1])} is between ${value(args[0])} and ${value(args[2])}`;
    return JSON.stringify(r);
  };
  return value(rule);
}
