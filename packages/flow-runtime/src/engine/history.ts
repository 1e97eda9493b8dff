/**
 * The audit trail: each event as a plain sentence naming who did what to
 * which step, with the data it changed.
 */
import { isoTime } from './names.js';
import type { CompiledFlow } from './compiled.js';
import { fieldName, roleNames, stepName } from './names.js';
import type { ActorRef, DataChange, FlowEvent, HistoryEntry } from './types.js';

/** Describes one event; `flow` is the version the instance ran on at that point. */
export function historyEntry(event: FlowEvent, flow: CompiledFlow | undefined): HistoryEntry {
  const entry: HistoryEntry = { seq: event.seq, at: event.at, type: event.type, summary: summary(event, flow), event };
  if (event.actor) entry.actor = event.actor;
  const nodeId = 'nodeId' in event ? event.nodeId : event.type === 'token.moved' ? event.to : undefined;
  if (nodeId) entry.nodeId = nodeId;
  if (event.type === 'data.changed') entry.changes = event.changes;
  return entry;
}

function who(actor: ActorRef | undefined, flow: CompiledFlow | undefined): string {
  if (!actor) return 'The system';
  const name = actor.name ?? actor.id;
  if (!actor.roles.length) return name;
  return `${name} (${flow ? roleNames(flow, actor.roles, 'and') : actor.roles.join(', ')})`;
}

function step(flow: CompiledFlow | undefined, nodeId: string): string {
  return flow ? stepName(flow, nodeId) : `'${nodeId}'`;
}

function changesText(flow: CompiledFlow | undefined, changes: DataChange[]): string {
  return changes.map((c) => `${flow ? fieldName(flow, c.path) : c.path} ${show(c.from)} → ${show(c.to)}`).join('; ');
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function summary(e: FlowEvent, flow: CompiledFlow | undefined): string {
  switch (e.type) {
    case 'instance.started':
      return `${who(e.actor, flow)} started ${flow ? `'${flow.flow.name.en}'` : `'${e.flowId}'`} (version ${e.version})${e.parent ? ` as a sub-flow of ${e.parent.instanceId}` : ''}.`;
    case 'token.moved':
      return `The process moved to ${step(flow, e.to)}.`;
    case 'token.split':
      return `${step(flow, e.nodeId)} split into ${e.branches.length} parallel branches.`;
    case 'token.joined':
      return `All branches reached ${step(flow, e.nodeId)}.`;
    case 'token.held':
      return `${step(flow, e.nodeId)} is held by ${e.controlIds.join(', ')}.`;
    case 'token.ended':
      return `A path reached ${step(flow, e.nodeId)}${e.outcome ? ` (${e.outcome})` : ''}.`;
    case 'decision.taken': {
      const edge = flow?.flow.edges.find((x) => x.id === e.edgeId);
      const label = edge?.label?.en ?? (edge ? step(flow, edge.target) : e.edgeId);
      return `${step(flow, e.nodeId)} chose ${label.startsWith("'") ? label : `'${label}'`}${e.byDefault ? ' (the default)' : ''}.`;
    }
    case 'task.opened':
      return `${step(flow, e.nodeId)} is waiting for ${e.roles.length ? (flow ? roleNames(flow, e.roles) : e.roles.join(' or ')) : 'anyone'}${e.dueAt !== undefined ? `, due ${isoTime(e.dueAt)}` : ''}.`;
    case 'task.completed':
      return `${who(e.actor, flow)} completed ${step(flow, e.nodeId)}.`;
    case 'task.escalated':
      return `${step(flow, e.nodeId)} is overdue${e.to ? `; escalated to ${e.to}` : ''}.`;
    case 'data.changed': {
      const by = e.cause === 'system' || e.cause === 'subflow' ? (e.nodeId ? step(flow, e.nodeId) : 'The system') : who(e.actor, flow);
      return sentence(`${by} changed ${changesText(flow, e.changes)}`);
    }
    case 'control.changed': {
      const c = flow?.flow.controls?.find((x) => x.id === e.controlId);
      return `Control '${c?.name.en ?? e.controlId}' ${e.holds ? 'now holds' : 'no longer holds'}.`;
    }
    case 'alert.raised':
      return `Alert to ${e.to.length ? (flow ? roleNames(flow, e.to, 'and') : e.to.join(', ')) : 'everyone on the process'}: ${e.message.en}`;
    case 'wait.started':
      return `${step(flow, e.nodeId)} is waiting${e.dueAt !== undefined ? ` until ${isoTime(e.dueAt)} at most` : ''}.`;
    case 'wait.ended':
      return `${step(flow, e.nodeId)} ended: ${e.reason === 'timer' ? 'the time was up' : 'its condition holds'}.`;
    case 'subflow.started':
      return `${step(flow, e.nodeId)} started '${e.flowId}' (version ${e.version}) as ${e.childInstanceId}.`;
    case 'subflow.completed':
      return `The sub-flow of ${step(flow, e.nodeId)} finished${e.outcome ? ` (${e.outcome})` : ''}.`;
    case 'incident.raised':
      return `Incident: ${e.message}`;
    case 'incident.resolved':
      return `Incident ${e.incidentId} is resolved.`;
    case 'instance.completed':
      return `The process finished at ${step(flow, e.nodeId)}${e.outcome ? ` with outcome ${e.outcome}` : ''}.`;
    case 'instance.cancelled':
      return `${who(e.actor, flow)} cancelled the process: ${e.reason}`;
    case 'instance.migrated':
      return `${who(e.actor, flow)} moved the process from version ${e.fromVersion} to version ${e.toVersion}.`;
  }
}

/** Ends a sentence with one full stop, even when it ends with a quoted value that has its own. */
function sentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
