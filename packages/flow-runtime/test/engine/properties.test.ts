// Property tests: random valid flows, random command sequences (some of them
// concurrent), and the engine's invariants checked on the resulting log.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/apply.js';
import { mandatoryDominators } from '../../src/engine/dominators.js';
import { createEngine } from '../../src/engine/engine.js';
import { isEngineError } from '../../src/engine/errors.js';
import type { Engine, FlowEvent, InstanceState } from '../../src/engine/types.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { ACTORS, blockArb, buildFlow, stepArb, type BuiltFlow, type Step } from './random-flows.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

/** Runs a command; a refusal must be an EngineError, anything else is a crash. */
async function attempt(p: Promise<unknown>): Promise<boolean> {
  try {
    await p;
    return true;
  } catch (e) {
    if (!isEngineError(e)) throw e;
    return false;
  }
}

function openTasks(s: InstanceState) {
  return Object.values(s.tasks)
    .filter((t) => t.status === 'open')
    .sort((a, b) => a.taskId.localeCompare(b.taskId, 'en', { numeric: true }));
}

async function runSteps(engine: Engine, id: string, steps: Step[]): Promise<void> {
  for (const step of steps) {
    const state = await engine.instance(id);
    if (step.kind === 'update') {
      await attempt(engine.updateData(id, { actor: ACTORS[step.actor]!, data: { [`v${step.field}`]: step.value } }));
      continue;
    }
    const open = openTasks(state);
    if (!open.length) return;
    const task = open[step.pick % open.length]!;
    const data = { [`v${step.field}`]: step.value };
    if (!step.concurrent) {
      await attempt(engine.complete(id, task.taskId, { actor: ACTORS[step.actor]!, data }));
      continue;
    }
    // two people at once: on the same task, or on two different ones
    const other = open[(step.pick + 1) % open.length]!;
    await Promise.all([
      attempt(engine.complete(id, task.taskId, { actor: ACTORS[step.actor]!, data })),
      attempt(engine.complete(id, other.taskId, { actor: ACTORS[step.actor2]!, data: {} })),
    ]);
  }
}

/** Completes whatever is open with a permitted actor until the instance ends. */
async function drain(engine: Engine, id: string, built: BuiltFlow): Promise<InstanceState> {
  for (let i = 0; i < 500; i++) {
    const state = await engine.instance(id);
    const open = openTasks(state);
    if (state.status !== 'active' || !open.length) return state;
    const task = open[0]!;
    const roles = built.tasks.get(task.nodeId)!.roles;
    const actor = ACTORS.find((a) => a.roles.some((r) => roles.includes(r)))!;
    await engine.complete(id, task.taskId, { actor });
  }
  throw new Error('did not end');
}

