/**
 * Moving tokens: each token runs through automatic nodes until it rests at
 * a person's task, a wait, a join, a sub-flow, a closed gate or an end.
 * A path that cannot go on becomes an incident on the instance, never a throw.
 */
import { LogicError } from '../logic/budget.js';
import { truthy } from '../logic/truthy.js';
import type { FlowEdge, FlowNode } from '../schema/flow.js';
import type { CompiledEdge } from './compiled.js';
import { checkControls, closedGates, recheckResting } from './controls.js';
import { engineWriteProblems } from './constraints.js';
import { checkWrites } from './checks.js';
import { copyJson, diff, normalizePatch, setPath, type PatchEntry } from './data.js';
import { isEngineError } from './errors.js';
import { fieldArg, stepArg } from './names.js';
import { formatEngineText } from './texts/format.js';
import type { EngineText, EngineTextArgs, TextArg } from './texts/types.js';
import { idFor } from './record-ids.js';
import { seqId, STAMPED_AT, STEP_LIMIT, type Run } from './run.js';
import type { IncidentCode, TokenState } from './types.js';

const HOUR = 3_600_000;
/** SLA and timer hours are at most ten years; a rule that computes more is held to that (dates stay representable). */
export const MAX_HOURS = 87_600;

/** Runs queued tokens, and re-checks controls, waits and joins, until nothing moves. */
export function settle(run: Run): void {
  for (;;) {
    for (let id = run.dequeue(); id !== undefined; id = run.dequeue()) step(run, id);
    if (run.dataChanged) {
      run.dataChanged = false;
      checkControls(run);
      recheckResting(run);
    } else if (run.tokenEnded) {
      run.tokenEnded = false;
      const tokens = run.state.tokens;
      for (const id in tokens) if (run.flow.nodes.get(tokens[id]!.nodeId)?.kind === 'join') run.enqueue(id);
    }
    if (!run.queued && !run.dataChanged && !run.tokenEnded) return;
  }
}

/** Moves a token along an edge into its target and queues it. */
export function moveTo(run: Run, tokenId: string, edge: FlowEdge): void {
  run.push({ type: 'token.moved', instanceId: run.id, seq: run.nextSeq, at: STAMPED_AT, tokenId, from: edge.source, to: edge.target, edgeId: edge.id });
  run.enqueue(tokenId);
}

/** What a node's outgoing edges say: the edge to take, or why there is none. */
export type EdgeChoice = CompiledEdge | { incident: IncidentCode; text: EngineText };

/** First edge whose guard holds (an edge without a guard always holds), else the default edge. Allocates nothing on the way out. */
export function pickEdge(run: Run, node: FlowNode): EdgeChoice {
  const edges: CompiledEdge[] = run.flow.out.get(node.id) ?? [];
  for (const ce of edges) {
    if (!ce.guard) return ce;
    try {
      if (truthy(ce.guard(run.state.data))) return ce;
    } catch (e) {
      return { incident: 'RULE_FAILED', text: { key: 'incident.edgeRuleFailed', args: { step: stepArg(run.flow, node.id), why: whyArg(e) } } };
    }
  }
  const fallback = run.flow.defaults.get(node.id);
  if (fallback) return fallback;
  if (edges.length === 0) return { incident: 'DEAD_END', text: { key: 'incident.deadEnd', args: { step: stepArg(run.flow, node.id) } } };
  return { incident: 'NO_PATH', text: { key: 'incident.noPath', args: { step: stepArg(run.flow, node.id) } } };
}

/** Leaves a node by the chosen edge, or raises an incident on the token. */
export function leave(run: Run, token: TokenState, node: FlowNode): void {
  const choice = pickEdge(run, node);
  if ('incident' in choice) return raiseIncident(run, choice.incident, choice.text, token.id, node.id);
  if (node.kind === 'decision') {
    run.push({ type: 'decision.taken', instanceId: run.id, seq: run.nextSeq, at: STAMPED_AT, tokenId: token.id, nodeId: node.id, edgeId: choice.edge.id, byDefault: choice.byDefault });
  }
  moveTo(run, token.id, choice.edge);
}

