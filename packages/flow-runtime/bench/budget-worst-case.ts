// The budget's worst cases: rules that double a value on every item (lists, texts, sums,
// merges) under every operator that reads a list as text, timed warm with the default budget.
// Prints the slowest cases (CPU time, median of 3) and the largest heap growth. Run: node --expose-gc --import tsx bench/budget-worst-case.ts
import { evaluate } from '../src/logic/index.js';
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const acc = { var: 'accumulator' };
const bodies: unknown[] = [[acc, acc], { cat: [acc, acc] }, { merge: [acc, acc] }, { '+': [acc, acc] }, { substr: [{ cat: [acc, acc] }, 1] }, { cat: [acc, 'x'.repeat(10_000)] }, { map: [acc, { cat: [{ var: '' }, { var: '' }] }] }];
const starts: unknown[] = [[1], 'ab', 1, ['a'], [[1]], ''];
const wraps = [(r: unknown) => ({ '==': [r, 'x'] }), (r: unknown) => ({ '<': [r, 1] }), (r: unknown) => ({ in: ['z', r] }), (r: unknown) => ({ cat: [r, r] }), (r: unknown) => ({ missing: [r] }), (r: unknown) => ({ missing_some: [1, r] }), (r: unknown) => ({ min: [r, 1] }), (r: unknown) => r, (r: unknown) => ({ map: [{ merge: [r, r] }, { cat: [{ var: '' }, 'y'] }] })];
// Per-item logic that is large without many operations, over a 100,000-item data list and long data texts.
const wideData = { l: range(100_000), s: 'ab'.repeat(500_000), a: 'b', deep: (() => { const d: Record<string, unknown> = {}; d.a = d; return d; })() };
const wide: unknown[] = [
  { reduce: [{ var: 'l' }, [acc, ...Array<number>(1_990).fill(0)], 0] },
  { map: [{ var: 'l' }, { missing: Array<string>(1_990).fill('zz') }] },
  { map: [{ var: 'l' }, { in: [{ var: 'a' }, { var: 's' }] }] },
  { map: [{ var: 'l' }, { '<': [{ var: 's' }, { var: 's' }] }] },
  { map: [{ var: 'l' }, { '+': [{ var: 's' }, 1] }] },
  { reduce: [{ var: 'l' }, { cat: [{ substr: [acc, 0, 9_000] }, 'x'.repeat(9_000)] }, ''] },
  { map: [{ var: 'l' }, { '==': [{ var: Array<string>(1_900).fill('a').join('.') }, 1] }] },
];
/** CPU time since `t` in ms: on a shared machine, what one evaluation costs, without waiting for a core. */
const cpuMs = (t: NodeJS.CpuUsage) => { const u = process.cpuUsage(t); return (u.user + u.system) / 1000; };
const gc = (globalThis as { gc: () => void }).gc;
const results: [number, number, string][] = [];
for (const n of (process.argv[2] ? process.argv[2].split(',').map(Number) : [10, 14, 15, 16, 17, 18, 20, 24, 30, 40, 200, 16384])) for (const [bi, b] of bodies.entries()) for (const [si, s] of starts.entries()) for (const [wi, w] of wraps.entries()) {
  const rule = w({ reduce: [range(n), b, s] });
  try { evaluate(rule, {}); } catch { /* warm */ }
  gc();
  let peak = 0;
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    gc();
    const h0 = process.memoryUsage().heapUsed;
    const t = process.cpuUsage();
    try { const v = evaluate(rule, {}); peak = Math.max(peak, process.memoryUsage().heapUsed - h0); void v; } catch { peak = Math.max(peak, process.memoryUsage().heapUsed - h0); }
    times.push(cpuMs(t));
  }
  times.sort((a, b) => a - b);
  results.push([times[1]!, peak, `n=${n} body=${bi} start=${si} wrap=${wi}`]);
}
for (const [i, rule] of wide.entries()) {
  const data = i === 6 ? { l: Array<unknown>(100_000).fill(wideData.deep) } : wideData;
  try { evaluate(rule, data); } catch { /* warm */ }
  gc();
  let peak = 0;
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    gc();
    const h0 = process.memoryUsage().heapUsed;
    const t = process.cpuUsage();
    try { evaluate(rule, data); } catch { /* budget */ }
    peak = Math.max(peak, process.memoryUsage().heapUsed - h0);
    times.push(cpuMs(t));
  }
  times.sort((a, b) => a - b);
  results.push([times[1]!, peak, `wide=${i}`]);
}
results.sort((a, b) => b[0] - a[0]);
for (const r of results.slice(0, 6)) console.log(r[0].toFixed(1), 'ms', (r[1] / 1e6).toFixed(1), 'MB', r[2]);
console.log('largest heap growth:');
for (const r of [...results].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(r[0].toFixed(1), 'ms', (r[1] / 1e6).toFixed(1), 'MB', r[2]);
console.log('max heap', (Math.max(...results.map((r) => r[1])) / 1e6).toFixed(1), 'MB');
