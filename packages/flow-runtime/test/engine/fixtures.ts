// Small fixture catalog and flows for the engine tests: each exercises one
// feature, so a failure points at it.
import type { Catalog } from '../../src/schema/catalog.js';
import type { Flow, FlowNode, FlowEdge } from '../../src/schema/flow.js';

const t = (en: string) => ({ en });

export const catalog: Catalog = {
  id: 'test-crm',
  name: t('Test CRM'),
  departments: [
    { id: 'sales', name: t('Sales'), color: '#2266cc' },
    { id: 'finance', name: t('Finance'), color: '#22aa66' },
    { id: 'warehouse', name: t('Warehouse'), color: '#aa6622' },
  ],
  roles: [
    { id: 'sales-rep', name: t('sales rep'), department: 'sales' },
    { id: 'sales-manager', name: t('sales manager'), department: 'sales' },
    { id: 'finance', name: t('finance'), department: 'finance' },
    { id: 'warehouse', name: t('warehouse'), department: 'warehouse' },
    { id: 'admin', name: t('admin') },
  ],
  entities: [
    {
      id: 'customer',
      name: t('Customer'),
      fields: [
        { id: 'name', name: t('Name'), type: 'string' },
        { id: 'creditLimit', name: t('Credit limit'), type: 'money' },
        { id: 'creditUsed', name: t('Credit used'), type: 'money' },
        {
          id: 'paymentTerms',
          name: t('Payment terms'),
          type: 'enum',
          options: [
            { value: 'prepaid', name: t('Prepaid') },
            { value: 'net30', name: t('Net 30') },
          ],
        },
      ],
    },
    {
      id: 'order',
      name: t('Order'),
      fields: [
        { id: 'amount', name: t('Amount'), type: 'money' },
        { id: 'paid', name: t('Paid'), type: 'money' },
        { id: 'status', name: t('Status'), type: 'string' },
        {
          id: 'lines',
          name: t('Lines'),
          type: 'list',
          itemFields: [
            { id: 'sku', name: t('SKU'), type: 'string' },
            { id: 'qty', name: t('Quantity'), type: 'integer' },
          ],
        },
      ],
    },
  ],
  windows: [
    { id: 'customer-info', name: t('Customer information'), entity: 'customer', fields: ['name', 'paymentTerms'], access: { 'sales-rep': 'edit', finance: 'view' }, required: ['name'] },
    {
      id: 'credit-review',
      name: t('Credit review'),
      entity: 'customer',
      fields: ['name', 'creditLimit', 'creditUsed', 'paymentTerms'],
      access: { finance: 'edit', 'sales-rep': 'view' },
      fieldAccess: { name: { finance: 'view' }, creditUsed: { finance: 'view' } },
      required: ['creditLimit'],
    },
    { id: 'order-entry', name: t('Order entry'), entity: 'order', fields: ['amount', 'lines', 'status'], access: { 'sales-rep': 'edit', finance: 'view' }, fieldAccess: { status: { 'sales-rep': 'view' } }, required: ['amount'] },
    { id: 'payment', name: t('Payment'), entity: 'order', fields: ['amount', 'paid'], access: { finance: 'edit' }, fieldAccess: { amount: { finance: 'view' } } },
    { id: 'shipping', name: t('Shipping'), entity: 'order', fields: ['amount', 'status'], access: { warehouse: 'edit' }, fieldAccess: { amount: { warehouse: 'view' } } },
  ],
};

export const sales = { id: 'sam', name: 'Sam', roles: ['sales-rep'] };
export const sales2 = { id: 'sue', name: 'Sue', roles: ['sales-rep'] };
export const manager = { id: 'mia', name: 'Mia', roles: ['sales-manager'] };
export const finance = { id: 'fay', name: 'Fay', roles: ['finance'] };
export const warehouse = { id: 'wes', name: 'Wes', roles: ['warehouse'] };
export const admin = { id: 'ada', name: 'Ada', roles: ['admin'] };

const node = (n: Record<string, unknown>) => ({ name: t(String(n.id)), ...n }) as FlowNode;
const edge = (id: string, source: string, target: string, extra: Partial<FlowEdge> = {}): FlowEdge => ({ id, source, target, ...extra });

const nearLimit = { '>=': [{ var: 'customer.creditUsed' }, { '*': [0.9, { var: 'customer.creditLimit' }] }] };
const unpaidPrepaid = { and: [{ '==': [{ var: 'customer.paymentTerms' }, 'prepaid'] }, { '<': [{ var: ['order.paid', 0] }, { var: 'order.amount' }] }] };

