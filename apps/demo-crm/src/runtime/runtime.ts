/**
 * The demo's runtime: the CRM database, the engine over its store, the demo
 * clock and the record sync, opened together. Everything the pages need
 * from the engine goes through here, so a change in the engine's API is
 * one file's change.
 */
import { createEngine, type Catalog, type Engine, type IdRequest } from '@crm/flow-runtime';
import { createChangeControl, type ChangeControl } from '@crm/flow-runtime/analysis';
import { precompiledRules } from '@crm/flow-runtime/precompiled';
// The sample flows' rules compiled ahead of time (`pnpm rules:demo`): plain code in the bundle, no eval.
// Flows an admin changes in the designer run their new rules as closures until the module is written again.
import sampleRules from './flow-rules.generated';
import { CRM_DB_NAME, CrmDb } from '../db/crm-db';
import { flowRecordId } from '../db/ids';
import { seedDemo } from '../db/seed';
import type { Locale } from '../db/seed-records';
import { createDemoClock, DEMO_START, type DemoClock } from './clock';
import { catalog, applyPublishedCatalog } from './definitions';
import { CHANGE_ADMIN_ROLES, CHANGE_AUTHOR_ROLES, publishDue } from './changes';
import { openFlowStore, type OpenedStore } from './store';
import { createRecordSync, type RecordSync } from './sync';

export interface DemoRuntime {
  db: CrmDb;
  engine: Engine;
  /** Change control over the engine: drafts, reviews, publications, migrations, recorded in the flow store. */
  changes: ChangeControl;
  /** The same change control checking flows against another catalog (a draft's edited windows, before they go live). */
  changesWith(catalog: Catalog): ChangeControl;
  clock: DemoClock;
  sync: RecordSync;
  /** Warnings from seeding (history steps that could not be played). */
  warnings: string[];
  /** Moves the demo clock to `ms`, fires due timers and SLAs, publishes scheduled changes that are due, and saves the time. */
  setTime(ms: number): Promise<void>;
  close(): void;
}

/** Short, readable instance ids (`3f9a2c41`), and ids of records flows make numbered the CRM's way (`PAY-3F9A2C`). */
const newId = (request?: IdRequest) =>
  request?.kind === 'record' && request.entity ? flowRecordId(request.entity) : globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 8);

/** Opens the demo; seeds it when it is empty, or when `fresh` (reset). */
export async function openRuntime(locale: Locale, options: { fresh?: boolean; dbName?: string } = {}): Promise<DemoRuntime> {
  const name = options.dbName ?? CRM_DB_NAME;
  let flows: OpenedStore = await openFlowStore(`${name}-flows`);
  const db = new CrmDb(name);
  await db.open();
  const seeded = await db.meta.get('seeded');
  const needsSeed = options.fresh || !seeded || !flows.persistent;
  if (needsSeed) {
    // Start both stores empty so records and event logs match.
    await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
    await flows.destroy();
    flows = await openFlowStore(`${name}-flows`);
  }
  // Windows an admin published from the catalog editor (the shipped ones after a reset).
  const published = needsSeed ? undefined : ((await db.meta.get('catalog'))?.value as Catalog | undefined);
  try {
    applyPublishedCatalog(published);
  } catch (e) {
    console.warn('The published catalog is left out:', e);
    applyPublishedCatalog(undefined);
  }
  const saved = (await db.meta.get('clock'))?.value;
  const clock = createDemoClock(typeof saved === 'number' ? saved : DEMO_START);
  const engine = createEngine({ store: flows.store, catalog, clock, ids: newId, rules: precompiledRules(sampleRules) });
  const store = flows.store;
  const changesWith = (c: Catalog) => createChangeControl({ engine, store, catalog: c, clock, adminRoles: CHANGE_ADMIN_ROLES, authorRoles: CHANGE_AUTHOR_ROLES });
  const changes = changesWith(catalog);
  const sync = createRecordSync(db, engine);
  const warnings = needsSeed ? await seedDemo({ db, engine, clock, sync }, locale, DEMO_START) : [];
  if (warnings.length) console.warn('Demo history could not be played in full:', warnings);
  const rt: DemoRuntime = {
    db,
    engine,
    changes,
    changesWith,
    clock,
    sync,
    warnings,
    async setTime(ms: number) {
      clock.set(ms);
      await db.meta.put({ key: 'clock', value: ms });
      await engine.tick(ms);
      await publishDue(rt);
      await sync.flush();
    },
    close() {
      sync.stop();
      db.close();
    },
  };
  return rt;
}
