/**
 * Three weeks of CRM life, played through the engine with the demo clock:
 * approvals, orders of each type, complaints (one escalated past its SLA),
 * quotes and a credit review — some finished, some waiting in an inbox now.
 * Played, not written as rows, so every order and complaint has its
 * instance, its audit trail and its place in the dashboard.
 */
import type { DataPatch, Engine } from '@crm/flow-runtime';
import { actorFor, type DemoRole } from '../runtime/actors';
import { HOUR, type DemoClock } from '../runtime/clock';
import type { RecordSync } from '../runtime/sync';
import { startComplaint, startCreditReview, startCustomerApproval, startLead, startOrder, startQuotation, type StartContext, type Started } from '../runtime/start';
import type { CrmDb } from './crm-db';
import { isoDate, seededCustomerId as C, type Locale } from './seed-records';

interface Act {
  /** Hours after the script's start. */
  at: number;
  as: DemoRole;
  /** The step expected (checked, so a changed flow shows up as a warning, not silent nonsense). */
  node: string;
  data?: DataPatch | ((now: number) => DataPatch);
}

/** Ids of records made by earlier scripts, by the script's `ref`. */
type Refs = Record<string, { order?: string; customer?: string }>;

interface Script {
  /** Hours before the demo's "now" when it starts. */
  hoursAgo: number;
  as: DemoRole;
  /** Remembers the records of this script for later ones. */
  ref?: string;
  begin: (ctx: StartContext, refs: Refs) => Promise<Started>;
  acts: Act[];
}

const line = (sku: string, qty: number, price: number) => ({ sku, qty, price });
const iso = (ms: number) => new Date(ms).toISOString();

