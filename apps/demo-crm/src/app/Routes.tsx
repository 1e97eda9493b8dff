/** The page of the current route. */
import { AlertsPage } from '../pages/AlertsPage';
import { ComplaintsPage } from '../pages/ComplaintsPage';
import { CustomersPage } from '../pages/CustomersPage';
import { DashboardPage } from '../pages/DashboardPage';
import { FlowsPage } from '../pages/FlowsPage';
import { HomePage } from '../pages/HomePage';
import { InboxPage } from '../pages/InboxPage';
import { InstancePage } from '../pages/InstancePage';
import { LeadsPage } from '../pages/LeadsPage';
import { OrdersPage } from '../pages/OrdersPage';
import { QuotesPage } from '../pages/QuotesPage';
import { StartPage } from '../pages/StartPage';
import { TaskPage } from '../pages/TaskPage';
import { useRoute } from './router';

export function Routes() {
  const [page = 'home', a, b, c] = useRoute();
  switch (page) {
    case 'inbox':
      return <InboxPage />;
    case 'start':
      return <StartPage />;
    case 'task':
      return a && b ? <TaskPage instanceId={a} taskId={b} /> : <InboxPage />;
    case 'instance':
      return a ? <InstancePage instanceId={a} /> : <HomePage />;
    case 'customers':
      return <CustomersPage selected={a} />;
    case 'orders':
      return <OrdersPage selected={a} />;
    case 'quotes':
      return <QuotesPage selected={a} />;
    case 'complaints':
      return <ComplaintsPage selected={a} />;
    case 'leads':
      return <LeadsPage />;
    case 'alerts':
      return <AlertsPage />;
    case 'flows':
      return <FlowsPage {...(a ? { flowId: a } : {})} {...(b ? { sub: b } : {})} {...(c ? { version: c } : {})} />;
    case 'dashboard':
      return <DashboardPage />;
    default:
      return <HomePage />;
  }
}
