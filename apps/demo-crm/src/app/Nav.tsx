/**
 * The left navigation, with the counts a person acts on: open tasks in
 * my inbox and unread alerts for my role.
 */
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n';
import { alertsFor, allStates, creditWatch, dismissedAlerts } from '../runtime/queries';
import { useApp, useQuery } from './context';
import { href, useRoute } from './router';

const ITEMS: { route: string; key: MessageKey }[] = [
  { route: 'home', key: 'nav.home' },
  { route: 'inbox', key: 'nav.inbox' },
  { route: 'start', key: 'nav.start' },
  { route: 'customers', key: 'nav.customers' },
  { route: 'orders', key: 'nav.orders' },
  { route: 'quotes', key: 'nav.quotes' },
  { route: 'complaints', key: 'nav.complaints' },
  { route: 'leads', key: 'nav.leads' },
  { route: 'alerts', key: 'nav.alerts' },
  { route: 'flows', key: 'nav.flows' },
  { route: 'dashboard', key: 'nav.dashboard' },
];

export function Nav() {
  const { t } = useI18n();
  const { role } = useApp();
  const [page = 'home'] = useRoute();
  const counts = useQuery(
    async ({ rt, actor }) => {
      const tasks = await rt.engine.tasks({ actor });
      const dismissed = await dismissedAlerts(rt.db);
      const alerts = alertsFor(role, await allStates(rt.engine)).filter((a) => !dismissed.has(a.alert.alertId));
      const watch = await creditWatch(rt.db);
      return { inbox: tasks.length, alerts: alerts.length + (role === 'sales-rep' || role === 'finance' || role === 'sales-manager' ? watch.length : 0) };
    },
    [role],
  );
  const active = page === 'task' ? 'inbox' : page === 'instance' ? '' : page;
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {/* The nav's column runs the page's full height (its background); the links stay in view as the page scrolls. */}
      <div className="nav-inner">
        <ul>
          {ITEMS.map((item) => {
            const n = item.route === 'inbox' ? counts?.inbox : item.route === 'alerts' ? counts?.alerts : undefined;
            return (
              <li key={item.route}>
                <a href={href(item.route)} className={active === item.route ? 'active' : undefined} aria-current={active === item.route ? 'page' : undefined}>
                  <span>{t(item.key)}</span>
                  {n !== undefined && n > 0 && (
                    <span className={`count${item.route === 'alerts' ? ' count-alert' : ''}`} data-testid={`count-${item.route}`}>
                      {n}
                    </span>
                  )}
                </a>
              </li>
            );
          })}
        </ul>
        <p className="nav-foot muted small">{t('nav.foot')}</p>
      </div>
    </nav>
  );
}
