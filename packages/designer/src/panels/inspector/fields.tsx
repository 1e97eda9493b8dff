import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/** A labelled row of the inspector. */
export function Row({ label, children, hint, htmlFor }: { label: string; children: ReactNode; hint?: string; htmlFor?: string }) {
  return (
    <div className="cfd-row">
      <label className="cfd-row-label" htmlFor={htmlFor}>{label}</label>
      {children}
      {hint ? <span className="cfd-row-hint">{hint}</span> : null}
    </div>
  );
}

/** A text input that reports every keystroke and its end (blur). */
export function TextField({ label, value, onChange, onCommit, disabled, placeholder, testId, lang }: { label: string; value: string; onChange: (v: string) => void; onCommit: () => void; disabled?: boolean; placeholder?: string; testId?: string; lang?: string }) {
  const id = useId();
  return (
    <Row label={label} htmlFor={id}>
      <input id={id} className="cfd-input" value={value} onChange={(e) => onChange(e.target.value)} onBlur={onCommit} onKeyDown={(e) => e.key === 'Enter' && onCommit()} disabled={disabled} placeholder={placeholder} data-testid={testId} lang={lang} />
    </Row>
  );
}

/** Tallest an editable text box grows to (about twelve lines); a read-only one shows all of its text. */
const MAX_EDIT_HEIGHT = 220;

/**
 * A multi-line text input that grows with its text: a reviewer reads a whole
 * description or note without scrolling a three-line box; while editing it
 * grows up to about twelve lines, then scrolls.
 */
export function TextArea({ label, value, onChange, onCommit, disabled, hint, testId, lang }: { label: string; value: string; onChange: (v: string) => void; onCommit: () => void; disabled?: boolean; hint?: string; testId?: string; lang?: string }) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = '';
    const needed = el.scrollHeight + el.offsetHeight - el.clientHeight;
    // Only ever taller than the three rows it starts at (a laid-out box; nothing to measure before).
    if (el.scrollHeight > el.clientHeight) el.style.height = `${disabled ? needed : Math.min(needed, MAX_EDIT_HEIGHT)}px`;
  }, [value, disabled]);
  return (
    <Row label={label} htmlFor={id} {...(hint ? { hint } : {})}>
      <textarea ref={box} id={id} className="cfd-input" rows={3} value={value} onChange={(e) => onChange(e.target.value)} onBlur={onCommit} disabled={disabled} data-testid={testId} lang={lang} />
    </Row>
  );
}

/** A select over options; the empty value stands for "none". */
export function SelectField({ label, value, options, onChange, disabled, none, testId }: { label: string; value: string | undefined; options: { value: string; label: string }[]; onChange: (v: string | undefined) => void; disabled?: boolean; none?: string; testId?: string }) {
  const id = useId();
  return (
    <Row label={label} htmlFor={id}>
      <select id={id} className="cfd-input" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} disabled={disabled} data-testid={testId}>
        {none !== undefined ? <option value="">{none}</option> : null}
        {value && !options.some((o) => o.value === value) ? <option value={value}>{value}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Row>
  );
}

/** A set of checkboxes (roles, separation of duties). */
export function CheckList({ label, values, options, onChange, disabled, testId }: { label: string; values: readonly string[]; options: { value: string; label: string }[]; onChange: (v: string[]) => void; disabled?: boolean; testId?: string }) {
  return (
    <fieldset className="cfd-row cfd-checklist" data-testid={testId}>
      <legend className="cfd-row-label">{label}</legend>
      <div className="cfd-checklist-items">
        {options.map((o) => (
          <label key={o.value} className="cfd-check">
            <input type="checkbox" checked={values.includes(o.value)} disabled={disabled} onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A checkbox. */
export function CheckField({ label, checked, onChange, disabled, testId }: { label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; testId?: string }) {
  return (
    <label className="cfd-row cfd-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} disabled={disabled} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}
