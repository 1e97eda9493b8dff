import type { Access, EntityField, LocalizedText } from '@crm/flow-runtime';
import { limitAttributes } from './limits.js';
import { DateInput } from './DateInput.js';
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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const formats = new Map<string, { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; number: Intl.NumberFormat; money: Intl.NumberFormat }>();
function formatsFor(locale: 'en' | 'zh') {
  let f = formats.get(locale);
  if (!f) {
    const tag = locale === 'zh' ? 'zh-CN' : 'en-GB';
    f = {
      // A date-only value is a calendar day, not an instant: shown as that day wherever the reader is.
      date: new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
      dateTime: new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }),
      number: new Intl.NumberFormat(tag, { maximumFractionDigits: 4 }),
      money: new Intl.NumberFormat(tag, { minimumFractionDigits: 0, maximumFractionDigits: 2 }),
    };
    formats.set(locale, f);
  }
  return f;
}

/**
 * A value as text a person reads, in the reader's language: dates as
 * "3 Nov 2026" / "2026年11月3日" (never ISO text), numbers and money with
 * digit grouping, percentages with their sign, options by their names,
 * yes/no, lists and records summarised; `—` when empty.
 */
export function fieldText(value: unknown, field: { type: string; options?: EntityField['options'] }, pick: (t: LocalizedText | undefined) => string, yes: string, no: string, locale: 'en' | 'zh' = 'en'): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field.type === 'boolean') return value ? yes : no;
  if (field.type === 'enum') return pick(field.options?.find((o) => o.value === value)?.name) || String(value);
  if (Array.isArray(value)) return `${value.length} ×`;
  if (typeof value === 'object') return (value as { id?: unknown }).id !== undefined ? String((value as { id: unknown }).id) : '…';
  const f = formatsFor(locale);
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (field.type === 'money') return f.money.format(value);
    if (field.type === 'percent') return `${f.number.format(value)} %`;
    if (field.type === 'number' || field.type === 'integer') return f.number.format(value);
  }
  if (typeof value === 'string' && (field.type === 'date' || field.type === 'datetime')) {
    const d = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(d.getTime())) return field.type === 'date' && DATE_ONLY.test(value) ? f.date.format(d) : f.dateTime.format(d);
  }
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
  const { t, text, locale } = useI18n();
  const common = { id, 'aria-invalid': invalid || undefined, 'aria-required': required || undefined, 'aria-describedby': describedBy, className: `cfd-input ${invalid ? 'is-invalid' : ''} ${className ?? ''}` };
  if (access === 'view') return <output id={id} className="cfd-field-view">{fieldText(value, field, text, t('common.yes'), t('common.no'), locale)}</output>;
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
    case 'datetime':
      // Typed in the app's language (year first), not in the browser's locale.
      return <DateInput id={id} kind={field.type} value={value} onChange={onChange} invalid={invalid} required={required} {...(className ? { className } : {})} {...(describedBy ? { describedBy } : {})} />;
    case 'text': {
      const { maxLength } = limitAttributes(field);
      return <textarea {...common} {...(maxLength !== undefined ? { maxLength } : {})} rows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
    }
    case 'list':
      return <output id={id} className="cfd-field-view">{fieldText(value, field, text, t('common.yes'), t('common.no'), locale)}</output>;
    default:
      return <input {...common} {...limitAttributes(field)} type="text" value={typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
  }
}
