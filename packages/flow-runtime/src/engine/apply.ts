/**
 * The fold: `state = events.reduce(applyEvent, undefined)`. Pure and total:
 * it needs no definition, because events say everything that happened.
 * Objects are copied on write, so earlier states stay valid.
 */
import { applyChanges } from './data.js';
import type { FlowEvent, InstanceState, TaskState, TokenState } from './types.js';

/** Applies one event. The first event of a log must be `instance.started`. */
export function applyEvent(state: InstanceState | undefined, event: FlowEvent): InstanceState {
  if (event.type === 'instance.started') {
    return {
      instanceId: event.instanceId,
      flowId: event.flowId,
      version: event.version,
      status: 'active',
      seq: event.seq,
      data: event.data,
      tokens: {},
      tasks: {},
      families: {},
      controls: {},
      alerts: [],
      incidents: [],
      visited: [],
      completedBy: {},
      startedAt: event.at,
      ...(event.actor ? { startedBy: event.actor } : {}),
      updatedAt: event.at,
      ...(event.parent ? { parent: event.parent } : {}),
      children: [],
    };
  }
  if (!state) throw new Error(`The log of instance '${event.instanceId}' does not begin with instance.started.`);
  const s: InstanceState = { ...state, seq: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'token.moved': {
      const prev = s.tokens[event.tokenId];
      const token: TokenState = { id: event.tokenId, nodeId: event.to };
      if (prev?.familyId) token.familyId = prev.familyId;
      s.tokens = { ...s.tokens, [event.tokenId]: token };
      s.visited = [...s.visited, event.to];
      return s;
    }
    case 'token.split': {
      const tokens = { ...s.tokens };
      const outer = tokens[event.tokenId]?.familyId;
      delete tokens[event.tokenId];
      if (outer) s.families = withoutMember(s.families, outer, event.tokenId);
      for (const b of event.branches) tokens[b.tokenId] = { id: b.tokenId, nodeId: b.to, familyId: event.familyId };
      s.tokens = tokens;
      s.families = { ...s.families, [event.familyId]: { id: event.familyId, ...(outer ? { outer } : {}), members: event.branches.map((b) => b.tokenId) } };
      if (outer) s.families = withMember(s.families, outer, event.branches.length ? event.familyId : undefined);
      s.visited = [...s.visited, ...event.branches.map((b) => b.to)];
      return s;
    }
    case 'token.joined': {
      const tokens = { ...s.tokens };
      for (const id of event.consumed) delete tokens[id];
      const families = { ...s.families };
      const outer = families[event.familyId]?.outer;
      delete families[event.familyId];
      tokens[event.tokenId] = { id: event.tokenId, nodeId: event.nodeId, ...(outer ? { familyId: outer } : {}) };
      s.tokens = tokens;
      s.families = outer ? replaceMember(families, outer, event.familyId, event.tokenId) : families;
      return s;
    }
    case 'token.held':
      return patchToken(s, event.tokenId, { waiting: 'gate' });
    case 'token.ended': {
      const tokens = { ...s.tokens };
      const family = tokens[event.tokenId]?.familyId;
      delete tokens[event.tokenId];
      s.tokens = tokens;
      if (family) s.families = dropMember(s.families, family, event.tokenId);
      return s;
    }
    case 'decision.taken':
      return s;
    case 'task.opened': {
      const task: TaskState = { taskId: event.taskId, nodeId: event.nodeId, tokenId: event.tokenId, roles: event.roles, status: 'open', openedAt: event.at };
      if (event.dueAt !== undefined) task.dueAt = event.dueAt;
      s.tasks = { ...s.tasks, [event.taskId]: task };
      return patchToken(s, event.tokenId, { waiting: 'task' });
    }
    case 'task.completed': {
      const task = s.tasks[event.taskId];
      if (task) {
        const done: TaskState = { ...task, status: 'completed', completedAt: event.at };
        if (event.actor) done.completedBy = event.actor;
        s.tasks = { ...s.tasks, [event.taskId]: done };
        const token = s.tokens[task.tokenId];
        if (token) s.tokens = { ...s.tokens, [token.id]: { id: token.id, nodeId: token.nodeId, ...(token.familyId ? { familyId: token.familyId } : {}) } };
      }
      if (event.actor) s.completedBy = { ...s.completedBy, [event.nodeId]: event.actor };
      return s;
    }
    case 'task.escalated': {
      const task = s.tasks[event.taskId];
      if (task) s.tasks = { ...s.tasks, [event.taskId]: { ...task, escalated: true } };
      return s;
    }
    case 'data.changed':
      s.data = applyChanges(s.data, event.changes);
      return s;
    case 'control.changed':
      s.controls = { ...s.controls, [event.controlId]: event.holds };
      return s;
    case 'alert.raised':
      s.alerts = [...s.alerts, { alertId: event.alertId, at: event.at, source: event.source, message: event.message, to: event.to, severity: event.severity }];
      return s;
    case 'wait.started':
      return patchToken(s, event.tokenId, event.dueAt === undefined ? { waiting: 'wait' } : { waiting: 'wait', dueAt: event.dueAt });
    case 'wait.ended':
    case 'subflow.completed':
      return clearToken(s, event.tokenId);
    case 'subflow.started':
      s.children = [...s.children, event.childInstanceId];
      return patchToken(s, event.tokenId, { waiting: 'subflow', childInstanceId: event.childInstanceId });
    case 'incident.raised': {
      s.incidents = [...s.incidents, { incidentId: event.incidentId, at: event.at, code: event.code, message: event.message, ...(event.nodeId ? { nodeId: event.nodeId } : {}), ...(event.tokenId ? { tokenId: event.tokenId } : {}), resolved: false }];
      s.status = 'incident';
      return event.tokenId ? patchToken(s, event.tokenId, { waiting: 'incident' }) : s;
    }
    case 'incident.resolved': {
      const incident = s.incidents.find((i) => i.incidentId === event.incidentId);
      s.incidents = s.incidents.map((i) => (i.incidentId === event.incidentId ? { ...i, resolved: true } : i));
      if (s.status === 'incident' && s.incidents.every((i) => i.resolved)) s.status = 'active';
      return incident?.tokenId ? clearToken(s, incident.tokenId) : s;
    }
    case 'instance.completed':
      s.status = 'completed';
      s.endedAt = event.at;
      s.endNodeId = event.nodeId;
      if (event.outcome !== undefined) s.outcome = event.outcome;
      return s;
    case 'instance.cancelled': {
      s.status = 'cancelled';
      s.endedAt = event.at;
      s.cancelReason = event.reason;
      const tasks: Record<string, TaskState> = {};
      for (const [id, t] of Object.entries(s.tasks)) tasks[id] = t.status === 'open' ? { ...t, status: 'cancelled' } : t;
      s.tasks = tasks;
      s.tokens = {};
      s.families = {};
      return s;
    }
    case 'instance.migrated': {
      const map = (id: string) => event.nodeMap[id] ?? id;
      s.version = event.toVersion;
      const tokens: Record<string, TokenState> = {};
      for (const [id, t] of Object.entries(s.tokens)) tokens[id] = { ...t, nodeId: map(t.nodeId) };
      s.tokens = tokens;
      const tasks: Record<string, TaskState> = {};
      for (const [id, t] of Object.entries(s.tasks)) tasks[id] = t.status === 'open' ? { ...t, nodeId: map(t.nodeId), roles: event.taskRoles[id] ?? t.roles } : t;
      s.tasks = tasks;
      const completedBy: InstanceState['completedBy'] = {};
      for (const [id, a] of Object.entries(s.completedBy)) completedBy[map(id)] = a;
      s.completedBy = completedBy;
      return s;
    }
  }
}

