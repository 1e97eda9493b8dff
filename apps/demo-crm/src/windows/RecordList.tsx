/**
 * The records a window lists: those of its entity that meet its
 * record-display condition (credit check shows only orders awaiting a credit
 * check). The record of the task at hand is marked.
 */
import { evaluate, truthy, type Window } from '@crm/flow-runtime';
import { useQuery } from '../app/context';
import { href } from '../app/router';
import type { RecordIndex } from '../app/records';
import { useI18n } from '../i18n';
import { describeFilter } from './describe-filter';
import { useFormatValue } from './FieldValue';
import { field } from './catalog-lookup';

/** Where a record of an entity is shown in the demo. */
export function recordHref(entity: string, id: string): string | undefined {
  const page: Record<string, string> = { customer: 'customers', order: 'orders', quote: 'quotes', complaint: 'complaints', lead: 'leads' };
  return page[entity] ? href(page[entity], id) : undefined;
}

/** Summary columns per entity (beside the id or name). */
const COLUMNS: Record<string, string[]> = {
  customer: ['status', 'paymentTerms', 'creditLimit'],
  order: ['customer', 'type', 'status', 'amount'],
  quote: ['customer', 'status', 'amount'],
  complaint: ['customer', 'severity', 'category'],
  lead: ['status', 'score'],
  payment: ['order', 'amount', 'method'],
  'expense-estimate': ['customer', 'decision'],
  'credit-request': ['customer', 'newLimit', 'financeOpinion'],
  opportunity: ['customer', 'stage', 'amount'],
  contact: ['customer', 'phone'],
};

export function RecordList({ win, currentId, index }: { win: Window; currentId: string | undefined; index: RecordIndex | undefined }) {
  const i18n = useI18n();
  const format = useFormatValue();
  const rows = useQuery(
    async ({ rt }) => {
      const all = await rt.db.records(win.entity).toArray();
      const shown =
        win.recordFilter === undefined
          ? all
          : all.filter((r) => {
              try {
                return truthy(evaluate(win.recordFilter, r));
              } catch {
                return false;
              }
            });
      // The task's own record first, then the newest.
      return shown.sort((a, b) => Number(b.id === currentId) - Number(a.id === currentId) || Number(b.updatedAt ?? 0) - Number(a.updatedAt ?? 0));
    },
    [win.id, currentId],
  );
  if (!rows) return null;
  const cols = COLUMNS[win.entity] ?? [];
  return (
    <section className="record-list" aria-label={i18n.t('window.records')}>
      <h4>
        {i18n.t('window.records')} <span className="count">{rows.length}</span>
      </h4>
      <p className="muted small">{win.recordFilter === undefined ? i18n.t('window.allRecords') : i18n.t('window.condition', { rule: describeFilter(win.recordFilter, win.entity, i18n) })}</p>
      <ul>
        {rows.slice(0, 12).map((r) => {
          const link = recordHref(win.entity, r.id);
          const name = index?.label(win.entity, r.id) ?? r.id;
          return (
            <li key={r.id} className={r.id === currentId ? 'current' : undefined} aria-current={r.id === currentId || undefined}>
              {link ? <a href={link}>{name}</a> : <span>{name}</span>}
              {r.id === currentId && <span className="chip">{i18n.t('window.thisTask')}</span>}
              <span className="muted small">{cols.map((c) => format(field(win.entity, c), r[c], index)).filter((x) => x !== '—').join(' · ')}</span>
            </li>
          );
        })}
        {rows.length === 0 && <li className="muted">{i18n.t('window.noneMatch')}</li>}
      </ul>
      {rows.length > 12 && <p className="muted small">{i18n.t('window.more', { n: rows.length - 12 })}</p>}
    </section>
  );
}
