import { useEffect, useRef, useState } from 'react';
import { useI18n, type Locale } from '../i18n/index.js';
import { formatDateText, parseDateText, type DateKind, type DateParse } from './dates.js';

/** Props of {@link DateInput}. */
export interface DateInputProps {
  /** The input's id (for its label); its hint or error is `${id}-date`. */
  id: string;
  /** A calendar day (`yyyy-mm-dd`) or a time (an ISO instant). */
  kind: DateKind;
  /** The stored value: `yyyy-mm-dd`, an ISO instant, or text typed earlier that is not a date. */
  value: unknown;
  /**
   * Called as the person types: with the day or instant when the text reads
   * as one, `null` when emptied, else with the typed text itself (so a form
   * never keeps an older date behind a wrong one; the engine refuses it).
   */
  onChange: (value: string | null) => void;
  invalid?: boolean;
  required?: boolean;
  className?: string;
  /** Id of another element describing the control (e.g. its limit message). */
  describedBy?: string;
  /** A name for the control when no label points at it. */
  ariaLabel?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

const readable = new Map<string, Intl.DateTimeFormat>();
function readableText(value: string, kind: DateKind, locale: Locale): string {
  const key = `${locale}:${kind}`;
  let f = readable.get(key);
  if (!f) {
    const tag = locale === 'zh' ? 'zh-CN' : 'en-GB';
    f = kind === 'date' ? new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeZone: 'UTC' }) : new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short', hour12: false });
    readable.set(key, f);
  }
  return f.format(new Date(kind === 'date' ? `${value}T00:00:00Z` : value));
}

/**
 * A date or date-and-time field typed as text in the app's language, not
 * the browser's: the year comes first (`2026-11-22`, `2026-11-22 09:30`;
 * Chinese users may type `2026年11月22日`), a hint under it shows the format
 * or, once typed, the day in words to check against; text that is not a
 * date stays as typed with a clear error in the user's language.
 */
export function DateInput({ id, kind, value, onChange, invalid = false, required = false, className, describedBy, ariaLabel, disabled, 'data-testid': testId }: DateInputProps) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(() => formatDateText(value, kind));
  const [touched, setTouched] = useState(false);
  const sent = useRef<unknown>(value);
  // Follow outside changes (another task, undo, reset) without rewriting what is being typed.
  useEffect(() => {
    if ((value ?? null) !== (sent.current ?? null)) {
      sent.current = value;
      setText(formatDateText(value, kind));
      setTouched(false);
    }
  }, [value, kind]);
  const parsed: DateParse = parseDateText(text, kind);
  const hintId = `${id}-date`;
  const example = kind === 'date' ? '2026-11-22' : '2026-11-22 09:30';
  const error = !parsed.ok && touched ? t(`date.${parsed.reason}`, { text: text.trim(), example, format: t(`date.format.${kind}`) }) : undefined;
  const hint = error ?? (parsed.ok && parsed.value ? readableText(parsed.value, kind, locale) : t('date.hint', { format: t(`date.format.${kind}`), example }));
  return (
    <span className="cfd-date">
      <input
        id={id}
        type="text"
        className={`cfd-input cfd-date-input ${invalid || error ? 'is-invalid' : ''} ${className ?? ''}`}
        value={text}
        placeholder={t(`date.format.${kind}`)}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        aria-label={ariaLabel}
        aria-invalid={invalid || error !== undefined || undefined}
        aria-required={required || undefined}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        data-testid={testId}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const read = parseDateText(next, kind);
          const out = read.ok ? read.value : next.trim();
          sent.current = out;
          onChange(out);
        }}
        onBlur={() => setTouched(true)}
      />
      <span id={hintId} className={error ? 'cfd-date-error' : 'cfd-date-hint'} role={error ? 'alert' : undefined} data-testid="date-hint">
        {hint}
      </span>
    </span>
  );
}
