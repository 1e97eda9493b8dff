import { describe, expect, it } from 'vitest';
import type { FlowEvent, InstanceState } from '@crm/flow-runtime';
import { flowDurations, pathFrequencies, slaBreaches, stepDurations, waitingWork, type CaseLog } from '../src/runtime/analytics';

const H = 3_600_000;

function state(p: Partial<InstanceState> & Pick<InstanceState, 'instanceId' | 'flowId' | 'status'>): InstanceState {
  return { version: 1, seq: 0, data: {}, tokens: {}, tasks: {}, families: {}, controls: {}, alerts: [], incidents: [], visited: [], completedBy: {}, startedAt: 0, updatedAt: 0, children: [], ...p };
}

const ev = (instanceId: string, seq: number, at: number, e: Record<string, unknown>) => ({ instanceId, seq, at, ...e }) as FlowEvent;

/** Two finished approvals (one rejected), one running with a late, escalated review. */
function logs(): CaseLog[] {
  const done = (id: string, outcome: string, hours: number): CaseLog => ({
    state: state({ instanceId: id, flowId: 'approval', status: 'completed', startedAt: 0, endedAt: hours * H, outcome, endNodeId: `end-${outcome}` }),
    events: [
      ev(id, 1, 0, { type: 'task.opened', taskId: 't1', tokenId: 'k', nodeId: 'enter', roles: ['sales-rep'] }),
      ev(id, 2, 1 * H, { type: 'task.completed', taskId: 't1', nodeId: 'enter' }),
      ev(id, 3, 1 * H, { type: 'task.opened', taskId: 't2', tokenId: 'k', nodeId: 'review', roles: ['finance'] }),
      ev(id, 4, hours * H, { type: 'task.completed', taskId: 't2', nodeId: 'review' }),
    ],
  });
  const running: CaseLog = {
    state: state({
      instanceId: 'c',
      flowId: 'approval',
      status: 'active',
      tasks: { t2: { taskId: 't2', nodeId: 'review', tokenId: 'k', roles: ['finance'], status: 'open', openedAt: 1 * H, dueAt: 5 * H, escalated: true } },
    }),
    events: [
      ev('c', 1, 0, { type: 'task.opened', taskId: 't1', tokenId: 'k', nodeId: 'enter', roles: ['sales-rep'] }),
      ev('c', 2, 3 * H, { type: 'task.completed', taskId: 't1', nodeId: 'enter' }),
      ev('c', 3, 6 * H, { type: 'task.escalated', taskId: 't2', nodeId: 'review', to: 'sales-manager' }),
    ],
  };
  return [done('a', 'approved', 5), done('b', 'rejected', 9), running];
}

describe('dashboard metrics from the event logs', () => {
  it('averages lead time over completed cases only', () => {
    expect(flowDurations(logs())).toEqual([{ key: 'approval', flowId: 'approval', count: 2, avgMs: 7 * H, maxMs: 9 * H }]);
  });

  it('times each step from its task opening to its completion, slowest first', () => {
    const steps = stepDurations(logs());
    expect(steps.map((s) => [s.nodeId, s.count, s.avgMs / H])).toEqual([
      ['review', 2, 6],
      ['enter', 3, 5 / 3],
    ]);
  });

  it('counts waiting and overdue work per role at a given time', () => {
    expect(waitingWork(logs(), 4 * H)).toEqual([{ role: 'finance', open: 1, overdue: 0 }]);
    expect(waitingWork(logs(), 6 * H)).toEqual([{ role: 'finance', open: 1, overdue: 1 }]);
  });

  it('counts SLA breaches per step and how many are still open', () => {
    expect(slaBreaches(logs())).toEqual([{ flowId: 'approval', nodeId: 'review', count: 1, open: 1 }]);
  });

  it('groups completed cases by the steps they took and where they ended', () => {
    const paths = pathFrequencies(logs());
    expect(paths).toHaveLength(2);
    expect(paths.map((p) => [p.steps.join('>'), p.endNodeId, p.count])).toEqual([
      ['enter>review', 'end-approved', 1],
      ['enter>review', 'end-rejected', 1],
    ]);
  });
});
