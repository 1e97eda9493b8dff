/**
 * Alerts raised by flows: the control's or step's message, whom it is for,
 * when, and the case it belongs to.
 */
import type { AlertState, Flow, InstanceState } from '@crm/flow-runtime';
import { href } from '../app/router';
import { useI18n } from '../i18n';
import { roleName } from '../windows/catalog-lookup';
import { engineText } from '../runtime/engine-text';
import { Icon } from './Icon';

export interface AlertListProps {
  states: readonly InstanceState[];
  flows: ReadonlyMap<string, Flow>;
  /** Only what matters on a task page: no case links. */
  compact?: boolean;
  /** Limit to alerts for this role (admin sees all). */
  role?: string;
  dismissed?: ReadonlySet<string>;
  onDismiss?: (alertId: string) => void;
}

export function alertSourceName(alert: AlertState, flow: Flow | undefined, lt: (t: { en: string; zh?: string } | undefined) => string): string {
  const s = alert.source;
  if (s.kind === 'control') return lt(flow?.controls?.find((c) => c.id === s.controlId)?.name) || s.controlId;
  const node = flow?.nodes.find((n) => n.id === s.nodeId);
  return lt(node?.name) || s.nodeId;
}

export function AlertList({ states, flows, compact, role, dismissed, onDismiss }: AlertListProps) {
  const i18n = useI18n();
  const { t, lt, dateTime } = i18n;
  const rows = states
    .flatMap((s) => s.alerts.map((a) => ({ a, s })))
    .filter(({ a }) => !role || role === 'admin' || a.to.includes(role))
    .sort((x, y) => y.a.at - x.a.at);
  if (rows.length === 0) return null;
  return (
    <ul className={`alerts${compact ? ' compact' : ''}`} data-testid="alerts">
      {rows.map(({ a, s }) => {
        const flow = flows.get(`${s.flowId}@${s.version}`);
        const read = dismissed?.has(a.alertId);
        return (
          <li key={a.alertId} className={`alert alert-${a.severity}${read ? ' read' : ''}`} role={compact ? 'alert' : undefined}>
            <span className="alert-icon">
              <Icon name={a.severity} size={16} />
            </span>
            <div className="alert-body">
              <div className="alert-message">{a.text ? engineText(i18n, a.text) : lt(a.message)}</div>
              <div className="alert-meta muted small">
                {a.source.kind === 'sla' ? t('alerts.fromSla', { step: alertSourceName(a, flow, lt) }) : a.source.kind === 'control' ? t('alerts.fromControl', { control: alertSourceName(a, flow, lt) }) : t('alerts.fromStep', { step: alertSourceName(a, flow, lt) })}
                {' · '}
                {t('alerts.to', { roles: a.to.map((r) => roleName(r, i18n.locale)).join(i18n.locale === 'zh' ? '、' : ', ') })}
                {' · '}
                {dateTime(a.at)}
                {!compact && (
                  <>
                    {' · '}
                    <a href={href('instance', s.instanceId)}>
                      {lt(flow?.name)} #{s.instanceId}
                    </a>
                  </>
                )}
              </div>
            </div>
            {onDismiss && !read && (
              <button type="button" className="link small" onClick={() => onDismiss(a.alertId)}>
                {t('alerts.markRead')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
