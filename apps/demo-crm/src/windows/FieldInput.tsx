/**
 * An editable input for a field of a catalog entity, by its type.
 */
import type { EntityField, ItemField } from '@crm/flow-runtime';
import { FieldWidget, I18nProvider } from '@crm/designer';
import { useI18n } from '../i18n';
import type { RecordIndex } from '../app/records';
import { DEMO_USERS, OTHER_USERS } from '../runtime/actors';
import { PRODUCTS } from '../db/seed-records';

type AnyField = Pick<EntityField, 'type' | 'options' | 'entity'> & Partial<Pick<EntityField, 'constraints'>> & { id: string; itemFields?: ItemField[] };

export interface FieldInputProps {
  id: string;
  field: AnyField;
  value: unknown;
  onChange: (value: unknown) => void;
  index?: RecordIndex;
  invalid?: boolean;
}


export function FieldInput({ id, field, value, onChange, index, invalid }: FieldInputProps) {
  const i18n = useI18n();
  const common = { id, 'aria-invalid': invalid || undefined, 'aria-describedby': `${id}-limit`, className: invalid ? 'invalid' : undefined };
  switch (field.type) {
    case 'text':
    case 'string':
    case 'number':
    case 'integer':
    case 'money':
    case 'percent':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'enum':
      // The same widget as the designer's simulator (with the field's catalog limits), in the UI language.
      return (
        <I18nProvider locale={i18n.locale}>
          <FieldWidget id={id} field={field} value={value} onChange={onChange} access="edit" invalid={invalid ?? false} describedBy={`${id}-limit`} {...(invalid ? { className: 'invalid' } : {})} />
        </I18nProvider>
      );
    case 'reference': {
      const rows = index && field.entity ? index.all(field.entity) : [];
      return (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{i18n.t('common.choose')}</option>
          {rows.map((r) => (
            <option key={r.id} value={r.id}>
              {field.entity && (field.entity === 'customer' || field.entity === 'contact') ? i18n.t('common.aside', { text: index!.label(field.entity, r.id), aside: r.id }) : field.entity ? index!.label(field.entity, r.id) : r.id}
            </option>
          ))}
          {typeof value === 'string' && value && !rows.some((r) => r.id === value) && <option value={value}>{value}</option>}
        </select>
      );
    }
    case 'user': {
      const users = [...Object.values(DEMO_USERS).map((u) => [u.id, u.name] as const), ...Object.entries(OTHER_USERS)];
      return (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{i18n.t('common.choose')}</option>
          {users.map(([uid, name]) => (
            <option key={uid} value={uid}>
              {name[i18n.locale]}
            </option>
          ))}
        </select>
      );
    }
    case 'list':
      return <LinesEditor id={id} value={value} onChange={onChange} invalid={invalid} />;
    default:
      return <input {...common} type="text" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
  }
}

interface Line {
  sku: string;
  qty: number;
  price: number;
}

/** Order lines: product from the price list, quantity, unit price. */
function LinesEditor({ id, value, onChange, invalid }: { id: string; value: unknown; onChange: (v: unknown) => void; invalid?: boolean }) {
  const i18n = useI18n();
  const lines: Line[] = Array.isArray(value) ? (value as Line[]) : [];
  const set = (next: Line[]) => onChange(next.length ? next : null);
  const update = (i: number, patch: Partial<Line>) => set(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const total = lines.reduce((s, l) => s + (l.qty || 0) * (l.price || 0), 0);
  return (
    <div id={id} className={`lines-editor${invalid ? ' invalid' : ''}`} role="group" aria-label={i18n.t('lines.title')}>
      {lines.length > 0 && (
        <table className="lines">
          <thead>
            <tr>
              <th>{i18n.t('lines.product')}</th>
              <th className="num">{i18n.t('lines.qty')}</th>
              <th className="num">{i18n.t('lines.price')}</th>
              <th className="num">{i18n.t('lines.total')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i}>
                <td>
                  <select
                    aria-label={i18n.t('lines.product')}
                    value={l.sku}
                    onChange={(e) => {
                      const p = PRODUCTS.find((x) => x.sku === e.target.value);
                      update(i, { sku: e.target.value, ...(p ? { price: p.price } : {}) });
                    }}
                  >
                    {!PRODUCTS.some((p) => p.sku === l.sku) && <option value={l.sku}>{l.sku}</option>}
                    {PRODUCTS.map((p) => (
                      <option key={p.sku} value={p.sku}>
                        {p.sku} · {p.name[i18n.locale]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="num">
                  <input aria-label={i18n.t('lines.qty')} type="number" min={1} step={1} value={l.qty} onChange={(e) => update(i, { qty: Math.max(0, Math.round(Number(e.target.value) || 0)) })} />
                </td>
                <td className="num">
                  <input aria-label={i18n.t('lines.price')} type="number" min={0} step="any" value={l.price} onChange={(e) => update(i, { price: Number(e.target.value) || 0 })} />
                </td>
                <td className="num">{i18n.money(l.qty * l.price)}</td>
                <td>
                  <button type="button" className="link" onClick={() => set(lines.filter((_, j) => j !== i))} aria-label={i18n.t('lines.remove')}>
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>{i18n.t('lines.sum')}</td>
              <td className="num">{i18n.money(total)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <button type="button" className="secondary small" onClick={() => set([...lines, { sku: PRODUCTS[0]!.sku, qty: 10, price: PRODUCTS[0]!.price }])}>
        + {i18n.t('lines.add')}
      </button>
    </div>
  );
}
