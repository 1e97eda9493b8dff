/**
 * Orders of every type (new, prepaid, sample, rework), each handled by its
 * own flow. An order shows its lines, payments, the gate that holds it and
 * its cases.
 */
import { useState } from 'react';
import { useQuery } from '../app/context';
import { useRecordIndex } from '../app/records';
import { useStarter } from '../app/useStarter';
import { Chip, Loading, PageHeader, statusTone } from '../components/bits';
import { useRecordCases } from '../components/RecordCases';
import { CustomerRecordTitle, NewAction, RecordDetail, RecordRow, RefusalBanner } from '../components/RecordList';
import { useI18n } from '../i18n';
import { startOrder } from '../runtime/start';
import { optionName } from '../windows/catalog-lookup';
import { NewOrderDialog } from './CustomersPage';

const TYPES = ['all', 'new', 'prepaid', 'sample', 'rework'] as const;

export function OrdersPage({ selected }: { selected?: string }) {
  const i18n = useI18n();
  const { t, money, date } = i18n;
  const index = useRecordIndex();
  const { start, error, busy } = useStarter();
  const [type, setType] = useState<(typeof TYPES)[number]>('all');
  const [dialog, setDialog] = useState(false);
  const data = useQuery(async ({ rt }) => {
    const orders = (await rt.db.records('order').toArray()).sort((a, b) => Number(b.createdAt ?? 0) - Number(a.createdAt ?? 0));
    const payments = await rt.db.records('payment').toArray();
    return { orders, payments };
  }, []);
  const cases = useRecordCases('order', selected);
  if (!data) return <Loading />;
  const rows = data.orders.filter((o) => type === 'all' || o.type === type);
  const current = data.orders.find((o) => o.id === selected);
  // The gates and alerts holding on the current order's running cases.
  const holding = (cases ?? []).filter((c) => c.state.status === 'active');
  return (
    <div className="page">
      <PageHeader
        title={t('orders.title')}
        subtitle={t('orders.subtitle')}
        actions={<NewAction label={t('orders.new')} busy={busy} onClick={() => setDialog(true)} />}
      />
      <RefusalBanner error={error} />
      <div className="tabs" role="tablist">
        {TYPES.map((ty) => (
          <button key={ty} type="button" role="tab" aria-selected={type === ty} className={type === ty ? 'on' : ''} onClick={() => setType(ty)}>
            {ty === 'all' ? t('orders.all') : optionName('order', 'type', ty, i18n.locale)}
            <span className="count">{ty === 'all' ? data.orders.length : data.orders.filter((o) => o.type === ty).length}</span>
          </button>
        ))}
      </div>
      <table className="table" data-testid="orders">
        <thead>
          <tr>
            <th>{t('orders.number')}</th>
            <th>{t('orders.customer')}</th>
            <th>{t('orders.type')}</th>
            <th>{t('orders.status')}</th>
            <th className="num">{t('orders.amount')}</th>
            <th className="num">{t('orders.paid')}</th>
            <th>{t('orders.shipDate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <RecordRow key={o.id} page="orders" id={o.id} selected={selected}>
              <td>{index?.label('customer', o.customer)}</td>
              <td>{optionName('order', 'type', o.type, i18n.locale)}</td>
              <td>
                <Chip tone={statusTone(o.status)}>{optionName('order', 'status', o.status, i18n.locale) || '—'}</Chip>
              </td>
              <td className="num">{money(o.amount)}</td>
              <td className="num">{money(o.paidAmount)}</td>
              <td>{date(typeof o.requestedShipDate === 'string' ? o.requestedShipDate : undefined)}</td>
            </RecordRow>
          ))}
        </tbody>
      </table>
      {current && (
        <RecordDetail
          entity="order"
          record={current}
          index={index}
          testId="order-detail"
          title={<CustomerRecordTitle kind={t('orders.order')} record={current} index={index} />}
          head={<Chip tone={statusTone(current.status)}>{optionName('order', 'status', current.status, i18n.locale)}</Chip>}
          before={holding.map((c) => (
            <HoldingControls key={c.state.instanceId} instanceId={c.state.instanceId} />
          ))}
        >
          <h3>{t('orders.payments')}</h3>
          <ul className="plain" data-testid="payments">
            {data.payments
              .filter((p) => p.order === current.id)
              .map((p) => (
                <li key={p.id}>
                  {p.id} · {money(p.amount)} · {optionName('payment', 'method', p.method, i18n.locale)} · {i18n.dateTime(typeof p.receivedAt === 'string' ? p.receivedAt : undefined)}
                </li>
              ))}
            {!data.payments.some((p) => p.order === current.id) && <li className="muted">{t('orders.noPayments')}</li>}
          </ul>
        </RecordDetail>
      )}
      {dialog && <NewOrderDialog onClose={() => setDialog(false)} onStart={(ty, customer) => void start((ctx) => startOrder(ctx, customer, ty))} />}
    </div>
  );
}

/** Controls that hold on a running case (the prepaid gate), with their message. */
function HoldingControls({ instanceId }: { instanceId: string }) {
  const i18n = useI18n();
  const { t, lt } = i18n;
  const data = useQuery(
    async ({ rt }) => {
      const state = await rt.engine.instance(instanceId);
      const flow = await rt.engine.definition(state.flowId, state.version);
      return (flow.controls ?? []).filter((c) => state.controls[c.id]);
    },
    [instanceId],
  );
  if (!data?.length) return null;
  return (
    <>
      {data.map((c) => (
        <div key={c.id} className={`banner ${c.kind === 'gate' ? 'critical' : 'warn'}`} data-testid={`control-${c.id}`}>
          <strong>{c.kind === 'gate' ? t('instance.gateHolds') : t('instance.alertHolds')}</strong>{i18n.locale === 'zh' ? '' : ' '}{lt(c.name)} — {lt(c.message)}
        </div>
      ))}
    </>
  );
}
