/**
 * Customers with status, payment terms and credit use (amber from 90%).
 * A new customer starts its approval; from a customer, start an order of a
 * type, a complaint, or a credit-limit review.
 */
import { useState } from 'react';
import { useApp, useQuery } from '../app/context';
import { useRecordIndex } from '../app/records';
import { href } from '../app/router';
import { useStarter } from '../app/useStarter';
import { Chip, CreditBar, Loading, PageHeader, statusTone } from '../components/bits';
import { Dialog, StartFlowActions } from '../components/Dialog';
import { NewAction, RecordDetail, RecordRow, RefusalBanner } from '../components/RecordList';
import { useI18n } from '../i18n';
import { userName } from '../runtime/actors';
import { startComplaint, startCreditReview, startCustomerApproval, startOrder } from '../runtime/start';
import { optionName } from '../windows/catalog-lookup';

export function CustomersPage({ selected }: { selected?: string }) {
  const i18n = useI18n();
  const { t, money } = i18n;
  const { start, error, busy } = useStarter();
  const index = useRecordIndex();
  const [orderFor, setOrderFor] = useState<string | undefined>();
  const customers = useQuery(async ({ rt }) => (await rt.db.records('customer').toArray()).sort((a, b) => String(a.id).localeCompare(String(b.id))), []);
  if (!customers) return <Loading />;
  const current = customers.find((c) => c.id === selected);
  return (
    <div className="page">
      <PageHeader
        title={t('customers.title')}
        subtitle={t('customers.subtitle')}
        actions={<NewAction label={t('customers.new')} busy={busy} onClick={() => void start((ctx) => startCustomerApproval(ctx))} />}
      />
      <RefusalBanner error={error} />
      <table className="table" data-testid="customers">
        <thead>
          <tr>
            <th>{t('customers.name')}</th>
            <th>{t('customers.level')}</th>
            <th>{t('customers.status')}</th>
            <th>{t('customers.terms')}</th>
            <th className="credit-col">{t('customers.credit')}</th>
            <th>{t('customers.rep')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {customers.map((c) => (
            <RecordRow
              key={c.id}
              page="customers"
              id={c.id}
              selected={selected}
              testId={`customer-${c.id}`}
              label={typeof c.name === 'string' && c.name ? c.name : t('customers.unnamed', { id: c.id })}
              sub={<div className="muted small">{c.id}</div>}
            >
              <td>{typeof c.level === 'string' ? c.level : '—'}</td>
              <td>
                <Chip tone={statusTone(c.status)}>{optionName('customer', 'status', c.status, i18n.locale) || '—'}</Chip>
              </td>
              <td>{optionName('customer', 'paymentTerms', c.paymentTerms, i18n.locale) || '—'}</td>
              <td>
                <CreditBar used={c.creditUsed} limit={c.creditLimit} terms={c.paymentTerms} />
              </td>
              <td className="nowrap">{userName(c.salesRep, i18n.locale)}</td>
              <td className="row-actions" onClick={(e) => e.stopPropagation()}>
                {c.status === 'active' && (
                  <button type="button" className="small" disabled={busy} onClick={() => setOrderFor(c.id)}>
                    {t('customers.newOrder')}
                  </button>
                )}
                {c.status === 'prospect' && (
                  <button type="button" className="small" disabled={busy} onClick={() => void start((ctx) => startCustomerApproval(ctx, c.id))}>
                    {t('customers.startApproval')}
                  </button>
                )}
              </td>
            </RecordRow>
          ))}
        </tbody>
      </table>
      {current && (
        <RecordDetail
          entity="customer"
          record={current}
          index={index}
          omit={['name']}
          testId="customer-detail"
          title={typeof current.name === 'string' && current.name ? current.name : current.id}
          head={
            <div className="page-actions">
              {current.status === 'active' && (
                <>
                  <button type="button" className="small" disabled={busy} onClick={() => setOrderFor(current.id)}>
                    {t('customers.newOrder')}
                  </button>
                  <button type="button" className="small" disabled={busy} onClick={() => void start((ctx) => startComplaint(ctx, current.id))}>
                    {t('customers.complaint')}
                  </button>
                  <button type="button" className="small" disabled={busy} onClick={() => void start((ctx) => startCreditReview(ctx, current.id))}>
                    {t('customers.creditReview')}
                  </button>
                </>
              )}
            </div>
          }
        >
          <h3>{t('customers.contacts')}</h3>
          <ul className="plain">
            {index
              ?.all('contact')
              .filter((x) => x.customer === current.id)
              .map((x) => (
                <li key={x.id}>
                  <strong>{String(x.name)}</strong> · {String(x.title ?? '')} · {String(x.phone ?? '')} · <span className="muted">{String(x.email ?? '')}</span>
                </li>
              ))}
          </ul>
          <h3>{t('customers.orders')}</h3>
          <ul className="plain">
            {index
              ?.all('order')
              .filter((o) => o.customer === current.id)
              .map((o) => (
                <li key={o.id}>
                  <a href={href('orders', o.id)}>{o.id}</a> · {optionName('order', 'type', o.type, i18n.locale)} · {optionName('order', 'status', o.status, i18n.locale)} · {money(o.amount)}
                </li>
              ))}
            {!index?.all('order').some((o) => o.customer === current.id) && <li className="muted">{t('customers.noOrders')}</li>}
          </ul>
        </RecordDetail>
      )}
      {orderFor && <NewOrderDialog customerId={orderFor} onClose={() => setOrderFor(undefined)} onStart={(type) => void start((ctx) => startOrder(ctx, orderFor, type))} />}
    </div>
  );
}

/** Picks the order type; each type runs its own flow. */
export function NewOrderDialog({ customerId, onClose, onStart }: { customerId?: string; onClose: () => void; onStart: (type: string, customerId: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const index = useRecordIndex();
  const { role } = useApp();
  const [type, setType] = useState('new');
  const [customer, setCustomer] = useState(customerId ?? '');
  const active = index?.all('customer').filter((c) => c.status === 'active') ?? [];
  return (
    <Dialog title={t('orders.newTitle')} onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (customer) {
            onClose();
            onStart(type, customer);
          }
        }}
      >
        <label htmlFor="new-order-customer">{t('orders.customer')}</label>
        <select id="new-order-customer" value={customer} onChange={(e) => setCustomer(e.target.value)} required>
          <option value="">{t('common.choose')}</option>
          {active.map((c) => (
            <option key={c.id} value={c.id}>
              {String(c.name)}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('orders.type')}</legend>
          {['new', 'prepaid', 'sample'].map((v) => (
            <label key={v} className="radio">
              <input type="radio" name="order-type" value={v} checked={type === v} onChange={() => setType(v)} /> {optionName('order', 'type', v, i18n.locale)}
              <span className="muted small"> — {t(`orders.typeHint.${v}` as 'orders.typeHint.new')}</span>
            </label>
          ))}
        </fieldset>
        {role !== 'sales-rep' && role !== 'sales-manager' && <p className="muted small">{t('orders.salesOnly')}</p>}
        <StartFlowActions ready={!!customer} onClose={onClose} />
      </form>
    </Dialog>
  );
}
