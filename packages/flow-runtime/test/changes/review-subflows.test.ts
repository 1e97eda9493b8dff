// A review pack runs the flow's saved scenarios through the sub-flows it
// calls, as deployed: the complaint flow's rework branch starts the
// rework-order sub-flow, and the pack must say the scenarios pass on the new
// version, not fail for want of the sub-flow.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChangeControl } from '../../src/changes/control.js';
import { createEngine } from '../../src/index.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import type { Catalog } from '../../src/schema/catalog.js';
import type { Flow } from '../../src/schema/flow.js';
import type { Scenario } from '../../src/analysis/simulate/types.js';
import { EXAMPLES_DIR } from '../paths.js';

const read = <T>(name: string) => JSON.parse(readFileSync(`${EXAMPLES_DIR}${name}`, 'utf8')) as T;
const catalog = read<Catalog>('catalog.json');
const complaints = read<Flow>('complaint-handling.json');
const rework = read<Flow>('rework-order.json');
const scenarios = read<Scenario[]>('scenarios/complaint-handling.scenarios.json');
const admin = { id: 'sun', name: 'Sun Hao', roles: ['admin'] };
const keyUser = { id: 'zhang', name: 'Zhang Min', roles: ['key-user'] };

describe('review pack with sub-flows', () => {
  it('runs the saved scenarios through the deployed sub-flows: all pass on the SLA change, with full path coverage', async () => {
    let now = Date.UTC(2026, 10, 22, 9);
    const clock = { now: () => now };
    const store = createMemoryStore();
    const engine = createEngine({ store, catalog, clock });
    await engine.deploy(rework, { actor: admin });
    await engine.deploy(complaints, { actor: admin });
    const changes = createChangeControl({ engine, store, catalog, clock, adminRoles: ['admin'], authorRoles: ['key-user'] });
    // SLA 24 h → 8 h on the investigation, as the key user drafts it
    const v2: Flow = structuredClone({ ...complaints, version: 2 });
    const investigate = v2.nodes.find((n) => n.id === 'investigate')!;
    if (investigate.kind !== 'task' || !investigate.sla) throw new Error('the sample changed: investigate has no SLA');
    investigate.sla = { ...investigate.sla, hours: 8 };
    await changes.draft(v2, { actor: keyUser });
    await changes.submit(v2.id, 2, { actor: keyUser, note: { en: 'Investigate within one working day', zh: '一个工作日内完成调查' } });
    now += 3_600_000;
    const pack = await changes.reviewPack(v2.id, 2, { actor: admin, scenarios });
    expect(pack.scenarios!.results.filter((r) => !r.ok).map((r) => r.scenario)).toEqual([]);
    expect(pack.scenarios).toMatchObject({ passed: scenarios.length, failed: 0 });
    expect(pack.scenarios!.coverage.covered).toBe(pack.scenarios!.coverage.total);
    expect(pack.lint.errors).toBe(0);
    // and the approval's check sees the sub-flow too: the admin approves
    await expect(changes.approve(v2.id, 2, { actor: admin })).resolves.toMatchObject({ stage: 'approved' });
  });
});
