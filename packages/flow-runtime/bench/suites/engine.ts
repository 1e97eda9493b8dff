// engine.instances_per_s, engine.ratio_vs_xstate, engine.ratio_vs_bpmn_engine:
// start → task → decision → end, run to completion, on the memory store; the
// same process in XState v5 and in bpmn-engine, measured in this process and
// run, interleaved round by round so a busy machine affects all alike.
import { EventEmitter } from 'node:events';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { assign, createActor, setup } from 'xstate';
import { createEngine } from '../../src/engine/engine.js';
import type { Actor } from '../../src/engine/types.js';
import type { Flow } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import { median, type BenchResult } from '../harness.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

/** The process: a person enters an amount; big orders and small orders end differently. */
export const BENCH_FLOW: Flow = {
  id: 'bench-order',
  version: 1,
  name: { en: 'Bench order' },
  data: { amount: { type: 'number' } },
  nodes: [
    { id: 'start', kind: 'start', name: { en: 'Start' } },
    { id: 'enter', kind: 'task', name: { en: 'Enter order' }, roles: ['sales-rep'], fields: ['amount'], required: ['amount'] },
    { id: 'bigq', kind: 'decision', name: { en: 'Big order?' } },
    { id: 'big', kind: 'end', name: { en: 'Big' }, outcome: 'big' },
    { id: 'small', kind: 'end', name: { en: 'Small' }, outcome: 'small' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'enter' },
    { id: 'e2', source: 'enter', target: 'bigq' },
    { id: 'e3', source: 'bigq', target: 'big', guard: { '>': [{ var: 'amount' }, 100] } },
    { id: 'e4', source: 'bigq', target: 'small', default: true },
  ],
};

const actor: Actor = { id: 'sam', roles: ['sales-rep'] };

/**
 * Our engine as a host runs it: default ids (random UUIDs) and clock, one
 * memory store that keeps every instance's log for the whole run, the case
 * started by one call and its task completed by the next (the engine's state
 * cache is warm between them, as an XState actor kept in memory is).
 */
function oursRunner(): () => Promise<void> {
  const engine = createEngine({ store: createMemoryStore() });
  const ready = engine.deploy(BENCH_FLOW, { actor: DEPLOYER }).then(() => undefined);
  let count = 0;
  return async () => {
    await ready;
    const { instance } = await engine.start('bench-order', { actor });
    const taskId = Object.keys(instance.tasks)[0]!;
    const done = await engine.complete(instance.instanceId, taskId, { actor, data: { amount: ++count % 200 } });
    if (done.instance.status !== 'completed') throw new Error('bench instance did not complete');
  };
}

/**
 * Cold: the task is completed by a second engine over the same store (another
 * server, or this one after a restart), which rebuilds the case from its stored
 * log, as XState restores an actor from its persisted snapshot.
 */
function oursColdRunner(): () => Promise<void> {
  const store = createMemoryStore();
  const a = createEngine({ store });
  const b = createEngine({ store });
  const ready = a.deploy(BENCH_FLOW, { actor: DEPLOYER }).then(() => undefined);
  let count = 0;
  return async () => {
    await ready;
    const { instance } = await a.start('bench-order', { actor });
    const taskId = Object.keys(instance.tasks)[0]!;
    const done = await b.complete(instance.instanceId, taskId, { actor, data: { amount: ++count % 200 } });
    if (done.instance.status !== 'completed') throw new Error('bench instance did not complete');
  };
}

export const benchMachine = setup({
  types: { context: {} as { amount: number }, events: {} as { type: 'COMPLETE'; amount: number } },
  guards: { big: ({ context }) => context.amount > 100 },
}).createMachine({
  id: 'bench-order',
  initial: 'enter',
  context: { amount: 0 },
  states: {
    enter: { on: { COMPLETE: { target: 'decide', actions: assign({ amount: ({ event }) => event.amount }) } } },
    decide: { always: [{ guard: 'big', target: 'big' }, { target: 'small' }] },
    big: { type: 'final' },
    small: { type: 'final' },
  },
});

/**
 * XState warm, doing what our warm side does: the actor started by one call is
 * kept in memory until the next call completes it, and what is left of each
 * case (its persisted snapshot) stays in a store that grows through the run.
 */
function xstateWarmRunner(): () => Promise<void> {
  let count = 0;
  const live = new Map<string, ReturnType<typeof createActor<typeof benchMachine>>>();
  const stored = new Map<string, unknown>();
  return async () => {
    const id = globalThis.crypto.randomUUID();
    const a = createActor(benchMachine);
    a.start();
    live.set(id, a);
    stored.set(id, a.getPersistedSnapshot());
    const b = live.get(id)!;
    b.send({ type: 'COMPLETE', amount: ++count % 200 });
    if (b.getSnapshot().status !== 'done') throw new Error('xstate did not finish');
    stored.set(id, b.getPersistedSnapshot());
    live.delete(id);
    b.stop();
  };
}