function checkLog(built: BuiltFlow, events: FlowEvent[], live: InstanceState): void {
  // one event per seq, none lost or doubled
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  // replay equals the live state
  expect(replay(events)).toEqual(live);

  const taskIds = [...built.tasks.keys()];
  const startId = built.flow.nodes.find((n) => n.kind === 'start')!.id;
  const dominators = mandatoryDominators(built.flow, startId, new Set(taskIds));
  const completedAt = new Map<string, number>();
  const completedTasks = new Set<string>();
  const opened = new Map<string, { nodeId: string; roles: string[] }>();
  for (const e of events) {
    if (e.type === 'task.opened') {
      // no task opens before the tasks on every path to it are done
      for (const d of dominators.get(e.nodeId) ?? []) expect(completedAt.has(d), `${e.nodeId} opened before ${d}`).toBe(true);
      opened.set(e.taskId, { nodeId: e.nodeId, roles: e.roles });
    }
    if (e.type === 'task.completed') {
      expect(completedTasks.has(e.taskId), `task ${e.taskId} completed twice`).toBe(false);
      completedTasks.add(e.taskId);
      completedAt.set(e.nodeId, e.seq);
      const roles = built.tasks.get(e.nodeId)!.roles;
      expect(e.actor!.roles.some((r) => roles.includes(r))).toBe(true);
    }
    if (e.type === 'data.changed' && (e.cause === 'task' || e.cause === 'update')) {
      // only permitted actors write, and only fields they may edit in a step open to them
      const open = [...opened.entries()].filter(([t]) => !completedTasks.has(t) || t === e.taskId).map(([, v]) => v);
      const allowed = open.filter((t) => e.actor!.roles.some((r) => t.roles.includes(r))).map((t) => built.tasks.get(t.nodeId)!.field);
      for (const c of e.changes) expect(allowed).toContain(c.path);
    }
    if (e.type === 'token.joined') {
      // joins wait for every branch: every task opened inside the block is done
      for (const t of built.joins.get(e.nodeId) ?? []) {
        const wasOpened = [...opened.values()].some((o) => o.nodeId === t);
        if (wasOpened) expect(completedAt.has(t), `join ${e.nodeId} fired before ${t}`).toBe(true);
      }
    }
  }
  if (live.status === 'completed') {
    // every completed path passed its mandatory (indeed all unconditional) steps
    for (const t of built.unconditional) expect(completedAt.has(t), `finished without ${t}`).toBe(true);
    for (const t of built.mandatory) if (built.unconditional.has(t)) expect(completedAt.has(t)).toBe(true);
  }
}

describe('engine properties over random flows and commands', () => {
  it('replay, order, permissions, joins, mandatory steps and concurrency hold', async () => {
    await fc.assert(
      fc.asyncProperty(blockArb, fc.array(stepArb, { maxLength: 25 }), async (root, steps) => {
        const built = buildFlow(root);
        let n = 0;
        const engine = createEngine({ store: createMemoryStore(), clock: { now: () => 1_000 }, ids: () => `i${++n}` });
        await engine.deploy(built.flow, { actor: DEPLOYER });
        const { instance } = await engine.start('random', { actor: ACTORS[0]! });
        await runSteps(engine, instance.instanceId, steps);
        checkLog(built, await engine.events(instance.instanceId), await engine.instance(instance.instanceId));
        const end = await drain(engine, instance.instanceId, built);
        expect(end.status).toBe('completed');
        checkLog(built, await engine.events(instance.instanceId), end);
      }),
      { numRuns: 150 },
    );
  });

  it('two engines on one store racing on every command never lose or duplicate an event', async () => {
    await fc.assert(
      fc.asyncProperty(blockArb, fc.array(stepArb, { maxLength: 15 }), async (root, steps) => {
        const built = buildFlow(root);
        const store = createMemoryStore();
        let n = 0;
        const a = createEngine({ store, ids: () => `i${++n}` });
        const b = createEngine({ store });
        await a.deploy(built.flow, { actor: DEPLOYER });
        const { instance } = await a.start('random', { actor: ACTORS[0]! });
        const id = instance.instanceId;
        for (const step of steps) {
          if (step.kind !== 'complete') continue;
          const open = openTasks(await a.instance(id));
          if (!open.length) break;
          const task = open[step.pick % open.length]!;
          await b.instance(id);
          const results = await Promise.all([
            attempt(a.complete(id, task.taskId, { actor: ACTORS[step.actor]!, data: { [`v${step.field}`]: step.value } })),
            attempt(b.complete(id, task.taskId, { actor: ACTORS[step.actor2]! })),
          ]);
          const events = await a.events(id);
          const completions = events.filter((e) => e.type === 'task.completed' && e.taskId === task.taskId);
          // at most one of them completed it, and a success is always in the log
          expect(completions.length).toBeLessThanOrEqual(1);
          if (results.some(Boolean)) expect(completions.length + events.filter((e) => e.type === 'data.changed').length).toBeGreaterThan(0);
        }
        checkLog(built, await a.events(id), await b.instance(id));
      }),
      { numRuns: 100 },
    );
  });
});
