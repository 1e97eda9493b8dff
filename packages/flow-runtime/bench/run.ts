// `pnpm bench`: runs every suite in one process and writes bench/results.json.
// Usage: pnpm bench [suite-name-filter]
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printTable, writeResults, type BenchResult, type BenchSuite } from './harness.js';

const filter = process.argv[2];
const dir = fileURLToPath(new URL('./suites/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && (!filter || f.includes(filter))).sort();
const all: BenchResult[] = [];
for (const file of files) {
  const mod = (await import(`./suites/${file}`)) as { default: BenchSuite };
  console.error(`running ${file}…`);
  all.push(...(await mod.default()));
}
printTable(all);
writeResults(all);
console.log(`\nwrote ${all.length} figures to bench/results.json`);
