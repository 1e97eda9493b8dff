/**
 * The read models the store keeps beside each log, recomputed from the state
 * after every command and written in the same atomic append.
 */
import type { InstanceState, InstanceSummary, OpenTaskRow } from './types.js';

/** The instance's summary row. */
export function summarize(state: InstanceState): InstanceSummary {
  let nextDueAt: number | undefined;
  const open = state.status === 'active' || state.status === 'incident';
  if (open) {
    // for…in, not Object.values: this runs on every command and needs no array.
    for (const id in state.tasks) {
      const t = state.tasks[id]!;
      if (t.status === 'open' && t.dueAt !== undefined && !t.escalated && (nextDueAt === undefined || t.dueAt < nextDueAt)) nextDueAt = t.dueAt;
    }
    for (const id in state.tokens) {
      const k = state.tokens[id]!;
      if (k.waiting === 'wait' && k.dueAt !== undefined && (nextDueAt === undefined || k.dueAt < nextDueAt)) nextDueAt = k.dueAt;
    }
  }
  if (nextDueAt === undefined && !state.parent && state.outcome !== undefined) {
    // A top-level case that ended with an outcome (the usual end) in one literal, with the same keys in the
    // same order as below: a member added after a literal needs a second block of its own (≈40 B, kept by
    // the store for every such case).
    return {
      instanceId: state.instanceId,
      flowId: state.flowId,
      version: state.version,
      status: state.status,
      seq: state.seq,
      startedAt: state.startedAt,
      updatedAt: state.updatedAt,
      at: standingAt(state),
      outcome: state.outcome,
    };
  }
  const summary: InstanceSummary = {
    instanceId: state.instanceId,
    flowId: state.flowId,
    version: state.version,
    status: state.status,
    seq: state.seq,
    startedAt: state.startedAt,
    updatedAt: state.updatedAt,
    at: standingAt(state),
  };
  if (nextDueAt !== undefined) summary.nextDueAt = nextDueAt;
  if (state.parent) summary.parentId = state.parent.instanceId;
  if (state.outcome !== undefined) summary.outcome = state.outcome;
  return summary;
}

/** The instance's open tasks, one row each; `roles` is `['*']` when anyone may do the task. */
export function openTaskRows(state: InstanceState): OpenTaskRow[] {
  // Made with the first row (most cases have one open task, or none: the shared empty list).
  let rows: OpenTaskRow[] | undefined;
  for (const id in state.tasks) {
    const t = state.tasks[id]!;
    if (t.status !== 'open') continue;
    const row: OpenTaskRow = {
      instanceId: state.instanceId,
      taskId: t.taskId,
      nodeId: t.nodeId,
      flowId: state.flowId,
      version: state.version,
      roles: t.roles.length ? t.roles : ['*'],
      openedAt: t.openedAt,
    };
    if (t.dueAt !== undefined) row.dueAt = t.dueAt;
    if (rows) rows.push(row);
    else rows = [row];
  }
  return rows ?? NO_ROWS;
}

/** The nodes the instance's tokens stand at, each once. */
function standingAt(state: InstanceState): string[] {
  let first: string | undefined;
  let at: string[] | undefined;
  for (const id in state.tokens) {
    const nodeId = state.tokens[id]!.nodeId;
    if (first === undefined) first = nodeId;
    else if (nodeId !== first && !at?.includes(nodeId)) (at ??= [first]).push(nodeId);
  }
  return at ?? (first === undefined ? NOWHERE : single(first));
}

/** `[nodeId]` lists, one per node id (frozen, shared by the summaries of every case standing there), up to a bound. */
const singles = new Map<string, string[]>();
function single(nodeId: string): string[] {
  let list = singles.get(nodeId);
  if (!list) {
    list = Object.freeze([nodeId]) as unknown as string[];
    if (singles.size < 10_000) singles.set(nodeId, list);
  }
  return list;
}

/** Shared empty lists (never written): an instance with no open task, or no token left. */
const NO_ROWS: OpenTaskRow[] = Object.freeze([]) as unknown as OpenTaskRow[];
const NOWHERE: string[] = Object.freeze([]) as unknown as string[];
