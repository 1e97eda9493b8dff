/**
 * Versioned migrations: the SQL files in the package's `migrations/` folder
 * (`NNN_name.sql`), applied in order, each in its own transaction, recorded in
 * `flow_schema_migrations`. An advisory lock lets many processes start at
 * once: one applies, the others wait and find nothing left to do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlDatabase } from './sql.js';

/** One migration shipped with the package. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** What {@link migrate} did. */
export interface MigrateResult {
  /** Versions applied by this call. */
  applied: number[];
  /** The schema version now. */
  version: number;
}

/** Any constant the store's processes agree on; it names the advisory lock migrations take. */
const LOCK_KEY = 7_240_517_301;

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** The migrations shipped with the package, by version. */
export function migrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const [, num, name] = /^(\d+)_([\w-]+)\.sql$/.exec(file)!;
      return { version: Number(num), name: name!, sql: readFileSync(MIGRATIONS_DIR + file, 'utf8') };
    });
}

/** The newest schema version the package knows. */
export const LATEST_VERSION = (): number => migrations().at(-1)?.version ?? 0;

/** Applies the migrations the database lacks. Safe to run from several processes at once. */
export async function migrate(db: SqlDatabase): Promise<MigrateResult> {
  const applied: number[] = [];
  const all = migrations();
  await db.query(`CREATE TABLE IF NOT EXISTS flow_schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`).catch(async (e: unknown) => {
    // Two processes creating the table at once: one wins, the other sees it exists.
    if (!(await schemaTableExists(db))) throw e;
  });
  for (const m of all) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const done = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_schema_migrations WHERE version = $1', [m.version]);
      if (done.rows[0]!.n > 0) return;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO flow_schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    });
  }
  return { applied, version: await schemaVersion(db) };
}

/** The schema version the database is at (0 when the store was never set up). */
export async function schemaVersion(db: SqlDatabase): Promise<number> {
  if (!(await schemaTableExists(db))) return 0;
  const res = await db.query<{ v: number | null }>('SELECT max(version)::int AS v FROM flow_schema_migrations');
  return res.rows[0]?.v ?? 0;
}

async function schemaTableExists(db: SqlDatabase): Promise<boolean> {
  const res = await db.query<{ t: string | null }>(`SELECT to_regclass('flow_schema_migrations')::text AS t`);
  return res.rows[0]?.t != null;
}
