// CPU time of parseFlowText on the lint suite's 10,000-node flow (a probe for profiling the parser):
// node --import tsx bench/parse-probe.mts (from packages/flow-runtime).
import { benchCatalog, benchFlow } from './suites/lint.js';
import { parseFlowText } from '../src/schema/parse-flow.js';
const catalog = benchCatalog();
const text = JSON.stringify(benchFlow(10_000));
for (let i = 0; i < 3; i++) parseFlowText(text, catalog);
const runs: number[] = [];
for (let r = 0; r < 7; r++) {
  const t0 = process.cpuUsage();
  for (let i = 0; i < 3; i++) parseFlowText(text, catalog);
  const u = process.cpuUsage(t0);
  runs.push((u.user + u.system) / 3000);
}
runs.sort((a, b) => a - b);
console.log(`parseFlowText, 10,000 nodes: median ${runs[3]!.toFixed(1)} ms CPU (min ${runs[0]!.toFixed(1)})`);
