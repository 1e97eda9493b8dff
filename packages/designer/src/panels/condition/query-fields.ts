import type { Field, Operator } from 'react-querybuilder';
import type { Catalog, FieldType, Flow, LocalizedText } from '@crm/flow-runtime';
import type { Locale } from '../../i18n/index.js';

const NUMERIC = new Set<FieldType>(['number', 'integer', 'money', 'percent']);

const OPS: Record<'number' | 'text' | 'boolean' | 'enum' | 'date', string[]> = {
  number: ['=', '!=', '<', '<=', '>', '>=', 'between', 'notBetween', 'null', 'notNull'],
  text: ['=', '!=', 'contains', 'doesNotContain', 'in', 'notIn', 'null', 'notNull'],
  boolean: ['=', '!='],
  enum: ['=', '!=', 'in', 'notIn', 'null', 'notNull'],
  date: ['=', '!=', '<', '<=', '>', '>=', 'between', 'null', 'notNull'],
};

const LABELS: Record<string, { en: string; zh: string }> = {
  '=': { en: 'is', zh: '等于' },
  '!=': { en: 'is not', zh: '不等于' },
  '<': { en: 'less than', zh: '小于' },
  '<=': { en: 'at most', zh: '小于等于' },
  '>': { en: 'more than', zh: '大于' },
  '>=': { en: 'at least', zh: '大于等于' },
  between: { en: 'between', zh: '介于' },
  notBetween: { en: 'not between', zh: '不介于' },
  null: { en: 'is empty', zh: '为空' },
  notNull: { en: 'is not empty', zh: '不为空' },
  contains: { en: 'contains', zh: '包含' },
  doesNotContain: { en: 'does not contain', zh: '不包含' },
  in: { en: 'is one of', zh: '属于' },
  notIn: { en: 'is not one of', zh: '不属于' },
};

function operators(kind: keyof typeof OPS, locale: Locale): Operator[] {
  return OPS[kind].map((name) => ({ name, value: name, label: LABELS[name]![locale] }));
}

function fieldFor(name: string, label: string, type: FieldType, options: { value: string; name: LocalizedText }[] | undefined, locale: Locale): Field | undefined {
  const pick = (t: LocalizedText) => (locale === 'zh' ? (t.zh ?? t.en) : t.en);
  if (type === 'list') return undefined;
  if (NUMERIC.has(type)) return { name, value: name, label, inputType: 'number', operators: operators('number', locale), defaultValue: 0 };
  if (type === 'boolean') return { name, value: name, label, valueEditorType: 'checkbox', operators: operators('boolean', locale), defaultValue: true };
  if (type === 'enum') return { name, value: name, label, valueEditorType: 'select', values: (options ?? []).map((o) => ({ name: o.value, value: o.value, label: pick(o.name) })), operators: operators('enum', locale), defaultValue: options?.[0]?.value ?? '' };
  if (type === 'date' || type === 'datetime') return { name, value: name, label, inputType: type === 'date' ? 'date' : 'datetime-local', operators: operators('date', locale) };
  return { name, value: name, label, operators: operators('text', locale) };
}

/**
 * The fields a condition can test: plain variables of the flow's data schema
 * and the fields of each record variable (`customer.creditLimit`), labelled
 * in the UI language.
 */
export function queryFields(flow: Flow, catalog: Catalog | undefined, locale: Locale): Field[] {
  const pick = (t: LocalizedText | undefined) => (t ? (locale === 'zh' ? (t.zh ?? t.en) : t.en) : undefined);
  const entities = new Map(catalog?.entities.map((e) => [e.id, e]));
  const out: Field[] = [];
  for (const [name, v] of Object.entries(flow.data)) {
    if (v.type === 'record') {
      const entity = v.entity ? entities.get(v.entity) : undefined;
      const owner = pick(v.name) ?? pick(entity?.name) ?? name;
      for (const f of entity?.fields ?? []) {
        const field = fieldFor(`${name}.${f.id}`, `${owner} › ${pick(f.name) ?? f.id}`, f.type, f.options, locale);
        if (field) out.push(field);
      }
    } else {
      const field = fieldFor(name, pick(v.name) ?? name, v.type, v.options, locale);
      if (field) out.push(field);
    }
  }
  return out;
}
