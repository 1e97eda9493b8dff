// Guarantees of the root entry's engine at deploy (docs/engine.md, "What the
// engine guarantees"): only an administrator deploys, migrates or cancels for
// others; a flow that could skip a mandatory step or get a case stuck is
// refused with every finding in English and Chinese, and nothing is stored.
import { describe, expect, it } from 'vitest';
import { compileFlow, createEngine, createMemoryStore, decide, formatEngineText, isEngineError, type Actor, type EngineError, type Flow } from '../../src/index.js';
import { loadCatalog, loadFlow } from '../examples/load-examples.js';

const catalog = loadCatalog();
const admin: Actor = { id: 'sun.hao', name: 'Sun Hao', roles: ['admin'] };
const rep: Actor = { id: 'li.na', name: 'Li Na', roles: ['sales-rep'] };
const system: Actor = { id: 'crm', roles: [], system: true };

async function refusal(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (e) {
    if (isEngineError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** new-order with a "VIP?" decision that sends level-A customers straight to confirmation, past the mandatory credit check. */
function vipBypass(): Flow {
  const f = structuredClone(loadFlow('new-order', catalog));
  f.nodes.push({ id: 'vip', kind: 'decision', name: { en: 'VIP customer?', zh: 'VIP 客户？' } });
  const into = f.edges.find((e) => e.source === 'submit-order' && e.target === 'credit-check')!;
  into.target = 'vip';
  f.edges.push(
    { id: 'vip-skip', source: 'vip', target: 'confirm-order', guard: { '==': [{ var: 'customer.level' }, 'A'] }, label: { en: 'VIP', zh: 'VIP' } },
    { id: 'vip-check', source: 'vip', target: 'credit-check', default: true, label: { en: 'Others', zh: '其他' } },
  );
  return f;
}

describe('deploy refuses unsafe flows', () => {
  it('a mandatory step some path bypasses: UNSAFE_FLOW naming the step, in en and zh; nothing stored', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    await engine.deploy(loadFlow('credit-limit-review', catalog), { actor: admin });
    const e = await refusal(engine.deploy(vipBypass(), { actor: admin }));
    expect(e.code).toBe('UNSAFE_FLOW');
    const f = e.details.findings!.find((x) => x.rule === 'mandatory-not-bypassed')!;
    expect(f.nodeIds).toContain('credit-check');
    expect(f.message.en).toMatch(/credit/i);
    expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message).toContain(f.message.en);
    expect(await engine.definitions('new-order')).toEqual([]);
    await expect(engine.start('new-order', { actor: rep })).rejects.toMatchObject({ code: 'UNKNOWN_FLOW' });
  });

  it('a sub-flow to a flow that is not deployed is refused at deploy, not found later as an incident', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    const e = await refusal(engine.deploy(loadFlow('new-order', catalog), { actor: admin }));
    expect(e.code).toBe('UNSAFE_FLOW');
    expect(e.details.findings!.map((x) => x.rule)).toContain('subflow-exists');
    // Deployed in order, both go live.
    await engine.deploy(loadFlow('credit-limit-review', catalog), { actor: admin });
    await expect(engine.deploy(loadFlow('new-order', catalog), { actor: admin })).resolves.toMatchObject({ created: true });
  });

  it('a sub-flow pinned to a version that is not deployed is refused', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    await engine.deploy(loadFlow('credit-limit-review', catalog), { actor: admin });
    const f = structuredClone(loadFlow('new-order', catalog));
    const sub = f.nodes.find((n) => n.kind === 'subflow')!;
    if (sub.kind === 'subflow') sub.version = 7;
    const e = await refusal(engine.deploy(f, { actor: admin }));
    expect(e.details.findings!.some((x) => x.rule === 'subflow-exists' && x.message.en.includes('version 7'))).toBe(true);
  });

  it('a decision that can find no branch, a join that waits forever, and a wait that never ends are each refused', async () => {
    const base = (): Flow => ({
      id: 'tiny',
      version: 1,
      name: { en: 'Tiny' },
      data: { amount: { type: 'number' } },
      nodes: [
        { id: 'start', kind: 'start', name: { en: 'Start' } },
        { id: 'enter', kind: 'task', name: { en: 'Enter amount' }, roles: ['sales-rep'], fields: ['amount'] },
        { id: 'big', kind: 'decision', name: { en: 'Big?' } },
        { id: 'yes', kind: 'end', name: { en: 'Big' } },
        { id: 'no', kind: 'end', name: { en: 'Small' } },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'enter' },
        { id: 'b', source: 'enter', target: 'big' },
        { id: 'c', source: 'big', target: 'yes', guard: { '>': [{ var: 'amount' }, 100] } },
        { id: 'd', source: 'big', target: 'no', guard: { '<': [{ var: 'amount' }, 50] } },
      ],
    });
    const engine = createEngine({ store: createMemoryStore(), catalog });
    const gap = await refusal(engine.deploy(base(), { actor: admin }));
    expect(gap.code).toBe('UNSAFE_FLOW');

    const fine = base();
    fine.edges[3] = { id: 'd', source: 'big', target: 'no', default: true };
    await expect(engine.deploy(fine, { actor: admin })).resolves.toMatchObject({ created: true });

    const join = base();
    join.id = 'tiny-join';
    join.nodes.push({ id: 'j', kind: 'join', name: { en: 'Both done' } });
    join.edges = [join.edges[0]!, join.edges[1]!, { id: 'c', source: 'big', target: 'j', guard: { '>': [{ var: 'amount' }, 100] } }, { id: 'd', source: 'big', target: 'j', default: true }, { id: 'e', source: 'j', target: 'yes' }];
    join.nodes = join.nodes.filter((n) => n.id !== 'no');
    const stuck = await refusal(engine.deploy(join, { actor: admin }));
    expect(stuck.code).toBe('UNSAFE_FLOW');
    expect(stuck.details.findings!.map((f) => f.rule)).toContain('join-after-exclusive');

    const wait = base();
    wait.id = 'tiny-wait';
    wait.nodes.push({ id: 'w', kind: 'wait', name: { en: 'Wait' } });
    wait.edges = [wait.edges[0]!, { id: 'b', source: 'enter', target: 'w' }, { id: 'c', source: 'w', target: 'yes' }];
    wait.nodes = wait.nodes.filter((n) => n.id !== 'no' && n.id !== 'big');
    const forever = await refusal(engine.deploy(wait, { actor: admin }));
    expect(forever.code).toBe('UNSAFE_FLOW');
    expect(forever.details.findings!.map((f) => f.rule)).toContain('wait-without-exit');
    expect(gap.details.findings!.map((f) => f.rule)).toContain('uncovered-values');
    expect(await engine.definitions('tiny-join')).toEqual([]);
    expect(await engine.definitions('tiny-wait')).toEqual([]);
  });

  it('a condition on the only way out, a wait whose condition can never hold, a wait on data no step writes, and a gate that never closes are each refused', async () => {
    const tiny = (id: string, nodes: Flow['nodes'], edges: Flow['edges'], extra: Partial<Flow> = {}): Flow => ({
      id,
      version: 1,
      name: { en: 'Tiny' },
      data: { amount: { type: 'number' }, paid: { type: 'boolean' } },
      nodes: [{ id: 'start', kind: 'start', name: { en: 'Start' } }, { id: 'enter', kind: 'task', name: { en: 'Enter amount' }, roles: ['sales-rep'], fields: ['amount'] }, ...nodes, { id: 'done', kind: 'end', name: { en: 'Done' } }],
      edges: [{ id: 'a', source: 'start', target: 'enter' }, ...edges],
      ...extra,
    });
    const engine = createEngine({ store: createMemoryStore(), catalog });
    const rulesOf = async (f: Flow) => {
      const e = await refusal(engine.deploy(f, { actor: admin }));
      expect(e.code).toBe('UNSAFE_FLOW');
      for (const finding of e.details.findings!) expect(finding.message.zh).not.toBe(finding.message.en);
      return e.details.findings!.map((x) => x.rule);
    };
    // Cases with an amount of 100 or less would stop after "Enter amount" (NO_PATH).
    expect(await rulesOf(tiny('only-exit', [], [{ id: 'b', source: 'enter', target: 'done', guard: { '>': [{ var: 'amount' }, 100] } }]))).toEqual(['guard-on-only-exit']);
    const waitOn = (id: string, until: unknown) => tiny(id, [{ id: 'w', kind: 'wait', name: { en: 'Wait for payment' }, until }], [{ id: 'b', source: 'enter', target: 'w' }, { id: 'c', source: 'w', target: 'done' }]);
    expect(await rulesOf(waitOn('never', { and: [{ '>': [{ var: 'amount' }, 5] }, { '<': [{ var: 'amount' }, 3] }] }))).toEqual(['condition-never-true']);
    expect(await rulesOf(waitOn('unwritten', { '==': [{ var: 'paid' }, true] }))).toEqual(['wait-data-never-written']);
    const gate = tiny('open-gate', [], [{ id: 'b', source: 'enter', target: 'done' }], {
      controls: [{ id: 'g', kind: 'gate', name: { en: 'Big amounts wait' }, when: { and: [{ '>': [{ var: 'amount' }, 5] }, { '<': [{ var: 'amount' }, 3] }] }, message: { en: 'Held' }, blocks: ['done'] }],
    });
    expect(await rulesOf(gate)).toEqual(['condition-never-true']);
    for (const id of ['only-exit', 'never', 'unwritten', 'open-gate']) expect(await engine.definitions(id)).toEqual([]);

    // The same flows, fixed, deploy: a default exit, a possible condition, data a step writes.
    await expect(engine.deploy(tiny('only-exit', [], [{ id: 'b', source: 'enter', target: 'done' }]), { actor: admin })).resolves.toMatchObject({ created: true });
    await expect(engine.deploy(waitOn('never', { '>': [{ var: 'amount' }, 5] }), { actor: admin })).resolves.toMatchObject({ created: true });
    const written = waitOn('unwritten', { '==': [{ var: 'paid' }, true] });
    (written.nodes[1] as { fields: string[] }).fields = ['amount', 'paid'];
    await expect(engine.deploy(written, { actor: admin })).resolves.toMatchObject({ created: true });
  });

  it('the refusal lists every finding, and renders in Chinese from its code and details', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    // Both holes at once: the credit-limit sub-flow is not deployed, and VIPs bypass the credit check.
    const e = await refusal(engine.deploy(vipBypass(), { actor: admin }));
    const rules = e.details.findings!.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['mandatory-not-bypassed', 'subflow-exists']));
    const zh = formatEngineText(e.code, e.details, { locale: 'zh' });
    expect(zh).toMatch(new RegExp(`^流程“new-order”第 1 版未部署：有 ${rules.length} 个问题`));
    for (const f of e.details.findings!) {
      expect(zh).toContain(f.message.zh);
      expect(e.message).toContain(f.message.en);
    }
  });

  it('every sample flow deploys (in dependency order)', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    for (const id of ['credit-limit-review', 'new-customer-approval', 'new-order', 'prepaid-order', 'sample-order', 'rework-order', 'quotation', 'complaint-handling', 'lead-to-order']) {
      await expect(engine.deploy(loadFlow(id, catalog), { actor: admin }), id).resolves.toMatchObject({ created: true });
    }
  });
});