/** Folds a whole log. */
export function replay(events: readonly FlowEvent[], from?: InstanceState): InstanceState | undefined {
  let state = from;
  for (const e of events) state = applyEvent(state, e);
  return state;
}

function patchToken(s: InstanceState, tokenId: string, patch: Partial<TokenState>): InstanceState {
  const token = s.tokens[tokenId];
  if (token) s.tokens = { ...s.tokens, [tokenId]: { ...token, ...patch } };
  return s;
}

function clearToken(s: InstanceState, tokenId: string): InstanceState {
  const token = s.tokens[tokenId];
  if (token) s.tokens = { ...s.tokens, [tokenId]: { id: token.id, nodeId: token.nodeId, ...(token.familyId ? { familyId: token.familyId } : {}) } };
  return s;
}

function withoutMember(families: InstanceState['families'], familyId: string, member: string): InstanceState['families'] {
  const f = families[familyId];
  if (!f) return families;
  return { ...families, [familyId]: { ...f, members: f.members.filter((m) => m !== member) } };
}

/** Removes a member; a family left empty is removed from its outer family in turn (its branches all ended). */
function dropMember(families: InstanceState['families'], familyId: string, member: string): InstanceState['families'] {
  const f = families[familyId];
  if (!f) return families;
  const members = f.members.filter((m) => m !== member);
  if (members.length > 0) return { ...families, [familyId]: { ...f, members } };
  const rest = { ...families };
  delete rest[familyId];
  return f.outer ? dropMember(rest, f.outer, familyId) : rest;
}

function withMember(families: InstanceState['families'], familyId: string, member: string | undefined): InstanceState['families'] {
  const f = families[familyId];
  if (!f || member === undefined) return families;
  return { ...families, [familyId]: { ...f, members: [...f.members, member] } };
}

function replaceMember(families: InstanceState['families'], familyId: string, from: string, to: string): InstanceState['families'] {
  const f = families[familyId];
  if (!f) return families;
  return { ...families, [familyId]: { ...f, members: f.members.map((m) => (m === from ? to : m)) } };
}