/** start → entry (sales) → credit (finance, mandatory, SLA) → enough credit? → pay → ship (warehouse) → approved | rejected. */
export const orderFlow: Flow = {
  id: 'order',
  version: 1,
  name: t('Order'),
  data: { customer: { type: 'record', entity: 'customer' }, order: { type: 'record', entity: 'order' }, note: { type: 'string' } },
  nodes: [
    node({ id: 'start', kind: 'start', roles: ['sales-rep'] }),
    node({ id: 'entry', kind: 'task', name: t('Order entry'), roles: ['sales-rep'], window: 'order-entry', mandatory: true }),
    node({ id: 'credit', kind: 'task', name: t('Credit check'), roles: ['finance'], window: 'credit-review', mandatory: true, sla: { hours: 4, escalateTo: 'sales-manager' }, fields: ['note'] }),
    node({ id: 'enough', kind: 'decision', name: t('Enough credit?') }),
    node({ id: 'pay', kind: 'task', name: t('Payment'), roles: ['finance'], window: 'payment' }),
    node({ id: 'ship', kind: 'task', name: t('Ship'), roles: ['warehouse'], window: 'shipping' }),
    node({ id: 'approved', kind: 'end', outcome: 'approved' }),
    node({ id: 'rejected', kind: 'end', outcome: 'rejected' }),
  ],
  edges: [
    edge('e1', 'start', 'entry'),
    edge('e2', 'entry', 'credit'),
    edge('e3', 'credit', 'enough'),
    edge('e4', 'enough', 'pay', { guard: { '<=': [{ '+': [{ var: 'customer.creditUsed' }, { var: 'order.amount' }] }, { var: 'customer.creditLimit' }] }, label: t('yes') }),
    edge('e5', 'enough', 'rejected', { default: true, label: t('no') }),
    edge('e6', 'pay', 'ship'),
    edge('e7', 'ship', 'approved'),
  ],
  controls: [
    { id: 'near-limit', kind: 'alert', name: t('Credit nearly used'), when: nearLimit, message: t('The customer has used 90% of the credit limit.'), notify: ['sales-rep'] },
    { id: 'prepaid-unpaid', kind: 'gate', name: t('Prepaid, not yet paid'), when: unpaidPrepaid, message: t('Prepaid orders ship only after payment.'), blocks: ['ship'] },
  ],
};

/** A decision with three ordered guards, no default. */
export const triageFlow: Flow = {
  id: 'triage',
  version: 1,
  name: t('Triage'),
  data: { score: { type: 'number' } },
  nodes: [
    node({ id: 'start', kind: 'start' }),
    node({ id: 'route', kind: 'decision' }),
    node({ id: 'high', kind: 'end', outcome: 'high' }),
    node({ id: 'mid', kind: 'end', outcome: 'mid' }),
    node({ id: 'mid2', kind: 'end', outcome: 'mid2' }),
  ],
  edges: [
    edge('a', 'start', 'route'),
    edge('b', 'route', 'high', { guard: { '>=': [{ var: 'score' }, 80] } }),
    edge('c', 'route', 'mid', { guard: { '>=': [{ var: 'score' }, 50] } }),
    edge('d', 'route', 'mid2', { guard: { '>=': [{ var: 'score' }, 40] } }),
  ],
};

/** Two branches by different departments, joined. */
export const parallelFlow: Flow = {
  id: 'parallel',
  version: 1,
  name: t('Parallel'),
  data: { a: { type: 'string' }, b: { type: 'string' } },
  nodes: [
    node({ id: 'start', kind: 'start' }),
    node({ id: 'split', kind: 'parallel' }),
    node({ id: 'ta', kind: 'task', roles: ['sales-rep'], fields: ['a'] }),
    node({ id: 'tb', kind: 'task', roles: ['finance'], fields: ['b'] }),
    node({ id: 'join', kind: 'join' }),
    node({ id: 'after', kind: 'task', roles: ['sales-manager'] }),
    node({ id: 'end', kind: 'end' }),
  ],
  edges: [edge('e1', 'start', 'split'), edge('e2', 'split', 'ta'), edge('e3', 'split', 'tb'), edge('e4', 'ta', 'join'), edge('e5', 'tb', 'join'), edge('e6', 'join', 'after'), edge('e7', 'after', 'end')],
};

