import type { Access, EntityField, LocalizedText } from '@crm/flow-runtime';
import { limitAttributes } from './limits.js';
import { useI18n } from '../i18n/index.js';

/** Props of {@link FieldWidget}. */
export interface FieldWidgetProps {
  /** The input's id (for its label). */
  id: string;
  field: Pick<EntityField, 'type' | 'options'> & Partial<Pick<EntityField, 'constraints'>> & { name?: LocalizedText };
  value: unknown;
  onChange: (value: unknown) => void;
  /** `view` shows the value read-only; `edit` an input. */
  access: Extract<Access, 'edit' | 'view'>;
  required?: boolean;
  invalid?: boolean;
  /** More classes for the control (a host's own input styles). */
  className?: string;
  /** Id of the element describing the control (e.g. its limit message). */
  describedBy?: string;
}

/** ISO time → the `datetime-local` input's "YYYY-MM-DDTHH:mm" in the reader's own time zone. */
function toLocalInput(v: unknown): string {
  if (typeof v !== 'string' || !v) return '';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A value as text a person reads (lists and records summarised). */
export function fieldText(value: unknown, field: { type: string; options?: EntityField['options'] }, pick: (t: LocalizedText | undefined) => string, yes: string, no: string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field.type === 'boolean') return value ? yes : no;
  if (field.type === 'enum') return pick(field.options?.find((o) => o.value === value)?.name) || String(value);
  if (Array.isArray(value)) return `${value.length} ×`;
  if (typeof value === 'object') return (value as { id?: unknown }).id !== undefined ? String((value as { id: unknown }).id) : '…';
  return String(value);
}

/**
 * One field of a window as a form control, by its catalog type: text,
 * numbers, yes/no, an enum's options, dates; read-only when the role may
 * only view it; the field's catalog limits as input attributes. Used by the
 * designer's simulator and by the demo CRM's window forms (one widget for
 * both; wrap it in an `I18nProvider` for the UI language).
 */
export function FieldWidget({ id, field, value, onChange, access, required = false, invalid = false, className, describedBy }: FieldWidgetProps) {
  const { t, text } = useI18n();
  const common = { id, 'aria-invalid': invalid || undefined, 'aria-required': required || undefined, 'aria-describedby': describedBy, className: `cfd-input ${invalid ? 'is-invalid' : ''} ${className ?? ''}` };
  if (access === 'view') return <output id={id} className="cfd-field-view">{fieldText(value, field, text, t('common.yes'), t('common.no'))}</output>;
  switch (field.type) {
    case 'number':
    case 'integer':
    case 'money':
    case 'percent':
      return <input {...common} {...limitAttributes(field)} type="number" step={field.type === 'integer' ? 1 : 'any'} value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />;
    case 'boolean':
      return (
        <select {...common} value={value === true ? 'yes' : value === false ? 'no' : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value === 'yes')}>
          <option value="">—</option>
          <option value="yes">{t('common.yes')}</option>
          <option value="no">{t('common.no')}</option>
        </select>
      );
    case 'enum':
      return (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
          <option value="">—</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>{text(o.name)}</option>
          ))}
        </select>
      );
    case 'date':
      return <input {...common} type="date" value={typeof value === 'string' ? value.slice(0, 10) : ''} onChange={(e) => onChange(e.target.value || null)} />;
    case 'datetime':
      return <input {...common} type="datetime-local" value={toLocalInput(value)} onChange={(e) => onChange(e.target.value ? new Date(e.target.value).toISOString() : null)} />;
    case 'text': {
      const { maxLength } = limitAttributes(field);
      return <textarea {...common} {...(maxLength !== undefined ? { maxLength } : {})} rows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
    }
    case 'list':
      return <output id={id} className="cfd-field-view">{fieldText(value, field, text, t('common.yes'), t('common.no'))}</output>;
    default:
      return <input {...common} {...limitAttributes(field)} type="text" value={typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
  }
}
