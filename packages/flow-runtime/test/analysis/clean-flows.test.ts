// Clean but tricky flows: shapes a linter easily gets wrong. Each must lint
// with no error in English and in Chinese, and the engine (with its deploy
// check) must deploy it: lint and the engine agree that it is sound.
import { describe, expect, it } from 'vitest';
import { createEngine, createMemoryStore } from '../../src/index.js';
import { lintFlow } from '../../src/analysis-entry.js';
import { catalog } from './fixtures/catalog.js';
import { cleanFlows as cases } from './fixtures/clean-flows.js';

const ADMIN = { id: 'admin', name: 'Admin', roles: ['admin'] };

describe('clean tricky flows lint with no errors', () => {
  it('there are at least fifteen', () => expect(cases.length).toBeGreaterThanOrEqual(15));
  it.each(cases)('%s', async (_name, f, flows) => {
    for (const locale of ['en', 'zh'] as const) {
      const { diagnostics } = lintFlow(f, catalog, { ...(flows ? { flows } : {}), locale });
      expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
    }
    const engine = createEngine({ store: createMemoryStore(), catalog });
    for (const [, versions] of flows ?? []) for (const child of versions) await engine.deploy(child, { actor: ADMIN });
    await expect(engine.deploy(f, { actor: ADMIN })).resolves.toBeDefined();
  });
});
