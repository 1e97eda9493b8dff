// Clean but tricky flows: shapes a linter easily gets wrong. Each must lint
// with no error (and, where said, no warning either).
import { describe, expect, it } from 'vitest';
import { lintFlow } from '../../src/analysis-entry.js';
import { catalog } from './fixtures/catalog.js';
import { cleanFlows as cases } from './fixtures/clean-flows.js';

describe('clean tricky flows lint with no errors', () => {
  it('there are at least ten', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  it.each(cases)('%s', (_name, f, flows) => {
    const { diagnostics } = lintFlow(f, catalog, flows ? { flows } : {});
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
  });
});
