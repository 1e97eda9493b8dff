// A/B of two versions of src/logic on the guard bench's rules and data, interleaved in one process
// (the machine is shared: only same-run ratios mean anything). Copy the old version first:
// cp -r src/logic /tmp/logic-old (with ../schema beside it), then: node --import tsx bench/guard-ab.ts /tmp/logic-old
import { pathToFileURL } from 'node:url';
import { prepareRule } from '../src/logic/evaluate.js';
import { sampleRuleCases } from './suites/guards.js';
import { interleavedRatio } from './harness.js';

const old = (await import(pathToFileURL(`${process.argv[2]}/evaluate.ts`).href)) as { prepareRule: typeof prepareRule };
const cases = sampleRuleCases();
const ps = cases.flatMap((c, k) => c.data.map((data) => ({ data, k })));
const a = cases.map((c) => prepareRule(c.rule));
const b = cases.map((c) => old.prepareRule(c.rule));
for (const p of ps) if (JSON.stringify(a[p.k]!(p.data)) !== JSON.stringify(b[p.k]!(p.data))) throw new Error('versions disagree');
let i = 0;
let sink = 0;
const n = ps.length;
for (let round = 0; round < 3; round++) {
  const r = interleavedRatio(
    () => { const p = ps[i++ % n]!; if (a[p.k]!(p.data)) sink++; },
    () => { const p = ps[i++ % n]!; if (b[p.k]!(p.data)) sink++; },
  );
  console.log(`new ${(r.ours / 1e6).toFixed(2)} M/s, old ${(r.reference / 1e6).toFixed(2)} M/s, new/old ${r.ratio.toFixed(3)}`, sink > 0 ? '' : ' ');
}
