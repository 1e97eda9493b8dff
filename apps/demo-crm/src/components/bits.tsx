/**
 * Small pieces shared by the pages: SLA badge, credit bar, status chip,
 * page header, empty state.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

export type SlaState = 'none' | 'ok' | 'soon' | 'overdue' | 'escalated';

/** Where a due time stands at `now`: soon when under a quarter of the time (or 2 h) is left. */
export function slaState(openedAt: number, dueAt: number | undefined, now: number, escalated = false): SlaState {
  if (dueAt === undefined) return 'none';
  if (escalated) return 'escalated';
  if (now >= dueAt) return 'overdue';
  const left = dueAt - now;
  return left < Math.max((dueAt - openedAt) / 4, 0) || left < 2 * 3_600_000 ? 'soon' : 'ok';
}

export function SlaBadge({ state, dueAt, now }: { state: SlaState; dueAt?: number; now: number }) {
  const { t, duration } = useI18n();
  if (state === 'none' || dueAt === undefined) return <span className="muted">{t('sla.none')}</span>;
  const text =
    state === 'escalated'
      ? t('sla.escalated', { d: duration(now - dueAt) })
      : state === 'overdue'
        ? t('sla.overdue', { d: duration(now - dueAt) })
        : t('sla.left', { d: duration(dueAt - now) });
  return <span className={`sla sla-${state}`}>{text}</span>;
}

/** Credit used against the limit; amber from 90%, red over 100%. */
export function CreditBar({ used, limit, terms }: { used: unknown; limit: unknown; terms?: unknown }) {
  const { t, money } = useI18n();
  const u = typeof used === 'number' ? used : 0;
  const l = typeof limit === 'number' ? limit : 0;
  if (l <= 0) return <span className="muted small">{terms === 'prepaid' ? t('credit.noLimit') : t('credit.notSet')}</span>;
  const ratio = u / l;
  const level = ratio > 1 ? 'over' : ratio >= 0.9 ? 'warn' : 'ok';
  const pct = Math.round(ratio * 100);
  return (
    <div className={`credit credit-${level}`} title={t('credit.tooltip', { used: money(u), limit: money(l) })}>
      <div className="credit-track" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('credit.label')}>
        <div className="credit-fill" style={{ width: `${Math.min(100, ratio * 100)}%` }} />
      </div>
      <span className="credit-text">
        {pct}% · {money(u)} / {money(l)}
      </span>
    </div>
  );
}

export function Chip({ tone = 'neutral', children }: { tone?: 'neutral' | 'info' | 'ok' | 'warn' | 'bad'; children: ReactNode }) {
  return <span className={`chip chip-${tone}`}>{children}</span>;
}

/** A tone for record statuses. */
export function statusTone(status: unknown): 'neutral' | 'info' | 'ok' | 'warn' | 'bad' {
  switch (status) {
    case 'active':
    case 'shipped':
    case 'completed':
    case 'accepted':
    case 'approved':
    case 'won':
    case 'qualified':
    case 'converted':
      return 'ok';
    case 'pending':
    case 'awaiting-credit-check':
    case 'awaiting-payment':
    case 'awaiting-approval':
    case 'pending-approval':
    case 'sent':
    case 'working':
      return 'warn';
    case 'blocked':
    case 'cancelled':
    case 'rejected':
    case 'expired':
    case 'lost':
    case 'disqualified':
      return 'bad';
    case 'confirmed':
    case 'in-production':
      return 'info';
    default:
      return 'neutral';
  }
}

export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

export function Loading() {
  const { t } = useI18n();
  return <div className="loading">{t('common.loading')}</div>;
}
