/**
 * The pure core: `decide(state, command, context) → { events, state, effects }`.
 * Refusals throw an {@link EngineError} before anything is kept; everything
 * that happens is an event, folded into the state as it is emitted.
 */
import { constraintViolations, limitsError } from './constraints.js';
import { startEditable } from './start-access.js';
import { checkActor } from './actor-check.js';
import { actingRoles, type TaskBinding } from './access.js';
import { leave, resolveStepRuleIncidents, settle } from './advance.js';
import { checkWrites, missingRequired, requiredError } from './checks.js';
import { checkControls, closedGates } from './controls.js';
import { applyChanges, isPlainObject, normalizePatch } from './data.js';
import { refusal } from './errors.js';
import { cancel, childCancelled, childCompleted, migrate, tick } from './lifecycle.js';
import { flowArg, rolesArg, stepArg } from './names.js';
import { applyInPlace } from './apply.js';
import { withRecordIds, withStartIds } from './record-ids.js';
import { Run, seqId, STAMPED_AT, type DecideContext, type Decision } from './run.js';
import type { CompiledFlow } from './compiled.js';
import type { Actor, ActorRef, DataPatch, FlowEvent, InstanceState, ParentLink, ProcessData } from './types.js';

/** A command to the pure core. */
export type Command =
  | { type: 'start'; instanceId: string; data: DataPatch; hostData?: DataPatch; parent?: ParentLink }
  | { type: 'complete'; taskId: string; data: DataPatch }
  | { type: 'update'; data: DataPatch }
  | { type: 'tick' }
  | { type: 'cancel'; reason: string; byParent?: boolean }
  | { type: 'migrate'; to: CompiledFlow; nodeMap: Record<string, string> }
  | { type: 'child-completed'; tokenId: string; childInstanceId: string; outcome?: string; data: ProcessData }
  | { type: 'child-cancelled'; tokenId: string; childInstanceId: string; reason: string };

export type { Decision } from './run.js';

const refs = new WeakMap<Actor, ActorRef>();
const NO_DATA: ProcessData = Object.freeze({});

