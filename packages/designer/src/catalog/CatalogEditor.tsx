import { commandLabel } from '../i18n/commands.js';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Access, Catalog, Flow, LocalizedText } from '@crm/flow-runtime';
import type { DesignerPermission } from '../designer/context.js';
import { I18nProvider, useI18n, type Locale } from '../i18n/index.js';
import { ConditionBuilder } from '../panels/condition/ConditionBuilder.js';
import { addWindow, removeWindow, renameWindow, setFieldAccess, setFieldRequired, setFieldShown, setRecordFilter, setRoleAccess } from './commands.js';
import { catalogFindings } from './findings.js';
import { permissionMatrix } from './matrix.js';
import { createCatalogStore, type CatalogStore } from './store.js';

/** Props of {@link CatalogEditor}. */
export interface CatalogEditorProps {
  catalog: Catalog;
  /** Called with the catalog after every change. */
  onChange?: (catalog: Catalog) => void;
  /** Flows that use the catalog: checked live against it, and shown in the permission matrix. */
  flows?: readonly Flow[];
  /** Only `admin` edits the catalog; others see it read-only. Default admin. */
  permissions?: DesignerPermission;
  /** UI language when used outside a designer (inside one, the designer's). */
  locale?: Locale;
  /** The window selected first. */
  initialWindow?: string;
  /** The flow the permission matrix shows first. */
  initialFlow?: string;
}

const ACCESS: Access[] = ['edit', 'view', 'none'];

/**
 * The catalog editor: windows (entity, fields shown, required fields),
 * access per role, per-field overrides and the record-display condition
 * built with the condition builder; a permission matrix (roles × steps ×
 * fields); undo/redo; and live findings with one-click fixes. Only admins edit.
 *
 * @example
 * <CatalogEditor catalog={catalog} flows={[flow]} permissions="admin" locale="zh" onChange={saveCatalog} />
 */
export function CatalogEditor(props: CatalogEditorProps) {
  return props.locale ? (
    <I18nProvider locale={props.locale}>
      <CatalogEditorInner {...props} />
    </I18nProvider>
  ) : (
    <CatalogEditorInner {...props} />
  );
}

