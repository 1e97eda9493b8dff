/**
 * The store on PGlite (`@electric-sql/pglite`): PostgreSQL compiled to WASM,
 * running inside this process — nothing to install or start. The same SQL
 * and migrations as on a server. PGlite is single-process: one process per
 * data directory (two processes on one directory corrupt it) and one
 * connection, so commands run one after another. To share a store between
 * processes, use PostgreSQL (`createPostgresStore`).
 *
 * @example
 * import { createPgliteStore } from '@crm/flow-store-postgres/pglite';
 * const store = await createPgliteStore({ dataDir: './data/flow' }); // in memory without dataDir
 *
 * @packageDocumentation
 */
import { PGlite } from '@electric-sql/pglite';
import { migrate } from './migrate.js';
import type { SqlClient, SqlDatabase } from './sql.js';
import { createSqlStore, type SqlFlowStore } from './store.js';

/** Options of {@link createPgliteStore}. */
export interface PgliteStoreOptions {
  /** A directory for the database files; in memory (lost on exit) when absent. */
  dataDir?: string;
  /** A PGlite of the host's to use (not closed by `store.close()`). */
  db?: PGlite;
}

type Queryable = Pick<PGlite, 'query' | 'exec'>;

function client(q: Queryable): SqlClient {
  return {
    query: async <R>(text: string, params?: readonly unknown[]) => ({ rows: (await q.query<R>(text, params as unknown[] | undefined)).rows }),
    exec: async (sql: string) => void (await q.exec(sql)),
  };
}

/** A {@link SqlDatabase} over a PGlite instance. */
export function pgliteDatabase(pglite: PGlite, label: string, owns: boolean): SqlDatabase {
  return {
    label,
    ...client(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(client(tx))),
    close: async () => {
      if (owns) await pglite.close();
    },
  };
}

/** Opens (or creates) the database, applies pending migrations and returns the store. */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<SqlFlowStore> {
  const pglite = options.db ?? (options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create());
  const db = pgliteDatabase(pglite, options.dataDir ? `PGlite at ${options.dataDir}` : 'PGlite in memory', !options.db);
  await migrate(db);
  return createSqlStore(db);
}
