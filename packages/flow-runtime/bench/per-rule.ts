// Per-rule timing of the sample flows' rules, ours against json-logic-engine's build, slowest first:
// node --import tsx bench/per-rule.ts (from packages/flow-runtime). Shows where the guards bench spends its time.
import { LogicEngine } from 'json-logic-engine';
import { prepareRule } from '../src/logic/evaluate.js';
import { sampleRuleCases } from './suites/guards.js';
const cases = sampleRuleCases();
const jle = new LogicEngine();
const rows: [number, string, number][] = [];
let sink = 0;
for (const c of cases) {
  const ours = prepareRule(c.rule); const theirs = jle.build(c.rule) as (d: unknown) => unknown;
  const time = (f: (d: unknown) => unknown) => { for (let w = 0; w < 2000; w++) for (const d of c.data) if (f(d)) sink++; const t = performance.now(); for (let w = 0; w < 3000; w++) for (const d of c.data) if (f(d)) sink++; return performance.now() - t; };
  time(ours); time(theirs);
  const a = time(ours), b = time(theirs);
  rows.push([a / b, JSON.stringify(c.rule).slice(0, 150), a]);
}
rows.sort((x, y) => y[2] - x[2]);
let total = 0; for (const r of rows) total += r[2];
console.log('total ours ms', total.toFixed(0));
for (const r of rows.slice(0, 25)) console.log(r[0].toFixed(2), r[2].toFixed(0), r[1]);
if (sink < 0) console.log(sink);
