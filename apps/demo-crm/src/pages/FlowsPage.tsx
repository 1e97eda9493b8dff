/**
 * The flows page: the designer embedded. A key user (sales manager,
 * general manager) edits a draft and validates it; an admin publishes it as
 * the next version. Running cases stay on the version they started with;
 * new cases use the newest. The one place the demo touches the designer.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  FlowDesigner,
  I18nProvider as DesignerI18n,
  ImportDialog,
  NewFlowDialog,
  readFlowFile,
  type DesignerPermission,
  type FlowTemplate,
  type ImportPlan,
  type SimulationScenario,
} from '@crm/designer';
import { isEngineError, type Catalog, type Flow } from '@crm/flow-runtime';
import { useApp, useQuery } from '../app/context';
import { href, navigate } from '../app/router';
import { Chip, Loading, PageHeader } from '../components/bits';
import type { FlowDraft } from '../db/crm-db';
import { useI18n } from '../i18n';
import { DEMO_USERS, userName, type DemoRole } from '../runtime/actors';
import { catalog, sampleFlows, sampleScenarios } from '../runtime/definitions';
import { applyFlowImport, createFlowDraft, draftFromPublished, planFlowImport, publishDraft } from '../runtime/publish';
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
      // A new flow has a draft and no published version yet.
      let row = byFlow.get(draft.flowId);
      if (!row) byFlow.set(draft.flowId, (row = { flowId: draft.flowId, name: draft.flow.name, versions: [], latest: 0 }));
      row.draft = draft;
    }
    return [...byFlow.values()].sort((a, b) => lt(a.name).localeCompare(lt(b.name)));
  }, []);
  const permission = designerPermission(app.role);
  const [creating, setCreating] = useState<FlowTemplate[] | undefined>();
  const [importing, setImporting] = useState<ImportPlan | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const by = DEMO_USERS[app.role].id;

  /** Opens "New flow" with the samples as templates and the newest version of each published flow to copy. */
  const openNewFlow = async () => {
    const defs = await app.rt.engine.definitions();
    const newest = new Map<string, number>();
    for (const d of defs) newest.set(d.flowId, Math.max(newest.get(d.flowId) ?? 0, d.version));
    const published = await Promise.all([...newest].map(([id, v]) => app.rt.engine.definition(id, v)));
    setProblem(undefined);
    setCreating([...sampleFlows.map((flow) => ({ flow, source: 'sample' as const })), ...published.map((flow) => ({ flow, source: 'published' as const }))]);
  };
  const create = async (flow: Flow) => {
    try {
      await createFlowDraft(app.rt, flow, by);
      setCreating(undefined);
      app.refresh();
      navigate('flows', flow.id);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  /** An imported file: what it will replace is confirmed first (its own version is never used). */
  const importFlow = useCallback(
    async (file: Flow) => {
      setProblem(undefined);
      setImporting(await planFlowImport(app.rt, file));
    },
    [app.rt],
  );
  const importFile = async (file: File) => {
    const read = readFlowFile(await file.text());
    if (!read.ok) {
      setProblem(t('flows.importFailed', { message: read.message }));
      return;
    }
    await importFlow(read.flow);
  };
  const confirmImport = async (plan: ImportPlan) => {
    const draft = await applyFlowImport(app.rt, plan, by);
    setImporting(undefined);
    app.refresh();
    navigate('flows', draft.flowId);
  };

  if (!rows) return <Loading />;
  const current = rows.find((r) => r.flowId === flowId);
  return (
    <div className="page flows-page">
      <PageHeader
        title={t('flows.title')}
        subtitle={t('flows.subtitle', { permission: t(`flows.permission.${permission}`) })}
        actions={
          <>
            {current ? (
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
            ) : null}
            {permission !== 'viewer' && (
              <>
                <button type="button" className="primary" onClick={() => void openNewFlow()} data-testid="new-flow">
                  {t('flows.newFlow')}
                </button>
                <button type="button" className="secondary" onClick={() => fileInput.current?.click()} data-testid="import-flow">
                  {t('flows.import')}
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  accept="application/json,.json"
                  hidden
                  data-testid="import-flow-file"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f) void importFile(f);
                    e.target.value = '';
                  }}
                />
              </>
            )}
          </>
        }
      />
      {problem && (
        <div className="banner refusal" role="alert">
          {problem}
        </div>
      )}
      <div className={current ? 'flows-layout open' : 'flows-layout'}>
        <ul className="flow-list" data-testid="flow-list" hidden={current !== undefined}>
          {rows.map((r) => (
            <li key={r.flowId} className={r.flowId === flowId ? 'on' : undefined}>
              <a href={href('flows', r.flowId)}>
                <strong>{lt(r.name)}</strong>
                <span className="muted small">
                  {r.versions.length === 0
                    ? t('flows.newUnpublished')
                    : r.versions.map((v) => `v${v.version}${v.running ? ` · ${t('flows.runningShort', { n: v.running })}` : ''}`).join(' | ')}
                </span>
                {r.draft && <Chip tone="warn">{t('flows.draftChip', { v: r.draft.flow.version })}</Chip>}
              </a>
            </li>
          ))}
        </ul>
        {current && (
          <div className="flow-work">
            <FlowWorkspace key={current.flowId} row={current} onImport={importFlow} />
          </div>
        )}
      </div>
      <DesignerI18n locale={i18n.locale}>
        {creating && <NewFlowDialog catalog={catalog} templates={creating} taken={rows.map((r) => r.flowId)} onCreate={(flow) => void create(flow)} onClose={() => setCreating(undefined)} />}
        {importing && (
          <ImportDialog
            plan={importing}
            {...(importing.target?.draft?.updatedBy ? { draftEditor: userName(importing.target.draft.updatedBy, i18n.locale) } : {})}
            onConfirm={() => void confirmImport(importing)}
            onClose={() => setImporting(undefined)}
          />
        )}
      </DesignerI18n>
    </div>
  );
}