function CatalogEditorInner({ catalog: initial, onChange, flows = [], permissions = 'admin', initialWindow, initialFlow }: CatalogEditorProps) {
  const { t, text, locale } = useI18n();
  const [store] = useState<CatalogStore>(() => createCatalogStore(initial));
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const catalog = snap.catalog;
  const editable = permissions === 'admin';
  const emitted = useRef(initial);
  useEffect(() => {
    if (initial !== emitted.current && initial !== store.getSnapshot().catalog) {
      emitted.current = initial;
      store.reset(initial);
    }
  }, [initial, store]);
  useEffect(() => {
    if (!onChange || snap.catalog === emitted.current) return;
    emitted.current = snap.catalog;
    onChange(snap.catalog);
  }, [snap, onChange]);

  const [tab, setTab] = useState<'windows' | 'matrix'>('windows');
  const [selected, setSelected] = useState<string | undefined>(initialWindow ?? catalog.windows[0]?.id);
  const [filter, setFilter] = useState('');
  const findings = useMemo(() => catalogFindings(catalog, flows, locale), [catalog, flows, locale]);
  const win = catalog.windows.find((w) => w.id === selected);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (!mod || !editable) return;
    const k = e.key.toLowerCase();
    const typing = (e.target as HTMLElement).closest('input[type=text],input:not([type]),textarea');
    if (typing && !snap.canUndo) return;
    if (k === 'z' && !e.shiftKey) {
      e.preventDefault();
      store.undo();
    } else if ((k === 'z' && e.shiftKey) || k === 'y') {
      e.preventDefault();
      store.redo();
    }
  };

  const shown = catalog.windows.filter((w) => !filter || `${w.id} ${w.name.en} ${w.name.zh ?? ''}`.toLowerCase().includes(filter.toLowerCase()));

  return (
    <div className="cfd-root cfd-catalog" data-testid="catalog-editor" lang={locale} onKeyDown={onKeyDown}>
      <header className="cfd-catalog-bar">
        <div role="tablist" className="cfd-catalog-tabs">
          <button type="button" role="tab" aria-selected={tab === 'windows'} className={tab === 'windows' ? 'is-on' : ''} onClick={() => setTab('windows')}>
            {t('catalog.windows')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'matrix'} className={tab === 'matrix' ? 'is-on' : ''} onClick={() => setTab('matrix')}>
            {t('catalog.matrix')}
          </button>
        </div>
        {editable ? (
          <>
            <button type="button" className="cfd-btn" disabled={!snap.canUndo} onClick={() => store.undo()} title={commandLabel(snap.undoName, locale, t)} aria-label={t('toolbar.undo')}>
              ↶ {t('toolbar.undo')}
            </button>
            <button type="button" className="cfd-btn" disabled={!snap.canRedo} onClick={() => store.redo()} title={commandLabel(snap.redoName, locale, t)} aria-label={t('toolbar.redo')}>
              ↷ {t('toolbar.redo')}
            </button>
          </>
        ) : (
          <span className="cfd-muted">{t('catalog.readOnly')}</span>
        )}
        <span className={`cfd-catalog-status ${findings.some((f) => f.severity === 'error') ? 'has-errors' : ''}`} data-testid="catalog-status">
          {findings.length ? t('catalog.findingsCount', { n: findings.length }) : t('catalog.noFindings')}
        </span>
      </header>
      {tab === 'windows' ? (
        <div className="cfd-catalog-body">
          <aside className="cfd-catalog-list" aria-label={t('catalog.windows')}>
            <input className="cfd-input" type="search" placeholder={t('catalog.search')} aria-label={t('catalog.search')} value={filter} onChange={(e) => setFilter(e.target.value)} />
            {editable ? <NewWindow catalog={catalog} onAdd={(entity, name) => {
              const cmd = addWindow(catalog, entity, name);
              store.run(cmd);
              setSelected(cmd.id);
            }} /> : null}
            <ul>
              {shown.map((w) => (
                <li key={w.id}>
                  <button type="button" className={w.id === selected ? 'is-on' : ''} aria-current={w.id === selected} onClick={() => setSelected(w.id)}>
                    <strong>{text(w.name)}</strong>
                    <span className="cfd-muted">{text(catalog.entities.find((e) => e.id === w.entity)?.name) || w.entity}</span>
                  </button>
                </li>
              ))}
            </ul>
          </aside>
          <section className="cfd-catalog-window" aria-label={t('catalog.window')}>
            {win ? <WindowEditor key={win.id} catalog={catalog} windowId={win.id} store={store} editable={editable} onRemoved={() => setSelected(catalog.windows.find((w) => w.id !== win.id)?.id)} /> : <p className="cfd-muted">{t('catalog.pick')}</p>}
          </section>
          <aside className="cfd-catalog-findings" aria-label={t('catalog.findings')} data-testid="catalog-findings">
            <h3>{t('catalog.findings')}</h3>
            {findings.length === 0 ? <p className="cfd-muted">{t('catalog.noFindings')}</p> : null}
            <ul>
              {findings.map((f, i) => (
                <li key={i} className={`is-${f.severity}`} title={f.code}>
                  <button type="button" className="cfd-link" onClick={() => f.window && setSelected(f.window)}>{f.message}</button>
                  {f.fix && editable ? (
                    <button type="button" className="cfd-btn cfd-btn-fix" data-testid="fix" onClick={() => store.run(f.fix!.command)}>
                      {t('common.about', { label: t('catalog.fix'), subject: f.fix.label })}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </aside>
        </div>
      ) : (
        <Matrix catalog={catalog} flows={flows} initialFlow={initialFlow} />
      )}
    </div>
  );
}

function NewWindow({ catalog, onAdd }: { catalog: Catalog; onAdd: (entity: string, name: LocalizedText) => void }) {
  const { t, text, locale } = useI18n();
  const [entity, setEntity] = useState(catalog.entities[0]?.id ?? '');
  const [name, setName] = useState('');
  return (
    <form
      className="cfd-catalog-new"
      onSubmit={(e) => {
        e.preventDefault();
        if (!entity || !name.trim()) return;
        onAdd(entity, locale === 'zh' ? { en: name.trim(), zh: name.trim() } : { en: name.trim() });
        setName('');
      }}
    >
      <select className="cfd-input" aria-label={t('catalog.entity')} value={entity} onChange={(e) => setEntity(e.target.value)}>
        {catalog.entities.map((e) => (
          <option key={e.id} value={e.id}>{text(e.name)}</option>
        ))}
      </select>
      <input className="cfd-input" aria-label={t('catalog.newName')} placeholder={t('catalog.newName')} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="cfd-btn cfd-btn-primary" disabled={!name.trim()}>+ {t('catalog.addWindow')}</button>
    </form>
  );
}

function WindowEditor({ catalog, windowId, store, editable, onRemoved }: { catalog: Catalog; windowId: string; store: CatalogStore; editable: boolean; onRemoved: () => void }) {
  const { t, text } = useI18n();
  const win = catalog.windows.find((w) => w.id === windowId)!;
  const entity = catalog.entities.find((e) => e.id === win.entity);
  const accessLabel = (a: Access) => t(`catalog.access.${a}`);
  // The record-display condition tests the entity's own fields: a flow whose variables are those fields.
  const filterFlow = useMemo<Flow>(
    () => ({
      id: 'record-filter',
      version: 1,
      name: win.name,
      data: Object.fromEntries((entity?.fields ?? []).map((f) => [f.id, { type: f.type, name: f.name, ...(f.options ? { options: f.options } : {}) }])),
      nodes: [],
      edges: [],
    }),
    [entity, win.name],
  );
  return (
    <div className="cfd-window-editor" data-testid="window-editor" data-window={win.id}>
      <div className="cfd-window-head">
        <label>
          <span>{t('catalog.nameEn')}</span>
          <input className="cfd-input" disabled={!editable} value={win.name.en} onChange={(e) => store.run(renameWindow(win.id, 'en', e.target.value), { typing: `name-en:${win.id}` })} onBlur={() => store.flush()} />
        </label>
        <label>
          <span>{t('catalog.nameZh')}</span>
          <input className="cfd-input" disabled={!editable} value={win.name.zh ?? ''} onChange={(e) => store.run(renameWindow(win.id, 'zh', e.target.value), { typing: `name-zh:${win.id}` })} onBlur={() => store.flush()} />
        </label>
        <div className="cfd-window-meta">
          <span className="cfd-muted">{t('catalog.entity')}</span> <strong>{text(entity?.name) || win.entity}</strong> <code className="cfd-muted">{win.id}</code>
          {editable ? (
            <button type="button" className="cfd-btn cfd-btn-danger" onClick={() => { store.run(removeWindow(win.id)); onRemoved(); }}>
              {t('catalog.removeWindow')}
            </button>
          ) : null}
        </div>
      </div>
      <h4>{t('catalog.roleAccess')}</h4>
      <div className="cfd-role-access">
        {catalog.roles.map((r) => (
          <label key={r.id}>
            <span>{text(r.name)}</span>
            <select className={`cfd-input access-${win.access[r.id] ?? 'none'}`} data-testid={`access-${r.id}`} disabled={!editable} value={win.access[r.id] ?? 'none'} onChange={(e) => store.run(setRoleAccess(win.id, r.id, e.target.value as Access))}>
              {ACCESS.map((a) => (
                <option key={a} value={a}>{accessLabel(a)}</option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <h4>{t('catalog.fields')}</h4>
      <div className="cfd-fields-scroll">
        <table className="cfd-fields-table">
          <thead>
            <tr>
              <th>{t('catalog.field')}</th>
              <th>{t('catalog.shown')}</th>
              <th>{t('catalog.required')}</th>
              {catalog.roles.map((r) => (
                <th key={r.id} title={t('catalog.override')}>{text(r.name)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(entity?.fields ?? []).map((f) => {
              const on = win.fields.includes(f.id);
              return (
                <tr key={f.id} data-field={f.id} className={on ? '' : 'is-hidden'}>
                  <td>{text(f.name)}</td>
                  <td>
                    <input type="checkbox" aria-label={t('common.about', { label: t('catalog.shown'), subject: text(f.name) })} disabled={!editable || (on && win.fields.length === 1)} checked={on} onChange={(e) => store.run(setFieldShown(win.id, f.id, e.target.checked))} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={t('common.about', { label: t('catalog.required'), subject: text(f.name) })} disabled={!editable || !on} checked={(win.required ?? []).includes(f.id)} onChange={(e) => store.run(setFieldRequired(win.id, f.id, e.target.checked))} />
                  </td>
                  {catalog.roles.map((r) => {
                    const own = win.fieldAccess?.[f.id]?.[r.id];
                    const inherited = win.access[r.id] ?? 'none';
                    return (
                      <td key={r.id}>
                        <select
                          className={`cfd-input cfd-override ${own ? `access-${own}` : 'is-inherited'}`}
                          aria-label={`${text(f.name)} · ${text(r.name)}`}
                          data-testid={`field-access-${f.id}-${r.id}`}
                          disabled={!editable || !on}
                          value={own ?? ''}
                          onChange={(e) => store.run(setFieldAccess(win.id, f.id, r.id, e.target.value === '' ? undefined : (e.target.value as Access)))}
                        >
                          <option value="">{t('catalog.inherit', { access: accessLabel(inherited) })}</option>
                          {ACCESS.map((a) => (
                            <option key={a} value={a}>{accessLabel(a)}</option>
                          ))}
                        </select>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h4>{t('catalog.recordFilter')}</h4>
      <p className="cfd-muted">{t('catalog.recordFilterHint')}</p>
      <ConditionBuilder value={win.recordFilter} onChange={(rule) => store.run(setRecordFilter(win.id, rule), { typing: `filter:${win.id}` })} onCommit={() => store.flush()} flow={filterFlow} catalog={catalog} label={t('catalog.recordFilter')} disabled={!editable} />
    </div>
  );
}

function Matrix({ catalog, flows, initialFlow }: { catalog: Catalog; flows: readonly Flow[]; initialFlow: string | undefined }) {
  const { t, text, locale } = useI18n();
  const [flowId, setFlowId] = useState(initialFlow ?? flows[0]?.id);
  const [role, setRole] = useState('');
  const flow = flows.find((f) => f.id === flowId) ?? flows[0];
  const steps = useMemo(() => (flow ? permissionMatrix(flow, catalog, locale) : []), [flow, catalog, locale]);
  const roles = catalog.roles.filter((r) => !role || r.id === role);
  if (!flow) return <p className="cfd-muted">{t('catalog.noFlows')}</p>;
  const cell = (c: string) => (c === 'not-theirs' ? '—' : t(`catalog.access.${c as Access}`));
  return (
    <div className="cfd-matrix" data-testid="permission-matrix">
      <div className="cfd-matrix-bar">
        {flows.length > 1 ? (
          <label>
            <span>{t('catalog.flow')}</span>
            <select className="cfd-input" value={flow.id} onChange={(e) => setFlowId(e.target.value)}>
              {flows.map((f) => (
                <option key={f.id} value={f.id}>{text(f.name)}</option>
              ))}
            </select>
          </label>
        ) : (
          <strong>{text(flow.name)}</strong>
        )}
        <label>
          <span>{t('catalog.role')}</span>
          <select className="cfd-input" value={role} onChange={(e) => setRole(e.target.value)} aria-label={t('catalog.role')}>
            <option value="">{t('catalog.allRoles')}</option>
            {catalog.roles.map((r) => (
              <option key={r.id} value={r.id}>{text(r.name)}</option>
            ))}
          </select>
        </label>
        <span className="cfd-muted">{t('catalog.matrixLegend')}</span>
      </div>
      <div className="cfd-matrix-scroll">
        <table className="cfd-matrix-table">
          <thead>
            <tr>
              <th>{t('catalog.stepField')}</th>
              {roles.map((r) => (
                <th key={r.id}>{text(r.name)}</th>
              ))}
            </tr>
          </thead>
          {steps.map((s) => (
            <tbody key={s.id} data-step={s.id}>
              <tr className="cfd-matrix-step">
                <th colSpan={roles.length + 1}>
                  {s.name}
                  <span className="cfd-muted"> · {s.window ? s.window.name : t('catalog.noWindow')} · {s.roles.length ? s.roles.map((r) => text(catalog.roles.find((x) => x.id === r)?.name) || r).join(', ') : t('catalog.anyEditor')}</span>
                </th>
              </tr>
              {s.fields.map((f) => (
                <tr key={f.path}>
                  <td>{f.name}{f.required ? <span className="cfd-required" title={t('catalog.required')}> *</span> : null}</td>
                  {roles.map((r) => (
                    <td key={r.id} className={`cfd-cell is-${f.cells[r.id]}`} data-role={r.id} data-field={f.path}>{cell(f.cells[r.id] ?? 'none')}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}