describe('an override recorded in the definition', () => {
  const override = { by: 'Sun Hao (IT)', reason: 'Credit check system is down until Monday; the sales director signed off.', rules: ['mandatory-not-bypassed'] };

  it('deploys despite the accepted rule, says which findings it accepted, and every case shows it in its history', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    await engine.deploy(loadFlow('credit-limit-review', catalog), { actor: admin });
    const flow = { ...vipBypass(), deployOverride: override };
    const res = await engine.deploy(flow, { actor: admin });
    expect(res.created).toBe(true);
    expect(res.accepted!.map((f) => f.rule)).toEqual(['mandatory-not-bypassed']);
    expect((await engine.definitions('new-order'))[0]!.deployOverride).toEqual(override);
    const { instance } = await engine.start('new-order', { actor: rep, hostData: { customer: { id: 'C-1', name: 'Hengtai', status: 'active', creditLimit: 100000, creditUsed: 0 } } });
    const [started] = await engine.history(instance.instanceId);
    expect(started!.summary).toContain('deployed although the deploy check refused it (mandatory-not-bypassed); accepted by Sun Hao (IT): Credit check system is down');
    const [zh] = await engine.history(instance.instanceId, { locale: 'zh' });
    expect(zh!.summary).toContain('此版本在部署检查未通过（mandatory-not-bypassed）的情况下仍被部署；由Sun Hao (IT)决定');
  });

  it('lets through only the rules it names', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    // The sub-flow is not deployed: that finding is not accepted.
    const e = await refusal(engine.deploy({ ...vipBypass(), deployOverride: override }, { actor: admin }));
    expect(e.code).toBe('UNSAFE_FLOW');
    expect(e.details.findings!.map((f) => f.rule)).toEqual(['subflow-exists']);
  });

  it('needs who and why', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    await engine.deploy(loadFlow('credit-limit-review', catalog), { actor: admin });
    const e = await refusal(engine.deploy({ ...vipBypass(), deployOverride: { by: 'Sun Hao', reason: ' ', rules: ['mandatory-not-bypassed'] } }, { actor: admin }));
    expect(e.code).toBe('INVALID_FLOW');
  });
});

