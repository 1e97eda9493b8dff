/**
 * Change control pages of a flow: the review pack of a version (approve,
 * send back, publish now or at a set time), moving running cases to a
 * published version (node map, dry run, migration), and the change log
 * (rollback, retirement, Markdown export). All of it is the runtime's
 * change control; these pages show it and send the user's commands.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { DateInput, I18nProvider } from '@crm/designer';
import { isEngineError, type ChangeStage, type Flow, type VersionRecord } from '@crm/flow-runtime';
import type { CaseMove, MigrationPlan, ReviewPack } from '@crm/flow-runtime/analysis';
import { useApp, useQuery } from '../app/context';
import { useCaseSubjects } from '../app/records';
import { href } from '../app/router';
import { Chip, Loading, PageHeader } from '../components/bits';
import { useI18n, type I18n } from '../i18n';
import { userName } from '../runtime/actors';
import { changeLogFile, dryRunActor, flowScenarios, publishChange, reviewControl, versionDefinitions } from '../runtime/changes';
import { engineError } from '../runtime/engine-text';

const STAGE_TONE: Record<ChangeStage, 'neutral' | 'info' | 'ok' | 'warn' | 'bad'> = {
  draft: 'neutral',
  submitted: 'info',
  'sent-back': 'bad',
  approved: 'ok',
  scheduled: 'warn',
  published: 'ok',
  retired: 'neutral',
};

/** A version's stage as a chip. */
export function StageChip({ stage }: { stage: ChangeStage }) {
  const { t } = useI18n();
  return (
    <span data-testid="stage" data-stage={stage}>
      <Chip tone={STAGE_TONE[stage]}>{t(`change.stage.${stage}`)}</Chip>
    </span>
  );
}

/** A refusal or error in the user's language. */
function problemText(i18n: I18n, e: unknown): string {
  return isEngineError(e) ? engineError(i18n, e.code, e.details) : e instanceof Error ? e.message : String(e);
}

/** A person recorded by the runtime, by name in the UI language. */
function person(i18n: I18n, p: { id: string; name?: string } | undefined): string {
  if (!p) return '';
  return userName(p.id, i18n.locale) || p.name || p.id;
}

