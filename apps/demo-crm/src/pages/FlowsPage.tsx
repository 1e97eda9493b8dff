/**
 * The flows page: the designer embedded. A key user (sales manager,
 * general manager) edits a draft and validates it; an admin publishes it as
 * the next version. Running cases stay on the version they started with;
 * new cases use the newest. The one place the demo touches the designer.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FlowDesigner, type DesignerPermission, type FlowTemplate, type SimulationScenario } from '@crm/designer';
import { isEngineError, type Catalog, type Flow } from '@crm/flow-runtime';
import { useApp, useQuery } from '../app/context';
import { href, navigate } from '../app/router';
import { Chip, Loading, PageHeader } from '../components/bits';
import type { FlowDraft } from '../db/crm-db';
import { useI18n } from '../i18n';
import { DEMO_USERS, userName, type DemoRole } from '../runtime/actors';
import { applyPublishedCatalog, catalog, sampleFlows, sampleScenarios } from '../runtime/definitions';
import { engineError } from '../runtime/engine-text';
import { roleName } from '../windows/catalog-lookup';

/** What each demo role may do in the designer. */
export function designerPermission(role: DemoRole): DesignerPermission {
  if (role === 'admin') return 'admin';
  if (role === 'sales-manager' || role === 'general-manager') return 'key-user';
  return 'viewer';
}

interface FlowRow {
  flowId: string;
  name: { en: string; zh?: string };
  versions: { version: number; running: number; total: number }[];
  latest: number;
  draft?: FlowDraft;
}

