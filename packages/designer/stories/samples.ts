import type { Catalog, Flow } from '@crm/flow-runtime';
import catalogJson from '../../../examples/flows/catalog.json';
import newCustomer from '../../../examples/flows/new-customer-approval.json';
import newOrder from '../../../examples/flows/new-order.json';
import complaint from '../../../examples/flows/complaint-handling.json';
import newCustomerScenarios from '../../../examples/flows/scenarios/new-customer-approval.scenarios.json';
import type { SimulationScenario } from '../src/index.js';

/** The shipped sample catalog and flows, for stories. */
export const catalog = catalogJson as unknown as Catalog;
export const newCustomerApproval = newCustomer as unknown as Flow;
export const newOrderFlow = newOrder as unknown as Flow;
export const complaintHandling = complaint as unknown as Flow;
/** Conference-room scenarios of the new-customer approval. */
export const newCustomerApprovalScenarios = newCustomerScenarios as unknown as SimulationScenario[];

/** An empty flow with the sales and finance lanes. */
export const emptyFlow: Flow = {
  id: 'new-flow',
  version: 1,
  name: { en: 'New flow', zh: '新流程' },
  data: {},
  nodes: [],
  edges: [],
  layout: { lanes: [{ department: 'sales', size: 200 }, { department: 'finance', size: 200 }], nodes: {} },
};

/** The new-customer approval with mistakes: a step with a window the catalog lacks and no roles, and an unreachable step. */
export const withProblems: Flow = (() => {
  const f = structuredClone(newCustomerApproval);
  const t = f.nodes.find((n) => n.id === 'review-payment-terms');
  if (t && t.kind === 'task') {
    t.window = 'payment-terms';
    delete t.roles;
  }
  f.nodes.push({ id: 'call-customer', kind: 'task', name: { en: 'Call the customer', zh: '致电客户' }, department: 'finance', roles: ['finance'] });
  f.layout!.nodes!['call-customer'] = { x: 260, y: 290 };
  return f;
})();

/** Every node kind, with a mandatory step, an SLA and a gate, for the node stories. */
export const allKinds: Flow = {
  id: 'all-kinds',
  version: 3,
  name: { en: 'Every kind of step', zh: '所有步骤类型' },
  data: { order: { type: 'record', entity: 'order' }, customer: { type: 'record', entity: 'customer' } },
  nodes: [
    { id: 'start', kind: 'start', name: { en: 'Order received' }, department: 'sales' },
    { id: 'entry', kind: 'task', name: { en: 'Order entry', zh: '订单录入' }, department: 'sales', roles: ['sales-rep', 'sales-manager'], window: 'order-entry', mandatory: true, sla: { hours: 24 } },
    { id: 'split', kind: 'parallel', name: { en: 'Split' }, department: 'sales' },
    { id: 'check', kind: 'task', name: { en: 'Credit check', zh: '信用检查' }, department: 'finance', roles: ['finance'], window: 'credit-check' },
    { id: 'notify', kind: 'system', name: { en: 'Notify warehouse' }, department: 'warehouse', alert: { message: { en: 'New order' }, to: ['warehouse'] } },
    { id: 'join', kind: 'join', name: { en: 'Join' }, department: 'finance' },
    { id: 'ok', kind: 'decision', name: { en: 'Enough credit?' }, department: 'finance', question: { en: 'Is there enough credit?' } },
    { id: 'wait', kind: 'wait', name: { en: 'Wait for payment' }, department: 'finance', until: { '>=': [{ var: 'order.amount' }, 0] }, timer: { hours: 72 } },
    { id: 'limit', kind: 'subflow', name: { en: 'Credit limit review' }, department: 'finance', flow: 'credit-limit-review' },
    { id: 'ship', kind: 'task', name: { en: 'Ship', zh: '发货' }, department: 'warehouse', roles: ['warehouse'], window: 'shipping' },
    { id: 'end', kind: 'end', name: { en: 'Shipped' }, department: 'warehouse', outcome: 'shipped' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'entry' },
    { id: 'e2', source: 'entry', target: 'split' },
    { id: 'e3', source: 'split', target: 'check' },
    { id: 'e4', source: 'split', target: 'notify' },
    { id: 'e5', source: 'check', target: 'join' },
    { id: 'e6', source: 'notify', target: 'join' },
    { id: 'e7', source: 'join', target: 'ok' },
    { id: 'e8', source: 'ok', target: 'ship', guard: { '>=': [{ var: 'customer.creditLimit' }, { '+': [{ var: 'customer.creditUsed' }, { var: 'order.amount' }] }] }, label: { en: 'yes' } },
    { id: 'e9', source: 'ok', target: 'wait', default: true, label: { en: 'no' } },
    { id: 'e10', source: 'wait', target: 'limit' },
    { id: 'e11', source: 'limit', target: 'ship' },
    { id: 'e12', source: 'ship', target: 'end' },
  ],
  controls: [{ id: 'pay-first', kind: 'gate', name: { en: 'Paid before shipping' }, when: { '<': [{ var: 'order.amount' }, 0] }, message: { en: 'Wait for payment' }, blocks: ['ship'] }],
  layout: {
    lanes: [{ department: 'sales', size: 180 }, { department: 'finance', size: 220 }, { department: 'warehouse', size: 180 }],
    nodes: {
      start: { x: 80, y: 66 },
      entry: { x: 200, y: 52 },
      split: { x: 450, y: 46 },
      check: { x: 560, y: 250 },
      notify: { x: 560, y: 460 },
      join: { x: 820, y: 236 },
      ok: { x: 920, y: 222 },
      wait: { x: 1100, y: 300 },
      limit: { x: 1300, y: 290 },
      ship: { x: 1300, y: 452 },
      end: { x: 1560, y: 466 },
    },
  },
};
