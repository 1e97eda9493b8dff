/**
 * The fold: `state = events.reduce(applyEvent, undefined)`. Pure and total:
 * it needs no definition, because events say everything that happened.
 *
 * Speed without giving up purity: {@link applyInPlace} updates a *draft*
 * whose containers (the maps and lists of the state) belong to the caller,
 * and never mutates the objects inside them (tokens, tasks, data) — those are
 * replaced. {@link ownedCopy} makes such a draft from any state by copying its
 * containers once, so a command or a replay pays one copy, not one per event,
 * and every earlier state stays valid.
 */
import { applyChanges } from './data.js';
import type { FlowEvent, InstanceState, TaskState, TokenState } from './types.js';

/**
 * A state's times as its literal is written, set right after: a field first
 * made holding a number would be a boxed double, a box per state (see
 * `STAMPED_AT` in run.ts, which this module cannot import).
 */
const STAMPED = undefined as unknown as number;

/** Applies one event, returning a new state; `state` is left as it was. The first event of a log must be `instance.started`. */
export function applyEvent(state: InstanceState | undefined, event: FlowEvent): InstanceState {
  return applyInPlace(state ? ownedCopy(state) : undefined, event);
}

/** Folds a log (onto a copy of `from`, when given). */
export function replay(events: readonly FlowEvent[], from?: InstanceState): InstanceState | undefined {
  let state = from && events.length ? ownedCopy(from) : from;
  for (const e of events) state = applyInPlace(state, e);
  return state;
}

/**
 * A copy of the state whose containers may be updated in place. Written as
 * one literal with every optional key present (undefined when unset), so all
 * states share one shape and property access stays fast.
 */
export function ownedCopy(s: InstanceState): InstanceState {
  const c: InstanceState = {
    instanceId: s.instanceId,
    flowId: s.flowId,
    version: s.version,
    status: s.status,
    seq: s.seq,
    data: s.data,
    // Written by most events: copied once here, then updated in place.
    tokens: { ...s.tokens },
    tasks: { ...s.tasks },
    // Written rarely: shared here, replaced (never mutated) when written.
    families: s.families,
    controls: s.controls,
    alerts: s.alerts,
    incidents: s.incidents,
    // Short lists are shared and replaced by a longer one on each write (see `visit`).
    visited: s.visited.length < OWNED_VISITED ? s.visited : s.visited.slice(),
    completedBy: s.completedBy,
    startedAt: STAMPED,
    startedBy: s.startedBy,
    updatedAt: STAMPED,
    endedAt: s.endedAt,
    outcome: s.outcome,
    endNodeId: s.endNodeId,
    cancelReason: s.cancelReason,
    parent: s.parent,
    children: s.children,
  };
  c.startedAt = s.startedAt;
  c.updatedAt = s.updatedAt;
  return c;
}

/**
 * Applies one event to a draft from {@link ownedCopy} (or creates the state), updating its
 * containers in place. `data`: for a `data.changed` event, the data after it when the caller
 * already has it (`applyChanges(draft.data, event.changes)`), so it is not built twice.
 */
