/**
 * One case (flow instance): where it stands on the flow diagram, what it
 * waits for and who must act, its records, alerts, controls that hold, and
 * the audit trail.
 */
import { useState } from 'react';
import { useApp, useQuery } from '../app/context';
import { takeFlash } from '../app/flash';
import { useRecordIndex } from '../app/records';
import { href } from '../app/router';
import { AlertList } from '../components/AlertList';
import { Chip, Loading, PageHeader, SlaBadge, slaState } from '../components/bits';
import { FlowDiagram } from '../components/FlowDiagram';
import { outcomeName } from '../components/outcome';
import { Timeline } from '../components/Timeline';
import { useI18n } from '../i18n';
import { userName } from '../runtime/actors';
import { entity, roleName } from '../windows/catalog-lookup';
import { recordHref } from '../windows/RecordList';
import { Icon } from '../components/Icon';
import { engineText } from '../runtime/engine-text';
import { CancelCase } from '../components/CancelCase';

export function InstancePage({ instanceId }: { instanceId: string }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt, dateTime } = i18n;
  const index = useRecordIndex();
  const [flash] = useState(takeFlash);
  const data = useQuery(
    async ({ rt, actor }) => {
      const state = await rt.engine.instance(instanceId);
      const flow = await rt.engine.definition(state.flowId, state.version);
      const [events, history, mine, links] = await Promise.all([
        rt.engine.events(instanceId),
        rt.engine.history(instanceId),
        rt.engine.tasks(instanceId, { actor }),
        rt.db.links.where('instanceId').equals(instanceId).toArray(),
      ]);
      const children = await Promise.all(state.children.map(async (id) => {
        const s = await rt.engine.instance(id);
        return { s, flow: await rt.engine.definition(s.flowId, s.version) };
      }));
      const parent = state.parent ? await rt.engine.instance(state.parent.instanceId).then(async (s) => ({ s, flow: await rt.engine.definition(s.flowId, s.version) })) : undefined;
      const latest = (await rt.engine.definitions(state.flowId)).reduce((m, d) => Math.max(m, d.version), 0);
      return { state, flow, events, history, mine, links, children, parent, latest };
    },
    [instanceId],
  );
  if (!data) return <Loading />;
  const { state, flow, events, history, mine, links, children, parent, latest } = data;
  const node = (id: string) => flow.nodes.find((n) => n.id === id);
  const ended = outcomeName(flow, state);
  const openTasks = Object.values(state.tasks).filter((x) => x.status === 'open');
  const waits = Object.values(state.tokens).filter((tk) => tk.waiting === 'wait' || tk.waiting === 'gate');
  const holding = (flow.controls ?? []).filter((c) => state.controls[c.id]);
  const statusTone = state.status === 'completed' ? 'ok' : state.status === 'cancelled' ? 'bad' : state.status === 'incident' ? 'bad' : 'info';
  return (
    <div className="page instance-page">
      {flash && (
        <div className="banner ok" role="status">
          {flash}
        </div>
      )}
      <PageHeader
        title={
          <>
            {lt(flow.name)} <span className="muted">#{instanceId}</span>
          </>
        }
        subtitle={
          <>
            <Chip tone="info" >
              <span data-testid="instance-version">{t('common.version', { v: state.version })}</span>
            </Chip>
            {latest > state.version && <Chip tone="warn">{t('instance.olderVersion', { v: latest })}</Chip>}
            <Chip tone={statusTone}>
              <span data-testid="instance-status">{t(`instance.status.${state.status}`)}</span>
            </Chip>
            {state.status !== 'active' && ended && <Chip tone="neutral">{t('instance.outcome', { outcome: lt(ended) })}</Chip>}
            <span className="muted">
              {t('task.startedBy', { who: state.startedBy ? userName(state.startedBy.id, i18n.locale) : '—', when: dateTime(state.startedAt) })}
              {state.endedAt ? ` · ${t('instance.ended', { when: dateTime(state.endedAt) })}` : ''}
            </span>
            <CancelCase state={state} flow={flow} />
          </>
        }
      />
      <div className="instance-grid">
        <section className="panel">
          <h2>{t('instance.now')}</h2>
          {state.status === 'completed' || state.status === 'cancelled' ? (
            <p className="muted">{t('instance.closed')}</p>
          ) : (
            <ul className="now-list">
              {openTasks.map((task) => {
                const n = node(task.nodeId);
                const mineToo = mine.some((m) => m.taskId === task.taskId);
                return (
                  <li key={task.taskId}>
                    <strong>{lt(n?.name) || task.nodeId}</strong>
                    <span className="muted"> — {t('instance.waitsFor', { roles: task.roles.map((r) => roleName(r, i18n.locale)).join(i18n.locale === 'zh' ? '、' : ', ') })}</span>
                    {task.dueAt !== undefined && <SlaBadge state={slaState(task.openedAt, task.dueAt, app.now, task.escalated)} dueAt={task.dueAt} now={app.now} />}
                    {mineToo ? (
                      <a className="button primary small" href={href('task', instanceId, task.taskId)}>
                        {t('instance.openTask')}
                      </a>
                    ) : (
                      <a className="button secondary small" href={href('task', instanceId, task.taskId)}>
                        {t('instance.viewTask')}
                      </a>
                    )}
                  </li>
                );
              })}
              {waits.map((tk) => (
                <li key={tk.id}>
                  <strong>{lt(node(tk.nodeId)?.name) || tk.nodeId}</strong>{' '}
                  <span className="muted">{tk.waiting === 'gate' ? t('instance.heldByGate') : tk.dueAt ? t('instance.waitUntil', { when: dateTime(tk.dueAt) }) : t('instance.waitCondition')}</span>
                </li>
              ))}
              {children.map(({ s, flow: cf }) => (
                <li key={s.instanceId}>
                  {t('instance.subflow')}{i18n.locale === 'zh' ? '' : ' '}
                  <a href={href('instance', s.instanceId)}>
                    {lt(cf.name)} #{s.instanceId}
                  </a>{' '}
                  <Chip>{t(`instance.status.${s.status}`)}</Chip>
                </li>
              ))}
              {state.incidents
                .filter((x) => !x.resolved)
                .map((x) => (
                  <li key={x.incidentId} className="bad">
                    <Icon name="critical" /> {engineText(i18n, x.text, x.message)}
                  </li>
                ))}
            </ul>
          )}
          {parent && (
            <p className="small">
              {t('instance.partOf')}{' '}
              <a href={href('instance', parent.s.instanceId)}>
                {lt(parent.flow.name)} #{parent.s.instanceId}
              </a>
            </p>
          )}
          {holding.length > 0 && (
            <div className="controls">
              {holding.map((c) => (
                <div key={c.id} className={`banner ${c.kind === 'gate' ? 'critical' : 'warn'}`} data-testid={`control-${c.id}`}>
                  <strong>{c.kind === 'gate' ? t('instance.gateHolds') : t('instance.alertHolds')}</strong>{i18n.locale === 'zh' ? '' : ' '}{lt(c.name)} — {lt(c.message)}
                </div>
              ))}
            </div>
          )}
          <h3>{t('instance.records')}</h3>
          <ul className="record-links">
            {links.map((l) => {
              const link = recordHref(l.entity, l.recordId);
              const label = index?.label(l.entity, l.recordId) ?? l.recordId;
              return (
                <li key={l.key}>
                  <span className="muted">
                    {lt(flow.data?.[l.variable]?.name) || lt(entity(l.entity)?.name)}
                    {i18n.locale === 'zh' ? '：' : ': '}
                  </span>
                  {link ? <a href={link}>{label}</a> : label}
                </li>
              );
            })}
            {links.length === 0 && <li className="muted">—</li>}
          </ul>
        </section>
        <section className="panel alerts-panel">
          <h2>{t('instance.alerts')}</h2>
          {state.alerts.length ? <AlertList states={[state]} flows={new Map([[`${flow.id}@${flow.version}`, flow]])} compact /> : <p className="muted">{t('instance.noAlerts')}</p>}
        </section>
      </div>
      <section className="panel">
        <h2>{t('instance.diagram')}</h2>
        <FlowDiagram flow={flow} instance={state} events={events} />
        <p className="muted small">{t('instance.legend')}</p>
      </section>
      <section className="panel">
        <h2>{t('instance.timeline')}</h2>
        <Timeline entries={history} flow={flow} />
      </section>
    </div>
  );
}
