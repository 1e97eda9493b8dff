/**
 * The engine facade: loads an instance's events, runs the pure transition,
 * carries out effects on related instances (sub-flows) in the same batch,
 * appends everything atomically with the expected sequence, and tells
 * subscribers.
 */
import { randomId } from './random-id.js';
import { replay } from './apply.js';
import type { CompiledFlow } from './compiled.js';
// An id the store is asked about is text every store keeps (no NUL, no half of a surrogate pair).
import { copyJson, isPlainObject, isStorableText as isId, MAX_REASON, storableText } from './data.js';
import { decideInto, type Command, type Decision } from './decide.js';
import { checkActor } from './actor-check.js';
import { definitionStore, type FlowParser } from './definitions.js';
import { parseFlow } from '../schema/parse-flow.js';
import { isEngineError, refusal, storeFailed, type EngineError } from './errors.js';
import { historyEntry } from './history.js';
import { openTaskRows, summarize } from './projections.js';
import type { DecideContext, Effect } from './run.js';
import { rolesArg, stepArg } from './names.js';
import type { Actor, CommandResult, DataPatch, Engine, EngineListener, EngineOptions, FlowEvent, InstanceState, InstanceSummary, OpenTaskRow, Page, TasksQuery, TaskView } from './types.js';
import { taskView, taskViews } from './views.js';
import type { AppendResult, GetDefinitionRequest, InstanceWrite, StoredDefinition, SyncStoreAccess } from '../stores/types.js';
import { badCursor, decodeInstanceCursor, decodeTaskCursor, encodeInstanceCursor, encodeTaskCursor, page } from './paging.js';

const STATE_CACHE = 5_000;
/** What the id generator is asked for a new instance (one shared object: an id is drawn on every start). */
const INSTANCE_ID = Object.freeze({ kind: 'instance' as const });
/** Instances `tick` asks the store for at a time. */
const DUE_BATCH = 100;
/** How long a tick claims the due instances it fetched, so other workers pick others (wall-clock ms). */
const DUE_LEASE_MS = 30_000;
/** Open-task rows read at a time when filling a page of task views. */
const ROW_BATCH = 200;

type CommitResult = { ok: true } | { ok: false; instanceId: string; actualSeq: number };
const OK: CommitResult = { ok: true };

interface Pending {
  expectedSeq: number;
  state: InstanceState;
  events: FlowEvent[];
}

/**
 * Creates an engine over a store.
 *
 * @example
 * const engine = createEngine({ store: createMemoryStore(), catalog });
 * await engine.deploy(newOrderFlow);
 * const { instance } = await engine.start('new-order', { actor: alice, data: { customer, order } });
 * const [task] = await engine.tasks(instance.instanceId, { actor: alice });
 * await engine.complete(instance.instanceId, task.taskId, { actor: alice, data: { 'order.amount': 12_000 } });
 */
export function createEngine(options: EngineOptions): Engine {
  return createEngineWith(options, parseFlow);
}

/**
 * {@link createEngine} with the definition check passed in, so an entry that
 * runs already-validated flows (`@crm/flow-runtime/engine`) need not bundle
 * the zod schemas. Every other check (rule policy, guards, access, data
 * types) runs as in {@link createEngine}.
 */