/** The actor as recorded in events (one shared copy per actor object while it stays unchanged). */
export function actorRef(actor: Actor): ActorRef {
  const hit = refs.get(actor);
  if (hit && hit.id === actor.id && hit.name === actor.name && hit.system === (actor.system ? true : undefined) && sameRoles(hit.roles, actor.roles)) return hit;
  const ref: ActorRef = { id: actor.id, roles: [...actor.roles], ...(actor.name ? { name: actor.name } : {}), ...(actor.system ? { system: true } : {}) };
  refs.set(actor, ref);
  return ref;
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Decides a command on an instance's state. Pure: the same state, command
 * and context always give the same events.
 */
export function decide(state: InstanceState | undefined, command: Command, ctx: DecideContext, actor?: Actor): Decision {
  return decideInto(undefined, state, command, ctx, actor);
}

/**
 * {@link decide}, its decision written into `into` when given: the engine's one scratch decision,
 * whose fields it reads before anything else runs (no object per command).
 */
export function decideInto(into: Decision | undefined, state: InstanceState | undefined, command: Command, ctx: DecideContext, actor?: Actor): Decision {
  // Completing and changing data need someone doing it; an actor built wrong is no one.
  checkActor(actor, command.type === 'complete' || command.type === 'update');
  const ref = actor ? actorRef(actor) : undefined;
  if (command.type === 'start') return start(command, ctx, actor, ref, into);
  if (!state) throw refusal('UNKNOWN_INSTANCE', 'UNKNOWN_INSTANCE');
  if (state.status === 'completed' || state.status === 'cancelled') {
    if (command.type === 'tick' || command.type === 'child-completed' || command.type === 'child-cancelled') return { state, events: [], effects: [] };
    throw refusal('INSTANCE_ENDED', `INSTANCE_ENDED.${state.status}`, {}, { instanceId: state.instanceId });
  }
  const run = Run.begin(state, ctx, ref);
  try {
    return decideOn(run, command, actor, into);
  } finally {
    run.end();
  }
}

/** Runs a command other than start on its run. */
function decideOn(run: Run, command: Exclude<Command, { type: 'start' }>, actor: Actor | undefined, into: Decision | undefined): Decision {
  switch (command.type) {
    case 'complete':
      complete(run, command.taskId, command.data, actor!);
      break;
    case 'update':
      update(run, command.data, actor!);
      break;
    case 'tick':
      tick(run);
      break;
    case 'cancel':
      cancel(run, command.reason, actor, command.byParent === true);
      break;
    case 'migrate':
      migrate(run, command.to, command.nodeMap, actor);
      break;
    case 'child-completed':
      childCompleted(run, command.tokenId, command.childInstanceId, command.outcome, command.data);
      break;
    case 'child-cancelled':
      childCancelled(run, command.tokenId, command.childInstanceId, command.reason);
      break;
  }
  settle(run);
  return run.done(into);
}

function start(command: Extract<Command, { type: 'start' }>, ctx: DecideContext, actor: Actor | undefined, ref: ActorRef | undefined, into: Decision | undefined): Decision {
  const flow = ctx.flow;
  const roles = flow.start.kind === 'start' ? flow.start.roles : undefined;
  if (!command.parent && roles?.length && !actor?.system && !actor?.roles.some((r) => roles.includes(r))) {
    throw refusal('NOT_PERMITTED', 'NOT_PERMITTED.start', { roles: rolesArg(flow, roles), flow: flowArg(flow) }, { roles: [...roles] });
  }
  // No data at all (a case started from a button): nothing to check or to give ids to; the shared empty data.
  const data = !command.hostData && isEmptyObject(command.data) ? NO_DATA : startData(command, ctx, actor);
  const first: FlowEvent = { type: 'instance.started', instanceId: command.instanceId, seq: 1, at: STAMPED_AT, actor: ref, flowId: flow.id, version: flow.version, data, parent: command.parent };
  first.at = ctx.now;
  const run = Run.begin(applyInPlace(undefined, first), ctx, ref, true);
  try {
    run.record(first);
    checkControls(run);
    const tokenId = seqId('k', run.nextSeq);
    run.push({ type: 'token.moved', instanceId: run.id, seq: run.nextSeq, at: STAMPED_AT, tokenId, from: undefined, to: flow.start.id, edgeId: undefined });
    run.enqueue(tokenId);
    settle(run);
    return run.done(into);
  } finally {
    run.end();
  }
}

/** A case's first data: the start command's data and the host's, checked, with ids for the records that hold fields. */
function startData(command: Extract<Command, { type: 'start' }>, ctx: DecideContext, actor: Actor | undefined): ProcessData {
  const flow = ctx.flow;
  // Start data is a write like any other: a person fills in only what is theirs to enter at the start
  // (the engine's own sub-flow input and a system actor's data are the host's); values the host loaded
  // from its systems (CRM records) come as hostData, checked against the data schema only.
  const trusted = command.parent !== undefined || actor?.system === true;
  const hostChanges = command.hostData ? checkWrites(flow, NO_DATA, normalizePatch(command.hostData, flow.flow.data), { editable: 'any' }) : [];
  const entries = normalizePatch(command.data, flow.flow.data);
  const changes = checkWrites(flow, NO_DATA, entries, trusted ? { editable: 'any' } : { editable: startEditable(flow, actor), start: true });
  // A case started without data shares one empty (frozen) object: data is replaced on a write, never changed in place.
  let data: ProcessData = applyChanges(NO_DATA, hostChanges.length ? [...hostChanges, ...changes] : changes);
  data = withStartIds(flow.flow.data, data, ctx);
  // The limits judge what the starter enters; records the host loaded are the CRM's (a complaint about last
  // month's order keeps that order's ship date), checked against the data schema only.
  const startViolations = changes.length ? constraintViolations(flow, data, trusted ? [] : changes, ctx.now) : [];
  if (startViolations.length) throw limitsError(flow, startViolations, {});
  return data;
}

/** True for a plain object with no members of its own (told without making a list of its keys). */
function isEmptyObject(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) return false;
  return true;
}