export function applyInPlace(draft: InstanceState | undefined, event: FlowEvent, data?: InstanceState['data']): InstanceState {
  if (event.type === 'instance.started') return initial(event);
  if (!draft) throw new Error(`The log of instance '${event.instanceId}' does not begin with instance.started.`);
  const s = draft;
  s.seq = event.seq;
  s.updatedAt = event.at;
  switch (event.type) {
    case 'token.moved': {
      if (s.tokens === NO_TOKENS) s.tokens = {};
      s.tokens[event.tokenId] = token(event.tokenId, event.to, s.tokens[event.tokenId]?.familyId);
      visit(s, event.to);
      break;
    }
    case 'token.split': {
      const outer = s.tokens[event.tokenId]?.familyId;
      s.tokens = without(s.tokens, event.tokenId);
      for (const b of event.branches) s.tokens[b.tokenId] = token(b.tokenId, b.to, event.familyId);
      s.families = { ...s.families, [event.familyId]: { id: event.familyId, outer, members: event.branches.map((b) => b.tokenId) } };
      // The outer family now waits for this split's family instead of the token that split.
      if (outer) replaceMember(s, outer, event.tokenId, event.branches.length ? event.familyId : undefined);
      for (const b of event.branches) visit(s, b.to);
      break;
    }
    case 'token.joined': {
      s.tokens = without(s.tokens, event.consumed);
      const outer = s.families[event.familyId]?.outer;
      s.families = without(s.families, event.familyId);
      s.tokens[event.tokenId] = token(event.tokenId, event.nodeId, outer);
      if (outer) replaceMember(s, outer, event.familyId, event.tokenId);
      break;
    }
    case 'token.held':
      wait(s, event.tokenId, 'gate');
      break;
    case 'token.ended': {
      const family = s.tokens[event.tokenId]?.familyId;
      // The last token (a case at its end): the shared empty tokens, not a new empty object.
      s.tokens = onlyKey(s.tokens, event.tokenId) ? NO_TOKENS : without(s.tokens, event.tokenId);
      if (family) dropMember(s, family, event.tokenId);
      break;
    }
    case 'decision.taken':
      break;
    case 'task.opened': {
      s.tasks[event.taskId] = {
        taskId: event.taskId,
        nodeId: event.nodeId,
        tokenId: event.tokenId,
        roles: event.roles,
        status: 'open',
        openedAt: event.at,
        dueAt: event.dueAt,
        escalated: undefined,
        completedAt: undefined,
        completedBy: undefined,
      };
      wait(s, event.tokenId, 'task');
      break;
    }
    case 'task.completed': {
      const t = s.tasks[event.taskId];
      if (t) {
        s.tasks[event.taskId] = task(t, 'completed', event.at, event.actor ?? t.completedBy);
        clearToken(s, t.tokenId);
      }
      if (event.actor) s.completedBy = { ...s.completedBy, [event.nodeId]: event.actor };
      break;
    }
    case 'task.escalated': {
      const t = s.tasks[event.taskId];
      if (t) s.tasks[event.taskId] = task(t, t.status, undefined, undefined, true);
      break;
    }
    case 'data.changed':
      s.data = data ?? applyChanges(s.data, event.changes);
      break;
    case 'control.changed':
      s.controls = { ...s.controls, [event.controlId]: event.holds };
      break;
    case 'alert.raised':
      s.alerts = [...s.alerts, { alertId: event.alertId, at: event.at, source: event.source, message: event.message, ...(event.text ? { text: event.text } : {}), to: event.to, severity: event.severity }];
      break;
    case 'wait.started':
      wait(s, event.tokenId, 'wait', event.dueAt);
      break;
    case 'wait.ended':
    case 'subflow.completed':
      clearToken(s, event.tokenId);
      break;
    case 'subflow.started':
      s.children = [...s.children, event.childInstanceId];
      wait(s, event.tokenId, 'subflow', undefined, event.childInstanceId);
      break;
    case 'incident.raised':
      s.incidents = s.incidents.concat({
        incidentId: event.incidentId,
        at: event.at,
        code: event.code,
        message: event.message,
        ...(event.text ? { text: event.text } : {}),
        ...(event.nodeId ? { nodeId: event.nodeId } : {}),
        ...(event.tokenId ? { tokenId: event.tokenId } : {}),
        ...(event.controlId ? { controlId: event.controlId } : {}),
        resolved: false,
      });
      s.status = 'incident';
      if (event.tokenId) wait(s, event.tokenId, 'incident');
      break;
    case 'incident.resolved':
      resolveIncident(s, event.incidentId);
      break;
    case 'instance.completed':
      s.status = 'completed';
      s.endedAt = event.at;
      s.endNodeId = event.nodeId;
      s.outcome = event.outcome;
      break;
    case 'instance.cancelled':
      s.status = 'cancelled';
      s.endedAt = event.at;
      s.cancelReason = event.reason;
      for (const [id, t] of Object.entries(s.tasks)) if (t.status === 'open') s.tasks[id] = task(t, 'cancelled');
      s.tokens = {};
      s.families = {};
      break;
    case 'instance.migrated':
      migrated(s, event);
      break;
  }
  return s;
}

// The rarer events are folded by functions of their own: a closure over `event` in applyInPlace
// would make every call allocate a context for it (≈45 B per event folded).

function resolveIncident(s: InstanceState, incidentId: string): void {
  const incident = s.incidents.find((x) => x.incidentId === incidentId);
  if (incident) s.incidents = s.incidents.map((x) => (x === incident ? { ...x, resolved: true } : x));
  if (s.status === 'incident' && s.incidents.every((x) => x.resolved)) s.status = 'active';
  if (incident?.tokenId) clearToken(s, incident.tokenId);
}

