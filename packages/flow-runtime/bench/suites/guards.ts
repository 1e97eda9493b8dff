// guards.*: our compiled rules against json-logic-js `apply` and against
// json-logic-engine's `build`, on EVERY rule of the nine sample flows (edge
// guards, controls, wait conditions, SLA and timer hours, system-step
// assignments, sub-flow mappings) and the catalog's record-display
// conditions, each evaluated on the data those flows really carry: the
// scenario files' start data with each step's answers merged in one by one,
// so rules meet missing fields as often as filled ones. All three evaluators
// are checked equal before anything is timed; where json-logic-engine
// disagrees with json-logic-js the pairs are counted and printed (ours stays
// json-logic-js-exact). The old hand-picked 3-rule set is reported separately.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { prepareRule } from '../../src/logic/evaluate.js';
import { generateRulesModule, precompiledRules, type PrecompiledRulesModule } from '../../src/precompiled-entry.js';
import { ruleSites } from '../../src/analysis/guards/sites.js';
import type { Flow } from '../../src/schema/flow.js';
import { interleavedRatio, type BenchResult } from '../harness.js';

/** The old hand-picked set: credit ratio and order type, a 3-branch if, missing/some over order lines. */
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

const HANDPICKED_DATA = Array.from({ length: 64 }, (_, i) => ({
  customer: { creditUsed: 80_000 + i * 500, creditLimit: 100_000 },
  order: {
    customer: `c-${i}`,
    amount: 1000 + i * 100,
    type: ['new', 'prepaid', 'sample', 'rework'][i % 4],
    lines: Array.from({ length: 1 + (i % 5) }, (_, j) => ({ sku: `SKU-${j}`, qty: 1 + j, price: 300 + i * 20 })),
  },
  complaint: { severity: ['low', 'medium', 'high', 'critical'][i % 4] },
}));

const FLOWS_DIR = fileURLToPath(new URL('../../../../examples/flows/', import.meta.url));

