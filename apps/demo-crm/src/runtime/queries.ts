/**
 * Reads several pages share: instances with their states, alerts by role,
 * the flows' names.
 */
import type { AlertState, Engine, Flow, InstanceState } from '@crm/flow-runtime';
import type { CrmDb } from '../db/crm-db';

/** Every instance's state, newest first. */
export async function allStates(engine: Engine): Promise<InstanceState[]> {
  const summaries = await engine.instances();
  const states = await Promise.all(summaries.map((s) => engine.instance(s.instanceId)));
  return states.sort((a, b) => b.startedAt - a.startedAt);
}

export interface AlertRow {
  alert: AlertState;
  instance: InstanceState;
}

/** Alerts addressed to a role (an admin sees all), newest first. */
export function alertsFor(role: string, states: readonly InstanceState[]): AlertRow[] {
  const rows: AlertRow[] = [];
  for (const s of states) for (const a of s.alerts) if (role === 'admin' || a.to.includes(role)) rows.push({ alert: a, instance: s });
  return rows.sort((a, b) => b.alert.at - a.alert.at);
}

/** Alert ids the user marked as read. */
export async function dismissedAlerts(db: CrmDb): Promise<Set<string>> {
  const row = await db.meta.get('dismissed-alerts');
  return new Set(Array.isArray(row?.value) ? (row.value as string[]) : []);
}

export async function dismissAlerts(db: CrmDb, ids: readonly string[]): Promise<void> {
  const current = await dismissedAlerts(db);
  for (const id of ids) current.add(id);
  await db.meta.put({ key: 'dismissed-alerts', value: [...current] });
}

/** Definitions by `flowId@version`, loaded once per call site. */
export async function definitionsOf(engine: Engine, states: readonly Pick<InstanceState, 'flowId' | 'version'>[]): Promise<Map<string, Flow>> {
  const out = new Map<string, Flow>();
  for (const s of states) {
    const key = `${s.flowId}@${s.version}`;
    if (!out.has(key)) out.set(key, await engine.definition(s.flowId, s.version));
  }
  return out;
}

/** Customers at or above 90% of their credit limit. */
export async function creditWatch(db: CrmDb) {
  const customers = await db.records('customer').toArray();
  return customers.filter((c) => typeof c.creditLimit === 'number' && c.creditLimit > 0 && Number(c.creditUsed ?? 0) >= 0.9 * c.creditLimit);
}