function migrated(s: InstanceState, event: Extract<FlowEvent, { type: 'instance.migrated' }>): void {
  const map = (id: string) => event.nodeMap[id] ?? id;
  s.version = event.toVersion;
  for (const [id, t] of Object.entries(s.tokens)) s.tokens[id] = token(t.id, map(t.nodeId), t.familyId, t.waiting, t.dueAt, t.childInstanceId);
  for (const [id, t] of Object.entries(s.tasks)) if (t.status === 'open') s.tasks[id] = task(t, 'open', undefined, undefined, undefined, map(t.nodeId), event.taskRoles[id]);
  const completedBy: InstanceState['completedBy'] = {};
  for (const [id, a] of Object.entries(s.completedBy)) completedBy[map(id)] = a;
  s.completedBy = completedBy;
}

function initial(event: Extract<FlowEvent, { type: 'instance.started' }>): InstanceState {
  const s: InstanceState = {
    instanceId: event.instanceId,
    flowId: event.flowId,
    version: event.version,
    status: 'active',
    seq: event.seq,
    data: event.data,
    tokens: {},
    tasks: {},
    // Replaced, never changed in place (see ownedCopy): every new instance shares the same empty ones.
    families: NONE as InstanceState['families'],
    controls: NONE as InstanceState['controls'],
    alerts: NO_ITEMS as unknown as InstanceState['alerts'],
    incidents: NO_ITEMS as unknown as InstanceState['incidents'],
    visited: NO_ITEMS as unknown as InstanceState['visited'],
    completedBy: NONE as InstanceState['completedBy'],
    startedAt: STAMPED,
    startedBy: event.actor,
    updatedAt: STAMPED,
    endedAt: undefined,
    outcome: undefined,
    endNodeId: undefined,
    cancelReason: undefined,
    parent: event.parent,
    children: NO_ITEMS as unknown as InstanceState['children'],
  };
  s.startedAt = event.at;
  s.updatedAt = event.at;
  return s;
}

/** The empty containers new states share (frozen: a state's containers are replaced, never changed in place). */
const NONE = Object.freeze({});
const NO_ITEMS: readonly unknown[] = Object.freeze([]);

/**
 * From this length on a draft's `visited` is its own (copied by {@link ownedCopy}) and grows in
 * place; shorter ones are replaced on each visit by the list one longer, which is shared (see
 * {@link longer}).
 */
const OWNED_VISITED = 32;

/** Records a node entered. */
function visit(s: InstanceState, nodeId: string): void {
  const v = s.visited;
  if (v.length >= OWNED_VISITED) return void v.push(nodeId);
  s.visited = longer(v, nodeId);
}

/**
 * Most shared values are bounded by this many entries each (lists of visited steps, tokens): past
 * it, new ones are made per state as before. A deployment's flows rarely come near it.
 */
const SHARED_MAX = 20_000;

/** Visited lists shorter than {@link OWNED_VISITED}, each made once (frozen): a shared list → the step entered next → the list one longer. */
const paths = new Map<readonly string[], Map<string, string[]>>([[NO_ITEMS as readonly string[], new Map()]]);

/**
 * `v` with `nodeId` added. Cases of a flow walk the same few paths, so each
 * short list is made once and shared by every state that has walked it (as
 * a state already shared its list with the state before it).
 */
function longer(v: readonly string[], nodeId: string): string[] {
  const next = paths.get(v);
  const hit = next?.get(nodeId);
  if (hit) return hit;
  const n = v.length;
  // Copied by hand: `concat` is ten times slower on lists this short.
  const copy = new Array<string>(n + 1);
  for (let i = 0; i < n; i++) copy[i] = v[i]!;
  copy[n] = nodeId;
  // A list that is not shared (made past the bound) has no branch: its longer lists are its state's own
  // too. One of OWNED_VISITED steps is its draft's own, to grow in place.
  if (next && n + 1 < OWNED_VISITED && paths.size < SHARED_MAX) {
    next.set(nodeId, copy);
    paths.set(Object.freeze(copy), new Map());
  }
  return copy;
}

