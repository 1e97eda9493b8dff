// Writes the flawed-flow corpus: each file is a sample flow with one
// realistic flaw, named `<expected rule or format code>--<what is wrong>.json`, its
// `description` saying what was changed. Run: npx tsx test/analysis/corpus/make-corpus.ts
// (the JSON files are the corpus; this script only records how they were made).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const examples = fileURLToPath(new URL('../../../../../examples/flows/', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const load = (id: string): J => JSON.parse(readFileSync(`${examples}${id}.json`, 'utf8'));
const node = (f: J, id: string): J => f.nodes.find((n: J) => n.id === id);
const edge = (f: J, id: string): J => f.edges.find((e: J) => e.id === id);
const drop = (list: J[], id: string) => list.splice(list.findIndex((x) => x.id === id), 1);
const n = (en: string, zh: string) => ({ en, zh });

const cases: Array<[string, string, () => J]> = [
  ['single-start', 'second-start-for-phone-orders', () => {
    const f = load('new-order');
    f.nodes.push({ id: 'phone-start', kind: 'start', name: n('Phone order', '电话下单'), department: 'sales' });
    f.edges.push({ id: 'phone-start-to-prefill', source: 'phone-start', target: 'prefill-order' });
    return f;
  }],
  ['no-unreachable', 'orphan-notify-step', () => {
    const f = load('new-order');
    f.nodes.push({ id: 'notify-customer', kind: 'task', name: n('Notify customer', '通知客户'), department: 'sales', roles: ['sales-rep'], window: 'order-entry', record: 'order' });
    f.edges.push({ id: 'notify-to-end', source: 'notify-customer', target: 'end-shipped' });
    return f;
  }],
  ['no-dead-end', 'cancelled-order-goes-nowhere', () => {
    const f = load('new-order');
    drop(f.edges, 'cancel-order-to-end-cancelled');
    drop(f.nodes, 'end-cancelled');
    return f;
  }],
  ['end-reachable', 'shipping-loops-forever', () => {
    const f = load('new-order');
    edge(f, 'mark-shipped-to-end-shipped').target = 'ship-order';
    drop(f.nodes, 'end-shipped');
    return f;
  }],
  ['no-implicit-split', 'follow-up-with-two-exits', () => {
    const f = load('sample-order');
    f.edges.push({ id: 'follow-up-to-end-completed', source: 'follow-up', target: 'end-completed' });
    return f;
  }],
  ['parallel-join-balanced', 'invoice-branch-never-joins', () => {
    const f = load('prepaid-order');
    f.nodes.push({ id: 'split-work', kind: 'parallel', name: n('Factory and invoice', '生产与开票'), department: 'finance' });
    f.nodes.push({ id: 'send-invoice', kind: 'system', name: n('Send invoice', '开具发票'), department: 'finance', assign: [{ target: 'order.status', value: 'completed' }] });
    f.nodes.push({ id: 'end-invoiced', kind: 'end', name: n('Invoice sent', '发票已开'), department: 'finance', outcome: 'invoiced' });
    edge(f, 'confirm-order-to-factory-order').target = 'split-work';
    f.edges.push({ id: 'split-to-factory', source: 'split-work', target: 'factory-order' }, { id: 'split-to-invoice', source: 'split-work', target: 'send-invoice' }, { id: 'invoice-to-end', source: 'send-invoice', target: 'end-invoiced' });
    return f;
  }],
  ['join-after-exclusive', 'join-after-remedy-choice', () => {
    const f = load('complaint-handling');
    f.nodes.push({ id: 'remedy-done', kind: 'join', name: n('Remedy done', '处理完成'), department: 'service' });
    for (const id of ['rework-to-resolve', 'refund-to-resolve', 'remedy-to-resolve']) edge(f, id).target = 'remedy-done';
    f.edges.push({ id: 'remedy-done-to-resolve', source: 'remedy-done', target: 'resolve' });
    return f;
  }],
  ['mandatory-not-bypassed', 'small-orders-skip-credit-check', () => {
    const f = load('new-order');
    f.nodes.push({ id: 'small-order', kind: 'decision', name: n('Small order?', '小额订单？'), department: 'finance' });
    edge(f, 'submit-order-to-credit-check').target = 'small-order';
    f.edges.push(
      { id: 'small-order-to-confirm', source: 'small-order', target: 'confirm-order', guard: { '<': [{ var: 'order.amount' }, 500] }, label: n('Under 500', '低于500') },
      { id: 'small-order-to-check', source: 'small-order', target: 'credit-check', default: true, label: n('500 or more', '500及以上') },
    );
    return f;
  }],
  ['mandatory-not-bypassed', 'cancel-before-payment', () => {
    const f = load('prepaid-order');
    f.nodes.push({ id: 'still-wanted', kind: 'decision', name: n('Still wanted?', '客户仍需要？'), department: 'sales' });
    f.nodes.push({ id: 'end-withdrawn', kind: 'end', name: n('Order withdrawn', '订单撤回'), department: 'sales', outcome: 'withdrawn' });
    edge(f, 'submit-order-to-record-payment').target = 'still-wanted';
    f.edges.push(
      { id: 'still-wanted-to-end', source: 'still-wanted', target: 'end-withdrawn', guard: { '==': [{ var: 'order.status' }, 'cancelled'] }, label: n('Withdrawn', '撤回') },
      { id: 'still-wanted-to-payment', source: 'still-wanted', target: 'record-payment', default: true, label: n('Go on', '继续') },
    );
    return f;
  }],
  ['task-has-department', 'shipping-in-no-lane', () => {
    const f = load('new-order');
    delete node(f, 'ship-order').department;
    return f;
  }],
  ['task-has-roles', 'refund-without-roles', () => {
    const f = load('complaint-handling');
    delete node(f, 'refund').roles;
    return f;
  }],
  ['roles-can-use-window', 'sales-rep-does-the-credit-check', () => {
    const f = load('new-order');
    node(f, 'credit-check').roles = ['sales-rep'];
    return f;
  }],
  ['FLOW_E026', 'typo-in-amount', () => {
    const f = load('sample-order');
    edge(f, 'needs-approval-to-approve-sample').guard = { '>': [{ var: 'order.amout' }, 2000] };
    return f;
  }],
  ['guard-types', 'amount-compared-with-text', () => {
    const f = load('sample-order');
    edge(f, 'needs-approval-to-approve-sample').guard = { '>': [{ var: 'order.amount' }, '2,000'] };
    return f;
  }],
  ['guard-types', 'remedy-value-misspelt', () => {
    const f = load('complaint-handling');
    edge(f, 'remedy-to-refund').guard = { '==': [{ var: 'complaint.remedy' }, 'refunds'] };
    return f;
  }],
  ['branch-never-taken', 'small-discount-tested-first', () => {
    const f = load('quotation');
    const i = f.edges.findIndex((e: J) => e.id === 'needs-approval-to-approve-quote');
    f.edges.splice(i, 0, { id: 'needs-approval-small', source: 'needs-approval', target: 'send-quote', guard: { '>': [{ var: 'quote.discountPercent' }, 5] }, label: n('Over 5%', '超过5%') });
    return f;
  }],
  ['uncovered-values', 'sample-value-gap', () => {
    const f = load('sample-order');
    const d = edge(f, 'needs-approval-to-release-sample');
    delete d.default;
    d.guard = { '<': [{ var: 'order.amount' }, 1000] };
    return f;
  }],
  ['uncovered-values', 'remedy-explanation-forgotten', () => {
    const f = load('complaint-handling');
    drop(f.edges, 'remedy-to-resolve');
    return f;
  }],
  ['wait-without-exit', 'wait-for-nothing', () => {
    const f = load('complaint-handling');
    delete node(f, 'wait-3-days').timer;
    return f;
  }],
  ['alert-has-recipient', 'credit-alert-to-nobody', () => {
    const f = load('new-order');
    delete f.controls[0].notify;
    return f;
  }],
  ['subflow-exists', 'limit-change-flow-missing', () => {
    const f = load('new-order');
    node(f, 'request-limit').flow = 'credit-limit-change';
    return f;
  }],
  ['edge-ends-valid', 'loop-out-of-an-end', () => {
    const f = load('complaint-handling');
    f.edges.push({ id: 'unsatisfied-again', source: 'end-unsatisfied', target: 'follow-up' });
    return f;
  }],
  ['FLOW_E020', 'two-edges-one-id', () => {
    const f = load('quotation');
    edge(f, 'send-quote-to-await-answer').id = 'price-quote-to-needs-approval';
    return f;
  }],
  ['FLOW_E030', 'method-operator', () => {
    const f = load('quotation');
    edge(f, 'needs-approval-to-approve-quote').guard = { method: [{ var: 'quote.discountPercent' }, 'toFixed'] };
    return f;
  }],
  ['decision-has-default', 'remedy-without-otherwise', () => {
    const f = load('complaint-handling');
    const d = edge(f, 'remedy-to-resolve');
    delete d.default;
    d.guard = { '==': [{ var: 'complaint.remedy' }, 'explanation'] };
    return f;
  }],
  ['decision-branches-labelled', 'unlabelled-branch', () => {
    const f = load('sample-order');
    delete edge(f, 'needs-approval-to-release-sample').label;
    return f;
  }],
  ['label-required', 'placeholder-name', () => {
    const f = load('complaint-handling');
    node(f, 'follow-up').name = n('New task', '新建任务');
    return f;
  }],
  ['duplicate-labels', 'two-steps-called-follow-up', () => {
    const f = load('complaint-handling');
    node(f, 'resolve').name = node(f, 'follow-up').name;
    return f;
  }],
  ['task-has-window', 'refund-without-window', () => {
    const f = load('complaint-handling');
    delete node(f, 'refund').window;
    return f;
  }],
];

for (const [rule, what, make] of cases) {
  const f = make();
  f.description = { en: `Corpus: ${what.replace(/-/g, ' ')}; flagged by ${rule}.`, zh: `错误样例：应由 ${rule} 发现。` };
  writeFileSync(`${here}${rule}--${what}.json`, JSON.stringify(f, null, 2) + '\n');
}
console.log(`wrote ${cases.length} flows`);
