/**
 * A task's window as a form: the window's fields in catalog order, each
 * editable, read-only or hidden as the engine's task view says for this
 * role. Complete and Save go through the engine; its refusals are shown in
 * plain language next to the button, and the fields concerned are marked.
 */
import { useEffect, useMemo, useState } from 'react';
import { isEngineError, type Flow, type TaskView } from '@crm/flow-runtime';
import { useApp } from '../app/context';
import type { RecordIndex } from '../app/records';
import { useI18n } from '../i18n';
import { explainRefusal } from '../runtime/refusal';
import { field as entityField, windowById } from './catalog-lookup';
import { FieldLimitMessage } from '@crm/designer';
import { FieldInput } from './FieldInput';
import { LinesTable, useFormatValue } from './FieldValue';

export interface WindowFormProps {
  view: TaskView;
  flow: Flow;
  index: RecordIndex | undefined;
  onCompleted: () => void;
}

/** The form's record (its fields by name) from the draft's paths, for limits that compare fields. */
function recordOf(draft: Record<string, unknown>, variable: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!variable) return out;
  for (const [path, v] of Object.entries(draft)) if (path.startsWith(`${variable}.`)) out[path.slice(variable.length + 1)] = v;
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function WindowForm({ view, flow, index, onCompleted }: WindowFormProps) {
  const { rt, actor, role } = useApp();
  const i18n = useI18n();
  const { t, lt } = i18n;
  const format = useFormatValue();
  const [draft, setDraft] = useState<Record<string, unknown>>(view.values);
  const [unlocked, setUnlocked] = useState(false);
  const [error, setError] = useState<{ text: string; fields: string[] } | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setDraft(view.values);
    setError(undefined);
    // A new task (or a new role looking at it) starts from what the engine holds.
  }, [view.taskId, role]);

  const win = view.window ? windowById(view.window.id) : undefined;
  const variable = view.window?.variable;
  const entityId = view.window?.entity;
  const rows = useMemo(() => {
    if (!win || !variable || !entityId) return [];
    return win.fields.map((f) => {
      const path = `${variable}.${f}`;
      return { id: f, path, def: entityField(entityId, f), access: view.access[path] ?? 'none' };
    });
  }, [win, variable, entityId, view.access]);
  const hidden = rows.filter((r) => r.access === 'none').length;
  const required = new Set(view.required);

  const patch = () => {
    const out: Record<string, unknown> = {};
    for (const r of rows) {
      const writable = r.access === 'edit' || (unlocked && r.access === 'view');
      if (writable && !same(draft[r.path], view.values[r.path])) out[r.path] = draft[r.path] ?? null;
    }
    return out;
  };

  const run = async (kind: 'complete' | 'save') => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const data = patch();
      if (kind === 'complete') {
        await rt.engine.complete(view.instanceId, view.taskId, { actor, data, expectedSeq: view.seq });
        await rt.sync.flush();
        onCompleted();
      } else {
        await rt.engine.updateData(view.instanceId, { actor, data, expectedSeq: view.seq });
        await rt.sync.flush();
        setSaved(true);
      }
    } catch (e) {
      const text = explainRefusal(e, { i18n, flow, ...(win ? { windowId: win.id } : {}), ...(variable ? { variable } : {}) });
      setError({ text, fields: isEngineError(e) ? (e.details.fields ?? []) : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      // The fields' limits show inline as the person types (the browser's own bubbles would hide them and
      // stop the engine's answer); the engine checks every write and its refusal is shown below.
      noValidate
      className="window-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run('complete');
      }}
    >
      {win && (
        <div className="window-title">
          <h3>{lt(win.name)}</h3>
          {win.description && <p className="muted">{lt(win.description)}</p>}
        </div>
      )}
      {view.blockedBy.length > 0 && (
        <div className="banner critical" role="status">
          <strong>{t('task.blocked')}</strong>{i18n.locale === 'zh' ? '' : ' '}{view.blockedBy.map((b) => lt(b.message)).join(' ')}
        </div>
      )}
      <div className="fields">
        {rows
          .filter((r) => r.access !== 'none')
          .map((r) => {
            const inputId = `f-${r.path.replace(/\./g, '-')}`;
            const editable = r.access === 'edit' || (unlocked && r.access === 'view');
            const invalid = error?.fields.includes(r.path);
            const label = r.def ? lt(r.def.name) : r.id;
            const wide = r.def?.type === 'list' || r.def?.type === 'text';
            return (
              <div key={r.path} className={`field${wide ? ' wide' : ''}${editable ? '' : ' readonly'}${unlocked && r.access === 'view' ? ' forced' : ''}`}>
                <label htmlFor={inputId} className={required.has(r.path) && editable ? 'required' : undefined}>
                  {label}
                  {!editable && <span className="badge-ro">{t('task.readOnly')}</span>}
                </label>
                {editable && r.def ? (
                  <>
                    <FieldInput id={inputId} field={r.def} value={draft[r.path]} index={index} invalid={invalid} onChange={(v) => setDraft((d) => ({ ...d, [r.path]: v }))} />
                    <FieldLimitMessage id={`${inputId}-limit`} field={r.def} value={draft[r.path]} locale={i18n.locale} record={recordOf(draft, variable)} />
                  </>
                ) : r.def?.type === 'list' ? (
                  <div id={inputId}>
                    <LinesTable lines={view.values[r.path]} />
                  </div>
                ) : (
                  <output id={inputId} className="value">
                    {format(r.def, view.values[r.path], index)}
                  </output>
                )}
              </div>
            );
          })}
      </div>
      {hidden > 0 && <p className="muted small">{t('task.hiddenFields', { n: hidden })}</p>}
      {error && (
        <div className="banner refusal" role="alert">
          <strong>{t('task.refused')}</strong>{i18n.locale === 'zh' ? '' : ' '}{error.text}
        </div>
      )}
      {saved && !error && <p className="ok small">{t('task.saved')}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('task.complete')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void run('save')}>
          {t('task.save')}
        </button>
        {rows.some((r) => r.access === 'view') && (
          <label className="unlock">
            <input type="checkbox" checked={unlocked} onChange={(e) => setUnlocked(e.target.checked)} /> {t('task.unlock')}
          </label>
        )}
      </div>
    </form>
  );
}
