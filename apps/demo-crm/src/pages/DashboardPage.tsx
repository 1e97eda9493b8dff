/**
 * Process metrics from the event logs, as charts: lead time per flow, time
 * per step, work waiting now, SLA breaches, and the paths cases took.
 */
import { useState } from 'react';
import type { Flow } from '@crm/flow-runtime';
import { useApp, useQuery } from '../app/context';
import { BarChart } from '../components/BarChart';
import { Loading, PageHeader } from '../components/bits';
import { useI18n } from '../i18n';
import { flowDurations, pathFrequencies, slaBreaches, stepDurations, waitingWork, type CaseLog } from '../runtime/analytics';
import { allStates, definitionsOf } from '../runtime/queries';
import { roleName } from '../windows/catalog-lookup';

const HOUR = 3_600_000;

export function DashboardPage() {
  const app = useApp();
  const i18n = useI18n();
  const { t, lt } = i18n;
  const [flowFilter, setFlowFilter] = useState('');
  const data = useQuery(async ({ rt }) => {
    const states = await allStates(rt.engine);
    const logs: CaseLog[] = await Promise.all(states.map(async (state) => ({ state, events: await rt.engine.events(state.instanceId) })));
    const flows = await definitionsOf(rt.engine, states);
    const latest = new Map<string, Flow>();
    for (const f of flows.values()) if ((latest.get(f.id)?.version ?? 0) < f.version) latest.set(f.id, f);
    return { logs, flows, latest };
  }, []);
  if (!data) return <Loading />;
  const logs = flowFilter ? data.logs.filter((l) => l.state.flowId === flowFilter) : data.logs;
  const flowName = (id: string) => lt(data.latest.get(id)?.name) || id;
  const stepName = (flowId: string, nodeId: string) => lt(data.latest.get(flowId)?.nodes.find((n) => n.id === nodeId)?.name) || nodeId;
  const hours = (ms: number) => (ms >= 48 * HOUR ? t('duration.dDecimal', { d: (ms / 24 / HOUR).toFixed(1) }) : t('duration.hDecimal', { h: (ms / HOUR).toFixed(1) }));

  const running = logs.filter((l) => l.state.status === 'active' || l.state.status === 'incident').length;
  const completed = logs.filter((l) => l.state.status === 'completed').length;
  const breaches = slaBreaches(logs);
  const waiting = waitingWork(logs, app.now);
  const steps = stepDurations(logs).slice(0, 10);
  const flowsDur = flowDurations(logs);
  const paths = pathFrequencies(logs).slice(0, 10);
  const overdueNow = waiting.reduce((s, w) => s + w.overdue, 0);

  return (
    <div className="page dashboard">
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        actions={
          <label className="small">
            {t('dashboard.flow')}{' '}
            <select value={flowFilter} onChange={(e) => setFlowFilter(e.target.value)} aria-label={t('dashboard.flow')}>
              <option value="">{t('dashboard.allFlows')}</option>
              {[...data.latest.values()].map((f) => (
                <option key={f.id} value={f.id}>
                  {lt(f.name)}
                </option>
              ))}
            </select>
          </label>
        }
      />
      <div className="kpis">
        <div className="kpi">
          <span className="kpi-value">{running}</span>
          <span className="kpi-label">{t('dashboard.running')}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value">{completed}</span>
          <span className="kpi-label">{t('dashboard.completed')}</span>
        </div>
        <div className="kpi">
          <span className="kpi-value">{logs.reduce((s, l) => s + Object.values(l.state.tasks).filter((x) => x.status === 'open').length, 0)}</span>
          <span className="kpi-label">{t('dashboard.openTasks')}</span>
        </div>
        <div className={`kpi${overdueNow ? ' kpi-bad' : ''}`}>
          <span className="kpi-value">{overdueNow}</span>
          <span className="kpi-label">{t('dashboard.overdueNow')}</span>
        </div>
        <div className={`kpi${breaches.length ? ' kpi-warn' : ''}`}>
          <span className="kpi-value">{breaches.reduce((s, b) => s + b.count, 0)}</span>
          <span className="kpi-label">{t('dashboard.breaches')}</span>
        </div>
      </div>
      <div className="charts">
        <section className="panel">
          <h2>{t('dashboard.flowDurations')}</h2>
          <p className="muted small">{t('dashboard.flowDurationsHint')}</p>
          {flowsDur.length ? (
            <BarChart ariaLabel={t('dashboard.flowDurations')} tone="blue" format={hours} bars={flowsDur.map((d) => ({ label: flowName(d.flowId), value: d.avgMs, hint: t('dashboard.avgOf', { n: d.count, max: hours(d.maxMs) }) }))} />
          ) : (
            <p className="muted">{t('dashboard.noData')}</p>
          )}
        </section>
        <section className="panel">
          <h2>{t('dashboard.stepDurations')}</h2>
          <p className="muted small">{t('dashboard.stepDurationsHint')}</p>
          {steps.length ? (
            <BarChart ariaLabel={t('dashboard.stepDurations')} tone="violet" format={hours} labelWidth={260} bars={steps.map((d) => ({ label: `${stepName(d.flowId, d.nodeId!)} · ${flowName(d.flowId)}`, value: d.avgMs, hint: t('dashboard.avgOf', { n: d.count, max: hours(d.maxMs) }) }))} />
          ) : (
            <p className="muted">{t('dashboard.noData')}</p>
          )}
        </section>
        <section className="panel">
          <h2>{t('dashboard.waiting')}</h2>
          <p className="muted small">{t('dashboard.waitingHint')}</p>
          {waiting.length ? (
            <BarChart ariaLabel={t('dashboard.waiting')} tone="amber" partLabel={t('dashboard.overdueShort')} bars={waiting.map((w) => ({ label: roleName(w.role, i18n.locale), value: w.open, part: w.overdue }))} />
          ) : (
            <p className="muted">{t('dashboard.noWaiting')}</p>
          )}
        </section>
        <section className="panel">
          <h2>{t('dashboard.slaBreaches')}</h2>
          <p className="muted small">{t('dashboard.slaBreachesHint')}</p>
          {breaches.length ? (
            <BarChart ariaLabel={t('dashboard.slaBreaches')} tone="red" partLabel={t('dashboard.stillOpen')} labelWidth={260} bars={breaches.map((b) => ({ label: `${stepName(b.flowId, b.nodeId)} · ${flowName(b.flowId)}`, value: b.count, part: b.open }))} />
          ) : (
            <p className="muted">{t('dashboard.noBreaches')}</p>
          )}
        </section>
        <section className="panel wide">
          <h2>{t('dashboard.paths')}</h2>
          <p className="muted small">{t('dashboard.pathsHint')}</p>
          {paths.length ? (
            <table className="table paths" data-testid="paths">
              <thead>
                <tr>
                  <th>{t('dashboard.flow')}</th>
                  <th>{t('dashboard.path')}</th>
                  <th>{t('dashboard.outcome')}</th>
                  <th className="num">{t('dashboard.cases')}</th>
                </tr>
              </thead>
              <tbody>
                {paths.map((p, i) => (
                  <tr key={i}>
                    <td>{flowName(p.flowId)}</td>
                    <td className="path">{p.steps.map((s) => stepName(p.flowId, s)).join(' → ')}</td>
                    <td>{p.endNodeId ? stepName(p.flowId, p.endNodeId) : p.outcome}</td>
                    <td className="num">
                      <span className="path-bar" style={{ width: `${(p.count / paths[0]!.count) * 60}px` }} /> {p.count}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('dashboard.noData')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
