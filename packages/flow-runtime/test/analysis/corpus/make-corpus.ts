// Writes the flawed-flow corpus: each file is a sample flow with one
// realistic flaw, named `<expected rule or format code>--<what is wrong>.json`, its
// `description` saying what was changed. Run: npx tsx test/analysis/corpus/make-corpus.ts
// (the JSON files are the corpus; this script records how they were made, and
// corpus.test.ts checks that every file is recorded here and still makes its flaw).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const examples = fileURLToPath(new URL('../../../../../examples/flows/', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const load = (id: string): J => JSON.parse(readFileSync(`${examples}${id}.json`, 'utf8'));
const node = (f: J, id: string): J => f.nodes.find((n: J) => n.id === id);
const edge = (f: J, id: string): J => f.edges.find((e: J) => e.id === id);
const drop = (list: J[], id: string) => list.splice(list.findIndex((x) => x.id === id), 1);
const n = (en: string, zh: string) => ({ en, zh });

/** Rule or code, what is wrong (the file name), how to make it, and (when the words differ from the file name) the description. */
export const cases: Array<[string, string, () => J, string?]> = [
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
    edge(f, 'submit-order-to-prepare-payment').target = 'still-wanted';
    f.edges.push(
      { id: 'still-wanted-to-end', source: 'still-wanted', target: 'end-withdrawn', guard: { '==': [{ var: 'order.status' }, 'cancelled'] }, label: n('Withdrawn', '撤回') },
      { id: 'still-wanted-to-payment', source: 'still-wanted', target: 'prepare-payment', default: true, label: n('Go on', '继续') },
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
  // Variants of new-order, one per rule added for issue 10 (guard on the only exit, catch-all first, repeats, …).
  ['guard-on-only-exit', 'ship-only-big-orders', () => {
    const f = load('new-order');
    edge(f, 'confirm-order-to-ship-order').guard = { '>': [{ var: 'order.amount' }, 1000] };
    return f;
  }, 'a condition on the only way out of confirmation'],
  ['guard-on-only-exit', 'credit-check-only-for-big-orders', () => {
    const f = load('new-order');
    edge(f, 'submit-order-to-credit-check').guard = { '>': [{ var: 'order.amount' }, 0] };
    return f;
  }, 'a condition on the only way from submission to the credit check'],
  ['unguarded-branch-first', 'cancel-listed-first', () => {
    const f = load('new-order');
    const cancel = drop(f.edges, 'hold-action-to-cancel-order')[0]!;
    delete cancel.default;
    f.edges.splice(f.edges.findIndex((e: J) => e.id === 'hold-action-to-prepare-payment'), 0, cancel);
    return f;
  }, 'the cancel branch has no condition and comes first'],
  ['unguarded-branch-first', 'prepay-without-condition', () => {
    const f = load('new-order');
    delete edge(f, 'hold-action-to-prepare-payment').guard;
    return f;
  }, 'the prepay branch lost its condition'],
  ['no-duplicate-edges', 'confirmation-drawn-twice', () => {
    const f = load('new-order');
    f.edges.push({ id: 'confirm-order-to-ship-order-again', source: 'confirm-order', target: 'ship-order' });
    return f;
  }, 'two connections from confirmation to shipping'],
  ['no-duplicate-edges', 'payment-booked-twice-back-to-check', () => {
    const f = load('new-order');
    f.edges.push({ id: 'book-payment-to-credit-check-again', source: 'book-payment', target: 'credit-check' });
    return f;
  }, 'two connections from booking the payment back to the credit check'],
  ['superfluous-decision', 'ready-to-ship-asks-nothing', () => {
    const f = load('new-order');
    f.nodes.push({ id: 'ready-to-ship', kind: 'decision', name: n('Ready to ship?', '可以发货？'), department: 'warehouse' });
    edge(f, 'confirm-order-to-ship-order').target = 'ready-to-ship';
    f.edges.push({ id: 'ready-to-ship-to-ship-order', source: 'ready-to-ship', target: 'ship-order', default: true, label: n('Yes', '是') });
    return f;
  }, 'a decision with one way in and one way out'],
  ['decision-single-default', 'enough-credit-with-two-defaults', () => {
    const f = load('new-order');
    const e = edge(f, 'enough-credit-to-confirm-order');
    delete e.guard;
    e.default = true;
    return f;
  }, 'both answers of the credit decision are default'],
  ['decision-single-default', 'two-otherwise-branches', () => {
    const f = load('new-order');
    const e = edge(f, 'hold-action-to-request-limit');
    delete e.guard;
    e.default = true;
    return f;
  }, 'raising the limit and cancelling are both default'],
  ['condition-never-true', 'credit-alert-that-never-sounds', () => {
    const f = load('new-order');
    f.controls[0].when = { and: [{ '>': [{ var: 'order.amount' }, 5000] }, { '<': [{ var: 'order.amount' }, 3000] }] };
    return f;
  }, 'an alert on an amount over 5000 and under 3000'],
  ['condition-never-true', 'shipping-gate-never-closes', () => {
    const f = load('new-order');
    f.controls.push({
      id: 'ship-gate',
      kind: 'gate',
      name: n('Hold shipping of odd amounts', '拦截异常金额发货'),
      when: { and: [{ '>': [{ var: 'order.amount' }, 5000] }, { '<': [{ var: 'order.amount' }, 3000] }] },
      message: n('Shipping is held.', '发货已拦截。'),
      blocks: ['ship-order'],
    });
    return f;
  }, 'a gate on shipping whose condition can never hold'],
  ['condition-never-true', 'wait-for-an-impossible-amount', () => {
    const f = load('new-order');
    f.nodes.push({ id: 'wait-amount', kind: 'wait', name: n('Wait for the final amount', '等待最终金额'), department: 'sales', until: { and: [{ '>': [{ var: 'order.amount' }, 5000] }, { '<': [{ var: 'order.amount' }, 3000] }] } });
    edge(f, 'confirm-order-to-ship-order').target = 'wait-amount';
    f.edges.push({ id: 'wait-amount-to-ship-order', source: 'wait-amount', target: 'ship-order' });
    return f;
  }, 'a wait for an amount over 5000 and under 3000, with no timer'],
  ['wait-data-never-written', 'wait-for-customs-nobody-records', () => {
    const f = load('new-order');
    f.data.customsCleared = { type: 'boolean', name: n('Customs cleared', '已清关') };
    f.nodes.push({ id: 'wait-customs', kind: 'wait', name: n('Wait for customs', '等待清关'), department: 'warehouse', until: { '==': [{ var: 'customsCleared' }, true] } });
    edge(f, 'confirm-order-to-ship-order').target = 'wait-customs';
    f.edges.push({ id: 'wait-customs-to-ship-order', source: 'wait-customs', target: 'ship-order' });
    return f;
  }, 'a wait on customs clearance no step records'],
  ['separation-of-duties-order', 'entry-not-by-credit-checker', () => {
    const f = load('new-order');
    node(f, 'enter-order').notSameActorAs = ['credit-check'];
    return f;
  }, 'order entry names the later credit check'],
  ['no-unused-variables', 'forgotten-delivery-note', () => {
    const f = load('new-order');
    f.data.deliveryNote = { type: 'text', name: n('Delivery note', '送货备注') };
    return f;
  }, 'a delivery note variable nothing uses'],
  ['no-unused-controls', 'gate-holding-nothing', () => {
    const f = load('new-order');
    f.controls.push({ id: 'big-order-gate', kind: 'gate', name: n('Big orders wait for a manager', '大额订单待经理确认'), when: { '>': [{ var: 'order.amount' }, 500000] }, message: n('A manager must look at orders over 500,000.', '超过50万的订单须经理查看。'), blocks: [] });
    return f;
  }, 'a gate that holds back no step'],
];

/** The flow of one case as the corpus file holds it: `<rule>--<what>.json`. */
export function build([rule, what, make, words]: [string, string, () => J, string?]): { file: string; flow: J } {
  const f = make();
  f.description = { en: `Corpus: ${words ?? what.replace(/-/g, ' ')}; flagged by ${rule}.`, zh: `错误样例：应由 ${rule} 发现。` };
  return { file: `${rule}--${what}.json`, flow: f };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const c of cases) {
    const { file, flow } = build(c);
    writeFileSync(`${here}${file}`, JSON.stringify(flow, null, 2) + '\n');
  }
  console.log(`wrote ${cases.length} flows`);
}
