/**
 * @crm/flow-store-postgres — the CRM Flow store on PostgreSQL, for Node
 * services: one transaction per command, optimistic concurrency on the
 * unique (instance_id, seq) of the event table, work lists from indexed
 * open-task rows, due work claimed with `FOR UPDATE SKIP LOCKED` so timers
 * fire once across many processes, and a gap-safe global feed
 * (`xid8` + `pg_snapshot_xmin`). The same store runs embedded on PGlite:
 * `@crm/flow-store-postgres/pglite`.
 *
 * @example
 * import { createEngine } from '@crm/flow-runtime';
 * import { createPostgresStore } from '@crm/flow-store-postgres';
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL });
 * const engine = createEngine({ store, catalog });
 * // … on shutdown:
 * await store.close();
 *
 * @packageDocumentation
 */
import pg from 'pg';
import { describeUrl, StoreUnavailableError, unavailable } from './errors.js';
import { migrate } from './migrate.js';
import { poolDatabase } from './sql.js';
import { createSqlStore, type SqlFlowStore } from './store.js';

export { createSqlStore, type SqlFlowStore } from './store.js';
export { migrate, migrations, schemaVersion, type Migration, type MigrateResult } from './migrate.js';
export { poolDatabase, type SqlClient, type SqlDatabase } from './sql.js';
export { StoreUnavailableError } from './errors.js';

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** `postgres://user:pass@host:5432/db`; default `process.env.DATABASE_URL`. Ignored when `pool` is given. */
  connectionString?: string;
  /** A pool of the host's to use (not closed by `store.close()`). */
  pool?: pg.Pool;
  /** Connections in the pool the store opens. Default 10. */
  poolSize?: number;
  /** How long to wait for a connection before failing. Default 5,000 ms. */
  connectTimeoutMs?: number;
  /** Apply the package's migrations the database lacks before returning. Default true. */
  migrate?: boolean;
}

/**
 * Connects, checks the database answers, applies pending migrations (unless
 * `migrate: false`) and returns the store. Rejects with a
 * {@link StoreUnavailableError} naming the database when it cannot be reached.
 */
export async function createPostgresStore(options: PostgresStoreOptions = {}): Promise<SqlFlowStore> {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!options.pool && !connectionString) {
    throw new StoreUnavailableError('No PostgreSQL to connect to: pass connectionString (or a pool), or set DATABASE_URL, e.g. postgres://user:password@localhost:5432/crm.');
  }
  const where = connectionString ? describeUrl(connectionString) : 'PostgreSQL (the pool given)';
  const pool =
    options.pool ??
    new pg.Pool({
      connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
    });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  if (!options.pool) pool.on('error', () => {});
  const db = poolDatabase(pool, where, !options.pool);
  try {
    await db.query('SELECT 1');
    if (options.migrate !== false) await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw unavailable(e, where);
  }
  return withFriendlyErrors(createSqlStore(db), where);
}

/** Every store call that fails for want of a connection says so in plain language. */
function withFriendlyErrors(store: SqlFlowStore, where: string): SqlFlowStore {
  const wrapped = { ...store } as Record<string, unknown>;
  for (const [key, value] of Object.entries(store)) {
    if (typeof value !== 'function' || key === 'close') continue;
    wrapped[key] = async (...args: unknown[]) => {
      try {
        return await (value as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (e) {
        throw unavailable(e, where);
      }
    };
  }
  return wrapped as unknown as SqlFlowStore;
}
