// The budget's worst cases: rules that double a value on every item (lists, texts, sums,
// merges) under every operator that reads a list as text, timed warm with the default budget.
// Prints the slowest cases and the largest heap growth. Run: node --expose-gc --import tsx bench/budget-worst-case.ts
import { evaluate } from '../src/logic/index.js';
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const acc = { var: 'accumulator' };
const bodies: unknown[] = [[acc, acc], { cat: [acc, acc] }, { merge: [acc, acc] }, { '+': [acc, acc] }, { substr: [{ cat: [acc, acc] }, 1] }, { cat: [acc, 'x'.repeat(10_000)] }, { map: [acc, { cat: [{ var: '' }, { var: '' }] }] }];
const starts: unknown[] = [[1], 'ab', 1, ['a'], [[1]], ''];
const wraps = [(r: unknown) => ({ '==': [r, 'x'] }), (r: unknown) => ({ '<': [r, 1] }), (r: unknown) => ({ in: ['z', r] }), (r: unknown) => ({ cat: [r, r] }), (r: unknown) => ({ missing: [r] }), (r: unknown) => ({ missing_some: [1, r] }), (r: unknown) => ({ min: [r, 1] }), (r: unknown) => r, (r: unknown) => ({ map: [{ merge: [r, r] }, { cat: [{ var: '' }, 'y'] }] })];
const gc = (globalThis as { gc: () => void }).gc;
const results: [number, number, string][] = [];
for (const n of [10, 14, 15, 16, 17, 18, 20, 24, 30, 40, 200, 16384]) for (const [bi, b] of bodies.entries()) for (const [si, s] of starts.entries()) for (const [wi, w] of wraps.entries()) {
  const rule = w({ reduce: [range(n), b, s] });
  try { evaluate(rule, {}); } catch { /* warm */ }
  gc();
  const h0 = process.memoryUsage().heapUsed;
  let peak = 0;
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    try { const v = evaluate(rule, {}); peak = Math.max(peak, process.memoryUsage().heapUsed - h0); void v; } catch { peak = Math.max(peak, process.memoryUsage().heapUsed - h0); }
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  results.push([times[1]!, peak, `n=${n} body=${bi} start=${si} wrap=${wi}`]);
}
results.sort((a, b) => b[0] - a[0]);
for (const r of results.slice(0, 6)) console.log(r[0].toFixed(1), 'ms', (r[1] / 1e6).toFixed(1), 'MB', r[2]);
console.log('max heap', (Math.max(...results.map((r) => r[1])) / 1e6).toFixed(1), 'MB');
