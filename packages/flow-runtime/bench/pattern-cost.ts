// Catalog patterns whose backtracking grows as a power of the text: what one check costs before
// and after the safe-length guard. "Before" runs the pattern as the engine did (searched from every
// place in the text, on any length) on texts short enough to finish, and projects to 100,000
// characters from the measured growth; "after" times the root engine's refusal of the 100,000-
// character text, and the anchored check at the pattern's safe length (its worst case now).
// Run: npx tsx bench/pattern-cost.ts
import { createEngine } from '../src/engine/engine.js';
import { patternCost, patternSafeLength } from '../src/schema/pattern-cost.js';
import { createMemoryStore } from '../src/stores/memory.js';
import { admin, catalog, flow, rep } from '../test/redteam/fixtures.js';

/** Pattern, and the worst text for it: a run of `ch` between `head` and `tail` (searched from every place, `.*.*=.*` fails slowest with no '='). */
const CASES: [string, string, string, string, string?][] = [
  ['\\d*\\d*\\d*x', '', '1', '!'],
  ['.*.*=.*', '', '=', '\n', 'a'],
  ['[a-z]+[a-z0-9]+@', '', 'a', '!'],
  ['^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 'a@', '.', '@'],
];
const text = (c: (typeof CASES)[number], n: number, searched = false) => (searched && c[4] ? c[4].repeat(n) : c[1] + c[2].repeat(n) + c[3]);
const ms = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

for (const c of CASES) {
  const [pattern] = c;
  const old = new RegExp(pattern, 'u');
  // Before: the old engine path, at growing n until one check takes over 1 s.
  let n = 50;
  let last: [number, number] = [0, 0];
  let prev: [number, number] | undefined;
  while (n <= 1_000_000) {
    const t = ms(() => old.exec(text(c, n, true)));
    prev = last;
    last = [n, t];
    if (t > 1000) break;
    n *= 2;
  }
  const growth = prev && prev[1] > 5 ? Math.log(last[1] / prev[1]) / Math.log(last[0] / prev[0]) : patternCost(pattern).degree + 1;
  const projected = last[1] * (100_000 / last[0]) ** growth;
  // After: the engine refuses the 100,000-character text; at the safe length the anchored check runs.
  const engine = createEngine({ store: createMemoryStore(), catalog: { ...catalog, entities: catalog.entities.map((e) => ({ ...e, fields: e.fields.map((f) => (f.id === 'code' ? { ...f, constraints: { pattern, patternHint: { en: 'x' } } } : f)) })) } });
  await engine.deploy(flow, { actor: admin });
  const { instance } = await engine.start('f', { actor: rep });
  const long = text(c, 100_000);
  const t0 = performance.now();
  await engine.updateData(instance.instanceId, { actor: rep, data: { 'order.code': long } }).catch((e: { code?: string }) => e.code);
  const refused = performance.now() - t0;
  const safe = patternSafeLength(pattern);
  const anchored = new RegExp(`^(?:${pattern})$`, 'u');
  const atSafe = ms(() => anchored.test(text(c, safe - c[1].length - c[3].length)));
  console.log(
    `${pattern.padEnd(30)} before: ${last[1].toFixed(0)} ms at n=${last[0]} (grows ~n^${growth.toFixed(1)}; 100,000 chars ≈ ${(projected / 3_600_000).toExponential(1)} h)  after: 100,000 chars refused in ${refused.toFixed(1)} ms; worst check at the safe length ${safe}: ${atSafe.toFixed(1)} ms`,
  );
}
