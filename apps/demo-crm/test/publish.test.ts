import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankFlow } from '@crm/designer';
import type { Flow } from '@crm/flow-runtime';
import { actorFor } from '../src/runtime/actors';
import { catalog } from '../src/runtime/definitions';
import { publishChange, submitDraft } from '../src/runtime/changes';
import { applyFlowImport, createFlowDraft, draftFromPublished, knownFlows, planFlowImport } from '../src/runtime/publish';
import { openRuntime, type DemoRuntime } from '../src/runtime/runtime';
import { startableFlows, startFlowCase } from '../src/runtime/start';

let rt: DemoRuntime;
const admin = actorFor('admin');
const keyUser = actorFor('sales-manager');
const note = { en: 'A test change', zh: '测试变更' };

/** A draft through change control: submitted by a key user, approved and published by the admin. */
async function publishDraft(rt: DemoRuntime, input: { flowId: string; flow: Flow }) {
  const outcome = await submitDraft(rt, { ...input, actor: keyUser, note });
  if (!outcome.submitted) return { published: false, reason: outcome.reason };
  const { version } = outcome.record;
  await rt.changes.approve(input.flowId, version, { actor: admin });
  await publishChange(rt, input.flowId, version, { actor: admin });
  return { published: true, version };
}
const versions = async (flowId: string) => (await rt.engine.definitions()).filter((d) => d.flowId === flowId).map((d) => d.version).sort((a, b) => a - b);

/** A new flow a sales rep may start: start → end in the sales lane. */
function warrantyClaim(): Flow {
  const flow = blankFlow({ name: { en: 'Warranty claim', zh: '保修索赔' }, departments: ['sales', 'service'], taken: [], catalog });
  const start = flow.nodes.find((n) => n.kind === 'start')!;
  Object.assign(start, { roles: ['sales-rep'] });
  flow.edges.push({ id: 'start-end', source: 'start', target: 'end' });
  return flow;
}

beforeAll(async () => {
  rt = await openRuntime('en', { dbName: 'publish-test', fresh: true });
});
afterAll(() => rt.close());

describe('drafts and publishing through change control (one place, versions are the product’s)', () => {
  it('a new flow is a draft at v1 and is published as v1, whatever version the flow object says', async () => {
    const draft = await createFlowDraft(rt, { ...warrantyClaim(), version: 5 }, 'zhang.min');
    expect(draft).toMatchObject({ flowId: 'warranty-claim', baseVersion: 0, flow: { version: 1 } });
    await expect(createFlowDraft(rt, warrantyClaim(), 'zhang.min')).rejects.toThrow(/'warranty-claim' already exists/);
    const outcome = await publishDraft(rt, { flowId: 'warranty-claim', flow: { ...draft.flow, version: 7 } });
    expect(outcome).toEqual({ published: true, version: 1 });
    expect(await versions('warranty-claim')).toEqual([1]);
    expect(await rt.db.drafts.get('warranty-claim')).toBeUndefined();
  });

  it('publishes under the draft’s flow id, never another flow’s, at the next version', async () => {
    const draft = await draftFromPublished(rt, 'credit-limit-review', 'zhang.min');
    expect(draft.flow.version).toBe(2);
    const renamed: Flow = { ...draft.flow, id: 'warranty-claim-2', version: 9, description: { en: 'v2' } };
    expect(await publishDraft(rt, { flowId: 'credit-limit-review', flow: renamed })).toEqual({ published: true, version: 2 });
    expect(await versions('credit-limit-review')).toEqual([1, 2]);
    expect(await versions('warranty-claim-2')).toEqual([]);
  });

  it('refuses a draft identical to a published version', async () => {
    const draft = await draftFromPublished(rt, 'quotation', 'zhang.min');
    expect(await publishDraft(rt, { flowId: 'quotation', flow: draft.flow })).toEqual({ published: false, reason: 'unchanged' });
    expect(await versions('quotation')).toEqual([1]);
  });

  it('an import becomes the next draft of its flow (the file version ignored), or a new flow at v1', async () => {
    const published = await rt.engine.definition('warranty-claim');
    const plan = await planFlowImport(rt, { ...published, version: 7 });
    expect(plan).toMatchObject({ kind: 'new-draft', fileVersion: 7, flow: { version: 2 } });
    const draft = await applyFlowImport(rt, plan, 'zhang.min');
    expect(draft).toMatchObject({ flowId: 'warranty-claim', baseVersion: 1, flow: { version: 2 } });
    const again = await planFlowImport(rt, { ...published, version: 1 });
    expect(again).toMatchObject({ kind: 'replace-draft', target: { draft: { version: 2, updatedBy: 'zhang.min' } } });
    const fresh = await planFlowImport(rt, { ...published, id: 'return-desk', version: 4 });
    expect(fresh).toMatchObject({ kind: 'new-flow', flow: { version: 1 } });
    expect((await knownFlows(rt)).find((k) => k.flowId === 'warranty-claim')).toMatchObject({ latest: 1, draft: { version: 2 } });
  });

  it('Start a case lists every deployed flow the role may start, a published new one too, and starts it', async () => {
    const rep = (await startableFlows(rt.engine, 'sales-rep')).map((f) => f.id);
    expect(rep).toContain('warranty-claim');
    expect(rep).toContain('new-order');
    expect(rep).not.toContain('complaint-handling');
    const service = (await startableFlows(rt.engine, 'service')).map((f) => f.id);
    expect(service).toContain('complaint-handling');
    expect(service).not.toContain('warranty-claim');
    const started = await startFlowCase({ db: rt.db, engine: rt.engine, now: rt.clock.now(), role: 'sales-rep' }, 'warranty-claim');
    expect((await rt.engine.instance(started.instanceId)).version).toBe(1);
    await expect(startFlowCase({ db: rt.db, engine: rt.engine, now: rt.clock.now(), role: 'service' }, 'warranty-claim')).rejects.toThrow(/sales-rep/);
  });
});
