/**
 * Complaints: taken by service, investigated by the warehouse within an SLA
 * set by severity (critical 4 h, high 24 h, else 72 h), escalated to the
 * sales manager when late.
 */
import { useState } from 'react';
import { useQuery } from '../app/context';
import { useRecordIndex } from '../app/records';
import { useStarter } from '../app/useStarter';
import { Chip, Loading, PageHeader } from '../components/bits';
import { Dialog, StartFlowActions } from '../components/Dialog';
import { CustomerRecordTitle, NewAction, RecordDetail, RecordRow, RefusalBanner } from '../components/RecordList';
import { useI18n } from '../i18n';
import { startComplaint } from '../runtime/start';
import { optionName } from '../windows/catalog-lookup';

const SEVERITY_TONE: Record<string, 'neutral' | 'info' | 'warn' | 'bad'> = { low: 'neutral', medium: 'info', high: 'warn', critical: 'bad' };

export function ComplaintsPage({ selected }: { selected?: string }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const index = useRecordIndex();
  const { start, error, busy } = useStarter();
  const [dialog, setDialog] = useState(false);
  const complaints = useQuery(async ({ rt }) => (await rt.db.records('complaint').toArray()).sort((a, b) => Number(b.createdAt ?? 0) - Number(a.createdAt ?? 0)), []);
  if (!complaints) return <Loading />;
  const current = complaints.find((c) => c.id === selected);
  const stage = (c: Record<string, unknown>) => (c.satisfaction ? 'closed' : c.resolvedAt ? 'resolved' : c.remedy ? 'remedy' : c.severity ? 'investigating' : 'new');
  return (
    <div className="page">
      <PageHeader
        title={t('complaints.title')}
        subtitle={t('complaints.subtitle')}
        actions={<NewAction label={t('complaints.new')} busy={busy} onClick={() => setDialog(true)} />}
      />
      <RefusalBanner error={error} />
      <table className="table" data-testid="complaints">
        <thead>
          <tr>
            <th>{t('complaints.number')}</th>
            <th>{t('orders.customer')}</th>
            <th>{t('complaints.category')}</th>
            <th>{t('complaints.severity')}</th>
            <th>{t('complaints.received')}</th>
            <th>{t('orders.status')}</th>
          </tr>
        </thead>
        <tbody>
          {complaints.map((c) => (
            <RecordRow key={c.id} page="complaints" id={c.id} selected={selected}>
              <td>{index?.label('customer', c.customer)}</td>
              <td>{optionName('complaint', 'category', c.category, i18n.locale) || '—'}</td>
              <td>{c.severity ? <Chip tone={SEVERITY_TONE[String(c.severity)] ?? 'neutral'}>{optionName('complaint', 'severity', c.severity, i18n.locale)}</Chip> : '—'}</td>
              <td>{dateTime(typeof c.receivedAt === 'string' ? c.receivedAt : undefined)}</td>
              <td>{t(`complaints.stage.${stage(c)}` as 'complaints.stage.new')}</td>
            </RecordRow>
          ))}
        </tbody>
      </table>
      {current && (
        <RecordDetail
          entity="complaint"
          record={current}
          index={index}
          title={<CustomerRecordTitle kind={t('complaints.complaint')} record={current} index={index} />}
        />
      )}
      {dialog && <NewComplaintDialog onClose={() => setDialog(false)} onStart={(c, o) => void start((ctx) => startComplaint(ctx, c, o))} />}
    </div>
  );
}

function NewComplaintDialog({ onClose, onStart }: { onClose: () => void; onStart: (customerId: string, orderId?: string) => void }) {
  const { t } = useI18n();
  const index = useRecordIndex();
  const [customer, setCustomer] = useState('');
  const [order, setOrder] = useState('');
  const orders = index?.all('order').filter((o) => o.customer === customer) ?? [];
  return (
    <Dialog title={t('complaints.newTitle')} onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          onClose();
          onStart(customer, order || undefined);
        }}
      >
        <label htmlFor="c-customer">{t('orders.customer')}</label>
        <select id="c-customer" required value={customer} onChange={(e) => setCustomer(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {index?.all('customer').map((c) => (
            <option key={c.id} value={c.id}>
              {String(c.name ?? c.id)}
            </option>
          ))}
        </select>
        <label htmlFor="c-order">{t('complaints.order')}</label>
        <select id="c-order" value={order} onChange={(e) => setOrder(e.target.value)}>
          <option value="">—</option>
          {orders.map((o) => (
            <option key={o.id} value={o.id}>
              {o.id}
            </option>
          ))}
        </select>
        <StartFlowActions ready={!!customer} onClose={onClose} />
      </form>
    </Dialog>
  );
}
