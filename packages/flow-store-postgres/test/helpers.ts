// Shared test helpers: emptying the store's tables between tests.
import type { SqlDatabase } from '../src/sql.js';

/** Empties every table of the store (the schema stays). */
export async function truncateAll(db: SqlDatabase): Promise<void> {
  await db.exec('TRUNCATE flow_events, flow_instances, flow_open_tasks, flow_task_roles, flow_definitions, flow_feed_cursors, flow_changes, flow_scheduled RESTART IDENTITY');
}

import pg from 'pg';

/** Creates an empty database on the server at `url` and returns its URL (each test file gets its own). */
export async function freshDatabase(url: string, prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
