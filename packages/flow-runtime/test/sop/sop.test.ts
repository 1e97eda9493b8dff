import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogOrThrow, parseFlowOrThrow } from '../../src/index.js';
import { toSop } from '../../src/analysis-entry.js';
import { catalog } from '../analysis/fixtures/catalog.js';
import { chain, financeTask, flow, join, orderFlow, parallel, start, task, end, v } from '../analysis/fixtures/build.js';
import { EXAMPLES_DIR } from '../paths.js';

const withControls = () => ({
  ...orderFlow(),
  description: { en: 'Sales enters an order; finance checks credit before it ships.', zh: '销售录入订单；发货前由财务审核信用。' },
  controls: [
    { id: 'credit-90', kind: 'alert' as const, name: { en: 'Credit at 90%', zh: '信用额度90%' }, when: { '>=': [v('customer.creditUsed'), { '*': [0.9, v('customer.creditLimit')] }] }, message: { en: 'Chase payment.', zh: '请催款。' }, notify: ['sales-rep'] },
    { id: 'paid-first', kind: 'gate' as const, name: { en: 'Paid first', zh: '先付款' }, when: { '<': [v('customer.creditUsed'), v('order.amount')] }, message: { en: 'Wait for payment.', zh: '等待付款。' }, blocks: ['ship'] },
  ],
});

