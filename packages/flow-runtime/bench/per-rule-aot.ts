// Per-rule timing of the sample flows' rules compiled ahead of time against json-logic-engine's build,
// largest gap first: node --import tsx bench/per-rule-aot.ts (from packages/flow-runtime).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LogicEngine } from 'json-logic-engine';
import { prepareRule } from '../src/logic/evaluate.js';
import { generateRulesModule, precompiledRules, type PrecompiledRulesModule } from '../src/precompiled-entry.js';
import { sampleRuleCases } from './suites/guards.js';
const cases = sampleRuleCases();
const file = join(mkdtempSync(join(tmpdir(), 'crm-flow-bench-')), 'rules.mjs');
writeFileSync(file, generateRulesModule(cases.map((c) => c.rule)));
const source = precompiledRules(((await import(pathToFileURL(file).href)) as { default: PrecompiledRulesModule }).default);
const jle = new LogicEngine();
const rows: [number, string, number, number][] = [];
let sink = 0;
for (const c of cases) {
  const ours = source(c.rule) ?? prepareRule(c.rule);
  const theirs = jle.build(c.rule) as (d: unknown) => unknown;
  const time = (f: (d: unknown) => unknown) => { const t = performance.now(); for (let w = 0; w < 10000; w++) for (const d of c.data) if (f(d)) sink++; return performance.now() - t; };
  time(ours); time(theirs);
  const a = time(ours), b = time(theirs);
  rows.push([a - b, JSON.stringify(c.rule).slice(0, 140), a, b]);
}
rows.sort((x, y) => y[0] - x[0]);
let ta = 0, tb = 0; for (const r of rows) { ta += r[2]; tb += r[3]; }
console.log(`total ms: ahead of time ${ta.toFixed(0)}, json-logic-engine ${tb.toFixed(0)} (ratio ${(tb / ta).toFixed(2)})`);
for (const r of rows.slice(0, 20)) console.log(r[2].toFixed(0).padStart(5), r[3].toFixed(0).padStart(5), r[1]);
if (sink < 0) console.log(sink);