export function createEngineWith(options: EngineOptions, parse: FlowParser): Engine {
  const { store, catalog } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const ids = options.ids ?? randomId;
  const newId = () => ids(INSTANCE_ID);
  const newRecordId = (record: { variable: string; entity?: string }) => ids({ kind: 'record', ...record });
  const adminRoles = options.adminRoles ?? ['admin'];
  /** Privileged commands need an actor holding an admin role; a system actor without one is refused too. */
  const requireAdmin = (actor: Actor | undefined, what: string): void => {
    const args = { roles: rolesArg(catalog ? { catalog } : undefined, adminRoles), what: { kind: 'msg' as const, key: `admin.${what}` } };
    checkActor(actor);
    if (!actor) throw refusal('NOT_PERMITTED', 'NOT_PERMITTED.adminNoActor', args, { roles: [...adminRoles] });
    if (!actor.roles.some((r) => adminRoles.includes(r))) throw refusal('NOT_PERMITTED', 'NOT_PERMITTED.admin', { ...args, actor: actor.name ?? actor.id }, { roles: [...adminRoles] });
  };
  // Only the store's own synchronous access: a wrapper that copied the memory store's methods and
  // replaced some (a spread, a proxy) is used through its Promise methods, so its replacements run.
  const syncAccess = store.sync?.store === store ? store.sync : undefined;
  const defs = definitionStore(store, catalog, clock, parse, options.deployCheck, options.rules);
  const listeners = new Set<EngineListener>();

  /**
   * Recent running instances' states, at most {@link STATE_CACHE} (least recently used out); ended
   * ones are rebuilt from the log when asked for. The state written last is kept beside the Map and
   * moves into it only when another instance is written: a case is most often written again right
   * after (a task done as soon as it opens), and a Map whose one entry comes and goes allocates a new
   * table on nearly every write (≈220 B per case started and completed).
   */
  const states = new Map<string, InstanceState>();
  let lastId: string | undefined;
  let last: InstanceState | undefined;
  const cachedState = (instanceId: string): InstanceState | undefined => (instanceId === lastId ? last : states.get(instanceId));
  const forget = (instanceId: string) => {
    if (instanceId === lastId) lastId = last = undefined;
    else states.delete(instanceId);
  };
  const remember = (s: InstanceState) => {
    const id = s.instanceId;
    const running = s.status !== 'completed' && s.status !== 'cancelled';
    if (id === lastId) {
      if (running) last = s;
      else lastId = last = undefined;
      return;
    }
    states.delete(id);
    if (!running) return;
    if (lastId !== undefined) {
      states.set(lastId, last!);
      if (states.size >= STATE_CACHE) {
        // The least recently used eighth in one pass: a Map keeps deleted entries in its table until
        // it is rebuilt, and dropping one per new case through `keys().next()` walked past all of them
        // from the start (≈6 µs per case once the cache was full).
        let drop = STATE_CACHE >> 3;
        for (const key of states.keys()) {
          if (drop-- === 0) break;
          states.delete(key);
        }
      }
    }
    lastId = id;
    last = s;
  };

  async function loadState(instanceId: string): Promise<InstanceState> {
    if (!isId(instanceId)) throw refusal('UNKNOWN_INSTANCE', 'UNKNOWN_INSTANCE.id', { instanceId: String(instanceId) });
    const cached = cachedState(instanceId);
    let events: FlowEvent[];
    try {
      events = await store.load({ instanceId, afterSeq: cached?.seq ?? 0 });
    } catch (e) {
      throw storeFailed(e);
    }
    const state = replay(events, cached);
    if (!state) throw refusal('UNKNOWN_INSTANCE', 'UNKNOWN_INSTANCE.id', { instanceId }, { instanceId });
    if (state !== cached) remember(state);
    return state;
  }

  /**
   * The states of the rows' instances: the store's snapshots (no replay), the
   * log only for instances stored without one.
   */
  async function statesOf(rows: readonly OpenTaskRow[]): Promise<Map<string, InstanceState>> {
    const ids = [...new Set(rows.map((r) => r.instanceId))];
    const out = new Map<string, InstanceState>();
    if (ids.length === 0) return out;
    for (const s of await guard(() => store.states({ instanceIds: ids }))) out.set(s.instanceId, s);
    for (const id of ids) if (!out.has(id)) out.set(id, await loadState(id));
    return out;
  }

  /**
   * The context a decide of this engine is given, with the flow and time of its command. The id
   * source is the host's code, asked for ids while a command is being decided, and may run another
   * command right there (on another flow, the clock moved on): the command under way must go on
   * with its own flow and time. So the one shared context serves a decide begun while none is under
   * way (every command but such a nested one: no object per command), and a decide begun during
   * another gets one of its own ({@link decideAt} tells them apart by `deciding`).
   * `now` starts undefined so V8 keeps it as a pointer, not a boxed double: reading it then allocates
   * nothing, and every event of a command shares the clock's one number (see `STAMPED_AT`); the
   * nested contexts are made at the same place, so every context has the one shape.
   */
  const newContext = (flow: CompiledFlow, now: number): DecideContext => ({ flow, now, newInstanceId: newId, newRecordId, resolveFlow: defs.resolveSync, adminRoles });
  const ctx = newContext(undefined as unknown as CompiledFlow, undefined as unknown as number);
  /** True while a command is being decided (set by {@link decideAt}). */
  let deciding = false;

  /**
   * Decides `command` on `flow` at `now` (into `into` when given, see {@link decideInto}), the shared
   * context set for it unless another decide is under way (then a context of its own).
   */
  function decideAt(into: Decision | undefined, state: InstanceState | undefined, command: Command, flow: CompiledFlow, now: number, actor: Actor | undefined): Decision {
    let c = ctx;
    if (deciding) c = newContext(flow, now);
    else {
      ctx.flow = flow;
      ctx.now = now;
    }
    const outer = deciding;
    deciding = true;
    try {
      return decideInto(into, state, command, c, actor);
    } finally {
      deciding = outer;
    }
  }

  /** Decides effects on other instances into the batch, recursively. */
  async function carryOut(batch: Map<string, Pending>, effects: Effect[], now: number, depth = 0): Promise<void> {
    if (depth > 50) throw refusal('STORE_FAILED', 'STORE_FAILED.nesting');
    for (const effect of effects) {
      let id: string;
      let command: Command;
      let actor: Actor | undefined;
      let flow: CompiledFlow;
      let state: InstanceState | undefined;
      if (effect.kind === 'start-child') {
        id = effect.instanceId;
        command = { type: 'start', instanceId: id, data: effect.data, parent: effect.parent };
        actor = effect.actor;
        flow = await defs.get(effect.flowId, effect.version);
      } else {
        id = effect.kind === 'cancel-child' ? effect.instanceId : effect.parent.instanceId;
        state = batch.get(id)?.state ?? (await loadState(id));
        flow = await defs.get(state.flowId, state.version);
        command =
          effect.kind === 'cancel-child'
            ? { type: 'cancel', reason: effect.reason, byParent: true }
            : effect.kind === 'child-completed'
              ? { type: 'child-completed', tokenId: effect.parent.tokenId, childInstanceId: effect.childInstanceId, ...(effect.outcome ? { outcome: effect.outcome } : {}), data: effect.data }
              : { type: 'child-cancelled', tokenId: effect.parent.tokenId, childInstanceId: effect.childInstanceId, reason: effect.reason };
      }
      await defs.preload(flow);
      const decision = decideAt(undefined, state, command, flow, now, actor);
      add(batch, id, state?.seq ?? 0, decision);
      await carryOut(batch, decision.effects, now, depth + 1);
    }
  }

  function add(batch: Map<string, Pending>, id: string, seq: number, d: Decision): void {
    const p = batch.get(id);
    if (p) {
      p.events.push(...d.events);
      p.state = d.state;
    } else batch.set(id, { expectedSeq: seq, state: d.state, events: d.events });
  }

  /** Appends a batch; false on a sequence conflict. */
  async function commit(batch: Map<string, Pending>): Promise<CommitResult> {
    const writes: InstanceWrite[] = [];
    batch.forEach((p, instanceId) => {
      if (p.events.length) writes.push(write(instanceId, p.expectedSeq, p.events, p.state));
    });
    return writes.length ? appended(await guard(() => store.append({ writes })), writes) : OK;
  }

  /** The one request the synchronous start fills and hands to the store each time (see {@link SyncStoreAccess.getDefinition}). */
  const definitionRequest: GetDefinitionRequest = { flowId: '', version: undefined };
  /**
   * The start and complete commands the synchronous paths fill (no object per command). Nothing of
   * the host's runs between filling one and deciding it; while one is being decided (an id source
   * may run code of the host's), a command begun meanwhile gets an object of its own.
   */
  const starting: StartCommand = { type: 'start', instanceId: '', data: NO_DATA, hostData: undefined };
  const finishing: CompleteCommand = { type: 'complete', taskId: '', data: NO_DATA };
  /** {@link completeCommand} into {@link finishing}: the patch copied first (its getters may run anything), then set. */
  const completing = (taskId: string, data: DataPatch | undefined): Command => {
    const patch = data == null ? NO_DATA : copyJson(data);
    finishing.taskId = taskId;
    finishing.data = patch;
    return finishing;
  };
  /** A command to keep past this call (the full path awaits): a filled one copied out. */
  const own = (c: Command): Command => (c === finishing ? { type: 'complete', taskId: finishing.taskId, data: finishing.data } : c);

  /**
   * The decision the synchronous paths have decide write into (no object per command): its fields are
   * read straight after, before the append, whose listeners may run other commands.
   */
  const scratch: Decision = { state: undefined as unknown as InstanceState, events: NO_EVENTS, effects: [] };
  /** The one request {@link commitOneSync} fills and hands to the store each time (see {@link SyncStoreAccess.append}). */
  const one = {} as InstanceWrite;
  const oneRequest = { writes: [one] };

  /** Appends one instance's decision on a store with synchronous access: no batch, no promise on the way. */
  function commitOneSync(sync: SyncStoreAccess, instanceId: string, expectedSeq: number, state: InstanceState, events: FlowEvent[]): CommitResult {
    if (events.length === 0) return OK;
    one.instanceId = instanceId;
    one.expectedSeq = expectedSeq;
    one.events = events;
    one.summary = summarize(state);
    one.openTasks = openTaskRows(state);
    one.state = state;
    let result: AppendResult;
    try {
      result = sync.append(oneRequest);
    } catch (e) {
      throw storeFailed(e);
    }
    return appended(result, oneRequest.writes);
  }

  function write(instanceId: string, expectedSeq: number, events: FlowEvent[], state: InstanceState): InstanceWrite {
    return { instanceId, expectedSeq, events, summary: summarize(state), openTasks: openTaskRows(state), state };
  }

  /** After an append: the states written cached and subscribers told, or the stale copy dropped. */
  function appended(result: AppendResult, writes: InstanceWrite[]): CommitResult {
    if (!result.ok) {
      forget(result.instanceId);
      return result;
    }
    for (let i = 0; i < writes.length; i++) remember(writes[i]!.state!);
    if (listeners.size) for (const w of writes) notify(w.instanceId, w.events, w.state!);
    return OK;
  }

  function notify(instanceId: string, events: FlowEvent[], instance: InstanceState): void {
    for (const l of listeners) {
      try {
        l({ instanceId, events, instance });
      } catch {
        // One bad listener must not break a command that is already stored.
      }
    }
  }

  function result(batch: Map<string, Pending>, instanceId: string): CommandResult {
    const own = batch.get(instanceId)!;
    const related: FlowEvent[] = [];
    if (batch.size > 1) for (const [id, p] of batch) if (id !== instanceId) related.push(...p.events);
    return { instance: own.state, events: own.events, related };
  }

  /**
   * Runs a command on an existing instance. Without `expectedSeq`, a
   * concurrent change is retried on the fresh state; a retry that finds the
   * task gone reports the conflict.
   */
  async function execute(instanceId: string, command: Command, actor: Actor | undefined, expectedSeq?: number, now = clock.now(), tried?: InstanceState): Promise<CommandResult> {
    // `tried`: the cached state the synchronous path already decided on; this goes on from the store.
    let firstState: InstanceState | undefined = tried;
    for (let attempt = tried ? 1 : 0; ; attempt++) {
      // The first attempt decides on the cached state when there is one: if another writer got
      // there first, the append's sequence check refuses it and the retry reads the store.
      const cached = attempt === 0 ? cachedState(instanceId) : undefined;
      let state = cached && (expectedSeq === undefined || cached.seq === expectedSeq) ? cached : await loadState(instanceId);
      firstState ??= state;
      if (expectedSeq !== undefined && state.seq !== expectedSeq) throw conflict(state, expectedSeq);
      const flow = defs.peek(state.flowId, state.version) ?? (await defs.get(state.flowId, state.version));
      if (flow.subflows) await defs.preload(flow);
      if (command.type === 'migrate' && command.to.subflows) await defs.preload(command.to);
      let decision: Decision;
      try {
        decision = decideAt(undefined, state, command, flow, now, actor);
      } catch (e) {
        // A refusal judged on an unverified cached copy is judged again on the stored log.
        if (state === cached && isEngineError(e)) continue;
        if (attempt > 0 && command.type === 'complete' && isEngineError(e, 'TASK_NOT_OPEN') && firstState.tasks[command.taskId]?.status === 'open') {
          const task = state.tasks[command.taskId];
          const by = task?.completedBy ? { by: task.completedBy.name ?? task.completedBy.id } : {};
          throw refusal('VERSION_CONFLICT', 'VERSION_CONFLICT.completed', { step: stepArg(flow, task?.nodeId ?? command.taskId), ...by }, { instanceId, taskId: command.taskId });
        }
        throw e;
      }
      const batch = new Map<string, Pending>();
      add(batch, instanceId, state.seq, decision);
      await carryOut(batch, decision.effects, now);
      const res = await commit(batch);
      if (res.ok) return result(batch, instanceId);
      if (expectedSeq !== undefined) {
        // Our copy may just have been behind: only a real change since the caller's view is a conflict.
        state = await loadState(instanceId);
        if (state.seq !== expectedSeq) throw conflict(state, expectedSeq);
        continue;
      }
      if (attempt >= 5) throw conflict(state, state.seq, res.actualSeq);
    }
  }

  /**
   * Runs a command on an existing instance. On a store with synchronous
   * access, when the instance's state and definition are cached, it is decided
   * and appended without waiting (the first attempt {@link execute} would
   * make). Anything else goes through {@link execute}: nothing cached,
   * sub-flows, effects on other instances, or a refusal or sequence conflict
   * judged on the cached copy, which the stored log must judge again (told the
   * state already tried).
   */
  function run(instanceId: string, command: CommandMaker, arg: string, data: DataPatch | undefined, actor: Actor | undefined, expectedSeq?: number): Promise<CommandResult> {
    try {
      const c = command === completeCommand && !deciding ? completing(arg, data) : command(arg, data);
      const now = clock.now();
      const sync = syncAccess;
      const state = sync && cachedState(instanceId);
      const flow = state && (expectedSeq === undefined || state.seq === expectedSeq) ? defs.peek(state.flowId, state.version) : undefined;
      // (`flow` is set only when `state` is, and `state` only when `sync` is.)
      if (!flow || flow.subflows) return execute(instanceId, own(c), actor, expectedSeq, now);
      let decided = false;
      try {
        decided = decideAt(scratch, state!, c, flow, now, actor) === scratch;
      } catch (e) {
        if (!isEngineError(e)) throw e;
      }
      const after = scratch.state;
      const events = scratch.events;
      return decided && !scratch.effects.length && commitOneSync(sync!, instanceId, state!.seq, after, events).ok
        ? Promise.resolve({ instance: after, events, related: NO_EVENTS })
        : execute(instanceId, own(c), actor, expectedSeq, now, state);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  function conflict(state: InstanceState, expectedSeq: number, actualSeq = state.seq): EngineError {
    return refusal('VERSION_CONFLICT', 'VERSION_CONFLICT.changed', {}, { instanceId: state.instanceId, expectedSeq, actualSeq });
  }

  type StartOptions = Parameters<Engine['start']>[1];

  /** The command that starts a case (a new id each attempt). */
  function startCommand({ data, hostData }: StartOptions): Command {
    return { type: 'start', instanceId: newId(), data: data == null ? NO_DATA : copyJson(data), hostData: hostData && copyJson(hostData) };
  }

  async function startAsync(flowId: string, options: StartOptions): Promise<CommandResult> {
    const flow = await defs.startable(flowId, options.version);
    if (flow.subflows) await defs.preload(flow);
    const now = clock.now();
    for (let attempt = 0; ; attempt++) {
      const command = startCommand(options) as Extract<Command, { type: 'start' }>;
      const instanceId = command.instanceId;
      const decision = decideAt(undefined, undefined, command, flow, now, options.actor);
      const batch = new Map<string, Pending>();
      add(batch, instanceId, 0, decision);
      await carryOut(batch, decision.effects, now);
      if ((await commit(batch)).ok) return result(batch, instanceId);
      if (attempt >= 2) throw refusal('STORE_FAILED', 'STORE_FAILED.idTaken', { id: instanceId });
    }
  }

  const engine: Engine = {
    async deploy(flow, opts) {
      requireAdmin(opts?.actor, 'deploy');
      return defs.deploy(flow);
    },
    async retire(flowId, version, opts) {
      requireAdmin(opts?.actor, 'retire');
      const reason = typeof opts.reason === 'string' ? opts.reason.trim() : '';
      if (!reason) throw refusal('INVALID_VALUE', 'INVALID_VALUE.retireReason', {});
      const bad = badReason(reason);
      if (bad) throw bad;
      const by = opts.actor;
      return defs.retire(flowId, version, { at: clock.now(), by: { id: by.id, ...(by.name ? { name: by.name } : {}) }, reason });
    },
    definitions: (flowId) => defs.list(flowId),
    definition: async (flowId, version) => (await defs.get(flowId, version)).flow,

    start(flowId, options) {
      // Started with no options at all: no actor, no data (a start that needs either is refused as usual).
      options ??= {} as StartOptions;
      try {
        // The store synchronous and the version compiled: decided and appended without waiting. A
        // retired version takes the full path (its refusal, or the newest version in service).
        const sync = syncAccess;
        let stored: StoredDefinition | undefined;
        if (sync) {
          definitionRequest.flowId = flowId;
          definitionRequest.version = options.version;
          stored = sync.getDefinition(definitionRequest);
        }
        const flow = stored && !stored.retired ? defs.peek(flowId, stored.version) : undefined;
        if (sync && flow && !flow.subflows) {
          let command = starting;
          if (deciding) command = startCommand(options) as StartCommand;
          else {
            // Every value made before the shared command is written (copying may run the caller's getters).
            const instanceId = newId();
            const data = options.data == null ? NO_DATA : copyJson(options.data);
            const hostData = options.hostData && copyJson(options.hostData);
            command.instanceId = instanceId;
            command.data = data;
            command.hostData = hostData;
          }
          const decision = decideAt(scratch, undefined, command, flow, clock.now(), options.actor);
          const after = decision.state;
          const events = decision.events;
          // Effects on other instances (none expected without sub-flows), or the id taken: the full path (nothing was appended).
          if (!decision.effects.length && commitOneSync(sync, command.instanceId, 0, after, events).ok) return Promise.resolve({ instance: after, events, related: NO_EVENTS });
        }
      } catch (e) {
        return Promise.reject(e);
      }
      return startAsync(flowId, options);
    },
    tasks: (async (a: string | TasksQuery, b?: { actor: Actor }): Promise<Page<TaskView>> => {
      const now = clock.now();
      checkActor(typeof a === 'string' ? b?.actor : a?.actor, true);
      if (typeof a === 'string') {
        const state = await loadState(a);
        return taskViews(await defs.get(state.flowId, state.version), state, b!.actor, now);
      }
      const { actor } = a;
      const limit = pageLimit(a.limit);
      const token = a.cursor ?? a.after;
      let after = token === undefined ? undefined : decodeTaskCursor(token);
      const roles = [...actor.roles, '*'];
      const out: TaskView[] = [];
      // Rows come from the store's role index in page order; rows whose view the actor may not
      // see (separation of duties, a role the flow no longer grants) are skipped, so read on until
      // the page is full.
      for (let round = 0; ; round++) {
        // Exactly the page first (the usual case: every row gives a view), larger batches after skips.
        const want = limit === undefined ? undefined : round === 0 ? limit : Math.max(ROW_BATCH, limit - out.length);
        const rows = await guard(() => store.openTasks({ roles, limit: want, after: want === undefined ? undefined : after }));
        const states = await statesOf(rows);
        for (const r of rows) {
          after = r;
          const state = states.get(r.instanceId);
          const task = state?.tasks[r.taskId];
          if (!state || !task) continue;
          const view = taskView(await defs.get(state.flowId, state.version), state, task, actor, now);
          if (!view) continue;
          out.push(view);
          if (limit !== undefined && out.length === limit) return page(out, encodeTaskCursor(r));
        }
        if (want === undefined || rows.length < want) return page(out);
      }
    }) as Engine['tasks'],

    complete: (instanceId, taskId, options) => run(instanceId, completeCommand, taskId, options?.data, options?.actor, options?.expectedSeq),
    updateData: (instanceId, options) => run(instanceId, updateCommand, '', options?.data, options?.actor, options?.expectedSeq),
    cancel(instanceId, opts) {
      if (!opts?.actor) return Promise.reject(refusal('NOT_PERMITTED', 'NOT_PERMITTED.cancelNoActor', {}, { instanceId, roles: [...adminRoles] }));
      const reason = typeof opts.reason === 'string' ? opts.reason.trim() : '';
      if (!reason) return Promise.reject(refusal('INVALID_VALUE', 'INVALID_VALUE.reason', {}, { instanceId }));
      const bad = badReason(reason);
      if (bad) return Promise.reject(bad);
      return run(instanceId, cancelCommand, reason, undefined, opts.actor);
    },

    async migrate(instanceId, toVersion, nodeMap, opts) {
      requireAdmin(opts?.actor, 'migrate');
      const state = await loadState(instanceId);
      const to = await defs.get(state.flowId, toVersion);
      // A node map is an object of step ids (old → new); anything else maps nothing.
      return execute(instanceId, { type: 'migrate', to, nodeMap: isPlainObject(nodeMap) ? { ...nodeMap } : {} }, opts.actor);
    },

    async tick(now = clock.now()) {
      // A time the engine can store and compare: milliseconds within the range a Date holds.
      if (typeof now !== 'number' || !(Math.abs(now) <= 8.64e15)) throw refusal('INVALID_VALUE', 'INVALID_VALUE.time', { value: String(now) });
      const instances: string[] = [];
      const events: FlowEvent[] = [];
      const seen = new Set<string>();
      // Due instances come from the store's next-due index, claimed for a while so that other
      // workers sharing the store take others; firing stays exactly-once through the sequence check.
      for (;;) {
        const due = await guard(() => store.due({ before: now, limit: DUE_BATCH, leaseMs: DUE_LEASE_MS }));
        const fresh = due.filter((s) => !seen.has(s.instanceId));
        if (fresh.length === 0) break;
        for (const s of fresh) {
          seen.add(s.instanceId);
          if (s.status !== 'active' && s.status !== 'incident') continue;
          let r: CommandResult;
          try {
            r = await execute(s.instanceId, { type: 'tick' }, undefined, undefined, now);
          } catch (e) {
            // Another worker keeps changing it: its claim runs out and a later tick takes it.
            if (isEngineError(e, 'VERSION_CONFLICT')) continue;
            throw e;
          }
          if (r.events.length) instances.push(s.instanceId);
          events.push(...r.events, ...r.related);
        }
        if (due.length < DUE_BATCH) break;
      }
      return { instances, events };
    },

    instance: (instanceId) => loadState(instanceId),
    async instances(query = {}) {
      const { flowId, status, parentId } = query;
      const limit = pageLimit(query.limit);
      const token = query.cursor ?? query.after;
      const after = token === undefined ? undefined : decodeInstanceCursor(token);
      // A filter no store keeps (not text, a NUL, half a surrogate pair) matches nothing, on every store.
      if (![flowId, status, parentId].every((f) => f === undefined || isId(f))) return page([]);
      // Filters left undefined are not applied (every store reads them so).
      const rows = await guard(() => store.instances({ flowId, status, parentId, limit: limit === undefined ? undefined : limit + 1, after }));
      if (limit === undefined || rows.length <= limit) return page(rows);
      const items: InstanceSummary[] = rows.slice(0, limit);
      return page(items, encodeInstanceCursor(items[items.length - 1]!));
    },

    feed(query = {}) {
      // The same page sizes and positions on every store: a whole number of at least 1, a position as text.
      let limit: number | undefined;
      try {
        limit = pageLimit(query.limit);
        if (query.after !== undefined && typeof query.after !== 'string') throw badCursor(query.after);
      } catch (e) {
        return Promise.reject(e);
      }
      // A position the store never gave out (malformed, negative, another store's) is the caller's mistake, alike on every store.
      return guard(() => store.feed(limit ? { after: query.after, limit } : query), (e) => (e as Error | null)?.name === 'FeedPositionError' && badCursor(query.after));
    },

    async events(instanceId) {
      const events = isId(instanceId) ? await guard(() => store.load({ instanceId })) : [];
      if (!events.length) throw refusal('UNKNOWN_INSTANCE', 'UNKNOWN_INSTANCE.id', { instanceId: String(instanceId) });
      return events;
    },

    async history(instanceId, options) {
      const events = await engine.events(instanceId);
      const first = events[0]!;
      let version = first.type === 'instance.started' ? first.version : 1;
      const flowId = first.type === 'instance.started' ? first.flowId : '';
      const entries = [];
      // Asked for a language: the reader's zone unless given. Not asked: English, UTC (the stored wording).
      const historyOptions = options && { catalog, ...options };
      for (const e of events) {
        if (e.type === 'instance.migrated') version = e.toVersion;
        const flow = await defs.get(flowId, version).catch(() => undefined);
        entries.push(historyEntry(e, flow, historyOptions));
      }
      return entries;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return engine;
}

/**
 * Builds a command inside {@link run}'s try (a bad patch becomes a rejected promise). Plain
 * functions with their arguments passed along, not a closure made per call.
 */
type CommandMaker = (arg: string, data: DataPatch | undefined) => Command;
type StartCommand = Extract<Command, { type: 'start' }>;
type CompleteCommand = Extract<Command, { type: 'complete' }>;
const completeCommand: CommandMaker = (taskId, data) => ({ type: 'complete', taskId, data: data == null ? NO_DATA : copyJson(data) });
/** What a command on one instance appended to others: nothing (shared, never written). */
const NO_EVENTS: FlowEvent[] = Object.freeze([]) as unknown as FlowEvent[];
/** A command's patch when the caller gave none (shared: commands only read their patch). */
const NO_DATA: DataPatch = Object.freeze({});
const updateCommand: CommandMaker = (_, data) => ({ type: 'update', data: data == null ? NO_DATA : copyJson(data) });
const cancelCommand: CommandMaker = (reason) => ({ type: 'cancel', reason });

/** A page size: a positive whole number, or undefined for everything. */
function pageLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1) throw refusal('INVALID_CURSOR', 'INVALID_CURSOR.limit', { limit: String(limit) });
  // Larger pages than any store can count to (PostgreSQL's LIMIT is a bigint) are read as the largest.
  return Math.min(limit, MAX_PAGE);
}

/** The largest page size handed to a store. */
const MAX_PAGE = 1e9;


/** Store failures become STORE_FAILED (unless `own` names them otherwise); engine errors pass through. */
async function guard<T>(f: () => Promise<T>, own?: (e: unknown) => EngineError | false): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw own?.(e) || storeFailed(e);
  }
}


/** A reason holding text no store keeps alike (NUL, half a surrogate pair; refused on every store, not only on PostgreSQL) or too long to record. */
function badReason(reason: string): EngineError | undefined {
  if (!storableText(reason)) return refusal('INVALID_VALUE', 'INVALID_VALUE.stored', { why: { kind: 'msg', key: 'data.badText' } });
  // Kept in every event that records it (and passed to each sub-flow a cancellation reaches): as long as a retirement reason may be.
  if (reason.length > MAX_REASON) return refusal('INVALID_VALUE', 'INVALID_VALUE.stored', { field: 'reason', why: { kind: 'msg', key: 'data.tooLong', args: { max: MAX_REASON } } });
}