/** Waits for approval or 24 hours, then a system step assigns and alerts. */
export const waitFlow: Flow = {
  id: 'wait',
  version: 1,
  name: t('Wait'),
  data: { approved: { type: 'boolean' }, result: { type: 'string' }, count: { type: 'number' } },
  nodes: [
    node({ id: 'start', kind: 'start' }),
    node({ id: 'hold', kind: 'wait', until: { '==': [{ var: 'approved' }, true] }, timer: { hours: 24 } }),
    node({
      id: 'mark',
      kind: 'system',
      assign: [
        { target: 'result', value: { if: [{ var: 'approved' }, 'approved', 'expired'] } },
        { target: 'count', value: { '+': [{ var: ['count', 0] }, 1] } },
      ],
      alert: { message: t('Decided.'), to: ['sales-rep'] },
    }),
    node({ id: 'end', kind: 'end' }),
  ],
  edges: [edge('e1', 'start', 'hold'), edge('e2', 'hold', 'mark'), edge('e3', 'mark', 'end')],
};

/** Separation of duties: the checker may not be the preparer. */
export const sodFlow: Flow = {
  id: 'sod',
  version: 1,
  name: t('Four eyes'),
  data: { x: { type: 'string' } },
  nodes: [
    node({ id: 'start', kind: 'start' }),
    node({ id: 'prepare', kind: 'task', name: t('Prepare'), roles: ['sales-rep'], fields: ['x'] }),
    node({ id: 'check', kind: 'task', name: t('Check'), roles: ['sales-rep'], notSameActorAs: ['prepare'] }),
    node({ id: 'end', kind: 'end' }),
  ],
  edges: [edge('e1', 'start', 'prepare'), edge('e2', 'prepare', 'check'), edge('e3', 'check', 'end')],
};

/** A child flow: one finance task on the customer, ending approved or rejected. */
export const childFlow: Flow = {
  id: 'limit',
  version: 1,
  name: t('Limit review'),
  data: { customer: { type: 'record', entity: 'customer' }, ok: { type: 'boolean' } },
  nodes: [
    node({ id: 'start', kind: 'start' }),
    node({ id: 'review', kind: 'task', roles: ['finance'], window: 'credit-review', fields: ['ok'] }),
    node({ id: 'okq', kind: 'decision' }),
    node({ id: 'yes', kind: 'end', outcome: 'approved' }),
    node({ id: 'no', kind: 'end', outcome: 'rejected' }),
  ],
  edges: [edge('e1', 'start', 'review'), edge('e2', 'review', 'okq'), edge('e3', 'okq', 'yes', { guard: { var: 'ok' } }), edge('e4', 'okq', 'no', { default: true })],
};

/** Runs the child flow and maps the limit and the outcome back. */
export const parentFlow: Flow = {
  id: 'parent',
  version: 1,
  name: t('Parent'),
  data: { customer: { type: 'record', entity: 'customer' }, outcome: { type: 'string' } },
  nodes: [
    node({ id: 'start', kind: 'start' }),
    node({
      id: 'sub',
      kind: 'subflow',
      name: t('Review limit'),
      flow: 'limit',
      input: { customer: { var: 'customer' } },
      output: { 'customer.creditLimit': { var: 'customer.creditLimit' }, outcome: { var: 'outcome' } },
    }),
    node({ id: 'end', kind: 'end' }),
  ],
  edges: [edge('e1', 'start', 'sub'), edge('e2', 'sub', 'end')],
};

/** An order whose lines are written by item number (list-path tests). */
export const linesFlow: Flow = {
  id: 'lines',
  version: 1,
  name: t('Order lines'),
  data: { order: { type: 'record', entity: 'order' } },
  nodes: [
    { id: 'start', kind: 'start', name: t('Start') },
    { id: 'enter', kind: 'task', name: t('Enter lines'), roles: ['sales-rep'], window: 'order-entry' },
    { id: 'big', kind: 'decision', name: t('Big line?') },
    { id: 'end-big', kind: 'end', name: t('Big'), outcome: 'big' },
    { id: 'end', kind: 'end', name: t('Done') },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'enter' },
    { id: 'e2', source: 'enter', target: 'big' },
    { id: 'e3', source: 'big', target: 'end-big', guard: { some: [{ var: 'order.lines' }, { '>': [{ var: 'qty' }, 1000] }] } },
    { id: 'e4', source: 'big', target: 'end', default: true },
  ],
};
