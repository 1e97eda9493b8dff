// `pnpm bench`: runs every suite and writes bench/results.json.
// Usage: pnpm bench [suite-name-filter]
// Each suite runs in a process of its own, so no suite's figures depend on what the suites before it
// left in the heap: run after the Dexie suite in one process (fake-indexeddb's databases still held),
// the engine's warm ratio against XState read 2.7-2.8×, alone 3.15-3.7× (2026-12-06, quiet machine);
// both sides of every comparison still run interleaved in the same process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, writeResults, type BenchResult, type BenchSuite } from './harness.js';

const dir = fileURLToPath(new URL('./suites/', import.meta.url));
const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--suite') {
  // A child: run one suite, hand its figures back through a file.
  const [, , , file, out] = process.argv;
  const mod = (await import(`./suites/${file!}`)) as { default: BenchSuite };
  writeFileSync(out!, JSON.stringify(await mod.default()));
} else {
  const filter = process.argv[2];
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && (!filter || f.includes(filter))).sort();
  const scratch = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  const all: BenchResult[] = [];
  try {
    for (const file of files) {
      console.error(`running ${file}…`);
      const out = join(scratch, `${file}.json`);
      // The same node and loader flags (tsx) as this process.
      const child = spawnSync(process.execPath, [...process.execArgv, self, '--suite', file, out], { stdio: 'inherit' });
      if (child.status !== 0) throw new Error(`bench suite ${file} failed (exit ${child.status ?? child.signal})`);
      all.push(...(JSON.parse(readFileSync(out, 'utf8')) as BenchResult[]));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  printTable(all);
  writeResults(all);
  console.log(`\nwrote ${all.length} figures to bench/results.json`);
}
