#!/usr/bin/env node
// A throwaway PostgreSQL cluster for tests and CI: initdb into a temp directory, listening on
// 127.0.0.1 at a free port only, trust authentication, fsync off (nothing to keep).
//   node scripts/pg-cluster.mjs start   → prints `DATABASE_URL=… PG_CLUSTER_DIR=…`
//   node scripts/pg-cluster.mjs stop DIR
// Runs the server as the `postgres` user when started as root (PostgreSQL refuses root).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where Debian (or PATH) keeps initdb and pg_ctl; undefined when PostgreSQL is not installed. */
export function findBin() {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(base, versions[0], 'bin');
  }
  try {
    const initdb = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    return initdb ? initdb.replace(/\/initdb$/, '') : undefined;
  } catch {
    return undefined;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool, as `postgres` when we are root. */
function run(bin, tool, args, asPostgres) {
  const exe = join(bin, tool);
  if (asPostgres) return execFileSync('runuser', ['-u', 'postgres', '--', exe, ...args], { stdio: 'pipe', encoding: 'utf8' });
  return execFileSync(exe, args, { stdio: 'pipe', encoding: 'utf8' });
}

/** Starts a cluster; resolves to its URL and directory. Throws with the reason when it cannot. */
export async function startCluster() {
  const bin = findBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb found; on Debian: apt-get install -y postgresql)');
  const asPostgres = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'crm-flow-pg-'));
  if (asPostgres) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'], asPostgres);
    const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run(bin, 'pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'], asPostgres);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL: ${e.stderr || e.message}`, { cause: e });
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir };
}

/** Stops a cluster started by {@link startCluster} and removes its files. */
export function stopCluster(dir) {
  const bin = findBin();
  if (bin && existsSync(join(dir, 'data'))) {
    try {
      run(bin, 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], userInfo().uid === 0);
    } catch {
      // Already stopped.
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [cmd, dir] = process.argv.slice(2);
  if (cmd === 'start') {
    const c = await startCluster();
    console.log(`DATABASE_URL=${c.url} PG_CLUSTER_DIR=${c.dir}`);
  } else if (cmd === 'stop' && dir) {
    stopCluster(dir);
  } else {
    console.error('usage: pg-cluster.mjs start | stop DIR');
    process.exit(2);
  }
}
