/**
 * A task opened from the inbox: the step, its SLA and alerts, the window as
 * a form, and the records the window lists. When the step is not for the
 * current role, says whose it is and lets the user try anyway, to see the
 * runtime refuse.
 */
import { useState } from 'react';
import { useApp, useQuery } from '../app/context';
import { setFlash } from '../app/flash';
import { useRecordIndex } from '../app/records';
import { href, navigate } from '../app/router';
import { Chip, CreditBar, Loading, PageHeader, SlaBadge, slaState } from '../components/bits';
import { AlertList } from '../components/AlertList';
import { useI18n } from '../i18n';
import { isDemoRole, userName } from '../runtime/actors';
import { explainRefusal } from '../runtime/refusal';
import { recordIdOf } from '../runtime/sync';
import { department, optionName, roleName, windowById } from '../windows/catalog-lookup';
import { RecordList } from '../windows/RecordList';
import { WindowForm } from '../windows/WindowForm';
import { Icon } from '../components/Icon';

export function TaskPage({ instanceId, taskId }: { instanceId: string; taskId: string }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt, dateTime } = i18n;
  const index = useRecordIndex();
  const [tryError, setTryError] = useState<string | undefined>();
  const data = useQuery(
    async ({ rt, actor }) => {
      const state = await rt.engine.instance(instanceId);
      const flow = await rt.engine.definition(state.flowId, state.version);
      const view = (await rt.engine.tasks(instanceId, { actor })).find((v) => v.taskId === taskId);
      const task = state.tasks[taskId];
      const node = flow.nodes.find((n) => n.id === task?.nodeId);
      const variable = view?.window?.variable ?? (node && 'record' in node && typeof node.record === 'string' ? node.record : undefined);
      const recordId = view?.window?.recordId ?? (variable ? await recordIdOf(rt.db, state, variable) : undefined);
      const customerId = await recordIdOf(rt.db, state, 'customer');
      const customer = customerId ? await rt.db.records('customer').get(customerId) : undefined;
      return { state, flow, view, task, node, recordId, customer };
    },
    [instanceId, taskId],
  );
  if (!data) return <Loading />;
  const { state, flow, view, task, node, recordId, customer } = data;
  const stepName = node ? lt(node.name) : (task?.nodeId ?? taskId);
  const dept = department(node && 'department' in node ? node.department : undefined);
  const win = view?.window ? windowById(view.window.id) : node && node.kind === 'task' && node.window ? windowById(node.window) : undefined;

  const onCompleted = async () => {
    const next = (await app.rt.engine.tasks(instanceId, { actor: app.actor }))[0];
    if (next) {
      navigate('task', instanceId, next.taskId);
    } else {
      setFlash(t('task.completedFlash', { step: stepName }));
      navigate('instance', instanceId);
    }
  };

  const tryAnyway = async () => {
    setTryError(undefined);
    try {
      await app.rt.engine.complete(instanceId, taskId, { actor: app.actor });
      await app.rt.sync.flush();
      await onCompleted();
    } catch (e) {
      setTryError(explainRefusal(e, { i18n, flow }));
    }
  };

  return (
    <div className="page task-page">
      <nav className="crumbs">
        <a href={href('inbox')}>{t('nav.inbox')}</a> › <a href={href('instance', instanceId)}>{lt(flow.name)}</a> › <span>{stepName}</span>
      </nav>
      <PageHeader
        title={stepName}
        subtitle={
          <>
            {lt(flow.name)} · {t('common.version', { v: state.version })}
            {dept && (
              <span className="dept" style={{ borderColor: dept.color, color: dept.color }}>
                {lt(dept.name)}
              </span>
            )}
            {task?.roles.map((r) => (
              <Chip key={r}>{roleName(r, i18n.locale)}</Chip>
            ))}
            {view?.mandatory && (
              <Chip tone="info">
                <Icon name="lock" size={11} /> {t('task.mandatory')}
              </Chip>
            )}
          </>
        }
        actions={
          task?.dueAt !== undefined && task.status === 'open' ? (
            <div className="due">
              <span className="muted small">
                {t('inbox.due')} {dateTime(task.dueAt)}
              </span>
              <SlaBadge state={slaState(task.openedAt, task.dueAt, app.now, task.escalated)} dueAt={task.dueAt} now={app.now} />
            </div>
          ) : undefined
        }
      />
      <AlertList states={[state]} flows={new Map([[`${flow.id}@${flow.version}`, flow]])} compact />
      {node && 'description' in node && node.description && <p className="step-description">{lt(node.description)}</p>}
      <div className="task-layout">
        <div className="task-main">
          {view ? (
            <WindowForm view={view} flow={flow} index={index} onCompleted={() => void onCompleted()} />
          ) : !task ? (
            <div className="banner">{t('task.unknown')}</div>
          ) : task.status !== 'open' ? (
            <div className="banner info">
              {t('task.done', { who: task.completedBy ? userName(task.completedBy.id, i18n.locale) || task.completedBy.id : '—', when: dateTime(task.completedAt) })}{' '}
              <a href={href('instance', instanceId)}>{t('task.seeCase')}</a>
            </div>
          ) : (
            <div className="not-mine">
              <p className="banner info">{t('task.notYours', { roles: task.roles.map((r) => roleName(r, i18n.locale)).join(i18n.locale === 'zh' ? '、' : ', '), role: roleName(app.role, i18n.locale) })}</p>
              <div className="actions">
                {task.roles[0] && (
                  <button type="button" className="primary" onClick={() => isDemoRole(task.roles[0]) && app.setRole(task.roles[0])}>
                    {t('task.switchTo', { role: roleName(task.roles[0], i18n.locale) })}
                  </button>
                )}
                <button type="button" className="secondary" onClick={() => void tryAnyway()}>
                  {t('task.tryAnyway')}
                </button>
              </div>
              {tryError && (
                <div className="banner refusal" role="alert">
                  <strong>{t('task.refused')}</strong>{i18n.locale === 'zh' ? '' : ' '}{tryError}
                </div>
              )}
            </div>
          )}
        </div>
        <aside className="task-side">
          {win && <RecordList win={win} currentId={recordId} index={index} />}
          {customer && win?.entity !== 'customer' && (
            <section className="customer-box" data-testid="customer-box">
              <h4>{t('task.customer')}</h4>
              <p>
                <a href={href('customers', customer.id)}>{typeof customer.name === 'string' && customer.name ? customer.name : customer.id}</a>
              </p>
              <p className="muted small">
                {optionName('customer', 'paymentTerms', customer.paymentTerms, i18n.locale) || '—'} · {optionName('customer', 'status', customer.status, i18n.locale)}
              </p>
              <CreditBar used={customer.creditUsed} limit={customer.creditLimit} terms={customer.paymentTerms} />
            </section>
          )}
          <section className="case-box">
            <h4>{t('task.case')}</h4>
            <p>
              <a href={href('instance', instanceId)}>
                {lt(flow.name)} #{instanceId}
              </a>
            </p>
            <p className="muted small">
              {t('task.startedBy', { who: state.startedBy ? userName(state.startedBy.id, i18n.locale) : '—', when: dateTime(state.startedAt) })}
            </p>
          </section>
        </aside>
      </div>
    </div>
  );
}
