import { fieldLimits, formatEngineText, inputLimits, type EntityField } from '@crm/flow-runtime';

/** A field as forms know it: its type and, from the catalog, its limits. */
export type LimitedField = Pick<EntityField, 'type'> & Partial<Pick<EntityField, 'id' | 'constraints' | 'options' | 'name'>>;

/**
 * What is wrong with a value a person is typing, in the reader's language
 * ("Must be zero or more.", "必须不小于 0。"), from the field's catalog limits —
 * the same check the engine runs on every write, which stays the authority.
 * Undefined when the value keeps every limit (or is empty).
 */
export function limitMessage(field: LimitedField, value: unknown, locale: 'en' | 'zh', record?: Record<string, unknown>): string | undefined {
  if (!field.constraints && field.type !== 'money') return undefined;
  // Text that is not yet a date gets the date field's own message (what to type), not a limit it cannot be compared with.
  if ((field.type === 'date' || field.type === 'datetime') && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value))) return undefined;
  const full = { id: field.id ?? 'value', name: field.name ?? { en: '' }, ...field } as EntityField;
  const [first] = fieldLimits(full, value, record ? { record } : {});
  return first ? formatEngineText('limit.inline', { limit: { kind: 'msg', ...first } }, { locale }) : undefined;
}

/** HTML attributes for an input of the field: min/max (money never below 0), minLength/maxLength. */
export function limitAttributes(field: LimitedField): { min?: number; max?: number; minLength?: number; maxLength?: number } {
  return inputLimits({ type: field.type, ...(field.constraints ? { constraints: field.constraints } : {}) });
}

/** Props of {@link FieldLimitMessage}. */
export interface FieldLimitMessageProps {
  /** The message's id, for the input's `aria-describedby`. */
  id?: string;
  field: LimitedField;
  value: unknown;
  locale: 'en' | 'zh';
  record?: Record<string, unknown>;
}

/** The inline message under a field whose value breaks one of its limits (nothing otherwise). */
export function FieldLimitMessage({ id, field, value, locale, record }: FieldLimitMessageProps) {
  const message = limitMessage(field, value, locale, record);
  if (!message) return null;
  return (
    <span id={id} className="cfd-limit-msg" role="alert" data-testid="field-limit">
      {message}
    </span>
  );
}
