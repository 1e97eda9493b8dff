/**
 * Quotes: drafted by sales, approved by the sales manager above 10%
 * discount, sent, answered by the customer.
 */
import { useState } from 'react';
import { useQuery } from '../app/context';
import { useRecordIndex } from '../app/records';
import { useStarter } from '../app/useStarter';
import { Chip, Loading, PageHeader, statusTone } from '../components/bits';
import { Dialog, StartFlowActions } from '../components/Dialog';
import { CustomerRecordTitle, NewAction, RecordDetail, RecordRow, RefusalBanner } from '../components/RecordList';
import { useI18n } from '../i18n';
import { startQuotation } from '../runtime/start';
import { optionName } from '../windows/catalog-lookup';

export function QuotesPage({ selected }: { selected?: string }) {
  const i18n = useI18n();
  const { t, money, date } = i18n;
  const index = useRecordIndex();
  const { start, error, busy } = useStarter();
  const [dialog, setDialog] = useState(false);
  const quotes = useQuery(async ({ rt }) => (await rt.db.records('quote').toArray()).sort((a, b) => Number(b.createdAt ?? 0) - Number(a.createdAt ?? 0)), []);
  if (!quotes) return <Loading />;
  const current = quotes.find((q) => q.id === selected);
  return (
    <div className="page">
      <PageHeader
        title={t('quotes.title')}
        subtitle={t('quotes.subtitle')}
        actions={<NewAction label={t('quotes.new')} busy={busy} onClick={() => setDialog(true)} />}
      />
      <RefusalBanner error={error} />
      <table className="table" data-testid="quotes">
        <thead>
          <tr>
            <th>{t('quotes.number')}</th>
            <th>{t('orders.customer')}</th>
            <th>{t('quotes.opportunity')}</th>
            <th>{t('orders.status')}</th>
            <th className="num">{t('quotes.discount')}</th>
            <th className="num">{t('orders.amount')}</th>
            <th>{t('quotes.validUntil')}</th>
          </tr>
        </thead>
        <tbody>
          {quotes.map((q) => (
            <RecordRow key={q.id} page="quotes" id={q.id} selected={selected}>
              <td>{index?.label('customer', q.customer)}</td>
              <td>{q.opportunity ? index?.label('opportunity', q.opportunity) : '—'}</td>
              <td>
                <Chip tone={statusTone(q.status)}>{optionName('quote', 'status', q.status, i18n.locale) || '—'}</Chip>
              </td>
              <td className="num">{typeof q.discountPercent === 'number' ? `${q.discountPercent}%` : '—'}</td>
              <td className="num">{money(q.amount)}</td>
              <td>{date(typeof q.validUntil === 'string' ? q.validUntil : undefined)}</td>
            </RecordRow>
          ))}
        </tbody>
      </table>
      {current && (
        <RecordDetail
          entity="quote"
          record={current}
          index={index}
          title={<CustomerRecordTitle kind={t('quotes.quote')} record={current} index={index} />}
        />
      )}
      {dialog && <NewQuoteDialog onClose={() => setDialog(false)} onStart={(c, o) => void start((ctx) => startQuotation(ctx, c, o))} />}
    </div>
  );
}

function NewQuoteDialog({ onClose, onStart }: { onClose: () => void; onStart: (customerId: string, opportunityId?: string) => void }) {
  const { t } = useI18n();
  const index = useRecordIndex();
  const [customer, setCustomer] = useState('');
  const [opportunity, setOpportunity] = useState('');
  const opportunities = index?.all('opportunity').filter((o) => o.customer === customer && o.stage !== 'won' && o.stage !== 'lost') ?? [];
  return (
    <Dialog title={t('quotes.newTitle')} onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          onClose();
          onStart(customer, opportunity || undefined);
        }}
      >
        <label htmlFor="q-customer">{t('orders.customer')}</label>
        <select id="q-customer" required value={customer} onChange={(e) => setCustomer(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {index
            ?.all('customer')
            .filter((c) => c.status === 'active')
            .map((c) => (
              <option key={c.id} value={c.id}>
                {String(c.name)}
              </option>
            ))}
        </select>
        <label htmlFor="q-opp">{t('quotes.opportunity')}</label>
        <select id="q-opp" value={opportunity} onChange={(e) => setOpportunity(e.target.value)}>
          <option value="">—</option>
          {opportunities.map((o) => (
            <option key={o.id} value={o.id}>
              {String(o.name)}
            </option>
          ))}
        </select>
        <StartFlowActions ready={!!customer} onClose={onClose} />
      </form>
    </Dialog>
  );
}