describe('privileged commands need an authorised actor', () => {
  it('deploy without an actor, or by a non-admin (a system actor included), is refused', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    const flow = loadFlow('credit-limit-review', catalog);
    expect((await refusal((engine.deploy as (f: unknown, o?: unknown) => Promise<unknown>)(flow))).code).toBe('NOT_PERMITTED');
    expect((await refusal(engine.deploy(flow, { actor: rep }))).code).toBe('NOT_PERMITTED');
    expect((await refusal(engine.deploy(flow, { actor: system }))).code).toBe('NOT_PERMITTED');
    expect(await engine.definitions()).toEqual([]);
  });

  it('migrate without an actor or by a non-admin is refused; an admin may', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    const v1 = loadFlow('credit-limit-review', catalog);
    await engine.deploy(v1, { actor: admin });
    await engine.deploy({ ...structuredClone(v1), version: 2 }, { actor: admin });
    const starter = (v1.nodes.find((n) => n.kind === 'start') as { roles?: string[] }).roles ?? [];
    const who: Actor = { id: 'x', roles: starter.length ? [starter[0]!] : ['sales-rep'] };
    const { instance } = await engine.start('credit-limit-review', { actor: who, version: 1 });
    const migrate = engine.migrate as (id: string, v: number, m?: unknown, o?: unknown) => Promise<unknown>;
    expect((await refusal(migrate(instance.instanceId, 2))).code).toBe('NOT_PERMITTED');
    expect((await refusal(engine.migrate(instance.instanceId, 2, {}, { actor: rep }))).code).toBe('NOT_PERMITTED');
    await expect(engine.migrate(instance.instanceId, 2, {}, { actor: admin })).resolves.toMatchObject({ instance: { version: 2 } });
  });

  it('cancel needs an actor and a reason; the starter or an admin may, others not', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    await engine.deploy(loadFlow('credit-limit-review', catalog), { actor: admin });
    await engine.deploy(loadFlow('new-order', catalog), { actor: admin });
    const { instance } = await engine.start('new-order', { actor: rep, hostData: { customer: { id: 'C-1', name: 'Hengtai', status: 'active', creditLimit: 100000, creditUsed: 0 } } });
    const cancel = engine.cancel as (id: string, o?: unknown) => Promise<unknown>;
    expect((await refusal(cancel(instance.instanceId))).code).toBe('NOT_PERMITTED');
    expect((await refusal(engine.cancel(instance.instanceId, { actor: rep, reason: '  ' }))).code).toBe('INVALID_VALUE');
    expect((await refusal(engine.cancel(instance.instanceId, { actor: { id: 'other', roles: ['sales-rep'] }, reason: 'mistake' }))).code).toBe('NOT_PERMITTED');
    // A system actor is no exception: without an admin role it did not start the case.
    expect((await refusal(engine.cancel(instance.instanceId, { actor: system, reason: 'cleanup' }))).code).toBe('NOT_PERMITTED');
    const done = await engine.cancel(instance.instanceId, { actor: rep, reason: 'Entered by mistake' });
    expect(done.instance.status).toBe('cancelled');
  });

  it('the pure core refuses the same: cancel and migrate without an actor or the role', async () => {
    const engine = createEngine({ store: createMemoryStore(), catalog });
    await engine.deploy(loadFlow('credit-limit-review', catalog), { actor: admin });
    const { instance } = await engine.start('credit-limit-review', { actor: { id: 'x', roles: ['sales-rep', 'sales-manager', 'finance'] } });
    const flow = compileFlow(loadFlow('credit-limit-review', catalog), catalog);
    const ctx = { flow, now: 0, newInstanceId: () => 'n', resolveFlow: () => undefined, adminRoles: ['admin'] };
    expect(() => decide(instance, { type: 'cancel', reason: 'x' }, ctx)).toThrow(expect.objectContaining({ code: 'NOT_PERMITTED' }));
    expect(() => decide(instance, { type: 'migrate', to: flow, nodeMap: {} }, ctx, system)).toThrow(expect.objectContaining({ code: 'NOT_PERMITTED' }));
    expect(() => decide(instance, { type: 'migrate', to: flow, nodeMap: {} }, ctx)).toThrow(expect.objectContaining({ code: 'NOT_PERMITTED' }));
  });
});