/** XState cold: the snapshot persisted after start is restored to complete the task; the store (a Map of snapshots, as our memory store is a Map of logs) grows. */
function xstateColdRunner(): () => Promise<void> {
  let count = 0;
  const saved = new Map<string, unknown>();
  return async () => {
    const id = globalThis.crypto.randomUUID();
    const a = createActor(benchMachine);
    a.start();
    saved.set(id, a.getPersistedSnapshot());
    a.stop();
    const b = createActor(benchMachine, { snapshot: saved.get(id) as never });
    b.start();
    b.send({ type: 'COMPLETE', amount: ++count % 200 });
    if (b.getSnapshot().status !== 'done') throw new Error('xstate did not finish');
    saved.set(id, b.getPersistedSnapshot());
    b.stop();
  };
}

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <process id="benchOrder" isExecutable="true">
    <startEvent id="start" />
    <userTask id="enter" />
    <exclusiveGateway id="bigq" default="e4" />
    <endEvent id="big" />
    <endEvent id="small" />
    <sequenceFlow id="e1" sourceRef="start" targetRef="enter" />
    <sequenceFlow id="e2" sourceRef="enter" targetRef="bigq" />
    <sequenceFlow id="e3" sourceRef="bigq" targetRef="big">
      <conditionExpression xsi:type="tFormalExpression" language="javascript">next(null, environment.variables.amount &gt; 100);</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="e4" sourceRef="bigq" targetRef="small" />
  </process>
</definitions>`;

async function bpmnRunner(): Promise<() => Promise<void>> {
  // Parse the XML once, as a server would; each instance starts from the serialized context.
  const parser = new BpmnEngine({ source: BPMN }) as unknown as { _serializeSource(s: string): Promise<unknown> };
  const sourceContext = await parser._serializeSource(BPMN);
  let count = 0;
  return async () => {
    const amount = ++count % 200;
    const engine = new BpmnEngine({ sourceContext, variables: { amount } } as ConstructorParameters<typeof BpmnEngine>[0]);
    const listener = new EventEmitter();
    listener.once('wait', (api: { signal(x?: unknown): void }) => api.signal());
    const ended = engine.waitFor('end');
    await engine.execute({ listener });
    await ended;
  };
}

/** Runs `fn` for about `ms` of process CPU time; returns operations per CPU second. */
async function cpuRate(fn: () => Promise<void>, ms: number, batch = 25): Promise<number> {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let n = 0;
  const start = cpu();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) await fn();
    n += batch;
    now = cpu();
  }
  return (n * 1000) / (now - start);
}

/**
 * Ours against a reference in many short alternating slices; the ratio is the
 * median of the ratios of neighbouring slices. Rates are per second of process
 * CPU time (GC threads included), so bursts of other load on a shared machine
 * skew neither side.
 */
async function interleavedAsync(ours: () => Promise<void>, reference: () => Promise<void>, rounds = 21, ms = 80): Promise<{ ours: number; reference: number; ratio: number }> {
  await cpuRate(ours, 200);
  await cpuRate(reference, 200);
  const a: number[] = [];
  const b: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which side goes first, so neither always runs after the other's garbage.
    const first = i % 2 === 0;
    const x1 = first ? await cpuRate(ours, ms) : 0;
    const y = await cpuRate(reference, ms);
    const x = first ? x1 : await cpuRate(ours, ms);
    a.push(x);
    b.push(y);
    r.push(x / y);
  }
  return { ours: median(a), reference: median(b), ratio: median(r) };
}

export default async function engineBench(): Promise<BenchResult[]> {
  const warm = await interleavedAsync(oursRunner(), xstateWarmRunner());
  const cold = await interleavedAsync(oursColdRunner(), xstateColdRunner());
  const vsB = await interleavedAsync(oursRunner(), await bpmnRunner(), 7, 150);
  return [
    { name: 'engine.instances_per_s', value: warm.ours, unit: 'instances/s' },
    { name: 'engine.xstate_instances_per_s', value: warm.reference, unit: 'instances/s' },
    { name: 'engine.ratio_vs_xstate', value: warm.ratio, unit: 'x', ratio: warm.ratio, against: 'XState v5, same process, both warm (our state cache vs a live actor), default ids and clock, stores growing', target: '≥ 3' },
    { name: 'engine.cold_instances_per_s', value: cold.ours, unit: 'instances/s' },
    { name: 'engine.xstate_cold_instances_per_s', value: cold.reference, unit: 'instances/s' },
    { name: 'engine.ratio_vs_xstate_cold', value: cold.ratio, unit: 'x', ratio: cold.ratio, against: 'XState v5, both rebuilding from what they stored (our event log vs its persisted snapshot, both kept as objects in a Map), stores growing' },
    { name: 'engine.bpmn_engine_instances_per_s', value: vsB.reference, unit: 'instances/s' },
    { name: 'engine.ratio_vs_bpmn_engine', value: vsB.ratio, unit: 'x', ratio: vsB.ratio, against: 'bpmn-engine 25 (same process)' },
  ];
}