interface Scenario {
  data?: Record<string, unknown>;
  choices?: Record<string, unknown>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge of a step's answers into the case data, as the engine's writes do (lists replaced). */
function merged(base: Record<string, unknown>, patch: unknown): Record<string, unknown> {
  if (!isRecord(patch)) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = isRecord(v) && isRecord(out[k]) ? merged(out[k] as Record<string, unknown>, v) : v;
  return out;
}

/** One rule and the data snapshots it is evaluated on. */
export interface RuleCase {
  flow: string;
  kind: string;
  rule: unknown;
  data: unknown[];
}

/** Every rule of the sample flows and catalog, with its flow's scenario data snapshots. */
export function sampleRuleCases(): RuleCase[] {
  const cases: RuleCase[] = [];
  const allSnapshots: unknown[] = [];
  for (const file of readdirSync(FLOWS_DIR).filter((f) => f.endsWith('.json') && f !== 'catalog.json').sort()) {
    const flow = JSON.parse(readFileSync(FLOWS_DIR + file, 'utf8')) as Flow;
    const scenarios = JSON.parse(readFileSync(`${FLOWS_DIR}scenarios/${file.replace(/\.json$/, '.scenarios.json')}`, 'utf8')) as Scenario[];
    const snapshots: unknown[] = [];
    for (const s of scenarios) {
      let data = merged({}, s.data ?? {});
      snapshots.push(data);
      for (const answer of Object.values(s.choices ?? {})) {
        data = merged(data, answer);
        snapshots.push(data);
      }
    }
    allSnapshots.push(...snapshots);
    for (const site of ruleSites(flow)) {
      if (typeof site.rule !== 'object' || site.rule === null) continue; // a plain number of hours is no rule to evaluate
      cases.push({ flow: flow.id, kind: site.kind, rule: site.rule, data: snapshots });
    }
  }
  const catalog = JSON.parse(readFileSync(FLOWS_DIR + 'catalog.json', 'utf8')) as { windows?: { id: string; condition?: unknown; when?: unknown }[] };
  for (const w of catalog.windows ?? []) {
    const cond = w.condition ?? w.when;
    if (typeof cond === 'object' && cond !== null) cases.push({ flow: 'catalog', kind: 'window', rule: cond, data: allSnapshots });
  }
  return cases;
}

/** (rule, data) pairs in a fixed interleaved order, so every round evaluates every rule. */
function pairs(cases: RuleCase[]): { rule: unknown; data: unknown; k: number }[] {
  const out: { rule: unknown; data: unknown; k: number }[] = [];
  cases.forEach((c, k) => {
    for (const d of c.data) out.push({ rule: c.rule, data: d, k });
  });
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export default async function guards(): Promise<BenchResult[]> {
  const cases = sampleRuleCases();
  const ps = pairs(cases);
  const ours = cases.map((c) => prepareRule(c.rule));
  // The same rules compiled ahead of time, as a host's build would (`crm-flow compile-rules`): the
  // module is written to a file and imported, never evaluated from a string.
  const file = join(mkdtempSync(join(tmpdir(), 'crm-flow-bench-')), 'rules.mjs');
  writeFileSync(file, generateRulesModule(cases.map((c) => c.rule)));
  const source = precompiledRules(((await import(pathToFileURL(file).href)) as { default: PrecompiledRulesModule }).default);
  const aot = cases.map((c) => source(c.rule) ?? prepareRule(c.rule));
  const aotCount = cases.filter((c) => source(c.rule)).length;
  const jle = new LogicEngine();
  const built = cases.map((c) => jle.build(c.rule) as (d: unknown) => unknown);

  // Checked equal first: ours against json-logic-js must agree on every pair.
  let jleDisagree = 0;
  const examples: string[] = [];
  for (const p of ps) {
    const a = ours[p.k]!(p.data);
    const b = jsonLogic.apply(p.rule as jsonLogic.RulesLogic, p.data as Record<string, unknown>);
    if (!same(a, b)) throw new Error(`rule ${JSON.stringify(p.rule)} disagrees with json-logic-js: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    if (!same(a, aot[p.k]!(p.data))) throw new Error(`rule ${JSON.stringify(p.rule)} compiled ahead of time disagrees with the closures`);
    const c = built[p.k]!(p.data);
    if (!same(a, c)) {
      jleDisagree++;
      if (examples.length < 3) examples.push(`${JSON.stringify(p.rule).slice(0, 120)} → json-logic-js ${JSON.stringify(b)}, json-logic-engine ${JSON.stringify(c)}`);
    }
  }
  console.error(`guards: ${cases.length} rules of the sample flows and catalog, ${ps.length} (rule, data) pairs`);
  if (jleDisagree > 0) console.error(`guards: json-logic-engine differs from json-logic-js on ${jleDisagree} of ${ps.length} pairs, e.g.\n  ${examples.join('\n  ')}`);

  let i = 0;
  let sink = 0;
  const n = ps.length;
  const oursFn = () => {
    const p = ps[i++ % n]!;
    if (ours[p.k]!(p.data)) sink++;
  };
  const jsFn = () => {
    const p = ps[i++ % n]!;
    if (jsonLogic.apply(p.rule as jsonLogic.RulesLogic, p.data as Record<string, unknown>)) sink++;
  };
  const jleFn = () => {
    const p = ps[i++ % n]!;
    if (built[p.k]!(p.data)) sink++;
  };
  const aotFn = () => {
    const p = ps[i++ % n]!;
    if (aot[p.k]!(p.data)) sink++;
  };
  const vsJs = interleavedRatio(oursFn, jsFn);
  const vsJle = interleavedRatio(oursFn, jleFn);
  const aotVsJs = interleavedRatio(aotFn, jsFn);
  const aotVsJle = interleavedRatio(aotFn, jleFn);
  console.error(`guards: closures ${vsJs.ratio.toFixed(2)}x json-logic-js, ${vsJle.ratio.toFixed(2)}x json-logic-engine; ahead of time (${aotCount}/${cases.length} rules as code) ${aotVsJs.ratio.toFixed(2)}x, ${aotVsJle.ratio.toFixed(2)}x`);

  // The old hand-picked set, reported apart so it is never mistaken for the flows' figure.
  const hand = CRM_GUARDS.map((g) => prepareRule(g));
  const vsHand = interleavedRatio(
    () => {
      const d = HANDPICKED_DATA[i++ & 63]!;
      for (const g of hand) if (g(d)) sink++;
    },
    () => {
      const d = HANDPICKED_DATA[i++ & 63]!;
      for (const g of CRM_GUARDS) if (jsonLogic.apply(g as jsonLogic.RulesLogic, d)) sink++;
    },
  );
  if (sink < 0) console.log(sink);
  return [
    { name: 'guards.rules_measured', value: cases.length, unit: 'rules' },
    { name: 'guards.precompiled_rules', value: aotCount, unit: 'rules' },
    // Rules compiled ahead of time (`crm-flow compile-rules`, a static module: no eval, no new Function).
    { name: 'guards.evals_per_s', value: aotVsJs.ours, unit: 'evals/CPU s' },
    { name: 'guards.jsonlogicjs_evals_per_s', value: aotVsJs.reference, unit: 'evals/CPU s' },
    { name: 'guards.speedup_vs_jsonlogicjs', value: aotVsJs.ratio, unit: 'x', ratio: aotVsJs.ratio, against: `json-logic-js 2.0.5 apply; ours compiled ahead of time (crm-flow compile-rules, CSP-safe); every rule of the sample flows (${cases.length}) on their scenario data`, target: '≥ 20' },
    { name: 'guards.json_logic_engine_evals_per_s', value: aotVsJle.reference, unit: 'evals/CPU s' },
    { name: 'guards.ratio_vs_json_logic_engine', value: aotVsJle.ratio, unit: 'x', ratio: aotVsJle.ratio, against: `json-logic-engine 5 build (generated at run time with new Function); ours compiled ahead of time (a static module, no eval); same rules and data; json-logic-engine differs from json-logic-js on ${jleDisagree}/${ps.length} pairs`, target: '≥ 1.0' },
    // Rules compiled at run time (closures): what a flow not compiled ahead of time runs (e.g. one just drawn in the designer).
    { name: 'guards.closures_evals_per_s', value: vsJs.ours, unit: 'evals/CPU s' },
    { name: 'guards.closures_speedup_vs_jsonlogicjs', value: vsJs.ratio, unit: 'x', ratio: vsJs.ratio, against: `json-logic-js 2.0.5 apply; ours compiled at run time to closures (the default without compile-rules); same rules and data` },
    { name: 'guards.closures_ratio_vs_json_logic_engine', value: vsJle.ratio, unit: 'x', ratio: vsJle.ratio, against: 'json-logic-engine 5 build; ours compiled at run time to closures; same rules and data' },
    { name: 'guards.speedup_vs_jsonlogicjs_handpicked', value: vsHand.ratio, unit: 'x', ratio: vsHand.ratio, against: 'json-logic-js 2.0.5 apply, 3 hand-picked guards (if/some/missing) — not the flows' },
  ];
}