/** Records an incident; the token (if any) stays where it is until the data lets it go on. */
export function raiseIncident(run: Run, code: IncidentCode, text: EngineText, tokenId?: string, nodeId?: string, controlId?: string): void {
  const message = formatEngineText(text, { locale: 'en', timeZone: 'UTC' });
  run.emit({ type: 'incident.raised', incidentId: `${run.state.instanceId}/i${run.nextSeq}`, code, message, text, ...(tokenId ? { tokenId } : {}), ...(nodeId ? { nodeId } : {}), ...(controlId ? { controlId } : {}) });
}

/** An incident's text. */
export function incidentText(key: string, args: EngineTextArgs): EngineText {
  return { key, args };
}

/** Why a rule could not be evaluated, as a text argument (the evaluator's detail kept as written). */
export function whyArg(e: unknown): TextArg {
  // An engine refusal keeps its text, so the reason reads in the reader's language.
  if (isEngineError(e) && e.details.text) return { kind: 'msg', ...e.details.text };
  const detail = errorText(e);
  return { kind: 'msg', key: e instanceof LogicError ? `logic.${e.code}` : 'logic.error', args: { detail } };
}

/** Acts on a token at its node. */
function step(run: Run, tokenId: string): void {
  const token = run.state.tokens[tokenId];
  if (!token || (token.waiting && token.waiting !== 'gate')) return;
  const node = run.flow.nodes.get(token.nodeId);
  if (!node) return raiseIncident(run, 'DEAD_END', incidentText('incident.unknownStep', { nodeId: token.nodeId }), tokenId);
  if (++run.steps > STEP_LIMIT) {
    return raiseIncident(run, 'LOOP_LIMIT', incidentText('incident.loopLimit', { limit: STEP_LIMIT, step: stepArg(run.flow, node.id) }), tokenId, node.id);
  }
  if (node.kind !== 'task' && node.kind !== 'join' && node.kind !== 'start') {
    const closed = closedGates(run, node.id);
    if (closed.length) {
      if (token.waiting !== 'gate') run.emit({ type: 'token.held', tokenId, nodeId: node.id, controlIds: closed.map((c) => c.control.id) });
      return;
    }
  }
  switch (node.kind) {
    case 'start':
    case 'decision':
      return leave(run, token, node);
    case 'task':
      return openTask(run, token, node.id);
    case 'parallel': {
      const edges = [...(run.flow.out.get(node.id) ?? []), ...(run.flow.defaults.has(node.id) ? [run.flow.defaults.get(node.id)!] : [])];
      if (edges.length === 0) return raiseIncident(run, 'DEAD_END', incidentText('incident.noBranches', { step: stepArg(run.flow, node.id) }), tokenId, node.id);
      const seq = run.nextSeq;
      const branches = edges.map((ce, i) => ({ tokenId: `k${seq}.${i + 1}`, edgeId: ce.edge.id, to: ce.edge.target }));
      run.emit({ type: 'token.split', tokenId, nodeId: node.id, familyId: `f${seq}`, branches });
      for (const b of branches) run.enqueue(b.tokenId);
      return;
    }
    case 'join':
      return tryJoin(run, token, node);
    case 'wait':
      return enterWait(run, token, node);
    case 'system':
      return runSystem(run, token, node);
    case 'subflow':
      return startChild(run, token, node);
    case 'end':
      return finishToken(run, token, node);
  }
}

function openTask(run: Run, token: TokenState, nodeId: string): void {
  const binding = run.flow.tasks.get(nodeId)!;
  let dueAt: number | undefined;
  const sla = run.flow.rules.get(nodeId)?.get('sla');
  if (sla) {
    const hours = numberOrFailure(() => sla(run.state.data));
    if (typeof hours === 'number' && hours >= 0) dueAt = run.ctx.now + Math.min(hours, MAX_HOURS) * HOUR;
    else if (hours && typeof hours === 'object') {
      // Fail closed: an SLA that cannot be computed is due now (it escalates on the next tick), and someone is told why.
      dueAt = run.ctx.now;
      raiseStepRuleIncident(run, nodeId, { key: 'incident.slaFailed', args: { step: stepArg(run.flow, nodeId), why: whyArg(hours.error) } });
    }
  }
  const seq = run.nextSeq;
  run.push({ type: 'task.opened', instanceId: run.id, seq, at: STAMPED_AT, taskId: seqId('t', seq), tokenId: token.id, nodeId, roles: binding.candidates, dueAt });
}

