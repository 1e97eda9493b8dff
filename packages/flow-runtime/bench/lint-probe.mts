// CPU time of validate (every recommended rule and the clarity metrics) on the lint suite's 10,000-node
// flow, parsed once (a probe for profiling the linter): node --import tsx bench/lint-probe.mts
import { benchCatalog, benchFlow } from './suites/lint.js';
import { parseFlowText } from '../src/schema/parse-flow.js';
import { validate } from '../src/analysis/linter.js';
const catalog = benchCatalog();
const parsed = parseFlowText(JSON.stringify(benchFlow(10_000)), catalog);
if (!parsed.ok) throw new Error('the bench flow does not parse');
for (let i = 0; i < 3; i++) validate(parsed.value, catalog);
const runs: number[] = [];
for (let r = 0; r < 7; r++) {
  const t0 = process.cpuUsage();
  for (let i = 0; i < 3; i++) validate(parsed.value, catalog);
  const u = process.cpuUsage(t0);
  runs.push((u.user + u.system) / 3000);
}
runs.sort((a, b) => a - b);
console.log(`validate, 10,000 nodes: median ${runs[3]!.toFixed(1)} ms CPU (min ${runs[0]!.toFixed(1)})`);
