/**
 * Commands that are not a person's step: timers and SLAs (`tick`),
 * cancelling, migrating to another version, and a sub-flow child finishing.
 */
import { leave, raiseIncident, resolveStepRuleIncidents, whyArg } from './advance.js';
import type { CompiledFlow } from './compiled.js';
import { checkControls } from './controls.js';
import { engineWriteProblems } from './constraints.js';
import { diff, type PatchEntry } from './data.js';
import { refusal } from './errors.js';
import { rolesArg, stepArg } from './names.js';
import { formatEngineText } from './texts/format.js';
import type { EngineText, TextArg } from './texts/types.js';
import { withRecordIds } from './record-ids.js';
import type { Run } from './run.js';
import type { Actor, ProcessData } from './types.js';

/** Escalates overdue tasks (once each) and fires due timers. */
export function tick(run: Run): void {
  const now = run.ctx.now;
  for (const task of Object.values(run.state.tasks)) {
    if (task.status !== 'open' || task.dueAt === undefined || task.dueAt > now || task.escalated) continue;
    const node = run.flow.nodes.get(task.nodeId);
    const escalateTo = node?.kind === 'task' ? node.sla?.escalateTo : undefined;
    run.emit({ type: 'task.escalated', taskId: task.taskId, nodeId: task.nodeId, ...(escalateTo ? { to: escalateTo } : {}) });
    const text: EngineText = { key: 'alert.overdue', args: { step: stepArg(run.flow, task.nodeId), dueAt: { kind: 'time', at: task.dueAt } } };
    run.emit({
      type: 'alert.raised',
      alertId: `${run.state.instanceId}/a${run.nextSeq}`,
      source: { kind: 'sla', nodeId: task.nodeId, taskId: task.taskId },
      // The stored languages read the time in UTC; `text` renders it in the reader's zone.
      message: { en: formatEngineText(text, { locale: 'en', timeZone: 'UTC' }), zh: formatEngineText(text, { locale: 'zh', timeZone: 'UTC' }) },
      text,
      to: escalateTo ? [escalateTo] : [...task.roles],
      severity: 'warning',
    });
  }
  for (const token of Object.values(run.state.tokens)) {
    if (token.waiting !== 'wait' || token.dueAt === undefined || token.dueAt > now) continue;
    const node = run.flow.nodes.get(token.nodeId);
    if (!node) continue;
    run.emit({ type: 'wait.ended', tokenId: token.id, nodeId: node.id, reason: 'timer' });
    resolveStepRuleIncidents(run, node.id);
    leave(run, run.state.tokens[token.id]!, node);
  }
}

/** Cancels the instance and, through effects, its running children. */
export function cancel(run: Run, reason: string, actor: Actor | undefined, byParent: boolean): void {
  const state = run.state;
  // Only a parent's cancellation passes on its own; a system actor is no exception (the starter or an admin role).
  if (!byParent) {
    if (!actor) throw refusal('NOT_PERMITTED', 'NOT_PERMITTED.cancelNoActor', {}, { instanceId: state.instanceId, roles: [...run.ctx.adminRoles] });
    const admin = actor.roles.some((r) => run.ctx.adminRoles.includes(r));
    if (!admin && state.startedBy?.id !== actor.id) {
      throw refusal('NOT_PERMITTED', 'NOT_PERMITTED.cancel', {}, { instanceId: state.instanceId, roles: [...run.ctx.adminRoles] });
    }
  }
  for (const token of Object.values(state.tokens)) {
    if (token.waiting === 'subflow' && token.childInstanceId) run.effect({ kind: 'cancel-child', instanceId: token.childInstanceId, reason: `The parent process was cancelled: ${reason}` });
  }
  run.emit({ type: 'instance.cancelled', reason }, true);
  if (state.parent && !byParent) run.effect({ kind: 'child-cancelled', parent: state.parent, childInstanceId: state.instanceId, reason });
}

