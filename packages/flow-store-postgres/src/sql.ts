/**
 * The little the store needs from a database: parameterised queries and a
 * transaction. Adapters: a `pg` pool ({@link poolDatabase}) and PGlite
 * (`@crm/flow-store-postgres/pglite`).
 */
import type { Pool, PoolClient } from 'pg';

/** Runs one parameterised statement. */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A database: queries, transactions, and closing. */
export interface SqlDatabase extends SqlClient {
  /** Runs `fn` in one transaction (BEGIN … COMMIT; ROLLBACK when it throws). */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** Closes connections the database opened itself. */
  close(): Promise<void>;
  /** What the database is, for messages ("PostgreSQL at db:5432", "PGlite in memory"). */
  readonly label: string;
}

/** A database over a `pg` pool. `ownsPool`: close the pool on {@link SqlDatabase.close}. */
export function poolDatabase(pool: Pool, label: string, ownsPool: boolean): SqlDatabase {
  return {
    label,
    query: async <R>(text: string, params?: readonly unknown[]) => {
      const res = await pool.query(text, params as unknown[] | undefined);
      return { rows: res.rows as R[] };
    },
    exec: async (sql: string) => void (await pool.query(sql)),
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      const client: PoolClient = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const tx: SqlClient = {
          query: async <R>(text: string, params?: readonly unknown[]) => ({ rows: (await client.query(text, params as unknown[] | undefined)).rows as R[] }),
          exec: async (sql: string) => void (await client.query(sql)),
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch((rollback: unknown) => {
          // The connection is gone: drop it from the pool rather than hand it out again.
          broken = rollback instanceof Error ? rollback : new Error(String(rollback));
        });
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      if (ownsPool) await pool.end();
    },
  };
}
