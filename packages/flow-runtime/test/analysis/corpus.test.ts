// The flawed-flow corpus: each file breaks one thing, and the linter must
// flag it once, with the expected rule or format code (named before `--` in
// the file name), and say nothing else that is an error: one flaw, one finding.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Flow, parseCatalogOrThrow } from '../../src/index.js';
import { lintFlow } from '../../src/analysis-entry.js';
import { EXAMPLES_DIR, PACKAGE_DIR } from '../paths.js';
import { build, cases } from './corpus/make-corpus.js';

const CORPUS = `${PACKAGE_DIR}test/analysis/corpus/`;
const catalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')));
const registry = new Map<string, Flow[]>();
for (const file of readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json') && f !== 'catalog.json')) {
  const f = Flow.parse(JSON.parse(readFileSync(`${EXAMPLES_DIR}${file}`, 'utf8')));
  registry.set(f.id, [f]);
}
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort();

describe('the flawed-flow corpus', () => {
  it('has at least 45 flawed flows covering at least 30 rules', () => {
    expect(files.length).toBeGreaterThanOrEqual(45);
    expect(new Set(files.map((f) => f.split('--')[0])).size).toBeGreaterThanOrEqual(30);
  });

  it.each(files)('%s', (file) => {
    const expected = file.split('--')[0]!;
    // Drafts as written: the shape is right, references may be broken — lint reads them as `crm-flow lint` does.
    const { diagnostics } = lintFlow(JSON.parse(readFileSync(`${CORPUS}${file}`, 'utf8')), catalog, { flows: registry });
    const intended = diagnostics.filter((d) => d.rule === expected);
    expect(intended.map((d) => d.message), `${expected} should flag ${file} exactly once`).toHaveLength(1);
    const others = diagnostics.filter((d) => d !== intended[0] && d.severity === 'error').map((d) => `${d.rule}: ${d.message}`);
    expect(others, `the one flaw of ${file} gives one finding`).toEqual([]);
  });

  it('every file is recorded in make-corpus.ts, and the recorded edit of today\'s sample flow still makes the same one flaw', () => {
    const made = cases.map(build);
    expect(made.map((m) => m.file).sort()).toEqual(files);
    for (const { file, flow } of made) {
      const expected = file.split('--')[0]!;
      const errors = lintFlow(flow, catalog, { flows: registry }).diagnostics.filter((d) => d.severity === 'error' || d.rule === expected);
      expect(errors.map((d) => d.rule), `${file} (regenerate with: npx tsx test/analysis/corpus/make-corpus.ts)`).toEqual([expected]);
    }
  });
});
