/**
 * Leads, the start of the CRM main line: qualify, convert to a customer
 * (through its approval), develop the opportunity, quote, order.
 */
import { useQuery } from '../app/context';
import { useStarter } from '../app/useStarter';
import { Chip, Loading, PageHeader, statusTone } from '../components/bits';
import { RefusalBanner } from '../components/RecordList';
import { useI18n } from '../i18n';
import { userName } from '../runtime/actors';
import { startLead } from '../runtime/start';
import { optionName } from '../windows/catalog-lookup';
import { href } from '../app/router';

export function LeadsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { start, error, busy } = useStarter();
  const data = useQuery(async ({ rt }) => {
    const leads = (await rt.db.records('lead').toArray()).sort((a, b) => a.id.localeCompare(b.id));
    const links = await rt.db.links.where('[entity+recordId]').anyOf(leads.map((l) => ['lead', l.id])).toArray();
    return { leads, cases: new Map(links.map((l) => [l.recordId, l.instanceId])) };
  }, []);
  if (!data) return <Loading />;
  return (
    <div className="page">
      <PageHeader title={t('leads.title')} subtitle={t('leads.subtitle')} />
      <RefusalBanner error={error} />
      <table className="table" data-testid="leads">
        <thead>
          <tr>
            <th>{t('leads.company')}</th>
            <th>{t('leads.contact')}</th>
            <th>{t('leads.source')}</th>
            <th className="num">{t('leads.score')}</th>
            <th>{t('orders.status')}</th>
            <th>{t('leads.owner')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.leads.map((l) => {
            const caseId = data.cases.get(l.id);
            return (
              <tr key={l.id}>
                <td>
                  {String(l.company)}
                  <div className="muted small">{l.id}</div>
                </td>
                <td>
                  {String(l.contactName ?? '')}
                  <div className="muted small">{String(l.phone ?? '')}</div>
                </td>
                <td>{optionName('lead', 'source', l.source, i18n.locale)}</td>
                <td className="num">{String(l.score ?? '—')}</td>
                <td>
                  <Chip tone={statusTone(l.status)}>{optionName('lead', 'status', l.status, i18n.locale)}</Chip>
                </td>
                <td>{userName(l.owner, i18n.locale)}</td>
                <td className="row-actions">
                  {caseId ? (
                    <a className="button secondary small" href={href('instance', caseId)}>
                      {t('leads.case')}
                    </a>
                  ) : l.status === 'new' || l.status === 'working' || l.status === 'qualified' ? (
                    <button type="button" className="small" disabled={busy} onClick={() => void start((ctx) => startLead(ctx, l.id))}>
                      {t('leads.work')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
