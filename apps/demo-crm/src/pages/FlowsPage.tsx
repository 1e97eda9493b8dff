/**
 * The flows page: the designer embedded. A key user (sales manager,
 * general manager) or an admin edits a draft and submits it for review with
 * a change note; an admin who did not author it reviews, approves and
 * publishes it as the next version (./ChangePages.tsx). Running cases stay
 * on the version they started with until an admin moves them; new cases use
 * the newest. The one place the demo touches the designer.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  FlowDesigner,
  I18nProvider as DesignerI18n,
  ImportDialog,
  NewFlowDialog,
  readFlowBlob,
  type DesignerPermission,
  type FlowTemplate,
  type ImportPlan,
  type SimulationScenario,
} from '@crm/designer';
import { isEngineError, type Catalog, type Flow, type VersionRecord } from '@crm/flow-runtime';
import { useApp, useQuery } from '../app/context';
import { href, navigate } from '../app/router';
import { Chip, Loading, PageHeader } from '../components/bits';
import { Dialog } from '../components/Dialog';
import type { FlowDraft } from '../db/crm-db';
import { useI18n } from '../i18n';
import { userName, type DemoRole } from '../runtime/actors';
import { draftEditable, pendingChange, submitDraft } from '../runtime/changes';
import { catalog, sampleFlows, sampleScenarios } from '../runtime/definitions';
import { applyFlowImport, createFlowDraft, draftFromPublished, planFlowImport } from '../runtime/publish';
import { engineError } from '../runtime/engine-text';
import { roleName } from '../windows/catalog-lookup';
import { ChangeLogPage, ChangeReviewPage, MigrationPage, StageChip } from './ChangePages';

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
  /** The change on its way (under review, approved, scheduled, sent back), from the change log. */
  change?: VersionRecord;
}

/** The Flows page, or one of a flow's change-control pages (`#/flows/<id>/review/<v>`, `/migrate/<v>`, `/changes`). */
export function FlowsPage({ flowId, sub, version }: { flowId?: string; sub?: string; version?: string }) {
  const v = Number(version);
  if (flowId && sub === 'review' && Number.isInteger(v)) return <ChangeReviewPage key={`${flowId}/${v}`} flowId={flowId} version={v} />;
  if (flowId && sub === 'migrate' && Number.isInteger(v)) return <MigrationPage key={`${flowId}/${v}`} flowId={flowId} version={v} />;
  if (flowId && sub === 'changes') return <ChangeLogPage key={flowId} flowId={flowId} />;
  return <FlowList {...(flowId ? { flowId } : {})} />;
}

