/**
 * Alerts: customers at or above 90% of their credit limit (the credit
 * control), and every alert the flows raised for my role — controls, SLA
 * escalations, steps that notify.
 */
import { useState } from 'react';
import { useApp, useQuery } from '../app/context';
import { href } from '../app/router';
import { AlertList } from '../components/AlertList';
import { CreditBar, Empty, Loading, PageHeader } from '../components/bits';
import { useI18n } from '../i18n';
import { userName } from '../runtime/actors';
import { allStates, creditWatch, definitionsOf, dismissAlerts, dismissedAlerts } from '../runtime/queries';
import { roleName } from '../windows/catalog-lookup';

export function AlertsPage() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [everyone, setEveryone] = useState(false);
  const data = useQuery(async ({ rt }) => {
    const states = await allStates(rt.engine);
    const flows = await definitionsOf(rt.engine, states);
    return { states, flows, watch: await creditWatch(rt.db), dismissed: await dismissedAlerts(rt.db) };
  }, []);
  if (!data) return <Loading />;
  const role = everyone ? 'admin' : app.role;
  const mine = data.states.some((s) => s.alerts.some((a) => role === 'admin' || a.to.includes(role)));
  return (
    <div className="page">
      <PageHeader title={t('alerts.title')} subtitle={t('alerts.subtitle')} />
      <section className="panel">
        <h2>{t('alerts.creditWatch')}</h2>
        <p className="muted">{t('alerts.creditWatchText')}</p>
        {data.watch.length === 0 ? (
          <Empty>{t('alerts.noCredit')}</Empty>
        ) : (
          <table className="table" data-testid="credit-watch">
            <thead>
              <tr>
                <th>{t('customers.name')}</th>
                <th className="credit-col">{t('customers.credit')}</th>
                <th>{t('customers.rep')}</th>
              </tr>
            </thead>
            <tbody>
              {data.watch.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={href('customers', c.id)}>{String(c.name)}</a>
                  </td>
                  <td>
                    <CreditBar used={c.creditUsed} limit={c.creditLimit} />
                  </td>
                  <td>{userName(c.salesRep, i18n.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel">
        <header className="detail-head">
          <h2>{everyone ? t('alerts.flowAlertsAll') : t('alerts.flowAlerts', { role: roleName(app.role, i18n.locale) })}</h2>
          <label className="small">
            <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} /> {t('alerts.showAll')}
          </label>
        </header>
        {mine ? (
          <AlertList
            states={data.states}
            flows={data.flows}
            role={role}
            dismissed={data.dismissed}
            onDismiss={(id) => {
              void dismissAlerts(app.rt.db, [id]).then(app.refresh);
            }}
          />
        ) : (
          <Empty>{t('alerts.none')}</Empty>
        )}
      </section>
    </div>
  );
}