/**
 * Tokens that only say where they stand (no family, due time or child), each
 * made once and shared (frozen) by every state with that token there: token
 * id → step → one per waiting reason. Token ids are minted from sequence
 * numbers, so cases of a flow reuse the same few (see `seqId`).
 */
const plainTokens = new Map<string, Map<string, TokenState[]>>();
let plainCount = 0;
/** The index of each waiting reason in a {@link plainTokens} entry. */
const WAITING: Record<NonNullable<TokenState['waiting']>, number> = { task: 1, gate: 2, wait: 3, subflow: 4, incident: 5, join: 6 };

/** A token, always with the same keys. */
function token(id: string, nodeId: string, familyId?: string, waiting?: TokenState['waiting'], dueAt?: number, childInstanceId?: string): TokenState {
  if (familyId !== undefined || dueAt !== undefined || childInstanceId !== undefined) return { id, nodeId, familyId, waiting, dueAt, childInstanceId };
  let atNode = plainTokens.get(id);
  let kinds = atNode?.get(nodeId);
  const i = waiting === undefined ? 0 : WAITING[waiting];
  const hit = kinds?.[i];
  if (hit) return hit;
  const t: TokenState = { id, nodeId, familyId, waiting, dueAt, childInstanceId };
  if (plainCount >= SHARED_MAX) return t;
  if (!atNode) plainTokens.set(id, (atNode = new Map()));
  if (!kinds) atNode.set(nodeId, (kinds = []));
  kinds[i] = Object.freeze(t);
  plainCount++;
  return t;
}

/** A task, always with the same keys: `t` with what changed (arguments, not an options object per call). */
function task(t: TaskState, status: TaskState['status'], completedAt = t.completedAt, completedBy = t.completedBy, escalated = t.escalated, nodeId = t.nodeId, roles = t.roles): TaskState {
  return { taskId: t.taskId, nodeId, tokenId: t.tokenId, roles, status, openedAt: t.openedAt, dueAt: t.dueAt, escalated, completedAt, completedBy };
}

function wait(s: InstanceState, tokenId: string, waiting: TokenState['waiting'], dueAt?: number, childInstanceId?: string): void {
  const t = s.tokens[tokenId];
  if (t) s.tokens[tokenId] = token(t.id, t.nodeId, t.familyId, waiting, dueAt, childInstanceId);
}

/** The token with no waiting reason (it moves on). */
function clearToken(s: InstanceState, tokenId: string): void {
  const t = s.tokens[tokenId];
  if (t) s.tokens[tokenId] = token(t.id, t.nodeId, t.familyId);
}

/** Replaces (or, with `to` undefined, removes) a member of a family. */
function replaceMember(s: InstanceState, familyId: string, from: string, to: string | undefined): void {
  const f = s.families[familyId];
  if (!f) return;
  const members = to === undefined ? f.members.filter((m) => m !== from) : f.members.map((m) => (m === from ? to : m));
  s.families = { ...s.families, [familyId]: { ...f, members } };
}

/** Removes a member; a family left empty is removed from its outer family in turn (its branches all ended). */
function dropMember(s: InstanceState, familyId: string, member: string): void {
  const f = s.families[familyId];
  if (!f) return;
  const members = f.members.filter((m) => m !== member);
  if (members.length > 0) {
    s.families = { ...s.families, [familyId]: { ...f, members } };
    return;
  }
  s.families = without(s.families, familyId);
  if (f.outer) dropMember(s, f.outer, familyId);
}

/**
 * The tokens of a draft whose last token ended (frozen, shared): replaced, never written; a
 * token.moved after it in the same draft starts a new object.
 */
const NO_TOKENS = NONE as InstanceState['tokens'];

/** True when `key` is the only key of `obj`. */
function onlyKey(obj: object, key: string): boolean {
  let only = false;
  for (const k in obj) {
    if (k !== key) return false;
    only = true;
  }
  return only;
}

/** A copy without a key, or some: cheaper than `delete`, which turns small objects into slow dictionaries. */
function without<T>(obj: Record<string, T>, keys: string | readonly string[]): Record<string, T> {
  const out: Record<string, T> = {};
  if (typeof keys === 'string') {
    for (const k in obj) if (k !== keys) out[k] = obj[k]!;
  } else for (const k in obj) if (!keys.includes(k)) out[k] = obj[k]!;
  return out;
}