/** A step's name in a version, its id when unknown. */
function stepName(i18n: I18n, flow: Flow | undefined, id: string): string {
  const n = flow?.nodes.find((x) => x.id === id);
  return n ? i18n.lt(n.name) || id : id;
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="panel change-section" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A case as a reader knows it: its record ("CP-0003 · Ningbo Haitong Machinery"), then its number. */
function CaseLink({ id, subjects }: { id: string; subjects: Map<string, string> }) {
  const subject = subjects.get(id);
  return (
    <a href={href('instance', id)} className="case-link">
      {subject ? <span className="case-subject">{subject}</span> : null}
      <span className={subject ? 'case-number muted' : 'case-number'}>#{id}</span>
    </a>
  );
}

/** The cases of a dry run or a migration, case by case. */
function CaseTable({ cases, flows, select }: { cases: CaseMove[]; flows: Map<number, Flow>; select?: { selected: Set<string>; toggle: (id: string) => void } }) {
  const i18n = useI18n();
  const { t } = i18n;
  const subjects = useCaseSubjects(cases.map((c) => c.instanceId));
  if (cases.length === 0) return <p className="muted">{t('change.noRunning')}</p>;
  return (
    <table className="table change-cases" data-testid="case-table">
      <thead>
        <tr>
          {select && <th aria-label={t('migrate.select')} />}
          <th>{t('migrate.case')}</th>
          <th>{t('migrate.from')}</th>
          <th>{t('migrate.at')}</th>
          <th>{t('migrate.to')}</th>
          <th>{t('migrate.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.instanceId} data-case={c.instanceId} className={c.ok ? 'can-move' : 'cannot-move'}>
            {select && (
              <td>
                <input type="checkbox" aria-label={t('migrate.pick', { id: subjects.get(c.instanceId) ? `${subjects.get(c.instanceId)} #${c.instanceId}` : `#${c.instanceId}` })} disabled={!c.ok} checked={c.ok && select.selected.has(c.instanceId)} onChange={() => select.toggle(c.instanceId)} />
              </td>
            )}
            <td>
              <CaseLink id={c.instanceId} subjects={subjects} />
            </td>
            <td>{t('common.version', { v: c.fromVersion })}</td>
            <td>{c.at.map((id) => stepName(i18n, flows.get(c.fromVersion), id)).join(', ')}</td>
            <td>{c.ok ? c.to.map((id) => stepName(i18n, flows.get(c.toVersion), id)).join(', ') : '—'}</td>
            <td>{c.ok ? <Chip tone="ok">{t('migrate.canMove')}</Chip> : <span className="change-reason">{reasonText(c.reason?.[i18n.locale] ?? c.code)}</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A refusal's lines as one text (the runtime lists them as `- …` lines). */
function reasonText(text: string | undefined): string {
  return (text ?? '')
    .split('\n')
    .map((l) => l.replace(/^\s*-\s+/, ''))
    .join(' ');
}

/** Scenario names in both languages, by the name the scenario run reports (its English name, else its id). */
function scenarioNames(scenarios: readonly unknown[]): Map<string, { en: string; zh: string }> {
  const out = new Map<string, { en: string; zh: string }>();
  for (const s of scenarios) {
    const name = (s as { name?: unknown }).name;
    if (name && typeof name === 'object' && typeof (name as { en?: unknown }).en === 'string') {
      const n = name as { en: string; zh?: string };
      out.set(n.en, { en: n.en, zh: n.zh ?? n.en });
    }
  }
  return out;
}

/** The review pack of a version, and the reviewer's decisions. */
export function ChangeReviewPage({ flowId, version }: { flowId: string; version: number }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt, dateTime } = i18n;
  const data = useQuery(async ({ rt, actor }) => {
    try {
      const pack: ReviewPack = await (await reviewControl(rt, flowId, version)).reviewPack(flowId, version, { actor: dryRunActor(actor), scenarios: await flowScenarios(rt, flowId) });
      const versions = await rt.changes.versions(flowId);
      const flows = await versionDefinitions(rt, versions);
      return { pack, record: versions.find((v) => v.version === version)!, flows, scenarioNames: scenarioNames(await flowScenarios(rt, flowId)) };
    } catch (e) {
      return { error: e };
    }
  }, [flowId, version]);
  const [message, setMessage] = useState<{ tone: 'ok' | 'refusal'; text: string } | undefined>();
  // A refusal was someone else's: switching the user clears it.
  useEffect(() => setMessage(undefined), [app.seat]);
  const [reason, setReason] = useState('');
  const [at, setAt] = useState<string | null>(() => new Date(app.now + 24 * 3_600_000).toISOString());
  if (!data) return <Loading />;
  if ('error' in data) return <div className="banner refusal">{problemText(i18n, data.error)}</div>;
  const { pack, record, flows, scenarioNames: names } = data;
  const target = flows.get(version);
  const base = pack.baseVersion !== undefined ? flows.get(pack.baseVersion) : undefined;
  // Key users and admins see the decisions; the runtime refuses those not theirs (in their language).
  const mayAct = app.role === 'admin' || app.role === 'sales-manager' || app.role === 'general-manager';
  const act = async (f: () => Promise<unknown>, ok: string) => {
    setMessage(undefined);
    try {
      await f();
      setMessage({ tone: 'ok', text: ok });
      app.refresh();
    } catch (e) {
      setMessage({ tone: 'refusal', text: problemText(i18n, e) });
    }
  };
  const comparison = pack.changes?.[i18n.locale];
  return (
    <div className="page change-page">
      <PageHeader
        title={t('review.title', { v: version, name: lt(target?.name) || flowId })}
        subtitle={pack.baseVersion !== undefined ? t('review.against', { base: pack.baseVersion }) : t('review.first')}
        actions={<ChangeNav flowId={flowId} />}
      />
      <div className="panel change-head" data-testid="review-head">
        <StageChip stage={record.stage} />
        {record.note && (
          <p className="change-note" data-testid="review-note">
            “{record.note[i18n.locale]}”
          </p>
        )}
        <p className="muted small">
          {record.submitted ? t('review.submittedBy', { who: person(i18n, record.submitted.by), when: dateTime(record.submitted.at) }) : ''}
          {record.authors.length ? ` · ${t('change.authors', { who: record.authors.map((a) => person(i18n, a)).join(i18n.locale === 'zh' ? '、' : ', ') })}` : ''}
        </p>
        {record.sentBack.length > 0 && (
          <ul className="change-reasons">
            {record.sentBack.map((s, i) => (
              <li key={i}>{t('change.sentBackBy', { who: person(i18n, s.by), reason: s.reason ?? '' })}</li>
            ))}
          </ul>
        )}
      </div>
      {message && (
        <div className={`banner ${message.tone}`} role={message.tone === 'ok' ? 'status' : 'alert'} data-testid="review-message">
          {message.text}
        </div>
      )}
      {mayAct && (
        <div className="panel change-actions" data-testid="review-actions">
          {record.stage === 'submitted' && (
            <button type="button" className="primary" data-testid="approve" onClick={() => void act(async () => (await reviewControl(app.rt, flowId, version)).approve(flowId, version, { actor: { ...app.actor, name: app.user.name[i18n.locale] } }), t('review.approved', { v: version }))}>
              {t('review.approve')}
            </button>
          )}
          {(record.stage === 'approved' || record.stage === 'scheduled') && (
            <>
              <button type="button" className="primary" data-testid="publish-now" onClick={() => void act(() => publishChange(app.rt, flowId, version, { actor: app.actor }), t('review.publishedNow', { v: version }))}>
                {t('review.publishNow')}
              </button>
              <div className="inline-field">
                <label htmlFor="publish-at">{t('review.publishAt')}</label>
                <I18nProvider locale={i18n.locale}>
                  <DateInput id="publish-at" kind="datetime" value={at} onChange={setAt} data-testid="publish-at" />
                </I18nProvider>
              </div>
              <button
                type="button"
                className="secondary"
                data-testid="schedule"
                onClick={() => {
                  const when = at ? Date.parse(at) : Number.NaN;
                  if (Number.isNaN(when)) {
                    setMessage({ tone: 'refusal', text: t('review.publishAtInvalid') });
                    return;
                  }
                  void act(() => publishChange(app.rt, flowId, version, { actor: app.actor, at: when }), t('review.scheduled', { v: version, when: dateTime(when) }));
                }}
              >
                {t('review.schedule')}
              </button>
            </>
          )}
          {(record.stage === 'submitted' || record.stage === 'approved' || record.stage === 'scheduled') && (
            <span className="send-back">
              <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('review.reason')} aria-label={t('review.reason')} data-testid="send-back-reason" />
              <button type="button" className="secondary" data-testid="send-back" onClick={() => void act(() => app.rt.changes.sendBack(flowId, version, { actor: app.actor, reason }), t('review.sentBack', { v: version }))}>
                {t('review.sendBack')}
              </button>
            </span>
          )}
          {record.stage === 'published' && (
            <a className="button primary" href={href('flows', flowId, 'migrate', String(version))} data-testid="go-migrate">
              {t('review.moveCases', { n: pack.impact.total })}
            </a>
          )}
          <p className="muted small">{t('review.dutyHint')}</p>
        </div>
      )}

      <Section title={t('review.changes')} testId="review-changes">
        {comparison ? (
          comparison.changes.length ? (
            <ul className="change-lines">
              {comparison.changes.map((c, i) => (
                <li key={i} className={`change-${c.kind}`}>
                  {c.text}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('review.noChanges')}</p>
          )
        ) : (
          <p className="muted">{t('review.first')}</p>
        )}
      </Section>

      <Section title={t('review.roles')} testId="review-roles">
        {pack.roles.length ? (
          <dl className="role-changes">
            {pack.roles.map((r) => (
              <div key={r.role}>
                <dt>{r.name[i18n.locale]}</dt>
                {r.lines[i18n.locale].map((l, i) => (
                  <dd key={i}>{l}</dd>
                ))}
              </div>
            ))}
          </dl>
        ) : (
          <p className="muted">{t('review.noRoles')}</p>
        )}
      </Section>

      <Section title={t('review.lint', { errors: pack.lint.errors })} testId="review-lint">
        {(['new', 'fixed', 'unchanged'] as const).map((k) => (
          <div key={k} className="lint-group">
            <h3>{t(`review.lint.${k}`, { n: pack.lint[k].length })}</h3>
            {pack.lint[k].length > 0 && (
              <ul>
                {pack.lint[k].map((d, i) => (
                  <li key={i} className={`sev-${d.severity}`}>
                    <Chip tone={d.severity === 'error' ? 'bad' : d.severity === 'warning' ? 'warn' : 'neutral'}>{t(`review.severity.${d.severity}`)}</Chip> {d.message[i18n.locale]}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </Section>

      <Section title={t('review.scenarios')} testId="review-scenarios">
        {pack.scenarios ? (
          <>
            <p data-testid="scenario-summary">
              {t('review.scenarioSummary', { passed: pack.scenarios.passed, failed: pack.scenarios.failed, covered: pack.scenarios.coverage.covered, total: pack.scenarios.coverage.total })}
            </p>
            <ul className="scenario-results">
              {pack.scenarios.results.map((r, i) => (
                <li key={i} className={r.ok ? 'ok' : 'failed'}>
                  <Chip tone={r.ok ? 'ok' : 'bad'}>{r.ok ? t('review.pass') : t('review.fail')}</Chip> <strong>{names.get(r.scenario)?.[i18n.locale] ?? r.scenario}</strong>
                  <span className="muted small"> · {r.path.map((id) => stepName(i18n, target, id)).join(' → ')}</span>
                  {r.failures.map((f, j) => (
                    <div key={j} className="change-reason">
                      {f}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t('review.noScenarios')}</p>
        )}
      </Section>

      <Section title={t('review.impact')} testId="review-impact">
        <p data-testid="impact-summary">{t('review.impactSummary', { total: pack.impact.total, can: pack.impact.canMove, cannot: pack.impact.cannotMove })}</p>
        {pack.impact.byStep.length > 0 && (
          <table className="table" data-testid="impact-by-step">
            <thead>
              <tr>
                <th>{t('migrate.from')}</th>
                <th>{t('migrate.at')}</th>
                <th>{t('review.count')}</th>
              </tr>
            </thead>
            <tbody>
              {pack.impact.byStep.map((s) => (
                <tr key={`${s.version}|${s.nodeId}`}>
                  <td>{t('common.version', { v: s.version })}</td>
                  <td>{stepName(i18n, flows.get(s.version), s.nodeId)}</td>
                  <td>{s.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <CaseTable cases={pack.impact.cases} flows={flows} />
        {base === undefined && pack.impact.total === 0 ? null : <p className="muted small">{t('review.impactHint')}</p>}
      </Section>
    </div>
  );
}

/** Moving running cases of older versions to a published version: node map, dry run, migration. */
export function MigrationPage({ flowId, version }: { flowId: string; version: number }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt } = i18n;
  const [edited, setEdited] = useState<MigrationPlan['nodeMaps'] | undefined>();
  // The mapping first proposed, to mark the steps mapped otherwise.
  const [proposed, setProposed] = useState<MigrationPlan['nodeMaps'] | undefined>();
  const [selected, setSelected] = useState<Set<string> | undefined>();
  const [results, setResults] = useState<CaseMove[] | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const key = JSON.stringify(edited ?? null);
  const data = useQuery(async ({ rt, actor }) => {
    try {
      const plan = await rt.changes.planMigration(flowId, version, { actor: dryRunActor(actor), ...(edited ? { nodeMaps: edited } : {}) });
      const flows = await versionDefinitions(rt, await rt.changes.versions(flowId));
      return { plan, flows };
    } catch (e) {
      return { error: e };
    }
  }, [flowId, version, key]);
  useEffect(() => {
    if (data && !('error' in data) && !edited && !proposed) setProposed(data.plan.nodeMaps);
  }, [data, edited, proposed]);
  const subjects = useCaseSubjects(results?.map((r) => r.instanceId) ?? []);
  if (!data) return <Loading />;
  if ('error' in data) return <div className="banner refusal">{problemText(i18n, data.error)}</div>;
  const { plan, flows } = data;
  const target = flows.get(version);
  const movable = plan.cases.filter((c) => c.ok).map((c) => c.instanceId);
  const chosen = selected ?? new Set(movable);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const setMapping = (from: number, oldId: string, newId: string) => {
    const maps = structuredClone(edited ?? plan.nodeMaps);
    const m = (maps[from] ??= {});
    if (newId) m[oldId] = newId;
    else delete m[oldId];
    setEdited(maps);
    setSelected(undefined);
  };
  const migrate = async () => {
    setMessage(undefined);
    try {
      const ids = movable.filter((id) => chosen.has(id));
      const done = await app.rt.changes.migrateCases(flowId, version, { actor: app.actor, instanceIds: ids, nodeMaps: edited ?? plan.nodeMaps });
      setResults(done);
      setSelected(undefined);
      app.refresh();
    } catch (e) {
      setMessage(problemText(i18n, e));
    }
  };
  const moved = results?.filter((r) => r.ok).length ?? 0;
  return (
    <div className="page change-page">
      <PageHeader
        title={t('migrate.title', { v: version, name: lt(target?.name) || flowId })}
        subtitle={t('migrate.subtitle')}
        actions={<ChangeNav flowId={flowId} />}
      />
      {message && (
        <div className="banner refusal" role="alert">
          {message}
        </div>
      )}
      {results && (
        <div className="banner ok" role="status" data-testid="migrate-result">
          {t('migrate.done', { moved, stayed: results.length - moved })}
          {results
            .filter((r) => !r.ok)
            .map((r) => (
              <div key={r.instanceId} className="change-reason">
                {subjects.get(r.instanceId) ?? ''} #{r.instanceId}: {reasonText(r.reason?.[i18n.locale])}
              </div>
            ))}
        </div>
      )}
      <Section title={t('migrate.nodeMap')} testId="node-map">
        {Object.keys(plan.nodeMaps).length === 0 ? (
          <p className="muted">{t('change.noRunning')}</p>
        ) : (
          Object.entries(plan.nodeMaps).map(([from, map]) => {
            const old = flows.get(Number(from));
            return (
              <div key={from} className="node-map">
                <h3>
                  {t('migrate.mapFrom', { from, to: version })}
                  {edited && (
                    <button type="button" className="link small" onClick={() => setEdited(undefined)} data-testid="map-reset">
                      {t('migrate.reset')}
                    </button>
                  )}
                </h3>
                <table className="table node-map-table">
                  <tbody>
                    {(old?.nodes ?? []).map((n) => (
                      <tr key={n.id} className={(proposed?.[Number(from)]?.[n.id] ?? '') !== (map[n.id] ?? '') ? 'edited' : undefined}>
                        <td>{lt(n.name) || n.id}</td>
                        <td>→</td>
                        <td>
                          <select aria-label={t('migrate.mapStep', { step: lt(n.name) || n.id })} value={map[n.id] ?? ''} onChange={(e) => setMapping(Number(from), n.id, e.target.value)} data-testid={`map-${from}-${n.id}`}>
                            <option value="">{t('migrate.noMatch')}</option>
                            {(target?.nodes ?? []).map((m) => (
                              <option key={m.id} value={m.id}>
                                {lt(m.name) || m.id}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })
        )}
      </Section>
      <Section title={t('migrate.dryRun', { can: movable.length, cannot: plan.cases.length - movable.length })} testId="dry-run">
        <CaseTable cases={plan.cases} flows={flows} select={{ selected: chosen, toggle }} />
        {app.role === 'admin' ? (
          <button type="button" className="primary migrate-go" disabled={!movable.some((id) => chosen.has(id))} onClick={() => void migrate()} data-testid="migrate">
            {t('migrate.go', { n: movable.filter((id) => chosen.has(id)).length })}
          </button>
        ) : (
          <p className="muted small">{t('migrate.adminOnly')}</p>
        )}
      </Section>
    </div>
  );
}

/** One version in the change log. */
function VersionCard({ flowId, v, newest, flows }: { flowId: string; v: VersionRecord; newest: number; flows: Map<number, Flow> }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const subjects = useCaseSubjects(v.migrations.map((m) => m.instanceId));
  const row = (label: string, value: ReactNode, testId?: string) => (
    <div className="log-row" {...(testId ? { 'data-testid': testId } : {})}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const run = async (f: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await f();
      setReason('');
      app.refresh();
    } catch (e) {
      setProblem(problemText(i18n, e));
    }
  };
  const deployed = v.stage === 'published' || v.stage === 'retired';
  return (
    <li className="panel log-version" data-testid={`log-v${v.version}`}>
      <header>
        <h2>{t('change.versionOf', { v: v.version })}</h2>
        <StageChip stage={v.stage} />
        {v.version === newest && <Chip tone="info">{t('log.newest')}</Chip>}
        <span className="muted">{i18n.lt(flows.get(v.version)?.name ?? v.name)}</span>
      </header>
      <dl>
        {v.unrecorded && row(t('log.origin'), t('log.unrecorded'))}
        {v.authors.length > 0 && row(t('log.authors'), v.authors.map((a) => person(i18n, a)).join(i18n.locale === 'zh' ? '、' : ', '))}
        {v.note && row(t('log.note'), v.note[i18n.locale], 'log-note')}
        {v.submitted && row(t('log.submitted'), t('log.byAt', { who: person(i18n, v.submitted.by), when: dateTime(v.submitted.at) }), 'log-submitted')}
        {v.sentBack.map((s, i) => (
          <div key={i} className="log-row" data-testid="log-sent-back">
            <dt>{t('log.sentBack')}</dt>
            <dd>
              {t('log.byAt', { who: person(i18n, s.by), when: dateTime(s.at) })}: {s.reason}
            </dd>
          </div>
        ))}
        {v.approved && row(t('log.approved'), `${t('log.byAt', { who: person(i18n, v.approved.by), when: dateTime(v.approved.at) })}${v.approved.note ? ` — ${v.approved.note[i18n.locale]}` : ''}`, 'log-approved')}
        {v.scheduled && row(t('log.scheduled'), t('log.scheduledLine', { when: dateTime(v.scheduled.publishAt), who: person(i18n, v.scheduled.by) }), 'log-scheduled')}
        {v.published && row(t('log.published'), v.unrecorded ? dateTime(v.published.at) : t('log.byAt', { who: person(i18n, v.published.by), when: dateTime(v.published.at) }), 'log-published')}
        {v.republishOf !== undefined && row(t('log.rollback'), t('log.rollbackLine', { v: v.republishOf, reason: v.published?.reason ?? '' }), 'log-rollback')}
        {v.retired && row(t('log.retired'), `${t('log.byAt', { who: person(i18n, v.retired.by), when: dateTime(v.retired.at) })}: ${v.retired.reason ?? ''}`, 'log-retired')}
        {v.migrations.length > 0 &&
          row(
            t('log.migrations', { n: v.migrations.length }),
            <ul className="log-migrations">
              {v.migrations.map((m) => (
                <li key={`${m.instanceId}-${m.at}`}>
                  <CaseLink id={m.instanceId} subjects={subjects} /> v{m.fromVersion} → v{m.toVersion} · {t('log.byAt', { who: person(i18n, m.by), when: dateTime(m.at) })}
                </li>
              ))}
            </ul>,
            'log-migrations',
          )}
      </dl>
      {problem && (
        <div className="banner refusal" role="alert">
          {problem}
        </div>
      )}
      {app.role === 'admin' && deployed && v.version !== newest && (
        <div className="log-actions">
          <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('log.reason')} aria-label={t('log.reasonFor', { v: v.version })} />
          <button type="button" className="secondary" data-testid={`rollback-v${v.version}`} onClick={() => void run(() => app.rt.changes.republish(flowId, v.version, { actor: app.actor, reason }))}>
            {t('log.republish')}
          </button>
          {v.stage === 'published' && (
            <button type="button" className="secondary" data-testid={`retire-v${v.version}`} onClick={() => void run(() => app.rt.changes.retire(flowId, v.version, { actor: app.actor, reason }))}>
              {t('log.retire')}
            </button>
          )}
        </div>
      )}
      {(v.stage === 'submitted' || v.stage === 'approved' || v.stage === 'scheduled') && (
        <a className="button secondary small" href={href('flows', flowId, 'review', String(v.version))}>
          {t('change.openReview', { v: v.version })}
        </a>
      )}
      {deployed && v.version === newest && (
        <a className="button secondary small" href={href('flows', flowId, 'migrate', String(v.version))}>
          {t('log.moveCases')}
        </a>
      )}
    </li>
  );
}

/** The per-flow change log: every version with its record, rollback and retirement, and the Markdown export. */
export function ChangeLogPage({ flowId }: { flowId: string }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt } = i18n;
  const data = useQuery(async ({ rt }) => {
    const versions = await rt.changes.versions(flowId);
    return { versions, flows: await versionDefinitions(rt, versions) };
  }, [flowId]);
  if (!data) return <Loading />;
  const { versions, flows } = data;
  const deployed = versions.filter((v) => v.stage === 'published' || v.stage === 'retired');
  const newest = deployed.reduce((m, v) => Math.max(m, v.version), 0);
  const name = lt([...versions].reverse().find((v) => v.name)?.name) || flowId;
  const exportMarkdown = async () => {
    const file = await changeLogFile(app.rt, flowId, i18n.locale, Intl.DateTimeFormat().resolvedOptions().timeZone);
    const url = URL.createObjectURL(new Blob([file.text], { type: 'text/markdown;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="page change-page">
      <PageHeader
        title={t('log.title', { name })}
        subtitle={t('log.subtitle')}
        actions={
          <>
            <button type="button" className="primary" onClick={() => void exportMarkdown()} data-testid="export-markdown">
              {t('log.export')}
            </button>
            <a className="button secondary" href={href('flows', flowId)}>
              {t('change.backToFlow')}
            </a>
          </>
        }
      />
      {versions.length === 0 ? (
        <p className="muted">{t('log.empty')}</p>
      ) : (
        <ol className="change-log" data-testid="change-log">
          {[...versions].reverse().map((v) => (
            <VersionCard key={v.version} flowId={flowId} v={v} newest={newest} flows={flows} />
          ))}
        </ol>
      )}
    </div>
  );
}

/** The way back from a review or migration page: the flow, and its change log. */
function ChangeNav({ flowId }: { flowId: string }) {
  const { t } = useI18n();
  return (
    <>
      <a className="button secondary" href={href('flows', flowId)}>
        {t('change.backToFlow')}
      </a>
      <a className="button secondary" href={href('flows', flowId, 'changes')}>
        {t('change.log')}
      </a>
    </>
  );
}