function scripts(L: (en: string, zh: string) => string, now: number): Script[] {
  const day = (d: number) => isoDate(now + d * 24 * HOUR);
  const customerInfo = (name: string, industry: string, taxId: string, phone: string, address: string) => ({
    customer: { name, industry, level: 'B', taxId, phone, address, salesRep: 'li.wei' },
  });
  return [
    // ── new-customer approvals ──
    {
      hoursAgo: 16 * 24,
      as: 'sales-rep',
      begin: (ctx) => startCustomerApproval(ctx),
      acts: [
        { at: 1, as: 'sales-rep', node: 'enter-customer', data: customerInfo(L('Jiaxing Yongsheng Textiles Co., Ltd.', '嘉兴永盛纺织有限公司'), 'manufacturing', '91330400MA2L6K9P3A', '0573-8226 1180', L('66 Zhongshan Road, Nanhu District, Jiaxing', '嘉兴市南湖区中山路66号')) },
        { at: 20, as: 'finance', node: 'review-payment-terms', data: { customer: { paymentTerms: 'net30' } } },
        { at: 26, as: 'finance', node: 'review-credit-limit', data: { customer: { creditLimit: 200_000, creditNote: L('Good payment record with two suppliers we called.', '走访两家供应商，回款记录良好。') } } },
        { at: 47, as: 'sales-manager', node: 'evaluate-expenses', data: { estimate: { travel: 6_000, samples: 2_500, entertainment: 3_000, expectedAnnualRevenue: 360_000, decision: 'approved', comment: L('Expenses are low against the expected revenue.', '费用相对预计收入较低，同意。') } } },
      ],
    },
    {
      hoursAgo: 11 * 24,
      as: 'sales-rep',
      begin: (ctx) => startCustomerApproval(ctx),
      acts: [
        { at: 2, as: 'sales-rep', node: 'enter-customer', data: customerInfo(L('Shantou Jiahe Toys Co., Ltd.', '汕头嘉禾玩具有限公司'), 'retail', '91440500MA51Q3X7B8', '0754-8832 5501', L('12 Longhu Road, Shantou', '汕头市龙湖区龙湖路12号')) },
        { at: 30, as: 'finance', node: 'review-payment-terms', data: { customer: { paymentTerms: 'prepaid' } } },
        { at: 52, as: 'finance', node: 'review-credit-limit', data: { customer: { creditLimit: 0, creditNote: L('Court records show two unpaid supplier claims: prepaid only.', '法院记录显示两起供应商欠款纠纷，仅接受预付款。') } } },
        { at: 75, as: 'sales-manager', node: 'evaluate-expenses', data: { estimate: { travel: 12_000, samples: 8_000, entertainment: 6_000, expectedAnnualRevenue: 60_000, decision: 'rejected', comment: L('Too much expense for too little business.', '投入产出比太低，不同意。') } } },
      ],
    },
    {
      // Waiting for finance now: the first guided story's customer is a new one, this is the one already under way.
      hoursAgo: 26,
      as: 'sales-rep',
      begin: (ctx) => startCustomerApproval(ctx, C(7)),
      acts: [{ at: 2, as: 'sales-rep', node: 'enter-customer', data: { customer: { level: 'B' } } }],
    },
    // ── new orders ──
    {
      hoursAgo: 19 * 24,
      as: 'sales-rep',
      ref: 'hangzhou-boards',
      begin: (ctx) => startOrder(ctx, C(1), 'new'),
      acts: [
        { at: 1, as: 'sales-rep', node: 'enter-order', data: { order: { lines: [line('LX-PCB-2040', 400, 185), line('LX-CAB-015', 800, 18.8)], requestedShipDate: day(-12), remarks: L('Deliver to the Xiasha plant, gate 3.', '送下沙工厂3号门。') } } },
        { at: 5, as: 'finance', node: 'credit-check', data: { order: { creditCheckNote: L('Within limit.', '额度内，通过。') } } },
        { at: 70, as: 'warehouse', node: 'ship-order', data: (t) => ({ order: { carrier: L('SF Express Freight', '顺丰快运'), trackingNumber: 'SF1402236617', shippedAt: iso(t) } }) },
      ],
    },
    {
      hoursAgo: 13 * 24,
      as: 'sales-rep',
      ref: 'ningbo-housings',
      begin: (ctx) => startOrder(ctx, C(5), 'new'),
      acts: [
        { at: 1, as: 'sales-rep', node: 'enter-order', data: { order: { lines: [line('LX-HSG-220', 300, 96), line('LX-PSU-120', 200, 138)], requestedShipDate: day(-5) } } },
        { at: 6, as: 'finance', node: 'credit-check', data: { order: { creditCheckNote: L('Would exceed the limit by about 2,400: prepayment needed.', '超出额度约2,400元，需先付款。') } } },
        { at: 9, as: 'sales-rep', node: 'resolve-hold', data: { order: { creditHoldAction: 'prepay' } } },
        { at: 50, as: 'finance', node: 'record-payment', data: (t) => ({ payment: { amount: 56_400, method: 'bank-transfer', receivedAt: iso(t), reference: 'ICBC20261111-0087' } }) },
        { at: 52, as: 'finance', node: 'credit-check', data: { order: { creditCheckNote: L('Paid in full: release.', '已全额付款，放行。') } } },
        { at: 98, as: 'warehouse', node: 'ship-order', data: (t) => ({ order: { carrier: L('Deppon Logistics', '德邦物流'), trackingNumber: 'DPK70031558', shippedAt: iso(t) } }) },
      ],
    },
    {
      hoursAgo: 9 * 24,
      as: 'sales-rep',
      ref: 'suzhou-motors',
      begin: (ctx) => startOrder(ctx, C(3), 'new'),
      acts: [
        { at: 2, as: 'sales-rep', node: 'enter-order', data: { order: { lines: [line('LX-MTR-750', 60, 1260)], requestedShipDate: day(-4) } } },
        { at: 4, as: 'finance', node: 'credit-check', data: { order: { creditCheckNote: L('Within limit.', '额度内，通过。') } } },
        { at: 40, as: 'warehouse', node: 'ship-order', data: (t) => ({ order: { carrier: L('SF Express Freight', '顺丰快运'), trackingNumber: 'SF1402298840', shippedAt: iso(t) } }) },
      ],
    },
    {
      hoursAgo: 30,
      as: 'sales-rep',
      begin: (ctx) => startOrder(ctx, C(9), 'new'),
      acts: [
        { at: 1, as: 'sales-rep', node: 'enter-order', data: { order: { lines: [line('LX-DSP-070', 150, 410), line('LX-PCB-2040', 150, 185)], requestedShipDate: day(3) } } },
        { at: 5, as: 'finance', node: 'credit-check', data: { order: { creditCheckNote: L('Within limit.', '额度内，通过。') } } },
      ],
    },
    {
      hoursAgo: 3,
      as: 'sales-rep',
      begin: (ctx) => startOrder(ctx, C(6), 'new'),
      acts: [{ at: 1, as: 'sales-rep', node: 'enter-order', data: { order: { lines: [line('LX-SEN-310', 600, 42.5)], requestedShipDate: day(7), remarks: L('Urgent: test bench build starts 1 Dec.', '加急：试验台12月1日开工。') } } }],
    },
    // ── prepaid orders ──
    {
      hoursAgo: 8 * 24,
      as: 'sales-rep',
      begin: (ctx) => startOrder(ctx, C(4), 'prepaid'),
      acts: [
        { at: 1, as: 'sales-rep', node: 'enter-order', data: { order: { lines: [line('LX-VLV-032', 120, 326)], requestedShipDate: day(-2) } } },
        { at: 27, as: 'finance', node: 'record-payment', data: (t) => ({ payment: { amount: 39_120, method: 'bank-transfer', receivedAt: iso(t), reference: 'CCB20261115-2231' } }) },
        { at: 31, as: 'warehouse', node: 'factory-order', data: { order: { factoryOrderNo: 'MO-2611-0342', plannedFinishDate: day(-4) } } },
        { at: 96, as: 'warehouse', node: 'ship-order', data: (t) => ({ order: { carrier: L('Deppon Logistics', '德邦物流'), trackingNumber: 'DPK70035012', shippedAt: iso(t) } }) },
      ],
    },
    {
      hoursAgo: 20,
      as: 'sales-rep',
      begin: (ctx) => startOrder(ctx, C(4), 'prepaid'),
      acts: [{ at: 1, as: 'sales-rep', node: 'enter-order', data: { order: { lines: [line('LX-VLV-032', 80, 326), line('LX-CAB-015', 160, 18.8)], requestedShipDate: day(10) } } }],
    },
    // ── sample orders ──
    {
      hoursAgo: 21 * 24,
      as: 'sales-rep',
      begin: (ctx) => startOrder(ctx, C(1), 'sample'),
      acts: [
        { at: 1, as: 'sales-rep', node: 'request-sample', data: { order: { lines: [line('LX-SEN-310', 10, 42.5)], requestedShipDate: day(-19), remarks: L('Samples for the smart meter project.', '智能电表项目样品。') } } },
        { at: 20, as: 'warehouse', node: 'ship-sample', data: (t) => ({ order: { carrier: L('SF Express', '顺丰速运'), trackingNumber: 'SF1401187702', shippedAt: iso(t) } }) },
        { at: 20 + 14 * 24 + 3, as: 'sales-rep', node: 'follow-up', data: { order: { feedback: L('Sensors passed their climate chamber test.', '传感器通过了温箱测试。'), feedbackResult: 'will-order' } } },
      ],
    },
    {
      // Shipped a little over two weeks ago: the 14-day wait is over and the follow-up is due.
      hoursAgo: 15 * 24 + 6,
      as: 'sales-rep',
      begin: (ctx) => startOrder(ctx, C(3), 'sample'),
      acts: [
        { at: 1, as: 'sales-rep', node: 'request-sample', data: { order: { lines: [line('LX-PSU-120', 4, 138), line('LX-HSG-220', 4, 96)], requestedShipDate: day(-14), remarks: L('For the CNC line 3 retrofit trial.', '用于3号数控线改造试验。') } } },
        { at: 22, as: 'warehouse', node: 'ship-sample', data: (t) => ({ order: { carrier: L('SF Express', '顺丰速运'), trackingNumber: 'SF1401935520', shippedAt: iso(t) } }) },
      ],
    },
    {
      hoursAgo: 5,
      as: 'sales-rep',
      begin: (ctx) => startOrder(ctx, C(6), 'sample'),
      acts: [{ at: 1, as: 'sales-rep', node: 'request-sample', data: { order: { lines: [line('LX-MTR-750', 3, 1260)], requestedShipDate: day(4), remarks: L('Motors for the brake bench prototype.', '制动试验台样机用电机。') } } }],
    },
    // ── complaints ──
    {
      hoursAgo: 12 * 24,
      as: 'service',
      begin: (ctx, refs) => startComplaint(ctx, C(1), refs['hangzhou-boards']?.order),
      acts: [
        { at: 1, as: 'service', node: 'intake', data: (t) => ({ complaint: { channel: 'phone', category: 'damage', severity: 'medium', description: L('Two cartons of wiring harnesses arrived crushed.', '两箱线束到货时被压坏。'), receivedAt: iso(t - HOUR) } }) },
        { at: 30, as: 'warehouse', node: 'investigate', data: { complaint: { rootCause: L('Cartons stacked under motor crates during transit.', '运输中线束纸箱被压在电机木箱下。'), faultParty: 'carrier', remedy: 'refund' } } },
        { at: 40, as: 'finance', node: 'refund', data: (t) => ({ complaint: { refundAmount: 3_008, refundedAt: iso(t) } }) },
        { at: 44, as: 'service', node: 'resolve', data: (t) => ({ complaint: { resolution: L('Refunded the damaged harnesses; claim filed with the carrier.', '已退款，向承运商索赔。'), resolvedAt: iso(t) } }) },
        { at: 44 + 72 + 2, as: 'service', node: 'follow-up', data: { complaint: { satisfaction: 4, followUpNote: L('Customer satisfied with the quick refund.', '客户对快速退款表示满意。') } } },
      ],
    },
    {
      hoursAgo: 6 * 24,
      as: 'service',
      begin: (ctx, refs) => startComplaint(ctx, C(3), refs['suzhou-motors']?.order),
      acts: [
        { at: 1, as: 'service', node: 'intake', data: (t) => ({ complaint: { channel: 'email', category: 'quality', severity: 'high', description: L('Three motors run hot after 20 minutes under load.', '三台电机带载20分钟后过热。'), receivedAt: iso(t - 2 * HOUR) } }) },
        // 31 hours against a 24-hour SLA: escalated to the sales manager.
        { at: 32, as: 'warehouse', node: 'investigate', data: { complaint: { rootCause: L('Customer wired the motors for 220 V instead of 380 V.', '客户将电机按220V而非380V接线。'), faultParty: 'customer', remedy: 'explanation' } } },
        { at: 36, as: 'service', node: 'resolve', data: (t) => ({ complaint: { resolution: L('Sent wiring instructions; an engineer checked on site.', '发送接线说明，工程师上门确认。'), resolvedAt: iso(t) } }) },
        { at: 36 + 72 + 5, as: 'service', node: 'follow-up', data: { complaint: { satisfaction: 2, followUpNote: L('Customer feels the manual was unclear.', '客户认为说明书不清楚。') } } },
      ],
    },
    {
      hoursAgo: 50,
      as: 'service',
      begin: (ctx, refs) => startComplaint(ctx, C(1), refs['hangzhou-boards']?.order),
      acts: [
        { at: 1, as: 'service', node: 'intake', data: (t) => ({ complaint: { channel: 'visit', category: 'quality', severity: 'high', description: L('Solder defects on 12 of 400 controller boards.', '400块控制板中有12块焊接不良。'), receivedAt: iso(t - HOUR) } }) },
        { at: 20, as: 'warehouse', node: 'investigate', data: { complaint: { rootCause: L('Reflow oven profile drifted on one shift.', '某班次回流焊温度曲线漂移。'), faultParty: 'ours', remedy: 'rework' } } },
      ],
    },
    {
      // Critical, taken two hours ago: its 4-hour investigation SLA runs out soon (the third guided story).
      hoursAgo: 2,
      as: 'service',
      begin: (ctx, refs) => startComplaint(ctx, C(5), refs['ningbo-housings']?.order),
      acts: [{ at: 0.25, as: 'service', node: 'intake', data: (t) => ({ complaint: { channel: 'phone', category: 'wrong-item', severity: 'critical', description: L('40 housings missing from the delivery; the shop opens on Saturday.', '到货少了40个外壳，门店周六开业。'), receivedAt: iso(t - HOUR / 4) } }) }],
    },
    // ── quotations ──
    {
      hoursAgo: 4 * 24,
      as: 'sales-rep',
      begin: (ctx) => startQuotation(ctx, C(3), 'OP-0002'),
      acts: [{ at: 3, as: 'sales-rep', node: 'draft-quote', data: { quote: { lines: [line('LX-MTR-750', 420, 1260), line('LX-PCB-2040', 420, 185)], discountPercent: 5, validUntil: day(26) } } }],
    },
    {
      hoursAgo: 22,
      as: 'sales-rep',
      begin: (ctx) => startQuotation(ctx, C(1), 'OP-0001'),
      acts: [{ at: 2, as: 'sales-rep', node: 'draft-quote', data: { quote: { lines: [line('LX-PCB-2040', 2_000, 185), line('LX-SEN-310', 2_000, 42.5)], discountPercent: 12, validUntil: day(30) } } }],
    },
    // ── credit review ──
    {
      hoursAgo: 10 * 24,
      as: 'sales-rep',
      begin: (ctx) => startCreditReview(ctx, C(6)),
      acts: [
        { at: 1, as: 'sales-rep', node: 'request-limit', data: { request: { newLimit: 420_000, reason: L('Volume doubles with the new brake bench programme.', '新制动试验台项目使采购量翻倍。') } } },
        { at: 28, as: 'finance', node: 'review-history', data: { request: { avgPaymentDays: 34, overdueAmount: 0, financeOpinion: 'support', financeComment: L('Always paid within 40 days.', '回款均在40天内。') } } },
      ],
    },
    // ── lead ──
    { hoursAgo: 6, as: 'sales-rep', begin: (ctx) => startLead(ctx, 'L-0001'), acts: [] },
    ...routineOrders(L, day),
    ...routineComplaints(L),
  ];
}