describe('toSop()', () => {
  const md = toSop(withControls(), catalog, 'en');

  it('has the sections a new employee needs, in order', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Test flow — standard operating procedure',
      '## Purpose',
      '## Roles and departments',
      '## Steps',
      '### 1. Entry',
      '### 2. Check',
      '### 3. Approved?',
      '### 4. Ship',
      '## Control points',
      '## Outcomes',
      '## How clear is this procedure',
    ]);
    expect(md).toContain('Sales enters an order; finance checks credit before it ships.');
  });

  it('says who does each step, in which window, what they may change and what is required', () => {
    expect(md).toContain('| Finance | Finance | 2 |');
    expect(md).toContain('- **Who:** Finance (Finance)');
    expect(md).toContain('- **Window:** Credit check — you can change: Approved, Notes; you can see: Amount');
    expect(md).toContain('- **Required before completing:** Approved');
    expect(md).toContain('- **Mandatory:** this step may not be skipped.');
  });

  it('writes conditions in plain language and shows hand-offs between departments', () => {
    expect(md).toContain('  - if approved (“approved”): go to step 4 “Ship”');
    expect(md).toContain('  - otherwise (“not approved”): the process ends (Rejected)');
    expect(md).toContain('> **Hand-off:** Sales → Finance');
    expect(md).toContain('> **Hand-off:** Finance → Warehouse');
  });

  it('lists control points with their conditions in words and the steps a gate blocks', () => {
    expect(md).toContain('- **Credit at 90%** (alert): when credit used is at least 90% of the credit limit, Sales rep is told: “Chase payment.”');
    expect(md).toContain('- **Paid first** (gate): step 4 “Ship” cannot be completed while credit used is less than the amount: “Wait for payment.”');
    expect(md).toContain('- **Cannot be completed while:** credit used is less than the amount (Paid first)');
  });

  it('writes Chinese', () => {
    const zh = toSop(withControls(), catalog, 'zh');
    expect(zh).toContain('# Test flow — 标准作业程序');
    expect(zh).toContain('- **执行人：** 财务（财务部）');
    expect(zh).toContain('已用信用额度达到信用额度的90%');
    expect(zh).toContain('> **交接：** 销售部 → 财务部');
  });

  it('numbers branches before the step where they meet, and says when parallel work continues', () => {
    const f = flow([start(), parallel('split'), task('a'), financeTask('b'), join('both'), end()], [...chain('start', 'split', 'a', 'both', 'end'), ...chain('split', 'b', 'both')]);
    const text = toSop(f, catalog, 'en');
    expect(text.split('\n').filter((l) => l.startsWith('### '))).toEqual(['### 1. Split', '### 2. A', '### 3. B', '### 4. Both']);
    expect(text).toContain('step 2 “A” and step 3 “B” are done at the same time');
    expect(text).toContain('continue only when step 2 “A” and step 3 “B” are all done.');
  });

  it('exports every sample flow with a numbered step for every step of the flow', () => {
    const cat = parseCatalogOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')));
    const f = parseFlowOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}new-customer-approval.json`, 'utf8')), cat);
    const text = toSop(f, cat, 'en');
    const steps = f.nodes.filter((n) => n.kind !== 'start' && n.kind !== 'end').length;
    expect(text.split('\n').filter((l) => /^### \d+\. /.test(l))).toHaveLength(steps);
    expect(text).not.toMatch(/\{"|undefined|\[object/);
  });
});

describe('toSop() in business words, on the sample prepaid order', () => {
  const sampleCatalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')));
  const prepaid = parseFlowOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}prepaid-order.json`, 'utf8')));
  const en = toSop(prepaid, sampleCatalog, 'en');
  const zh = toSop(prepaid, sampleCatalog, 'zh');

  it('says which records are linked instead of the plumbing that links them, and leaves out no-op assignments', () => {
    expect(en).toContain('the payment is linked to the order and the customer');
    expect(zh).toContain('收款关联到订单和客户');
    expect(en).toContain('a new payment record is started if the payment’s amount is filled in; the earlier one is kept');
    expect(zh).toContain('如果收款金额已填写，则新建一条收款记录，之前的保留不变');
    expect(en).not.toMatch(/sets (the )?(payment|order|customer) to|sets amount paid to (the )?amount paid[;,\n]/);
    expect(zh).not.toMatch(/将收款设为|将订单设为订单编号|将已收款设为已收款（/);
  });

  it('says a running total grows instead of spelling out the sum', () => {
    expect(en).toContain('increases the order’s amount paid by the payment’s amount');
    expect(zh).toContain('将订单的已收款增加收款金额');
    expect(en).not.toContain('sets amount paid to');
    expect(zh).not.toContain('将已收款设为');
  });

  it('names the numbered steps the way each language writes them', () => {
    expect(zh).toContain('转到步骤2“录入订单”');
    expect(zh).not.toMatch(/步骤\d+ “/);
    expect(zh).toContain('- **窗口：** 订单录入 — 可修改：客户');
    expect(zh).toContain('- 步骤7“是否已全额付款？”：待财务确认');
    expect(zh).toContain('（拦截）');
    expect(zh).not.toContain('闸门');
    expect(en).toContain('- Step 7 “Paid in full?”: Open question for finance');
    // A branch's label does not pile up with the condition's parentheses.
    expect(zh).toContain('  - 【已全额付款】如果已收款达到订单金额（已收款为空时按0计）：转到步骤8“放行生产”');
    expect(zh).toContain('  - 【部分付款：等待余款】否则：转到步骤4“准备收款记录”');
    expect(zh).not.toMatch(/）（“/);
  });

  it('says who asks the customer for the prepayment, and names each amount by its record', () => {
    expect(en).toContain('alerts Sales rep: “Ask the customer to pay the order amount in advance');
    expect(zh).toContain('提醒销售代表：“请通知客户预付订单金额');
    expect(en).toContain('the order’s amount');
  });

  it('flags a step that claims to notify but notifies nobody', () => {
    const silent = { ...prepaid, nodes: prepaid.nodes.map((n) => (n.kind === 'system' && n.id === 'submit-order' ? { ...n, alert: undefined } : n)) } as typeof prepaid;
    expect(toSop(silent, sampleCatalog, 'en')).toContain('despite its name, this step notifies nobody');
    expect(toSop(silent, sampleCatalog, 'zh')).toContain('实际上不会通知任何人');
  });

  it('explains the clarity figures in plain words', () => {
    expect(en).toContain('a hand-off is the work moving to another department');
    expect(zh).toMatch(/圈复杂度表示流程中相互独立的走法有几条/);
  });

  it('gives a rule-valued time limit its unit on every branch', () => {
    const complaint = parseFlowOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}complaint-handling.json`, 'utf8')));
    expect(toSop(complaint, sampleCatalog, 'en')).toContain('within 4 hours if severity is critical, otherwise 24 hours if severity is high, otherwise 3 days');
    expect(toSop(complaint, sampleCatalog, 'zh')).toContain('严重程度为紧急时为4小时，否则严重程度为高时为24小时，否则为3天');
  });
});

