import { useEffect, useId, useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { en } from '../../i18n/en.js';

const isKey = (s: string): s is MessageKey => Object.prototype.hasOwnProperty.call(en, s);

/**
 * A JSON editor for properties without a form of their own (a system step's
 * assignments and alert, a connection's record link). Applies the value while
 * the text parses and `check` finds nothing; shows why otherwise.
 */
export function JsonField({ label, value, onChange, onCommit, disabled, check, testId }: { label: string; value: unknown; onChange: (v: unknown) => void; onCommit: () => void; disabled?: boolean; check?: (v: unknown) => string | undefined; testId?: string }) {
  const { t } = useI18n();
  const id = useId();
  const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));
  const [text, setText] = useState(() => show(value));
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    // Follow outside changes (undo) unless the text already says the same.
    try {
      if (JSON.stringify(text.trim() ? JSON.parse(text) : undefined) === JSON.stringify(value)) return;
    } catch {
      // invalid text being typed: replace it only when the value really changed elsewhere
    }
    setText(show(value));
    setError(undefined);
  }, [value]); // keep the user's formatting while it means the same value
  const onText = (s: string) => {
    setText(s);
    if (!s.trim()) {
      setError(undefined);
      return onChange(undefined);
    }
    let v: unknown;
    try {
      v = JSON.parse(s);
    } catch (e) {
      return setError(t('condition.invalidJson', { message: e instanceof Error ? e.message : String(e) }));
    }
    // A check returns a message key of ours, or a message of the runtime's policy as it is.
    const why = check?.(v);
    setError(why && isKey(why) ? t(why) : why);
    if (!why) onChange(v);
  };
  return (
    <div className="cfd-row cfd-json">
      <label className="cfd-row-label" htmlFor={id}>{label}</label>
      <textarea id={id} rows={4} value={text} onChange={(e) => onText(e.target.value)} onBlur={onCommit} disabled={disabled} spellCheck={false} aria-invalid={error !== undefined} data-testid={testId} />
      {error ? <p className="cfd-json-status is-error" role="status">{error}</p> : null}
    </div>
  );
}
