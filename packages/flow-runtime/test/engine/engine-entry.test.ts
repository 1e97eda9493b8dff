// The small entry `@crm/flow-runtime/engine`: runs validated flows with the same
// checks while running, refuses what is not shaped like a flow, and bundles
// without the zod schemas (its size is held by `pnpm size` in CI).
import { describe, expect, it } from 'vitest';
import { checkFlowShape, createEngine, createMemoryStore, isEngineError } from '../../src/engine-entry.js';
import type { Actor } from '../../src/engine/types.js';
import { loadCatalog, loadFlow } from '../examples/load-examples.js';
import { bundleSize } from '../../scripts/size.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const catalog = loadCatalog();
const rep: Actor = { id: 'li', roles: ['sales-rep'] };

describe('@crm/flow-runtime/engine', () => {
  it('deploys a validated sample flow and refuses a role the start does not allow', async () => {
    const flow = loadFlow('new-order', catalog);
    const engine = createEngine({ store: createMemoryStore(), catalog });
    await expect(engine.deploy(flow, { actor: DEPLOYER })).resolves.toMatchObject({ flowId: 'new-order', created: true });
    const { instance } = await engine.start('new-order', { actor: rep, hostData: { customer: { id: 'C-1', name: 'Hengtai', status: 'active', creditLimit: 100000, creditUsed: 0 } } });
    expect(instance.status).toBe('active');
    expect(Object.keys(instance.tasks).length).toBeGreaterThan(0);
    const stranger: Actor = { id: 'x', roles: ['warehouse'] };
    await expect(engine.start('new-order', { actor: stranger })).rejects.toSatisfy((e) => isEngineError(e));
  });

  it('refuses input that is not shaped like a flow, naming what is wrong', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    await expect(engine.deploy({ id: 'x', version: 0, nodes: [{ id: 'a', kind: 'teleport' }], edges: [{ id: 'e', source: 'a', target: 'b' }] }, { actor: DEPLOYER })).rejects.toMatchObject({ code: 'INVALID_FLOW' });
    const r = checkFlowShape({ id: 'x', version: 0, nodes: [{ id: 'a', kind: 'teleport' }], edges: [{ id: 'e', source: 'a', target: 'b' }] });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.path).sort()).toEqual(['/edges/0/target', '/nodes/0/kind', '/version']);
    expect(checkFlowShape('nope').problems[0]!.message).toMatch(/JSON object/);
  });

  it('a rule that breaks the policy is refused at deploy even without the full format check', async () => {
    const flow = structuredClone(loadFlow('new-order', catalog)) as { edges: { guard?: unknown }[] };
    const guarded = flow.edges.find((e) => e.guard !== undefined)!;
    guarded.guard = { method: [{ var: 'order' }, 'constructor'] };
    const engine = createEngine({ store: createMemoryStore(), catalog });
    await expect(engine.deploy(flow, { actor: DEPLOYER })).rejects.toSatisfy((e) => isEngineError(e));
  });

  it('leaves the descriptions of the error codes to the root entry', async () => {
    const entry = await import('../../src/engine-entry.js');
    const root = await import('../../src/index.js');
    expect(entry).not.toHaveProperty('ENGINE_ERROR_CODES');
    expect(Object.keys(root.ENGINE_ERROR_CODES)).toContain('INVALID_FLOW');
    expect(entry).not.toHaveProperty('PROBLEM_TEXTS');
    expect(root.PROBLEM_TEXTS).toHaveProperty('problem');
  });

  it('bundles without zod, the schemas or any analysis, smaller than the root entry', async () => {
    const engine = await bundleSize({ entry: 'src/engine-entry.ts' });
    const root = await bundleSize({ entry: 'src/index.ts' });
    const bundled = Object.keys(engine.modules).filter((m) => (engine.modules[m] ?? 0) > 0);
    expect(bundled.filter((m) => m.startsWith('zod/') || m.startsWith('src/analysis/') || m.startsWith('src/sop/') || m.startsWith('src/changes/') || /^src\/schema\/(parse|flow|catalog)/.test(m))).toEqual([]);
    expect(engine.gzipKb).toBeLessThan(root.gzipKb);
  }, 30_000);
});