/** Everyday orders, shipped: the bulk of the dashboard's history (and the orders behind the 92% customer's credit use). */
function routineOrders(L: (en: string, zh: string) => string, day: (d: number) => string): Script[] {
  const plan: [customer: number, daysAgo: number, sku: string, qty: number, checkAfter: number, shipAfter: number][] = [
    [2, 20, 'LX-PSU-120', 900, 3, 30],
    [2, 15, 'LX-PSU-120', 700, 5, 44],
    [2, 9, 'LX-DSP-070', 260, 2, 26],
    [1, 17, 'LX-SEN-310', 1200, 6, 52],
    [3, 12, 'LX-HSG-220', 500, 4, 36],
    [9, 11, 'LX-DSP-070', 320, 8, 70],
    [6, 7, 'LX-CAB-015', 2000, 3, 28],
    [5, 5, 'LX-HSG-220', 150, 26, 48],
    [1, 4, 'LX-PCB-2040', 600, 4, 33],
  ];
  const carriers: [string, string][] = [
    ['SF Express Freight', '顺丰快运'],
    ['Deppon Logistics', '德邦物流'],
    ['ZTO Freight', '中通快运'],
  ];
  return plan.map(([customer, daysAgo, sku, qty, checkAfter, shipAfter], i) => {
    const price = { 'LX-PSU-120': 138, 'LX-DSP-070': 410, 'LX-SEN-310': 42.5, 'LX-HSG-220': 96, 'LX-CAB-015': 18.8, 'LX-PCB-2040': 185 }[sku] ?? 100;
    const [en, zh] = carriers[i % carriers.length]!;
    return {
      hoursAgo: daysAgo * 24 + 5,
      as: 'sales-rep' as const,
      begin: (ctx: StartContext) => startOrder(ctx, C(customer), 'new'),
      acts: [
        { at: 1, as: 'sales-rep' as const, node: 'enter-order', data: { order: { lines: [line(sku, qty, price)], requestedShipDate: day(-daysAgo + 5) } } },
        { at: 1 + checkAfter, as: 'finance' as const, node: 'credit-check', data: { order: { creditCheckNote: L('Within limit.', '额度内，通过。') } } },
        { at: 1 + checkAfter + shipAfter, as: 'warehouse' as const, node: 'ship-order', data: (t: number) => ({ order: { carrier: L(en, zh), trackingNumber: `${en.slice(0, 2).toUpperCase()}${1402400000 + i * 7919}`, shippedAt: iso(t) } }) },
      ],
    };
  });
}