function complete(run: Run, taskId: string, patch: DataPatch, actor: Actor): void {
  const state = run.state;
  const flow = run.flow;
  const task = state.tasks[taskId];
  if (!task || task.status !== 'open') {
    if (task?.status === 'completed') {
      const by = task.completedBy ? { by: task.completedBy.name ?? task.completedBy.id } : {};
      throw refusal('TASK_NOT_OPEN', 'TASK_NOT_OPEN.done', { step: stepArg(flow, task.nodeId), ...by }, { ...taskWhere(state, taskId), nodeId: task.nodeId });
    }
    if (task) throw refusal('TASK_NOT_OPEN', 'TASK_NOT_OPEN.closed', { step: stepArg(flow, task.nodeId) }, { ...taskWhere(state, taskId), nodeId: task.nodeId });
    throw refusal('TASK_NOT_OPEN', 'TASK_NOT_OPEN.unknown', { taskId }, taskWhere(state, taskId));
  }
  const binding = flow.tasks.get(task.nodeId);
  if (!binding) throw refusal('TASK_NOT_OPEN', 'TASK_NOT_OPEN.notInVersion', { nodeId: task.nodeId }, { ...taskWhere(state, taskId), nodeId: task.nodeId });
  const roles = mayDo(flow, binding, actor, state, taskId);
  const entries = normalizePatch(patch, flow.flow.data);
  const changes = withRecordIds(run, checkWrites(flow, state.data, entries, { editable: binding.accessFor(roles).editable, binding, instanceId: state.instanceId, taskId }));
  if (changes.length) {
    // The data after the patch, judged by the limits and then folded as is (no second copy).
    const after = applyChanges(state.data, changes);
    const taskViolations = constraintViolations(flow, after, changes, run.now);
    if (taskViolations.length) throw limitsError(flow, taskViolations, taskWhere(state, taskId));
    run.push({ type: 'data.changed', instanceId: run.id, seq: run.nextSeq, at: STAMPED_AT, actor: run.by, cause: 'task', taskId, nodeId: task.nodeId, changes }, after);
  }
  // Gates and required fields are judged on the data after the patch; a closed gate is the more basic refusal.
  if (changes.length) checkControls(run);
  const closed = closedGates(run, task.nodeId);
  if (closed.length) {
    const why = closed.map((g) => ({ kind: 'text' as const, ...g.control.message }));
    throw refusal(
      'GATE_CLOSED',
      'GATE_CLOSED.step',
      { step: stepArg(flow, task.nodeId), why: { kind: 'list', items: why } },
      { ...taskWhere(state, taskId), nodeId: task.nodeId, controlIds: closed.map((g) => g.control.id) },
    );
  }
  const missing = missingRequired(run.state, binding);
  if (missing.length) throw requiredError(flow, binding, missing, { ...taskWhere(state, taskId), nodeId: task.nodeId });
  run.push({ type: 'task.completed', instanceId: run.id, seq: run.nextSeq, at: STAMPED_AT, actor: run.by, taskId, nodeId: task.nodeId });
  // An SLA that could not be computed is no longer a concern once the task is done.
  resolveStepRuleIncidents(run, task.nodeId, 'incident.slaFailed');
  const token = run.state.tokens[task.tokenId];
  const node = flow.nodes.get(task.nodeId)!;
  if (token) leave(run, token, node);
}

/** Where a refusal about a task happened (built only when one is thrown); nothing without a task. */
function taskWhere(state: InstanceState, taskId: string | undefined): { instanceId?: string; taskId?: string } {
  return taskId === undefined ? {} : { instanceId: state.instanceId, taskId };
}

/** Checks that the actor may do the task (`taskId`, named in a refusal) and returns the roles they act in. */
export function mayDo(flow: CompiledFlow, binding: TaskBinding, actor: Actor, state: InstanceState, taskId?: string): readonly string[] {
  const roles = actingRoles(binding, actor);
  const nodeId = binding.node.id;
  if (binding.candidates.length && roles.length === 0) {
    const yours = actor.roles.length ? { yours: rolesArg(flow, actor.roles, 'and') } : {};
    throw refusal('NOT_PERMITTED', 'NOT_PERMITTED.task', { roles: rolesArg(flow, binding.candidates), step: stepArg(flow, nodeId), ...yours }, { ...taskWhere(state, taskId), nodeId, roles: binding.candidates });
  }
  for (const other of binding.node.notSameActorAs ?? []) {
    const by = state.completedBy[other];
    if (by && by.id === actor.id) {
      throw refusal('SAME_ACTOR', 'SAME_ACTOR.step', { step: stepArg(flow, nodeId), other: stepArg(flow, other), by: by.name ?? by.id }, { ...taskWhere(state, taskId), nodeId });
    }
  }
  return roles;
}

function update(run: Run, patch: DataPatch, actor: Actor): void {
  const state = run.state;
  const flow = run.flow;
  const entries = normalizePatch(patch, flow.flow.data);
  let editable: string[] | 'any' = 'any';
  let binding: TaskBinding | undefined;
  if (!actor.system) {
    editable = [];
    const names: string[] = [];
    for (const task of Object.values(state.tasks)) {
      if (task.status !== 'open') continue;
      const b = flow.tasks.get(task.nodeId);
      if (!b) continue;
      try {
        editable.push(...b.accessFor(mayDo(flow, b, actor, state)).editable);
        binding ??= b;
        names.push(b.node.id);
      } catch {
        continue;
      }
    }
    if (names.length === 0) {
      throw refusal('NOT_PERMITTED', 'NOT_PERMITTED.update', {}, { instanceId: state.instanceId });
    }
    if (names.length > 1) binding = undefined;
  }
  const changes = withRecordIds(run, checkWrites(flow, state.data, entries, { editable, ...(binding ? { binding } : {}), instanceId: state.instanceId }));
  const updateViolations = changes.length ? constraintViolations(flow, applyChanges(state.data, changes), changes, run.now) : [];
  if (updateViolations.length) throw limitsError(flow, updateViolations, { instanceId: state.instanceId });
  if (changes.length) run.emit({ type: 'data.changed', cause: 'update', changes }, true);
}
