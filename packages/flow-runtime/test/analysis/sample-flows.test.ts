import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogOrThrow, parseFlowOrThrow, type Flow } from '../../src/index.js';
import { lintFlow, validate } from '../../src/analysis-entry.js';
import { EXAMPLES_DIR } from '../paths.js';

const catalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')));
const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json') && f !== 'catalog.json');
const flows = files.map((f) => parseFlowOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}${f}`, 'utf8')), catalog));
const registry = new Map<string, Flow[]>();
for (const f of flows) registry.set(f.id, [...(registry.get(f.id) ?? []), f]);

describe('the sample flows', () => {
  it('are all there', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(flows.map((f) => [f.id, f] as const))('%s lints with no errors and no warnings', (_id, f) => {
    const { diagnostics, metrics } = validate(f, catalog, { flows: registry });
    expect(diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.severity} ${d.rule}: ${d.message}`)).toEqual([]);
    expect(metrics.longestPath).toBeGreaterThan(0);
  });

  it.each(flows.map((f) => [f.id, f] as const))('%s as written (lintFlow, format included) has no finding in English or Chinese', (id, f) => {
    const definition = JSON.parse(readFileSync(`${EXAMPLES_DIR}${id}.json`, 'utf8')) as unknown;
    for (const locale of ['en', 'zh'] as const) {
      const r = lintFlow(definition, catalog, { flows: registry, locale });
      expect(r.ok).toBe(true);
      expect(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.severity} ${d.rule}: ${d.message}`)).toEqual([]);
    }
    expect(f.id).toBe(id);
  });
});
