// The flawed-flow corpus: each file breaks one thing, and the linter must
// flag it with the expected rule (named before `--` in the file name) and
// with no error from any other rule.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Flow, parseCatalogOrThrow, validate } from '../../src/index.js';
import { EXAMPLES_DIR, PACKAGE_DIR } from '../paths.js';

const CORPUS = `${PACKAGE_DIR}test/analysis/corpus/`;
const catalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')));
const registry = new Map<string, Flow[]>();
for (const file of readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json') && f !== 'catalog.json')) {
  const f = Flow.parse(JSON.parse(readFileSync(`${EXAMPLES_DIR}${file}`, 'utf8')));
  registry.set(f.id, [f]);
}
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.json')).sort();

describe('the flawed-flow corpus', () => {
  it('has at least 20 flawed flows covering at least 20 rules', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(new Set(files.map((f) => f.split('--')[0])).size).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s', (file) => {
    const expected = file.split('--')[0]!;
    // Drafts: the shape is right, references may be broken — the linter works on that.
    const flow = Flow.parse(JSON.parse(readFileSync(`${CORPUS}${file}`, 'utf8')));
    const { diagnostics } = validate(flow, catalog, { flows: registry });
    expect(diagnostics.filter((d) => d.rule === expected).length, `${expected} should flag ${file}`).toBeGreaterThan(0);
    expect(diagnostics.filter((d) => d.rule !== expected && d.severity === 'error').map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
  });
});