/** Complaints handled without a remedy order: one on time, one late. */
function routineComplaints(L: (en: string, zh: string) => string): Script[] {
  const cases: [customer: number, daysAgo: number, severity: string, category: string, text: [string, string], investigateAfter: number][] = [
    [6, 18, 'medium', 'delivery', ['Shipment arrived two days late.', '货物晚到两天。'], 20],
    [2, 14, 'high', 'wrong-item', ['Received 120 W supplies instead of 150 W.', '收到的是120W电源而非150W。'], 29],
    [9, 8, 'low', 'billing', ['Invoice shows the wrong tax rate.', '发票税率开错。'], 30],
  ];
  return cases.map(([customer, daysAgo, severity, category, [en, zh], investigateAfter]) => ({
    hoursAgo: daysAgo * 24,
    as: 'service' as const,
    begin: (ctx: StartContext) => startComplaint(ctx, C(customer)),
    acts: [
      { at: 1, as: 'service' as const, node: 'intake', data: (t: number) => ({ complaint: { channel: 'phone', category, severity, description: L(en, zh), receivedAt: iso(t - HOUR) } }) },
      { at: 1 + investigateAfter, as: 'warehouse' as const, node: 'investigate', data: { complaint: { rootCause: L('Confirmed; process gap found and fixed.', '情况属实，已查明流程漏洞并整改。'), faultParty: 'ours', remedy: 'explanation' } } },
      { at: 4 + investigateAfter, as: 'service' as const, node: 'resolve', data: (t: number) => ({ complaint: { resolution: L('Apologised and explained the fix.', '已致歉并说明整改措施。'), resolvedAt: iso(t) } }) },
      { at: 4 + investigateAfter + 74, as: 'service' as const, node: 'follow-up', data: { complaint: { satisfaction: 4, followUpNote: L('Customer accepted the explanation.', '客户接受说明。') } } },
    ],
  }));
}