function FlowList({ flowId }: { flowId?: string }) {
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
    for (const row of byFlow.values()) {
      const change = await pendingChange(rt, row.flowId);
      if (change) row.change = change;
    }
    return [...byFlow.values()].sort((a, b) => lt(a.name).localeCompare(lt(b.name)));
  }, []);
  const permission = designerPermission(app.role);
  const [creating, setCreating] = useState<FlowTemplate[] | undefined>();
  const [importing, setImporting] = useState<ImportPlan | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const by = app.user.id;

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
    const read = await readFlowBlob(file, i18n.locale);
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
                    : r.versions.map((v) => `${t('common.version', { v: v.version })}${v.running ? ` · ${t('flows.runningShort', { n: v.running })}` : ''}`).join(' | ')}
                </span>
                {r.change && r.change.stage !== 'draft' ? (
                  <span className="muted small">
                    {t('common.version', { v: r.change.version })} <StageChip stage={r.change.stage} />
                  </span>
                ) : (
                  r.draft && <Chip tone="warn">{t('flows.draftChip', { v: r.draft.flow.version })}</Chip>
                )}
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
  // The change on its way (drafted, under review, sent back, approved, scheduled), from the change log.
  const pending = useQuery(async ({ rt }) => ({ record: await pendingChange(rt, row.flowId) }), [row.flowId]);
  const [submitting, setSubmitting] = useState(false);
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
      const me = app.user.id;
      void app.rt.db.drafts.get(draft.flowId).then((now) => {
        if (!now) return;
        // Every editor is recorded as an author of the change when it is submitted.
        const editors = [...new Set([...(now.editors ?? [now.updatedBy]), me])];
        return app.rt.db.drafts.update(draft.flowId, { flow: latest.current.flow ?? draft.flow, ...(next ? { catalog: next } : {}), updatedAt: app.rt.clock.now(), updatedBy: me, editors });
      });
    }, 250);
  }, [draft, app.rt, app.user.id]);
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
    await draftFromPublished(app.rt, row.flowId, app.user.id);
    setMessage(undefined);
    app.refresh();
  };

  const discard = async () => {
    await app.rt.db.drafts.delete(row.flowId);
    setMessage(undefined);
    app.refresh();
  };

  /** Submits the draft for review with the note; true when it was submitted (the dialog closes). */
  const submit = async (note: { en: string; zh: string }): Promise<boolean> => {
    clearTimeout(saveTimer.current);
    const flow = latest.current.flow ?? draft?.flow;
    if (!flow) return false;
    const edited = latest.current.catalog ?? draft?.catalog;
    try {
      const outcome = await submitDraft(app.rt, { flowId: row.flowId, flow, ...(edited ? { catalog: edited } : {}), actor: app.actor, note });
      if (!outcome.submitted) {
        setMessage({ tone: 'refusal', text: t('flows.unchanged') });
        return true;
      }
      latest.current = {};
      setMessage({ tone: 'ok', text: t('change.submitted', { v: outcome.record.version }) });
      app.refresh();
      return true;
    } catch (e) {
      const findings = isEngineError(e, 'UNSAFE_FLOW') ? (e.details.findings ?? []) : [];
      if (findings.length) {
        setMessage({ tone: 'refusal', text: t('flows.unsafe', { problems: findings.map((f) => f.message[i18n.locale === 'zh' ? 'zh' : 'en']).join(' ') }) });
        return true;
      }
      const problems = isEngineError(e) ? (e.details.problems ?? []) : [];
      // Problems as the parser wrote them in English; otherwise the engine's own text in the UI language
      // (in Chinese each problem by its code and place).
      const english = i18n.locale === 'en' && problems.length > 0;
      setMessage({
        tone: 'refusal',
        text: english ? t('flows.invalid', { problems: problems.map((p) => p.message).join('; ') }) : isEngineError(e) ? engineError(i18n, e.code, e.details) : e instanceof Error ? e.message : String(e),
      });
      return true;
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
  if (!versions || !opened || !pending) return versions && !draft && !published ? null : <Loading />;
  const change = pending.record;
  const open = draftEditable(change);
  const editing = draft !== undefined && open;
  // Running cases of versions before the newest: an admin may move them.
  const olderRunning = row.versions.filter((v) => v.version < row.latest).reduce((n, v) => n + v.running, 0);
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
          {!draft && open && published && permission !== 'viewer' && (
            <button type="button" className="primary" onClick={() => void startDraft()}>
              {t('flows.editDraft')}
            </button>
          )}
          {editing && permission !== 'viewer' && (
            <>
              <button type="button" className="primary" onClick={() => setSubmitting(true)} data-testid="submit-change">
                {t('change.submit')}
              </button>
              <button type="button" className="secondary" onClick={() => void discard()}>
                {t('flows.discard')}
              </button>
            </>
          )}
          {change && !open && (
            <a className="button primary" href={href('flows', row.flowId, 'review', String(change.version))} data-testid="open-review">
              {t('change.openReview', { v: change.version })}
            </a>
          )}
          {permission === 'admin' && olderRunning > 0 && (
            <a className="button secondary" href={href('flows', row.flowId, 'migrate', String(row.latest))} data-testid="open-migrate">
              {t('change.moveRunning', { n: olderRunning, v: row.latest })}
            </a>
          )}
          <a className="button secondary" href={href('flows', row.flowId, 'changes')} data-testid="open-change-log">
            {t('change.log')}
          </a>
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
            : draft !== undefined
              ? t('flows.lockedHint', { v: draft.flow.version })
              : t('flows.publishedHint', { v: row.latest })}
        {editing && row.latest === 0 ? ` ${t('flows.newFlowHint', { id: row.flowId })}` : ''}
      </p>
      {change && <ChangeStrip record={change} />}
      {message && (
        <div className={`banner ${message.tone}`} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </div>
      )}
      {submitting && <SubmitDialog version={draft?.flow.version ?? row.latest + 1} onSubmit={submit} onClose={() => setSubmitting(false)} />}
      <div className="designer-box">
        <FlowDesigner
          flow={opened}
          catalog={workingCatalog}
          permissions={editing ? permission : 'viewer'}
          locale={i18n.locale}
          onChange={onChange}
          {...(editing && permission === 'admin' ? { onCatalogChange } : {})}
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

/** Where the change on its way stands: stage, note, authors, and a send-back's reason. */
function ChangeStrip({ record }: { record: VersionRecord }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const who = (id: string, name?: string) => userName(id, i18n.locale) || name || id;
  const lastBack = record.stage === 'sent-back' ? record.sentBack.at(-1) : undefined;
  return (
    <div className="change-strip" data-testid="change-status">
      <StageChip stage={record.stage} />
      <strong>{t('change.versionOf', { v: record.version })}</strong>
      {record.note && <span className="change-note">“{record.note[i18n.locale]}”</span>}
      {record.authors.length > 0 && <span className="muted small">{t('change.authors', { who: record.authors.map((a) => who(a.id, a.name)).join(i18n.locale === 'zh' ? '、' : ', ') })}</span>}
      {record.scheduled && record.stage === 'scheduled' && <span className="muted small">{t('change.scheduledFor', { when: dateTime(record.scheduled.publishAt) })}</span>}
      {lastBack && (
        <span className="change-reason" data-testid="sent-back-reason">
          {t('change.sentBackBy', { who: who(lastBack.by.id, lastBack.by.name), reason: lastBack.reason ?? '' })}
        </span>
      )}
      {record.stage !== 'draft' && record.stage !== 'sent-back' ? null : <span className="muted small">{t('change.editHint')}</span>}
    </div>
  );
}

/** The change note, in both languages, asked for when a draft is submitted for review. */
function SubmitDialog({ version, onSubmit, onClose }: { version: number; onSubmit: (note: { en: string; zh: string }) => Promise<boolean>; onClose: () => void }) {
  const { t } = useI18n();
  const [en, setEn] = useState('');
  const [zh, setZh] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={t('change.submitTitle', { v: version })} onClose={onClose}>
      <form
        className="change-form"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void onSubmit({ en, zh }).then((done) => {
            setBusy(false);
            if (done) onClose();
          });
        }}
      >
        <p className="muted small">{t('change.submitHint')}</p>
        <label>
          <span>{t('change.noteEn')}</span>
          <textarea lang="en" rows={3} value={en} onChange={(e) => setEn(e.target.value)} data-testid="note-en" />
        </label>
        <label>
          <span>{t('change.noteZh')}</span>
          <textarea lang="zh" rows={3} value={zh} onChange={(e) => setZh(e.target.value)} data-testid="note-zh" />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !en.trim() || !zh.trim()} data-testid="confirm-submit">
            {t('change.submitConfirm')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
