/**
 * `crm-flow-pg`: sets up and inspects the store's schema.
 *
 *   crm-flow-pg migrate [--url URL]   apply the migrations the database lacks
 *   crm-flow-pg status  [--url URL]   the schema version, and what is pending
 *
 * The URL defaults to DATABASE_URL. `--pglite DIR` works on a PGlite data directory instead.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { describeUrl, unavailable } from './errors.js';
import { migrate, migrations, schemaVersion } from './migrate.js';
import { poolDatabase, type SqlDatabase } from './sql.js';

const USAGE = `usage: crm-flow-pg <migrate|status> [--url postgres://…] [--pglite DIR]
  migrate   apply the migrations the database lacks (safe to run from several processes)
  status    print the schema version and the migrations not applied yet
The URL defaults to DATABASE_URL.`;

async function open(url: string | undefined, pgliteDir: string | undefined): Promise<SqlDatabase> {
  if (pgliteDir) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { pgliteDatabase } = await import('./pglite.js');
    return pgliteDatabase(await PGlite.create(pgliteDir), `PGlite at ${pgliteDir}`, true);
  }
  if (!url) throw new Error('No database given: pass --url postgres://user:password@host:5432/db, or set DATABASE_URL.');
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {});
  const db = poolDatabase(pool, describeUrl(url), true);
  try {
    await db.query('SELECT 1');
  } catch (e) {
    await db.close();
    throw unavailable(e, describeUrl(url));
  }
  return db;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { url: { type: 'string' }, pglite: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const command = positionals[0];
  if (values.help || (command !== 'migrate' && command !== 'status')) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const db = await open(values.url ?? process.env.DATABASE_URL, values.pglite);
  try {
    if (command === 'migrate') {
      const { applied, version } = await migrate(db);
      console.log(applied.length ? `${db.label}: applied migration${applied.length > 1 ? 's' : ''} ${applied.join(', ')}; schema version ${version}.` : `${db.label}: schema version ${version}, nothing to apply.`);
    } else {
      const version = await schemaVersion(db);
      const pending = migrations().filter((m) => m.version > version);
      console.log(`${db.label}: schema version ${version}${pending.length ? `; pending: ${pending.map((m) => `${m.version} ${m.name}`).join(', ')}` : ', up to date'}.`);
    }
  } finally {
    await db.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
