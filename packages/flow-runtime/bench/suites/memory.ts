// engine.alloc_bytes_per_instance and engine.bytes_per_parked_instance, each
// against XState v5 doing the same work, measured in child processes started
// with a young generation big enough that no GC runs while bytes are counted
// (bench/alloc-probe.ts refuses a round in which one did).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from '../harness.js';

const cwd = fileURLToPath(new URL('../../', import.meta.url));

function probe(what: string): number {
  // Allocation needs a young generation that does not collect while counting; what is kept is measured after full GCs on default settings.
  const young = what.endsWith('alloc') ? ['--max-semi-space-size=512', '--min-semi-space-size=512'] : [];
  const out = execFileSync(process.execPath, ['--expose-gc', ...young, '--import', 'tsx', 'bench/alloc-probe.ts', what], { cwd, encoding: 'utf8' });
  return (JSON.parse(out.trim().split('\n').pop()!) as { bytes: number }).bytes;
}

export default async function memory(): Promise<BenchResult[]> {
  const alloc = probe('ours-alloc');
  const xAlloc = probe('xstate-alloc');
  const parked = probe('ours-parked');
  const xParked = probe('xstate-parked');
  return [
    { name: 'engine.alloc_bytes_per_instance', value: alloc, unit: 'B', ratio: xAlloc / alloc, against: `XState v5 start+complete with its snapshot kept: ${Math.round(xAlloc)} B (ratio: theirs over ours)`, target: '≤ 6,000' },
    { name: 'engine.bytes_per_parked_instance', value: parked, unit: 'B', ratio: xParked / parked, against: `XState v5 persisted snapshot kept per parked case: ${Math.round(xParked)} B (ratio: theirs over ours)`, target: '≤ 1,000' },
  ];
}
