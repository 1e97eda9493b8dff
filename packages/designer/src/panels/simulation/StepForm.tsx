import { useMemo, useState } from 'react';
import type { Access, Catalog, DataPatch, Flow, InstanceState } from '@crm/flow-runtime';
import { accessOf } from '../../catalog/findings.js';
import { FieldWidget } from '../../forms/FieldWidget.js';
import { FieldLimitMessage } from '../../forms/limits.js';
import { useI18n } from '../../i18n/index.js';

/** Reads a dotted path out of the instance data. */
function read(data: unknown, path: string): unknown {
  let v: unknown = data;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/**
 * The open step's window as a form, as the person in the chosen role would
 * see it in the CRM: the window's fields with that role's access (edit or
 * view; fields without access are left out), required fields marked, plus
 * the process variables the step edits. Completing sends what was entered.
 */
export function StepForm({ flow, catalog, instance, task, busy, onComplete }: {
  flow: Flow;
  catalog: Catalog;
  instance: InstanceState;
  task: { taskId: string; nodeId: string; roles: string[] };
  busy: boolean;
  onComplete: (data: DataPatch, role: string | undefined) => void;
}) {
  const { t, text, locale } = useI18n();
  const node = flow.nodes.find((n) => n.id === task.nodeId);
  const [role, setRole] = useState(task.roles[0]);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const shape = useMemo(() => {
    if (node?.kind !== 'task') return undefined;
    const win = node.window ? catalog.windows.find((w) => w.id === node.window) : undefined;
    const entity = win ? catalog.entities.find((e) => e.id === win.entity) : undefined;
    const variable = win ? (node.record ?? Object.entries(flow.data).find(([, v]) => v.type === 'record' && v.entity === win.entity)?.[0]) : undefined;
    return { win, entity, variable, own: node.fields ?? [], required: new Set([...(win && variable ? (win.required ?? []).map((f) => `${variable}.${f}`) : []), ...(node.required ?? [])]) };
  }, [node, catalog, flow.data]);
  if (!node || !shape) return null;
  const roles = role ? [role] : [];
  const rows: { path: string; label: string; access: Access; field: { type: string; options?: { value: string; name: { en: string; zh?: string } }[] } }[] = [];
  if (shape.win && shape.variable && shape.entity) {
    for (const f of shape.win.fields) {
      const a = roles.length ? (roles.map((r) => accessOf(shape.win!, f, r)).includes('edit') ? 'edit' : roles.some((r) => accessOf(shape.win!, f, r) === 'view') ? 'view' : 'none') : (shape.win.access ? 'view' : 'none');
      if (a === 'none') continue;
      const field = shape.entity.fields.find((x) => x.id === f);
      if (!field) continue;
      rows.push({ path: `${shape.variable}.${f}`, label: text(field.name), access: a, field });
    }
  }
  for (const p of shape.own) {
    const v = flow.data[p.split('.')[0]!];
    rows.push({ path: p, label: text(v?.name) || p, access: 'edit', field: { type: v && v.type !== 'record' ? v.type : 'string', ...(v?.options ? { options: v.options } : {}) } });
  }
  const value = (p: string) => (p in values ? values[p] : read(instance.data, p));
  const missing = rows.filter((r) => shape.required.has(r.path) && r.access === 'edit' && (value(r.path) === undefined || value(r.path) === null || value(r.path) === ''));
  const submit = () => {
    const patch: DataPatch = {};
    for (const [p, v] of Object.entries(values)) if (rows.some((r) => r.path === p && r.access === 'edit')) patch[p] = v;
    onComplete(patch, role);
    setValues({});
  };
  return (
    <form
      className="cfd-step-form"
      data-testid="sim-form"
      data-node={node.id}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <header>
        <strong>{text(node.name)}</strong>
        {shape.win ? <span className="cfd-muted"> · {text(shape.win.name)}</span> : null}
        {task.roles.length > 0 ? (
          <label className="cfd-step-role">
            <span>{t('sim.asRole')}</span>
            <select className="cfd-input" value={role} onChange={(e) => setRole(e.target.value)} data-testid="sim-role">
              {task.roles.map((r) => (
                <option key={r} value={r}>{text(catalog.roles.find((x) => x.id === r)?.name) || r}</option>
              ))}
            </select>
          </label>
        ) : null}
      </header>
      {rows.length === 0 ? <p className="cfd-muted">{t('sim.noFields')}</p> : null}
      <div className="cfd-step-fields">
        {rows.map((r) => (
          <label key={r.path} className={`cfd-step-field is-${r.access}`} data-path={r.path}>
            <span>
              {r.label}
              {shape.required.has(r.path) ? <span className="cfd-required" title={t('catalog.required')}> *</span> : null}
            </span>
            <FieldWidget
              id={`sim-${r.path}`}
              field={r.field as Parameters<typeof FieldWidget>[0]['field']}
              value={value(r.path)}
              onChange={(v) => setValues((s) => ({ ...s, [r.path]: v }))}
              access={r.access === 'edit' ? 'edit' : 'view'}
              required={shape.required.has(r.path)}
              invalid={missing.includes(r)}
            />
            {r.access === 'edit' ? <FieldLimitMessage field={r.field as Parameters<typeof FieldLimitMessage>[0]['field']} value={value(r.path)} locale={locale} /> : null}
          </label>
        ))}
      </div>
      <div className="cfd-sim-buttons">
        <button type="submit" className="cfd-btn cfd-btn-primary" disabled={busy} data-testid="sim-complete">{t('sim.complete')}</button>
        {missing.length ? <span className="cfd-muted">{t('sim.missing', { fields: missing.map((m) => m.label).join(', ') })}</span> : null}
      </div>
    </form>
  );
}
