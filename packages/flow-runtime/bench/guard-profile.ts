// The guard bench's inner loop alone, for a CPU profile of our compiled rules:
// node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/guard-profile.ts [seconds]
// Under tsx every sample lands on line 1 of its file; for time per source line, bundle it first
// (next to the suites, so the flows are found) and profile the bundle, whose positionTicks name lines:
// npx esbuild bench/guard-profile.ts --bundle --platform=node --format=esm --outfile=bench/suites/.profile.mjs \
//   --external:json-logic-js --external:json-logic-engine && node --cpu-prof --cpu-prof-dir=/tmp/prof bench/suites/.profile.mjs
import { prepareRule } from '../src/logic/evaluate.js';
import { sampleRuleCases } from './suites/guards.js';

const cases = sampleRuleCases();
const ours = cases.map((c) => prepareRule(c.rule));
const ps = cases.flatMap((c, k) => c.data.map((data) => ({ data, k })));
const seconds = Number(process.argv[2] ?? 3);
let sink = 0;
let evals = 0;
const start = performance.now();
while (performance.now() - start < seconds * 1000) {
  for (let j = 0; j < ps.length; j++) {
    const p = ps[j]!;
    if (ours[p.k]!(p.data)) sink++;
  }
  evals += ps.length;
}
const cpu = process.cpuUsage();
console.log(`${((evals / (performance.now() - start)) * 1000 / 1e6).toFixed(2)} M evals/s wall, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`, sink > 0 ? '' : ' ');
