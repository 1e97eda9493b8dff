/**
 * My open tasks as the current role: flow, step, record, when it came in,
 * when it is due and where it stands against its SLA. Below, overdue work
 * that was escalated to my role.
 */
import type { TaskView } from '@crm/flow-runtime';
import { useApp, useQuery } from '../app/context';
import { MAIN_RECORDS, recordTitle, useRecordIndex } from '../app/records';
import { href, navigate } from '../app/router';
import { Chip, Empty, Loading, PageHeader, SlaBadge, slaState } from '../components/bits';
import { useI18n } from '../i18n';
import { allStates } from '../runtime/queries';
import { recordIdOf } from '../runtime/sync';
import { roleName } from '../windows/catalog-lookup';
import { Icon } from '../components/Icon';

interface Row {
  view: TaskView;
  flowName: { en: string; zh?: string };
  record?: { entity: string; id: string };
  escalated: boolean;
}

export function InboxPage() {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt, dateTime } = i18n;
  const index = useRecordIndex();
  const data = useQuery(
    async ({ rt, actor, role }) => {
      const views = await rt.engine.tasks({ actor });
      const rows: Row[] = [];
      for (const view of views) {
        const state = await rt.engine.instance(view.instanceId);
        const flow = await rt.engine.definition(view.flowId, view.version);
        const own = view.window ? (view.window.recordId ?? (await recordIdOf(rt.db, state, view.window.variable))) : undefined;
        // A record this step is about to make (a new payment) is not in the CRM yet: name the case's main record instead.
        const exists = own && view.window ? await rt.db.records(view.window.entity).get(own) : undefined;
        let record = exists && own && view.window ? { entity: view.window.entity, id: own } : undefined;
        if (!record) {
          const links = await rt.db.links.where('instanceId').equals(view.instanceId).toArray();
          const best = links.sort((a, b) => MAIN_RECORDS.indexOf(a.entity) - MAIN_RECORDS.indexOf(b.entity)).find((l) => MAIN_RECORDS.includes(l.entity));
          if (best) record = { entity: best.entity, id: best.recordId };
        }
        rows.push({ view, flowName: flow.name, ...(record ? { record } : {}), escalated: state.tasks[view.taskId]?.escalated === true });
      }
      rows.sort((a, b) => (a.view.dueAt ?? Infinity) - (b.view.dueAt ?? Infinity) || a.view.openedAt - b.view.openedAt);
      // Overdue work of other roles that was escalated to mine.
      const escalations = [];
      for (const s of await allStates(rt.engine)) {
        for (const a of s.alerts) {
          if (a.source.kind !== 'sla' || !a.to.includes(role)) continue;
          const task = s.tasks[a.source.taskId];
          if (task?.status !== 'open') continue;
          const flow = await rt.engine.definition(s.flowId, s.version);
          const node = flow.nodes.find((n) => n.id === task.nodeId);
          escalations.push({ state: s, task, flowName: flow.name, stepName: node?.name ?? { en: task.nodeId } });
        }
      }
      return { rows, escalations };
    },
    [],
  );
  const roleLabel = roleName(app.role, i18n.locale);
  return (
    <div className="page">
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle', { role: roleLabel })} />
      {!data ? (
        <Loading />
      ) : (
        <>
          {data.rows.length === 0 ? (
            <Empty>{t('inbox.empty', { role: roleLabel })}</Empty>
          ) : (
            <table className="table inbox" data-testid="inbox">
              <thead>
                <tr>
                  <th>{t('inbox.step')}</th>
                  <th>{t('inbox.flow')}</th>
                  <th>{t('inbox.record')}</th>
                  <th>{t('inbox.opened')}</th>
                  <th>{t('inbox.due')}</th>
                  <th>{t('inbox.sla')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map(({ view, flowName, record, escalated }) => {
                  const state = slaState(view.openedAt, view.dueAt, app.now, escalated);
                  return (
                    <tr key={view.taskId + view.instanceId} className="clickable" onClick={() => navigate('task', view.instanceId, view.taskId)}>
                      <td>
                        <a href={href('task', view.instanceId, view.taskId)} onClick={(e) => e.stopPropagation()}>
                          {lt(view.name)}
                        </a>
                        {view.mandatory && (
                          <span className="lock">
                            <Icon name="lock" size={12} title={t('task.mandatory')} />
                          </span>
                        )}
                        {view.blockedBy.length > 0 && <Chip tone="bad">{t('inbox.blocked')}</Chip>}
                      </td>
                      <td>{lt(flowName)}</td>
                      <td>{record ? recordTitle(record, index) : '—'}</td>
                      <td>{dateTime(view.openedAt)}</td>
                      <td>{view.dueAt ? dateTime(view.dueAt) : '—'}</td>
                      <td>
                        <SlaBadge state={state} now={app.now} {...(view.dueAt !== undefined ? { dueAt: view.dueAt } : {})} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {data.escalations.length > 0 && (
            <section className="section">
              <h2>{t('inbox.escalatedTitle')}</h2>
              <p className="muted">{t('inbox.escalatedText')}</p>
              <table className="table" data-testid="escalated">
                <thead>
                  <tr>
                    <th>{t('inbox.step')}</th>
                    <th>{t('inbox.flow')}</th>
                    <th>{t('inbox.waitingFor')}</th>
                    <th>{t('inbox.due')}</th>
                    <th>{t('inbox.sla')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.escalations.map((e) => (
                    <tr key={e.state.instanceId + e.task.taskId} className="clickable" onClick={() => navigate('instance', e.state.instanceId)}>
                      <td>
                        <a href={href('instance', e.state.instanceId)}>{lt(e.stepName)}</a>
                      </td>
                      <td>{lt(e.flowName)}</td>
                      <td>{e.task.roles.map((r) => roleName(r, i18n.locale)).join(i18n.locale === 'zh' ? '、' : ', ')}</td>
                      <td>{e.task.dueAt ? dateTime(e.task.dueAt) : '—'}</td>
                      <td>
                        <SlaBadge state="escalated" now={app.now} {...(e.task.dueAt !== undefined ? { dueAt: e.task.dueAt } : {})} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </div>
  );
}
