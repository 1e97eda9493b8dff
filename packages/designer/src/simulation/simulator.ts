import { createEngine, createMemoryStore, type Actor, type Catalog, type DataPatch, type Engine, type Flow, type FlowEvent, type InstanceState, type LocalizedText } from '@crm/flow-runtime';
import { personId, type SimulationScenario } from './types.js';

/** Where a simulation stands. */
export interface SimulationState {
  instance: InstanceState;
  /** Every event of the simulated instance so far. */
  events: FlowEvent[];
  /** True when no step is open and the instance ended (or is stuck). */
  finished: boolean;
}

const SYSTEM: Actor = { id: 'simulation', roles: [], name: 'Simulation', system: true };
/** The simulator deploys into its own throwaway engine, as that engine's administrator. */
const SIMULATOR: Actor = { id: 'simulation', roles: ['admin'], name: 'Simulation' };
const HOUR = 3_600_000;

/**
 * Runs a flow on the real engine (memory store, simulated clock) with a
 * scenario's data and choices, one step at a time: each {@link Simulator.step}
 * completes the next open task as the scenario's user for its role, or lets a
 * wait receive its data or its timer fire.
 */
export class Simulator {
  private visits = new Map<string, number>();
  /** What was entered at each step, visit by visit, and who acted in each role: the run as a scenario. */
  private recorded: Record<string, DataPatch[]> = {};
  private users: Record<string, string | LocalizedText> = {};
  private now = Date.UTC(2026, 10, 23, 9);

  private constructor(
    private readonly engine: Engine,
    private readonly flow: Flow,
    private readonly scenario: SimulationScenario,
    private state: SimulationState,
  ) {}

  /** Deploys the flow (and the flows its sub-flow steps call) and starts an instance with the scenario's data. */
  static async start(flow: Flow, catalog: Catalog, scenario: SimulationScenario, others: readonly Flow[] = []): Promise<Simulator> {
    let clock = Date.UTC(2026, 10, 23, 9);
    let n = 0;
    const engine = createEngine({ store: createMemoryStore(), catalog, clock: { now: () => clock }, ids: () => `sim-${++n}` });
    for (const other of others) if (other.id !== flow.id) await engine.deploy(other, { actor: SIMULATOR }).catch(() => undefined);
    await engine.deploy(flow, { actor: SIMULATOR });
    const startNode = flow.nodes.find((x) => x.kind === 'start');
    const starter = Simulator.actorFor(scenario, startNode?.kind === 'start' ? (startNode.roles ?? []) : []);
    // A scenario's data is what the CRM holds when the case starts (records, flags): the host's data.
    const r = await engine.start(flow.id, { actor: starter, hostData: scenario.data ?? {} });
    const sim = new Simulator(engine, flow, scenario, { instance: r.instance, events: r.events, finished: false });
    if (starter.roles[0]) sim.users[starter.roles[0]] = scenario.actors?.[starter.roles[0]] ?? starter.name ?? starter.id;
    sim.advanceClock = (ms) => (clock += ms);
    await sim.refresh();
    return sim;
  }

  private advanceClock: (ms: number) => void = () => undefined;

  /** The user acting in one of `roles`: the first role the scenario names a user for. */
  static actorFor(scenario: SimulationScenario, roles: readonly string[]): Actor {
    const role = roles.find((r) => scenario.actors?.[r]) ?? roles[0];
    if (!role) return { id: 'anyone', roles: [], name: 'Anyone' };
    // The engine records the person's id; the trace names them in the reader's language (scenarioPeople).
    const person = scenario.actors?.[role];
    const name = person !== undefined ? personId(person) : `${role} user`;
    return { id: name, roles: [role], name };
  }

  get current(): SimulationState {
    return this.state;
  }

  private choice(nodeId: string): DataPatch | undefined {
    const c = this.scenario.choices?.[nodeId];
    const visit = this.visits.get(nodeId) ?? 0;
    this.visits.set(nodeId, visit + 1);
    if (Array.isArray(c)) return c[Math.min(visit, c.length - 1)];
    return c;
  }

  private async refresh(): Promise<void> {
    const id = this.state.instance.instanceId;
    const instance = await this.engine.instance(id);
    const events = await this.engine.events(id);
    const open = Object.values(instance.tasks).some((t) => t.status === 'open');
    const finished = instance.status === 'completed' || instance.status === 'cancelled' || (!open && Object.keys(instance.tokens).length === 0);
    this.state = { instance, events, finished };
  }