export function FlowsPage({ flowId }: { flowId?: string }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt } = i18n;
  const rows = useQuery(async ({ rt }) => {
    const defs = await rt.engine.definitions();
    const instances = await rt.engine.instances();
    const drafts = await rt.db.drafts.toArray();
    const byFlow = new Map<string, FlowRow>();
    for (const d of defs) {
      let row = byFlow.get(d.flowId);
      if (!row) byFlow.set(d.flowId, (row = { flowId: d.flowId, name: d.name, versions: [], latest: 0 }));
      const of = instances.filter((i) => i.flowId === d.flowId && i.version === d.version);
      row.versions.push({ version: d.version, running: of.filter((i) => i.status === 'active' || i.status === 'incident').length, total: of.length });
      if (d.version >= row.latest) {
        row.latest = d.version;
        row.name = d.name;
      }
    }
    for (const draft of drafts) {
      const row = byFlow.get(draft.flowId);
      if (row) row.draft = draft;
    }
    return [...byFlow.values()].sort((a, b) => lt(a.name).localeCompare(lt(b.name)));
  }, []);
  if (!rows) return <Loading />;
  const current = rows.find((r) => r.flowId === flowId);
  return (
    <div className="page flows-page">
      <PageHeader
        title={t('flows.title')}
        subtitle={t('flows.subtitle', { permission: t(`flows.permission.${designerPermission(app.role)}`) })}
        actions={
          current ? (
            <label className="flow-pick">
              <span className="muted small">{t('flows.other')}</span>
              <select aria-label={t('flows.other')} value={current.flowId} onChange={(e) => navigate('flows', e.target.value)}>
                {rows.map((r) => (
                  <option key={r.flowId} value={r.flowId}>
                    {lt(r.name)}
                    {r.draft ? ` · ${t('flows.draftChip', { v: r.draft.flow.version })}` : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : undefined
        }
      />
      <div className={current ? 'flows-layout open' : 'flows-layout'}>
        <ul className="flow-list" data-testid="flow-list" hidden={current !== undefined}>
          {rows.map((r) => (
            <li key={r.flowId} className={r.flowId === flowId ? 'on' : undefined}>
              <a href={href('flows', r.flowId)}>
                <strong>{lt(r.name)}</strong>
                <span className="muted small">
                  {r.versions.map((v) => `v${v.version}${v.running ? ` · ${t('flows.runningShort', { n: v.running })}` : ''}`).join(' | ')}
                </span>
                {r.draft && <Chip tone="warn">{t('flows.draftChip', { v: r.draft.flow.version })}</Chip>}
              </a>
            </li>
          ))}
        </ul>
        {current && (
          <div className="flow-work">
            <FlowWorkspace key={current.flowId} row={current} />
          </div>
        )}
      </div>
    </div>
  );
}

function FlowWorkspace({ row }: { row: FlowRow }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt, dateTime } = i18n;
  const permission = designerPermission(app.role);
  const [message, setMessage] = useState<{ tone: 'ok' | 'refusal'; text: string } | undefined>();
  const versions = useQuery(async ({ rt }) => Promise.all(row.versions.map((v) => rt.engine.definition(row.flowId, v.version))), [row.flowId, row.latest]);
  const published = versions?.find((f) => f.version === row.latest);
  const draft = row.draft;
  // The flow object handed to the designer changes only when another flow or draft is opened.
  const [opened, setOpened] = useState<Flow | undefined>();
  useEffect(() => {
    setOpened(draft?.flow ?? published);
    // Re-open when the draft appears or goes, not on every save.
  }, [published?.version, draft === undefined]);

  // The catalog the designer checks against: the draft's edited one, else the published one.
  const [workingCatalog, setWorkingCatalog] = useState<Catalog>(() => draft?.catalog ?? catalog);
  useEffect(() => setWorkingCatalog(draft?.catalog ?? catalog), [draft === undefined]);
  const latest = useRef<{ flow?: Flow; catalog?: Catalog }>({});
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const save = useCallback(() => {
    if (!draft) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      const next = latest.current.catalog ?? draft.catalog;
      // update, not put: scenarios saved meanwhile stay with the draft.
      void app.rt.db.drafts.update(draft.flowId, { flow: latest.current.flow ?? draft.flow, ...(next ? { catalog: next } : {}), updatedAt: app.rt.clock.now(), updatedBy: DEMO_USERS[app.role].id });
    }, 250);
  }, [draft, app.rt, app.role]);
  const onChange = useCallback(
    (flow: Flow) => {
      latest.current.flow = flow;
      save();
    },
    [save],
  );
  const onCatalogChange = useCallback(
    (next: Catalog) => {
      latest.current.catalog = next;
      setWorkingCatalog(next);
      save();
    },
    [save],
  );
  useEffect(() => () => clearTimeout(saveTimer.current), []);

  const startDraft = async () => {
    if (!published) return;
    const flow: Flow = { ...structuredClone(published), version: row.latest + 1 };
    await app.rt.db.drafts.put({ flowId: row.flowId, flow, baseVersion: row.latest, updatedAt: app.rt.clock.now(), updatedBy: DEMO_USERS[app.role].id });
    setMessage(undefined);
    app.refresh();
  };

  const discard = async () => {
    await app.rt.db.drafts.delete(row.flowId);
    setMessage(undefined);
    app.refresh();
  };

  const publish = async (flow: Flow) => {
    clearTimeout(saveTimer.current);
    const version = Math.max(flow.version, row.latest + 1);
    // The windows edited with the draft go live with it (the engine reads the same catalog).
    const editedCatalog = latest.current.catalog ?? draft?.catalog;
    const catalogChanged = editedCatalog !== undefined && JSON.stringify(editedCatalog.windows) !== JSON.stringify(catalog.windows);
    if (!catalogChanged && versions?.some((v) => JSON.stringify({ ...v, version: 0 }) === JSON.stringify({ ...flow, version: 0 }))) {
      setMessage({ tone: 'refusal', text: t('flows.unchanged') });
      return;
    }
    const before = structuredClone(catalog);
    try {
      if (editedCatalog) applyPublishedCatalog(editedCatalog);
      const result = await app.rt.engine.deploy({ ...flow, version }, { actor: app.actor });
      if (editedCatalog) await app.rt.db.meta.put({ key: 'catalog', value: structuredClone(catalog) });
      await app.rt.db.drafts.delete(row.flowId);
      setMessage({ tone: 'ok', text: t('flows.published', { v: result.version, running: row.versions.reduce((s, v) => s + v.running, 0) }) });
      app.refresh();
    } catch (e) {
      if (editedCatalog) applyPublishedCatalog(before);
      const findings = isEngineError(e, 'UNSAFE_FLOW') ? (e.details.findings ?? []) : [];
      if (findings.length) {
        setMessage({ tone: 'refusal', text: t('flows.unsafe', { problems: findings.map((f) => f.message[i18n.locale === 'zh' ? 'zh' : 'en']).join(' ') }) });
        return;
      }
      const problems = isEngineError(e) ? (e.details.problems ?? []) : [];
      // Problems as the parser wrote them in English; otherwise the engine's own text in the UI language
      // (in Chinese each problem by its code and place).
      const english = i18n.locale === 'en' && problems.length > 0;
      setMessage({
        tone: 'refusal',
        text: english ? t('flows.invalid', { problems: problems.map((p) => p.message).join('; ') }) : isEngineError(e) ? engineError(i18n, e.code, e.details) : e instanceof Error ? e.message : String(e),
      });
    }
  };

  // Conference-room testing in the designer with the sample scenarios of examples/flows/scenarios.
  const [savedScenarios, setSavedScenarios] = useState<SimulationScenario[]>(() => (draft?.scenarios ?? []) as SimulationScenario[]);
  const scenarios = useMemo(() => [...(sampleScenarios(row.flowId) as SimulationScenario[]), ...savedScenarios], [row.flowId, savedScenarios]);
  const onSaveScenario = useCallback(
    (sc: SimulationScenario) => {
      setSavedScenarios((list) => {
        const next = [...list, sc];
        if (draft) void app.rt.db.drafts.update(row.flowId, { scenarios: next });
        return next;
      });
    },
    [draft, app.rt, row.flowId],
  );
  const templates = useMemo<FlowTemplate[]>(() => [...sampleFlows.map((flow) => ({ flow, source: 'sample' as const })), ...(versions ?? []).map((flow) => ({ flow, source: 'published' as const }))], [versions]);
  if (!versions || !opened) return <Loading />;
  const editing = draft !== undefined;
  return (
    <div className="flow-workspace">
      <div className="flow-bar">
        <div>
          <h2>{lt(row.name)}</h2>
          <div className="versions" data-testid="versions">
            {row.versions.map((v) => (
              <Chip key={v.version} tone={v.version === row.latest ? 'ok' : 'neutral'}>
                {t('flows.versionLine', { v: v.version, running: v.running, total: v.total })}
              </Chip>
            ))}
            {draft && <Chip tone="warn">{t('flows.draftLine', { v: draft.flow.version, base: draft.baseVersion, who: userName(draft.updatedBy, i18n.locale), when: dateTime(draft.updatedAt) })}</Chip>}
          </div>
        </div>
        <div className="page-actions">
          {!editing && permission !== 'viewer' && (
            <button type="button" className="primary" onClick={() => void startDraft()}>
              {t('flows.editDraft')}
            </button>
          )}
          {editing && permission !== 'viewer' && (
            <button type="button" className="secondary" onClick={() => void discard()}>
              {t('flows.discard')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => navigate('dashboard')}>
            {t('nav.dashboard')}
          </button>
        </div>
      </div>
      <p className="muted small">
        {permission === 'viewer'
          ? t('flows.viewerHint', { role: roleName(app.role, i18n.locale) })
          : editing
            ? permission === 'admin'
              ? t('flows.adminHint')
              : t('flows.keyUserHint')
            : t('flows.publishedHint', { v: row.latest })}
      </p>
      {message && (
        <div className={`banner ${message.tone}`} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}
      <div className="designer-box">
        <FlowDesigner
          flow={opened}
          catalog={workingCatalog}
          permissions={editing ? permission : 'viewer'}
          locale={i18n.locale}
          onChange={onChange}
          {...(editing && permission === 'admin' ? { onCatalogChange } : {})}
          {...(editing && permission === 'admin' ? { onPublish: (f: Flow) => void publish(f) } : {})}
          templates={templates}
          versions={versions}
          scenarios={scenarios}
          onSaveScenario={onSaveScenario}
          flows={sampleFlows}
        />
      </div>
    </div>
  );
}
