// A/B of two versions of src/logic on the guard bench's rules and data, interleaved in one process
// (the machine is shared: only same-run ratios mean anything). Copy the old version INSIDE this
// package, where it loads as ESM like the source: mkdir -p .ab/old && cp -r src/logic src/schema .ab/old/,
// then: node --import tsx bench/guard-ab.ts .ab/old/logic (AB_SELF=<another copy>/evaluate.ts replaces the
// current version). A copy under /tmp loads as CommonJS (no package.json "type": "module" above it) and
// runs ~1.2-1.3x slower than the same code here — that, not the order, was the bias seen in A/A runs.
// Run both orders anyway and take sqrt(r(new first) / r(old first)).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareRule } from '../src/logic/evaluate.js';
const self = process.env.AB_SELF ? ((await import(process.env.AB_SELF)) as { prepareRule: typeof prepareRule }).prepareRule : prepareRule;
import { sampleRuleCases } from './suites/guards.js';

const old = (await import(pathToFileURL(`${resolve(process.argv[2]!)}/evaluate.ts`).href)) as { prepareRule: typeof prepareRule };
// AB_ONLY=<text>: only the rules whose JSON contains it (e.g. AB_ONLY=reduce).
const cases = sampleRuleCases().filter((c) => !process.env.AB_ONLY || JSON.stringify(c.rule).includes(process.env.AB_ONLY));
const ps = cases.flatMap((c, k) => c.data.map((data) => ({ data, k })));
const a = cases.map((c) => self(c.rule));
const b = cases.map((c) => old.prepareRule(c.rule));
for (const p of ps) if (JSON.stringify(a[p.k]!(p.data)) !== JSON.stringify(b[p.k]!(p.data))) throw new Error('versions disagree');
let sink = 0;
/** CPU microseconds for `passes` passes over every (rule, data) pair: on a shared machine CPU time, not wall time. */
const pass = (fns: typeof a, passes: number): number => {
  const t = process.cpuUsage();
  for (let r = 0; r < passes; r++) for (let j = 0; j < ps.length; j++) { const p = ps[j]!; if (fns[p.k]!(p.data)) sink++; }
  const u = process.cpuUsage(t);
  return u.user + u.system;
};
pass(a, 50);
pass(b, 50);
for (let round = 0; round < 3; round++) {
  const ratios: number[] = [];
  let ta = 0;
  let tb = 0;
  for (let k = 0; k < 15; k++) {
    // Alternate which version goes first in each pair.
    const [x, y] = k % 2 === 0 ? [pass(a, 30), pass(b, 30)] : [pass(b, 30), pass(a, 30)].reverse() as [number, number];
    ta += x;
    tb += y;
    ratios.push(y / x);
  }
  ratios.sort((p, q) => p - q);
  const evals = 15 * 30 * ps.length;
  console.log(`new ${(evals / ta).toFixed(2)} M evals per CPU s, old ${(evals / tb).toFixed(2)}, speed new/old median ${ratios[7]!.toFixed(3)}`, sink > 0 ? '' : ' ');
}
