// The flow the many-process test races on: a clerk's task with a one-hour SLA, a one-hour timer
// and an auditor's task with a one-hour SLA that nobody does, joined. At two hours every timer and
// every auditor SLA is due for the tickers (each must fire exactly once), and the clerk's SLA too
// unless a completer got there first.
import type { Flow } from '@crm/flow-runtime';

export const HOUR = 3_600_000;
export const T0 = Date.parse('2026-03-02T09:00:00Z');

export const raceFlow: Flow = {
  id: 'race',
  version: 1,
  name: { en: 'Race', zh: '竞争' },
  data: { note: { type: 'string' } },
  nodes: [
    { id: 'start', kind: 'start', name: { en: 'Start' } },
    { id: 'split', kind: 'parallel', name: { en: 'Split' } },
    { id: 'work', kind: 'task', name: { en: 'Work' }, roles: ['clerk'], fields: ['note'], sla: { hours: 1, escalateTo: 'supervisor' } },
    { id: 'cool', kind: 'wait', name: { en: 'Cool down' }, timer: { hours: 1 } },
    { id: 'audit', kind: 'task', name: { en: 'Audit' }, roles: ['auditor'], sla: { hours: 1, escalateTo: 'supervisor' } },
    { id: 'join', kind: 'join', name: { en: 'Join' } },
    { id: 'end', kind: 'end', name: { en: 'End' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'split' },
    { id: 'e2', source: 'split', target: 'work' },
    { id: 'e3', source: 'split', target: 'cool' },
    { id: 'e4', source: 'work', target: 'join' },
    { id: 'e5', source: 'cool', target: 'join' },
    { id: 'e7', source: 'split', target: 'audit' },
    { id: 'e8', source: 'audit', target: 'join' },
    { id: 'e6', source: 'join', target: 'end' },
  ],
};