function FlowWorkspace({ row, onImport }: { row: FlowRow; onImport: (flow: Flow) => void }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt, dateTime } = i18n;
  const permission = designerPermission(app.role);
  const [message, setMessage] = useState<{ tone: 'ok' | 'refusal'; text: string } | undefined>();
  const versions = useQuery(async ({ rt }) => Promise.all(row.versions.map((v) => rt.engine.definition(row.flowId, v.version))), [row.flowId, row.latest]);
  const made = row.draft?.createdAt;
  const published = versions?.find((f) => f.version === row.latest);
  const draft = row.draft;
  // The flow object handed to the designer changes only when another flow or draft is opened.
  const [opened, setOpened] = useState<Flow | undefined>();
  useEffect(() => {
    // While a just-published new flow's versions load, the flow stays in view (no flash of loading).
    setOpened((shown) => draft?.flow ?? published ?? shown);
    // Re-open when the draft appears, goes or is replaced (an import), not on every save.
  }, [published?.version, draft === undefined, made]);

  // The catalog the designer checks against: the draft's edited one, else the published one.
  // A copy of the live catalog: the designer's editors treat what they are given as immutable (immer freezes it),
  // while publishing swaps windows into the live object.
  const [workingCatalog, setWorkingCatalog] = useState<Catalog>(() => draft?.catalog ?? structuredClone(catalog));
  useEffect(() => setWorkingCatalog(draft?.catalog ?? structuredClone(catalog)), [draft === undefined, made]);
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
  // The heading names the flow being edited: the draft's name as it is typed, else the published one.
  const [editedName, setEditedName] = useState<Flow['name'] | undefined>();
  useEffect(() => setEditedName(undefined), [made, draft === undefined]);
  const onChange = useCallback(
    (flow: Flow) => {
      latest.current.flow = flow;
      setEditedName(flow.name);
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
    await draftFromPublished(app.rt, row.flowId, DEMO_USERS[app.role].id);
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
    try {
      const outcome = await publishDraft(app.rt, { flowId: row.flowId, flow, ...(latest.current.catalog ?? draft?.catalog ? { catalog: (latest.current.catalog ?? draft?.catalog)! } : {}), actor: app.actor });
      if (!outcome.published) {
        setMessage({ tone: 'refusal', text: t('flows.unchanged') });
        return;
      }
      latest.current = {};
      setMessage({ tone: 'ok', text: t('flows.published', { v: outcome.version, running: row.versions.reduce((s, v) => s + v.running, 0) }) });
      app.refresh();
    } catch (e) {
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
  useEffect(() => setSavedScenarios((draft?.scenarios ?? []) as SimulationScenario[]), [made]);
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
  if (!versions || !opened) return versions && !draft && !published ? null : <Loading />;
  const editing = draft !== undefined;
  return (
    <div className="flow-workspace">
      <div className="flow-bar">
        <div>
          <h2 data-testid="flow-heading">{lt(editedName ?? draft?.flow.name ?? row.name)}</h2>
          <div className="versions" data-testid="versions">
            {row.versions.map((v) => (
              <Chip key={v.version} tone={v.version === row.latest ? 'ok' : 'neutral'}>
                {t('flows.versionLine', { v: v.version, running: v.running, total: v.total })}
              </Chip>
            ))}
            {draft && (
              <Chip tone="warn">
                {t(draft.baseVersion > 0 ? 'flows.draftLine' : 'flows.draftLineNew', { v: draft.flow.version, base: draft.baseVersion, who: userName(draft.updatedBy, i18n.locale), when: dateTime(draft.updatedAt) })}
              </Chip>
            )}
          </div>
        </div>
        <div className="page-actions">
          {!editing && published && permission !== 'viewer' && (
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
        {editing && row.latest === 0 ? ` ${t('flows.newFlowHint', { id: row.flowId })}` : ''}
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
          onImport={onImport}
          idManaged
        />
      </div>
    </div>
  );
}