  /**
   * Takes one step: completes the next open task with the scenario's choice
   * for it, or, when only waits remain, feeds the wait its data or fires its
   * timer. Refusals (a gate, a missing field) reject with the engine's error.
   */
  async step(): Promise<SimulationState> {
    const { instance } = this.state;
    if (this.state.finished) return this.state;
    const task = Object.values(instance.tasks).find((t) => t.status === 'open');
    if (task) {
      const actor = Simulator.actorFor(this.scenario, task.roles);
      const data = this.choice(task.nodeId);
      this.advanceClock(HOUR);
      await this.engine.complete(instance.instanceId, task.taskId, { actor, ...(data ? { data } : {}), expectedSeq: instance.seq });
      this.remember(task.nodeId, data ?? {}, actor);
    } else {
      const waiting = Object.values(instance.tokens).find((t) => t.waiting === 'wait');
      const data = waiting ? this.choice(waiting.nodeId) : undefined;
      if (waiting && data && (this.visits.get(waiting.nodeId) ?? 0) <= 1) {
        await this.engine.updateData(instance.instanceId, { actor: SYSTEM, data });
        this.remember(waiting.nodeId, data);
      } else {
        // Nothing to do by hand: let time pass until the next timer.
        this.advanceClock(24 * HOUR * 31);
        await this.engine.tick();
      }
    }
    await this.refresh();
    return this.state;
  }

  /** The open task a person would do next (the first, when branches run in parallel). */
  get openTask(): { taskId: string; nodeId: string; roles: string[] } | undefined {
    const t = Object.values(this.state.instance.tasks).find((x) => x.status === 'open');
    return t ? { taskId: t.taskId, nodeId: t.nodeId, roles: [...t.roles] } : undefined;
  }

  /**
   * Completes the open task with what the user entered in its form, acting
   * in `role` (one of the task's roles). Refusals (a field the role may not
   * edit, a required field left empty, a gate) reject with the engine's error
   * and leave the task open.
   */
  async completeWith(data: DataPatch, role?: string): Promise<SimulationState> {
    const task = this.openTask;
    if (!task) throw new Error('No step is open: there is nothing to complete.');
    const roles = role ? [role] : task.roles;
    const actor = Simulator.actorFor(this.scenario, roles);
    this.advanceClock(HOUR);
    await this.engine.complete(this.state.instance.instanceId, task.taskId, { actor, data, expectedSeq: this.state.instance.seq });
    this.visits.set(task.nodeId, (this.visits.get(task.nodeId) ?? 0) + 1);
    this.remember(task.nodeId, data, actor);
    await this.refresh();
    return this.state;
  }

  private remember(nodeId: string, data: DataPatch, actor?: Actor): void {
    (this.recorded[nodeId] ??= []).push(data);
    const role = actor?.roles[0];
    if (role && !this.users[role]) this.users[role] = this.scenario.actors?.[role] ?? actor.name ?? actor.id;
  }

  /**
   * The run so far as a scenario in the examples/flows/scenarios format: the
   * start data, what was entered at each step (a list when a step was done
   * more than once), the users per role, and — once it ended — the path
   * walked and the outcome it should reach again when replayed.
   */
  toScenario(name: LocalizedText): SimulationScenario & { actors: Record<string, string | LocalizedText>; expect?: { path?: string[]; outcome?: string } } {
    const choices: Record<string, DataPatch | DataPatch[]> = {};
    for (const [node, patches] of Object.entries(this.recorded)) {
      const useful = patches.some((p) => Object.keys(p).length > 0);
      if (!useful) continue;
      choices[node] = patches.length === 1 ? patches[0]! : patches;
    }
    const path: string[] = [];
    for (const e of this.state.events) {
      if (e.type === 'instance.started') {
        const start = this.flow.nodes.find((n) => n.kind === 'start');
        if (start) path.push(start.id);
      } else if (e.type === 'token.moved') path.push(e.to);
      else if (e.type === 'token.split') for (const b of e.branches) path.push(b.to);
    }
    const done = this.state.instance.status === 'completed';
    // Parallel branches interleave by timing: only a sequential run has one path to expect.
    const sequential = !this.state.events.some((e) => e.type === 'token.split');
    return {
      name,
      data: structuredClone(this.scenario.data ?? {}),
      choices,
      actors: { ...(this.scenario.actors ?? {}), ...this.users },
      ...(done ? { expect: { ...(sequential ? { path } : {}), ...(this.state.instance.outcome ? { outcome: this.state.instance.outcome } : {}) } } : {}),
    };
  }

  /** Steps until the instance ends, gets stuck, or `max` steps were taken. */
  async run(max = 200): Promise<SimulationState> {
    for (let i = 0; i < max && !this.state.finished; i++) {
      const before = this.state.instance.seq;
      await this.step();
      if (this.state.instance.seq === before) break;
    }
    return this.state;
  }

  /** The flow being simulated. */
  get definition(): Flow {
    return this.flow;
  }
}