function tryJoin(run: Run, token: TokenState, node: FlowNode): void {
  const family = token.familyId ? run.state.families[token.familyId] : undefined;
  if (!family) return leave(run, token, node);
  const ready = family.members.every((m) => run.state.tokens[m]?.nodeId === node.id);
  if (!ready) return;
  const tokenId = seqId('k', run.nextSeq);
  run.emit({ type: 'token.joined', nodeId: node.id, familyId: family.id, consumed: [...family.members], tokenId });
  leave(run, run.state.tokens[tokenId]!, node);
}

function enterWait(run: Run, token: TokenState, node: Extract<FlowNode, { kind: 'wait' }>): void {
  const rules = run.flow.rules.get(node.id);
  const until = rules?.get('until');
  if (until && waitConditionHolds(run, node.id, until)) return leave(run, token, node);
  let dueAt: number | undefined;
  const timer = rules?.get('timer');
  if (timer) {
    const hours = numberOrFailure(() => timer(run.state.data));
    if (typeof hours === 'number') dueAt = run.ctx.now + Math.min(Math.max(0, hours), MAX_HOURS) * HOUR;
    else if (hours && typeof hours === 'object') raiseStepRuleIncident(run, node.id, { key: 'incident.timerFailed', args: { step: stepArg(run.flow, node.id), why: whyArg(hours.error), until: !!until } });
  }
  if (!until && dueAt === undefined) {
    resolveStepRuleIncidents(run, node.id);
    return leave(run, token, node);
  }
  run.emit({ type: 'wait.started', tokenId: token.id, nodeId: node.id, ...(dueAt !== undefined ? { dueAt } : {}) });
}

function runSystem(run: Run, token: TokenState, node: Extract<FlowNode, { kind: 'system' }>): void {
  const rules = run.flow.rules.get(node.id);
  let data = run.state.data;
  const entries: PatchEntry[] = [];
  for (const [i, a] of (node.assign ?? []).entries()) {
    try {
      // Each assignment sees the ones before it.
      const value = rules!.get(`assign:${i}`)!(data);
      entries.push({ path: a.target, value });
      data = setPath(data, a.target, value);
      // A record this assignment fills gets its id now, so the next assignment can link to it.
      const id = idFor(run, data, a.target);
      if (id) {
        entries.push(id);
        data = setPath(data, id.path, id.value);
      }
    } catch (e) {
      return raiseIncident(run, 'STEP_FAILED', incidentText('incident.assignFailed', { step: stepArg(run.flow, node.id), target: fieldArg(run.flow, a.target), why: whyArg(e) }), token.id, node.id);
    }
  }
  const changes = diff(run.state.data, entries);
  // An automatic step writes like anyone else: a value of the wrong type or outside its limits is not stored.
  const bad = changes.length ? engineWriteProblems(run.flow, run.state.data, changes, run.now) : undefined;
  if (bad) return raiseIncident(run, 'STEP_FAILED', incidentText('incident.assignInvalid', { step: stepArg(run.flow, node.id), problems: bad }), token.id, node.id);
  if (changes.length) run.emit({ type: 'data.changed', cause: 'system', nodeId: node.id, changes });
  if (node.alert) {
    run.emit({
      type: 'alert.raised',
      alertId: `${run.state.instanceId}/a${run.nextSeq}`,
      source: { kind: 'system', nodeId: node.id },
      message: node.alert.message,
      to: [...node.alert.to],
      severity: node.alert.severity ?? 'info',
    });
  }
  if (run.dataChanged) {
    run.dataChanged = false;
    checkControls(run);
    recheckResting(run);
  }
  leave(run, run.state.tokens[token.id]!, node);
}

