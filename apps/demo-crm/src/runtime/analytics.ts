/**
 * Process metrics read from the event logs: how long flows and steps take,
 * work waiting now, SLA breaches, and which paths cases take. Pure
 * functions over events, so the dashboard and tests read the same numbers.
 */
import type { FlowEvent, InstanceState } from '@crm/flow-runtime';

export interface CaseLog {
  state: InstanceState;
  events: readonly FlowEvent[];
}

export interface DurationStat {
  key: string;
  flowId: string;
  nodeId?: string;
  count: number;
  avgMs: number;
  maxMs: number;
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Lead time of completed cases per flow. */
export function flowDurations(logs: readonly CaseLog[]): DurationStat[] {
  const by = new Map<string, number[]>();
  for (const { state } of logs) {
    if (state.status !== 'completed' || state.endedAt === undefined) continue;
    const list = by.get(state.flowId) ?? [];
    list.push(state.endedAt - state.startedAt);
    by.set(state.flowId, list);
  }
  return [...by].map(([flowId, xs]) => ({ key: flowId, flowId, count: xs.length, avgMs: avg(xs), maxMs: Math.max(...xs) })).sort((a, b) => b.avgMs - a.avgMs);
}

/** Time from a task's opening to its completion, per flow and step. */
export function stepDurations(logs: readonly CaseLog[]): DurationStat[] {
  const by = new Map<string, { flowId: string; nodeId: string; xs: number[] }>();
  for (const { state, events } of logs) {
    const opened = new Map<string, number>();
    for (const e of events) {
      if (e.type === 'task.opened') opened.set(e.taskId, e.at);
      if (e.type === 'task.completed') {
        const from = opened.get(e.taskId);
        if (from === undefined) continue;
        const key = `${state.flowId}/${e.nodeId}`;
        const entry = by.get(key) ?? { flowId: state.flowId, nodeId: e.nodeId, xs: [] };
        entry.xs.push(e.at - from);
        by.set(key, entry);
      }
    }
  }
  return [...by].map(([key, v]) => ({ key, flowId: v.flowId, nodeId: v.nodeId, count: v.xs.length, avgMs: avg(v.xs), maxMs: Math.max(...v.xs) })).sort((a, b) => b.avgMs - a.avgMs);
}

export interface WaitingStat {
  role: string;
  open: number;
  overdue: number;
}

/** Open tasks now, per candidate role, and how many are past due. */
export function waitingWork(logs: readonly CaseLog[], now: number): WaitingStat[] {
  const by = new Map<string, WaitingStat>();
  for (const { state } of logs) {
    for (const task of Object.values(state.tasks)) {
      if (task.status !== 'open') continue;
      for (const role of task.roles.length ? task.roles : ['*']) {
        const s = by.get(role) ?? { role, open: 0, overdue: 0 };
        s.open += 1;
        if (task.dueAt !== undefined && task.dueAt <= now) s.overdue += 1;
        by.set(role, s);
      }
    }
  }
  return [...by.values()].sort((a, b) => b.open - a.open);
}

export interface BreachStat {
  flowId: string;
  nodeId: string;
  count: number;
  open: number;
}

/** SLA escalations per step, and how many of them are still open. */
export function slaBreaches(logs: readonly CaseLog[]): BreachStat[] {
  const by = new Map<string, BreachStat>();
  for (const { state, events } of logs) {
    for (const e of events) {
      if (e.type !== 'task.escalated') continue;
      const key = `${state.flowId}/${e.nodeId}`;
      const s = by.get(key) ?? { flowId: state.flowId, nodeId: e.nodeId, count: 0, open: 0 };
      s.count += 1;
      if (state.tasks[e.taskId]?.status === 'open') s.open += 1;
      by.set(key, s);
    }
  }
  return [...by.values()].sort((a, b) => b.count - a.count);
}

export interface PathStat {
  flowId: string;
  /** Steps people did, in order, then the outcome. */
  steps: string[];
  outcome: string;
  endNodeId?: string;
  count: number;
}

/** How often each path through a flow was taken by completed cases. */
export function pathFrequencies(logs: readonly CaseLog[]): PathStat[] {
  const by = new Map<string, PathStat>();
  for (const { state, events } of logs) {
    if (state.status !== 'completed') continue;
    const steps = events.filter((e) => e.type === 'task.completed').map((e) => (e.type === 'task.completed' ? e.nodeId : ''));
    const outcome = state.outcome ?? state.endNodeId ?? '';
    const key = `${state.flowId}|${steps.join('>')}|${outcome}`;
    const s = by.get(key) ?? { flowId: state.flowId, steps, outcome, ...(state.endNodeId ? { endNodeId: state.endNodeId } : {}), count: 0 };
    s.count += 1;
    by.set(key, s);
  }
  return [...by.values()].sort((a, b) => b.count - a.count || a.flowId.localeCompare(b.flowId));
}
