/**
 * A field's value as a person reads it: option names, money, dates, the
 * name of a referenced record, a user's name, order lines as a small table.
 */
import type { EntityField, ItemField } from '@crm/flow-runtime';
import { useI18n } from '../i18n';
import type { RecordIndex } from '../app/records';
import { userName } from '../runtime/actors';
import { PRODUCTS } from '../db/seed-records';

type AnyField = Pick<EntityField, 'type' | 'options' | 'entity'> & { itemFields?: ItemField[] };

export function useFormatValue() {
  const i18n = useI18n();
  return (f: AnyField | undefined, value: unknown, index?: RecordIndex): string => {
    if (value === undefined || value === null || value === '') return '—';
    switch (f?.type) {
      case 'enum': {
        const o = f.options?.find((x) => x.value === value);
        return o ? i18n.lt(o.name) : String(value);
      }
      case 'money':
        return i18n.money(value);
      case 'percent':
        return typeof value === 'number' ? `${i18n.number(value)}%` : String(value);
      case 'number':
      case 'integer':
        return i18n.number(value);
      case 'date':
        return i18n.date(String(value));
      case 'datetime':
        return i18n.dateTime(String(value));
      case 'boolean':
        return value === true ? i18n.t('common.yes') : i18n.t('common.no');
      case 'user':
        return userName(value, i18n.locale);
      case 'reference':
        return index && f.entity ? index.label(f.entity, value) : String(value);
      case 'list':
        return Array.isArray(value) ? i18n.t('common.items', { n: value.length }) : '—';
      default:
        return String(value);
    }
  };
}

export function productName(sku: unknown, locale: 'en' | 'zh'): string {
  const p = PRODUCTS.find((x) => x.sku === sku);
  return p ? p.name[locale] : '';
}

/** Order or quote lines, read-only. */
export function LinesTable({ lines }: { lines: unknown }) {
  const i18n = useI18n();
  const rows = Array.isArray(lines) ? (lines as Record<string, unknown>[]) : [];
  if (rows.length === 0) return <span className="muted">{i18n.t('lines.none')}</span>;
  const total = rows.reduce((s, r) => s + (Number(r.qty) || 0) * (Number(r.price) || 0), 0);
  return (
    <table className="lines">
      <thead>
        <tr>
          <th>{i18n.t('lines.sku')}</th>
          <th>{i18n.t('lines.product')}</th>
          <th className="num">{i18n.t('lines.qty')}</th>
          <th className="num">{i18n.t('lines.price')}</th>
          <th className="num">{i18n.t('lines.total')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <td className="mono">{String(r.sku ?? '')}</td>
            <td>{productName(r.sku, i18n.locale)}</td>
            <td className="num">{i18n.number(r.qty)}</td>
            <td className="num">{i18n.money(r.price)}</td>
            <td className="num">{i18n.money((Number(r.qty) || 0) * (Number(r.price) || 0))}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>{i18n.t('lines.sum')}</td>
          <td className="num">{i18n.money(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