/** Moves the instance to another version after checking the node mapping. */
export function migrate(run: Run, to: CompiledFlow, nodeMap: Record<string, string>, actor: Actor | undefined): void {
  const state = run.state;
  const from = run.flow;
  // The pure core refuses as the facade does: an actor with an admin role (a system actor is no exception).
  if (!actor || !actor.roles.some((r) => run.ctx.adminRoles.includes(r))) {
    const args = { roles: rolesArg(from, run.ctx.adminRoles, 'or'), what: { kind: 'msg' as const, key: 'admin.migrate' } };
    const where = { instanceId: state.instanceId, roles: [...run.ctx.adminRoles] };
    throw actor ? refusal('NOT_PERMITTED', 'NOT_PERMITTED.admin', { ...args, actor: actor.name ?? actor.id }, where) : refusal('NOT_PERMITTED', 'NOT_PERMITTED.adminNoActor', args, where);
  }
  const problems: TextArg[] = [];
  const problem = (key: string, args: Record<string, TextArg>) => problems.push({ kind: 'msg', key, args });
  if (to.id !== from.id) problem('migrate.otherFlow', { version: to.version, to: to.id, from: from.id });
  if (to.version === state.version) problem('migrate.sameVersion', { version: to.version });
  for (const [a, b] of Object.entries(nodeMap)) {
    if (!from.nodes.has(a)) problem('migrate.unknownFrom', { nodeId: a, version: from.version });
    if (!to.nodes.has(b)) problem('migrate.unknownTo', { nodeId: b, version: to.version });
  }
  const map = (id: string) => nodeMap[id] ?? id;
  const done = new Set(Object.keys(state.completedBy).map(map));
  const applied: Record<string, string> = {};
  for (const token of Object.values(state.tokens)) {
    const target = map(token.nodeId);
    const oldNode = from.nodes.get(token.nodeId);
    const newNode = to.nodes.get(target);
    if (!newNode) {
      problem('migrate.standsAt', { step: stepArg(from, token.nodeId), version: to.version });
      continue;
    }
    if (oldNode && oldNode.kind !== newNode.kind) {
      problem('migrate.kind', { step: stepArg(from, token.nodeId), from: { kind: 'msg', key: `kind.${oldNode.kind}` }, target, version: to.version, to: { kind: 'msg', key: `kind.${newNode.kind}` } });
    }
    const skipped = to.mandatoryBefore(target).filter((m) => !done.has(m));
    if (skipped.length) problem('migrate.skips', { step: stepArg(to, target), missing: { kind: 'list', items: skipped.map((m) => stepArg(to, m)) } });
    if (target !== token.nodeId) applied[token.nodeId] = target;
  }
  if (problems.length) throw refusal('INVALID_MIGRATION', 'INVALID_MIGRATION.problems', { problems: { kind: 'list', items: problems, join: 'lines' } }, { instanceId: state.instanceId });
  for (const [a, b] of Object.entries(nodeMap)) applied[a] = b;
  const taskRoles: Record<string, string[]> = {};
  for (const task of Object.values(state.tasks)) {
    if (task.status !== 'open') continue;
    const binding = to.tasks.get(map(task.nodeId));
    if (binding) taskRoles[task.taskId] = binding.candidates;
  }
  run.emit({ type: 'instance.migrated', fromVersion: state.version, toVersion: to.version, nodeMap: applied, taskRoles }, true);
  run.flow = to;
  checkControls(run);
}

/** A child instance finished: map its data back and go on. */
export function childCompleted(run: Run, tokenId: string, childInstanceId: string, outcome: string | undefined, childData: ProcessData): void {
  const token = run.state.tokens[tokenId];
  if (!token || token.childInstanceId !== childInstanceId || token.waiting !== 'subflow') return;
  const node = run.flow.nodes.get(token.nodeId);
  if (!node || node.kind !== 'subflow') return;
  const entries: PatchEntry[] = [];
  try {
    if (node.output) {
      const scope: ProcessData = Object.prototype.hasOwnProperty.call(childData, 'outcome') ? childData : { ...childData, outcome: outcome ?? null };
      const rules = run.flow.rules.get(node.id)!;
      for (const path of Object.keys(node.output)) entries.push({ path, value: rules.get(`out:${path}`)!(scope) });
    } else {
      for (const name of Object.keys(run.flow.flow.data)) if (childData[name] !== undefined) entries.push({ path: name, value: childData[name] });
    }
  } catch (e) {
    return raiseIncident(run, 'RULE_FAILED', { key: 'incident.outputFailed', args: { step: stepArg(run.flow, node.id), why: whyArg(e) } }, tokenId, node.id);
  }
  const changes = withRecordIds(run, diff(run.state.data, entries));
  // A sub-flow's results are written like anyone's: wrong types or values outside their limits are not stored.
  const bad = changes.length ? engineWriteProblems(run.flow, run.state.data, changes, run.now) : undefined;
  if (bad) return raiseIncident(run, 'STEP_FAILED', { key: 'incident.outputInvalid', args: { step: stepArg(run.flow, node.id), problems: bad } }, tokenId, node.id);
  if (changes.length) run.emit({ type: 'data.changed', cause: 'subflow', nodeId: node.id, changes });
  run.emit({ type: 'subflow.completed', tokenId, nodeId: node.id, childInstanceId, ...(outcome ? { outcome } : {}) });
  leave(run, run.state.tokens[tokenId]!, node);
}

/** A child instance was cancelled on its own: the parent's path is stuck. */
export function childCancelled(run: Run, tokenId: string, childInstanceId: string, reason: string): void {
  const token = run.state.tokens[tokenId];
  if (!token || token.childInstanceId !== childInstanceId || token.waiting !== 'subflow') return;
  raiseIncident(run, 'SUBFLOW_CANCELLED', { key: 'incident.subflowCancelled', args: { step: stepArg(run.flow, token.nodeId), reason } }, tokenId, token.nodeId);
}