export interface HistoryContext {
  db: CrmDb;
  engine: Engine;
  clock: DemoClock;
  sync: RecordSync;
  locale: Locale;
  now: number;
}

/** Plays the scripts in time order. Returns warnings for steps that could not be played. */
export async function playHistory({ db, engine, clock, sync, locale, now }: HistoryContext): Promise<string[]> {
  const L = (en: string, zh: string) => (locale === 'zh' ? zh : en);
  const warnings: string[] = [];
  const all = scripts(L, now).sort((a, b) => b.hoursAgo - a.hoursAgo);
  const refs: Refs = {};
  for (const script of all) {
    const t0 = now - script.hoursAgo * HOUR;
    clock.set(t0);
    await engine.tick(t0);
    let started: Started;
    try {
      started = await script.begin({ db, engine, now: t0, role: script.as }, refs);
      if (script.ref) {
        const d = started.result.instance.data as Record<string, { id?: string } | undefined>;
        refs[script.ref] = { ...(d.order?.id ? { order: d.order.id } : {}), ...(d.customer?.id ? { customer: d.customer.id } : {}) };
      }
    } catch (e) {
      warnings.push(`could not start a script: ${String(e)}`);
      continue;
    }
    await sync.flush();
    for (const act of script.acts) {
      const t = t0 + act.at * HOUR;
      clock.set(t);
      await engine.tick(t);
      await sync.flush();
      const actor = actorFor(act.as);
      const family = await familyOf(engine, started.instanceId);
      const tasks = (await engine.tasks({ actor })).filter((tv) => family.has(tv.instanceId) && tv.nodeId === act.node);
      const task = tasks[0];
      if (!task) {
        warnings.push(`${started.instanceId}: no open '${act.node}' for ${act.as}`);
        break;
      }
      const data = typeof act.data === 'function' ? act.data(t) : act.data;
      try {
        await engine.complete(task.instanceId, task.taskId, { actor, ...(data ? { data } : {}) });
      } catch (e) {
        warnings.push(`${started.instanceId}: '${act.node}' refused: ${String(e)}`);
        break;
      }
      await sync.flush();
    }
  }
  clock.set(now);
  await engine.tick(now);
  await sync.flush();
  return warnings;
}

/** An instance and its sub-flow instances, recursively. */
async function familyOf(engine: Engine, instanceId: string): Promise<Set<string>> {
  const out = new Set<string>();
  const pending = [instanceId];
  while (pending.length) {
    const id = pending.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    const s = await engine.instance(id);
    pending.push(...s.children);
  }
  return out;
}
