// Shared helpers for `pnpm bench`. Every suite measures its reference in the same
// process and run, so ratios hold on a busy shared machine where absolute times do not.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One figure in bench/results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Our figure divided by (or over) the reference, oriented so that bigger is better unless the name says otherwise. */
  ratio?: number;
  /** What the ratio is against. */
  against?: string;
  /** The target from the issue, for the printed table. */
  target?: string;
}

/** A suite: runs its measurements and returns its figures. */
export type BenchSuite = () => Promise<BenchResult[]>;

/** Root-level bench/results.json. */
export const RESULTS_FILE = fileURLToPath(new URL('../../../bench/results.json', import.meta.url));

/**
 * Runs `fn` repeatedly for about `ms` milliseconds after a warm-up and returns
 * operations per second (median of 5 rounds).
 */
export function opsPerSecond(fn: () => void, { ms = 300, rounds = 5, batch = 100 } = {}): number {
  for (let i = 0; i < batch * 5; i++) fn();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (let i = 0; i < batch; i++) fn();
      n += batch;
      now = performance.now();
    }
    rates.push((n * 1000) / (now - start));
  }
  return median(rates);
}

/** Calls of `fn` per CPU second of this process, over about `ms` of CPU time (batches of 2,000 calls between clock reads). */
function cpuRate(fn: () => void, ms: number): number {
  const start = process.cpuUsage();
  let n = 0;
  let used = 0;
  while (used < ms * 1000) {
    for (let i = 0; i < 2000; i++) fn();
    n += 2000;
    const u = process.cpuUsage(start);
    used = u.user + u.system;
  }
  return (n * 1e6) / used;
}

/**
 * Measures `ours` and `reference` in alternating rounds and returns the
 * median of the per-round ratios. Each side is timed by the CPU time this
 * process used, not the wall clock, so time other processes take on a
 * shared machine counts for neither side; the side that goes first
 * alternates, so neither always runs right after a garbage collection or
 * a compilation the other caused. Rates are calls per CPU second.
 */
export function interleavedRatio(ours: () => void, reference: () => void, { rounds = 11, ms = 150 } = {}): { ours: number; reference: number; ratio: number } {
  // Warm-up: both sides run long enough for the JIT to optimise them (json-logic-engine builds one function per rule).
  cpuRate(ours, ms);
  cpuRate(reference, ms);
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let x: number;
    let y: number;
    if (r % 2 === 0) {
      x = cpuRate(ours, ms);
      y = cpuRate(reference, ms);
    } else {
      y = cpuRate(reference, ms);
      x = cpuRate(ours, ms);
    }
    a.push(x);
    b.push(y);
    ratios.push(x / y);
  }
  return { ours: median(a), reference: median(b), ratio: median(ratios) };
}

/** Same as {@link opsPerSecond} for async work. */
export async function opsPerSecondAsync(fn: () => Promise<void>, { ms = 300, rounds = 5, batch = 10 } = {}): Promise<number> {
  for (let i = 0; i < batch * 3; i++) await fn();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (let i = 0; i < batch; i++) await fn();
      n += batch;
      now = performance.now();
    }
    rates.push((n * 1000) / (now - start));
  }
  return median(rates);
}

/** Median wall time of `fn` in milliseconds over `rounds` runs after one warm-up. */
export function medianMs(fn: () => void, rounds = 5): number {
  fn();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Merges results into bench/results.json by name (so the browser bench and this one can both write it). */
export function writeResults(results: BenchResult[]): void {
  let existing: BenchResult[];
  try {
    existing = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResult[];
  } catch {
    existing = [];
  }
  const byName = new Map(existing.map((r) => [r.name, r]));
  for (const r of results) byName.set(r.name, r);
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  const out = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(RESULTS_FILE, JSON.stringify(out, null, 2) + '\n');
}

/** Prints a table of results. */
export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [r.name, fmt(r.value), r.unit, r.ratio === undefined ? '' : `${fmt(r.ratio)}×`, r.against ?? '', r.target ?? '']);
  const head = ['name', 'value', 'unit', 'ratio', 'against', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function fmt(n: number): string {
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}
