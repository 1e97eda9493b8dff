/**
 * A window's record-display condition in plain words ("Status is Pending
 * approval"), over the fields of the window's entity. Covers the operators
 * record filters use; anything else is shown as JSON.
 */
import type { I18n } from '../i18n';
import { field } from './catalog-lookup';

type Rule = unknown;

function isVar(r: Rule): r is { var: string | [string, unknown] } {
  return typeof r === 'object' && r !== null && 'var' in r;
}

export function describeFilter(rule: Rule, entityId: string, i18n: I18n): string {
  const { t, lt } = i18n;
  const name = (r: Rule) => {
    if (!isVar(r)) return value(r, undefined);
    const path = Array.isArray(r.var) ? String(r.var[0]) : r.var;
    const f = field(entityId, path.split('.')[0]!);
    return f ? lt(f.name) : path;
  };
  const fieldOf = (r: Rule) => (isVar(r) ? field(entityId, String(Array.isArray(r.var) ? r.var[0] : r.var).split('.')[0]!) : undefined);
  const value = (v: Rule, f: ReturnType<typeof field>): string => {
    if (Array.isArray(v)) return v.map((x) => value(x, f)).join(i18n.locale === 'zh' ? '、' : ', ');
    const o = f?.options?.find((x) => x.value === v);
    if (o) return lt(o.name);
    return JSON.stringify(v);
  };
  const walk = (r: Rule): string => {
    if (isVar(r)) return t('filter.isSet', { field: name(r) });
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return JSON.stringify(r);
    const [op, args] = Object.entries(r)[0] ?? [];
    const a = Array.isArray(args) ? args : [args];
    const binary = (key: Parameters<typeof t>[0]) => t(key, { field: name(a[0]), value: value(a[1], fieldOf(a[0])) });
    switch (op) {
      case '==':
      case '===':
        return binary('filter.eq');
      case '!=':
      case '!==':
        return binary('filter.ne');
      case '>':
        return binary('filter.gt');
      case '>=':
        return binary('filter.ge');
      case '<':
        return binary('filter.lt');
      case '<=':
        return binary('filter.le');
      case 'in':
        return binary('filter.in');
      case '!':
        if (isVar(a[0])) return t('filter.isEmpty', { field: name(a[0]) });
        if (typeof a[0] === 'object' && a[0] !== null && 'in' in a[0]) {
          const [x, list] = (a[0] as { in: Rule[] }).in;
          return t('filter.notIn', { field: name(x), value: value(list, fieldOf(x)) });
        }
        return t('filter.not', { rule: walk(a[0]) });
      case 'and':
        return a.map(walk).join(t('filter.and'));
      case 'or':
        return a.map(walk).join(t('filter.or'));
      default:
        return JSON.stringify(r);
    }
  };
  return walk(rule);
}
