// guards.speedup_vs_jsonlogicjs: our compiled guards against json-logic-js `apply`
// on a CRM guard set, both measured here, in this process and run.
import jsonLogic from 'json-logic-js';
import { prepareRule } from '../../src/logic/evaluate.js';
import { interleavedRatio, type BenchResult } from '../harness.js';

/** Guards of the sample flows' kind: credit ratio and order type, a 3-branch if, missing/some over order lines. */
export const CRM_GUARDS: unknown[] = [
  {
    and: [
      { '>=': [{ var: 'customer.creditUsed' }, { '*': [0.9, { var: 'customer.creditLimit' }] }] },
      { in: [{ var: 'order.type' }, ['new', 'prepaid', 'rework']] },
    ],
  },
  { if: [{ '==': [{ var: 'complaint.severity' }, 'critical'] }, 4, { '==': [{ var: 'complaint.severity' }, 'high'] }, 24, 72] },
  {
    and: [
      { '!': [{ missing: ['order.customer', 'order.amount'] }] },
      { some: [{ var: 'order.lines' }, { '>': [{ '*': [{ var: 'qty' }, { var: 'price' }] }, 2000] }] },
    ],
  },
];

const DATA = Array.from({ length: 64 }, (_, i) => ({
  customer: { creditUsed: 80_000 + i * 500, creditLimit: 100_000 },
  order: {
    customer: `c-${i}`,
    amount: 1000 + i * 100,
    type: ['new', 'prepaid', 'sample', 'rework'][i % 4],
    lines: Array.from({ length: 1 + (i % 5) }, (_, j) => ({ sku: `SKU-${j}`, qty: 1 + j, price: 300 + i * 20 })),
  },
  complaint: { severity: ['low', 'medium', 'high', 'critical'][i % 4] },
}));

export default async function guards(): Promise<BenchResult[]> {
  const compiled = CRM_GUARDS.map((g) => prepareRule(g));
  // Both must agree before we time anything.
  for (const d of DATA) {
    CRM_GUARDS.forEach((g, k) => {
      const a = compiled[k]!(d);
      const b = jsonLogic.apply(g as jsonLogic.RulesLogic, d);
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`guard ${k} disagrees with json-logic-js`);
    });
  }
  let i = 0;
  let sink = 0;
  const { ours, reference: theirs, ratio } = interleavedRatio(
    () => {
      const d = DATA[i++ & 63]!;
      for (const g of compiled) if (g(d)) sink++;
    },
    () => {
      const d = DATA[i++ & 63]!;
      for (const g of CRM_GUARDS) if (jsonLogic.apply(g as jsonLogic.RulesLogic, d)) sink++;
    },
  );
  if (sink < 0) console.log(sink);
  const perSet = 3;
  return [
    { name: 'guards.evals_per_s', value: ours * perSet, unit: 'evals/s' },
    { name: 'guards.jsonlogicjs_evals_per_s', value: theirs * perSet, unit: 'evals/s' },
    { name: 'guards.speedup_vs_jsonlogicjs', value: ratio, unit: 'x', ratio, against: 'json-logic-js 2.0.5 apply', target: '≥ 20' },
  ];
}
