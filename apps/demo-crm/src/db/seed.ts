/**
 * Fills an empty demo: master records, the sample flows at version 1, and
 * three weeks of played history. "Reset demo data" runs it on fresh databases.
 */
import type { Engine, Flow } from '@crm/flow-runtime';
import type { DemoClock } from '../runtime/clock';
import { actorFor } from '../runtime/actors';
import { sampleFlows } from '../runtime/definitions';
import type { RecordSync } from '../runtime/sync';
import type { CrmDb } from './crm-db';
import { playHistory } from './seed-history';
import { seedRecords, seededCreditUsed, type Locale } from './seed-records';

/** Credit used when the played history begins (the balances at its end are in seed-records.ts). */
const HISTORY_START_CREDIT_USED: Record<string, number> = { 'C-0005': 96_000 };

export interface SeedContext {
  db: CrmDb;
  engine: Engine;
  clock: DemoClock;
  sync: RecordSync;
}

/** Seeds the demo in `locale` with "now" at `now`. Returns warnings (steps of the history that could not be played). */
export async function seedDemo({ db, engine, clock, sync }: SeedContext, locale: Locale, now: number): Promise<string[]> {
  const records = seedRecords(locale, now);
  await db.transaction('rw', db.tables, async () => {
    for (const [entity, rows] of Object.entries(records)) await db.records(entity).bulkPut(rows);
  });
  clock.set(now - 30 * 24 * 3_600_000);
  // The engine refuses a flow whose sub-flows are not deployed yet: the flows they run go first.
  for (const flow of inDependencyOrder(sampleFlows)) await engine.deploy(flow, { actor: actorFor('admin') });
  // Three weeks ago most customers had little open credit; Ningbo was already close to its limit.
  await db.transaction('rw', db.records('customer'), async () => {
    for (const id of Object.keys(seededCreditUsed())) await db.records('customer').update(id, { creditUsed: HISTORY_START_CREDIT_USED[id] ?? 0 });
  });
  const warnings = await playHistory({ db, engine, clock, sync, locale, now });
  // The played orders booked credit; set the balances the stories need (the 92% customer).
  const used = seededCreditUsed();
  await db.transaction('rw', db.records('customer'), async () => {
    for (const [id, creditUsed] of Object.entries(used)) await db.records('customer').update(id, { creditUsed });
  });
  // Alerts older than three days count as read, so the badge shows what is new.
  const old: string[] = [];
  for (const summary of await engine.instances()) {
    const state = await engine.instance(summary.instanceId);
    for (const a of state.alerts) if (a.at < now - 3 * 24 * 3_600_000) old.push(a.alertId);
  }
  await db.meta.put({ key: 'dismissed-alerts', value: old });
  clock.set(now);
  await db.meta.put({ key: 'seeded', value: { locale, at: now } });
  await db.meta.put({ key: 'clock', value: now });
  return warnings;
}

/** Flows ordered so that every flow a sub-flow step runs comes before the flows that run it. */
export function inDependencyOrder(flows: readonly Flow[]): Flow[] {
  const byId = new Map(flows.map((f) => [f.id, f]));
  const out: Flow[] = [];
  const done = new Set<string>();
  const visit = (f: Flow, path: Set<string>) => {
    if (done.has(f.id) || path.has(f.id)) return;
    path.add(f.id);
    for (const n of f.nodes) if (n.kind === 'subflow' && byId.has(n.flow)) visit(byId.get(n.flow)!, path);
    done.add(f.id);
    out.push(f);
  };
  for (const f of flows) visit(f, new Set());
  return out;
}