function startChild(run: Run, token: TokenState, node: Extract<FlowNode, { kind: 'subflow' }>): void {
  const child = run.ctx.resolveFlow(node.flow, node.version);
  if (!child) {
    const args = { step: stepArg(run.flow, node.id), flowId: node.flow, ...(node.version ? { version: node.version } : {}) };
    return raiseIncident(run, 'SUBFLOW_UNAVAILABLE', incidentText('incident.subflowUnavailable', args), token.id, node.id);
  }
  const data: Record<string, unknown> = {};
  const rules = run.flow.rules.get(node.id);
  try {
    if (node.input) {
      for (const name of Object.keys(node.input)) data[name] = rules!.get(`in:${name}`)!(run.state.data);
      // What the mapping computed is stored in the child's log: only what every store keeps (no NaN from 0/0).
      copyJson(data);
    } else {
      for (const name of Object.keys(child.flow.data)) if (run.state.data[name] !== undefined) data[name] = run.state.data[name];
    }
    // The child's start checks its data against its schema (known variables, types); checked here first, so input
    // that does not fit holds this step with an incident instead of refusing the command that reached it.
    checkWrites(child, {}, normalizePatch(data, child.flow.data), { editable: 'any' });
  } catch (e) {
    return raiseIncident(run, 'STEP_FAILED', incidentText('incident.inputFailed', { step: stepArg(run.flow, node.id), why: whyArg(e) }), token.id, node.id);
  }
  const childInstanceId = run.ctx.newInstanceId();
  run.emit({ type: 'subflow.started', tokenId: token.id, nodeId: node.id, childInstanceId, flowId: child.id, version: child.version });
  run.effect({
    kind: 'start-child',
    instanceId: childInstanceId,
    flowId: child.id,
    version: child.version,
    data,
    parent: { instanceId: run.state.instanceId, nodeId: node.id, tokenId: token.id },
    ...(run.actor ? { actor: run.actor } : {}),
  });
}

function finishToken(run: Run, token: TokenState, node: Extract<FlowNode, { kind: 'end' }>): void {
  const before = run.flow.mandatoryBefore(node.id);
  const missing = before.length ? before.filter((n) => !run.state.completedBy[n]) : before;
  if (missing.length) {
    const names: TextArg = { kind: 'list', items: missing.map((n) => stepArg(run.flow, n)) };
    return raiseIncident(run, 'MANDATORY_SKIPPED', incidentText('incident.mandatorySkipped', { step: stepArg(run.flow, node.id), missing: names }), token.id, node.id);
  }
  run.push({ type: 'token.ended', instanceId: run.id, seq: run.nextSeq, at: STAMPED_AT, tokenId: token.id, nodeId: node.id, outcome: node.outcome });
  for (const _ in run.state.tokens) return;
  run.push({ type: 'instance.completed', instanceId: run.id, seq: run.nextSeq, at: STAMPED_AT, nodeId: node.id, outcome: node.outcome });
  const parent = run.state.parent;
  if (parent) {
    run.effect({ kind: 'child-completed', parent, childInstanceId: run.state.instanceId, ...(node.outcome ? { outcome: node.outcome } : {}), data: run.state.data });
  }
}

/** The rule's value as a finite number; undefined when it is not one; `{ error }` when the rule could not be evaluated. */
function numberOrFailure(f: () => unknown): number | undefined | { error: unknown } {
  try {
    const v = Number(f());
    return Number.isFinite(v) ? v : undefined;
  } catch (error) {
    return { error };
  }
}

/**
 * Whether a wait's condition holds. A condition that cannot be evaluated does
 * not hold (the wait goes on, until its timer if it has one) and raises one
 * incident on the step, resolved once the condition can be evaluated again.
 */
export function waitConditionHolds(run: Run, nodeId: string, until: (data: Run['state']['data']) => unknown): boolean {
  try {
    const holds = truthy(until(run.state.data));
    resolveStepRuleIncidents(run, nodeId, 'incident.waitRuleFailed');
    return holds;
  } catch (e) {
    raiseStepRuleIncident(run, nodeId, { key: 'incident.waitRuleFailed', args: { step: stepArg(run.flow, nodeId), why: whyArg(e) } });
    return false;
  }
}

/** Raises a RULE_FAILED incident on a step without holding a token (an SLA, a timer, a wait's condition), once while it is open. */
export function raiseStepRuleIncident(run: Run, nodeId: string, text: EngineText): void {
  if (run.state.incidents.some((i) => !i.resolved && i.nodeId === nodeId && !i.tokenId && !i.controlId && i.text?.key === text.key)) return;
  raiseIncident(run, 'RULE_FAILED', text, undefined, nodeId);
}

/** Resolves the open step incidents of {@link raiseStepRuleIncident} on a node (of one kind, or all). */
export function resolveStepRuleIncidents(run: Run, nodeId: string, key?: string): void {
  const list = run.state.incidents;
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!;
    if (!x.resolved && x.nodeId === nodeId && !x.tokenId && !x.controlId && (key === undefined || x.text?.key === key)) run.emit({ type: 'incident.resolved', incidentId: x.incidentId });
  }
}

/** A short reason from an evaluation error. */
export function errorText(e: unknown): string {
  return e instanceof LogicError || e instanceof Error ? e.message : String(e);
}
