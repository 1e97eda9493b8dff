import { ValueEditor, type ValueEditorProps } from 'react-querybuilder';
import { DateInput } from '../../forms/DateInput.js';
import { useI18n } from '../../i18n/index.js';

const RANGE = new Set(['between', 'notBetween']);

/**
 * The condition builder's value editor: dates are typed in the app's
 * language (year first, with a hint and a clear error) instead of the
 * browser's locale picker; every other value uses react-querybuilder's own.
 */
export function DateValueEditor(props: ValueEditorProps) {
  const { t } = useI18n();
  const { inputType, operator, value, handleOnChange, disabled, path, title } = props;
  if ((inputType !== 'date' && inputType !== 'datetime-local') || operator === 'null' || operator === 'notNull') return <ValueEditor {...props} />;
  const kind = inputType === 'date' ? 'date' : 'datetime';
  const base = `cfd-rule-${path.join('-')}`;
  if (!RANGE.has(operator)) {
    return <DateInput id={base} kind={kind} value={typeof value === 'string' ? value : ''} onChange={(v) => handleOnChange(v ?? '')} disabled={disabled ?? false} ariaLabel={title ?? t('date.value')} />;
  }
  // A range keeps the form react-querybuilder gave it: an array, or "from,to" text.
  const asArray = Array.isArray(value);
  const parts: unknown[] = asArray ? (value as unknown[]) : typeof value === 'string' && value !== '' ? value.split(',') : [];
  const set = (i: number, v: string | null) => {
    const next = [parts[0] ?? '', parts[1] ?? ''].map((p) => (typeof p === 'string' ? p : String(p)));
    next[i] = v ?? '';
    handleOnChange(asArray ? next : next.join(','));
  };
  return (
    <span className="cfd-date-range">
      <DateInput id={`${base}-from`} kind={kind} value={parts[0] ?? ''} onChange={(v) => set(0, v)} disabled={disabled ?? false} ariaLabel={t('date.from')} />
      <span className="cfd-date-range-and">{t('date.and')}</span>
      <DateInput id={`${base}-to`} kind={kind} value={parts[1] ?? ''} onChange={(v) => set(1, v)} disabled={disabled ?? false} ariaLabel={t('date.to')} />
    </span>
  );
}
