// `pnpm bench` (the store's part): work lists, ticks, commands and the feed on PostgreSQL and on
// PGlite with 100,000 open cases (each also parked on an SLA). PostgreSQL is BENCH_DATABASE_URL,
// else FLOW_TEST_DATABASE_URL, else a throwaway cluster started for the run (skipped with a note
// when none can be had). Figures are merged into bench/results.json.
import { createEngine, createMemoryStore, type Actor, type Flow, type FlowStore, type InstanceWrite } from '@crm/flow-runtime';
import pg from 'pg';
import { median, printTable, writeResults, type BenchResult } from '../../flow-runtime/bench/harness.js';
// @ts-expect-error plain JS script shared with .ci/run
import { startCluster, stopCluster } from '../scripts/pg-cluster.mjs';
import { createPostgresStore, type SqlFlowStore } from '../src/index.js';
import { createPgliteStore } from '../src/pglite.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const CASES = Number(process.env.WORKLIST_CASES ?? 100_000);
const PAGE = 50;
const actor: Actor = { id: 'sam', roles: ['sales-rep'] };
const FLOW: Flow = {
  id: 'bench-worklist',
  version: 1,
  name: { en: 'Bench work list' },
  data: { amount: { type: 'number' } },
  nodes: [
    { id: 'start', kind: 'start', name: { en: 'Start' } },
    { id: 'enter', kind: 'task', name: { en: 'Enter order' }, roles: ['sales-rep'], fields: ['amount'], sla: { hours: 4, escalateTo: 'sales-manager' } },
    { id: 'end', kind: 'end', name: { en: 'End' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'enter' },
    { id: 'e2', source: 'enter', target: 'end' },
  ],
};
const T0 = Date.parse('2026-03-02T09:00:00Z');

/** The cases as the engine writes them, made once in memory and copied into each store in large transactions. */
async function makeWrites(): Promise<InstanceWrite[]> {
  const writes: InstanceWrite[] = [];
  const mem = createMemoryStore();
  const capture: FlowStore = { ...mem, append: async (r) => (writes.push(...r.writes), mem.append(r)) };
  let t = T0;
  const engine = createEngine({ store: capture, clock: { now: () => t } });
  await engine.deploy(FLOW, { actor: DEPLOYER });
  for (let i = 0; i < CASES; i++) {
    t += 10;
    await engine.start('bench-worklist', { actor, data: { amount: i } });
  }
  return writes;
}

async function fill(store: SqlFlowStore, writes: InstanceWrite[]): Promise<void> {
  const engine = createEngine({ store });
  await engine.deploy(FLOW, { actor: DEPLOYER });
  for (let i = 0; i < writes.length; i += 2000) {
    const res = await store.append({ writes: writes.slice(i, i + 2000) });
    if (!res.ok) throw new Error('bench: fill conflict');
  }
  await store.db.query('ANALYZE');
}

async function timeMs(fn: () => Promise<unknown>, rounds: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function measure(label: string, store: SqlFlowStore, writes: InstanceWrite[], concurrency: number): Promise<BenchResult[]> {
  const started = performance.now();
  await fill(store, writes);
  const fillS = (performance.now() - started) / 1000;
  const now = T0 + CASES * 10 + 1000;
  const engine = createEngine({ store, clock: { now: () => now } });
  const pageMs = await timeMs(async () => {
    const page = await engine.tasks({ actor, limit: PAGE });
    if (page.length !== PAGE) throw new Error('bench: short page');
  }, 20);
  const tickMs = await timeMs(async () => {
    if ((await engine.tick(now)).instances.length) throw new Error('bench: something fired');
  }, 20);
  // Commands: `concurrency` callers completing distinct tasks for two seconds.
  const rows = await store.openTasks({ roles: ['sales-rep'], limit: 20_000 });
  let next = 0;
  let done = 0;
  const until = performance.now() + 2000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until && next < rows.length) {
        const r = rows[next++]!;
        await engine.complete(r.instanceId, r.taskId, { actor, data: { amount: 1 } });
        done++;
      }
    }),
  );
  const completesPerS = (done * 1000) / (performance.now() - t0);
  // The feed, from the start, in pages of 1,000.
  let events = 0;
  let after: string | undefined;
  const f0 = performance.now();
  while (events < 200_000) {
    const page = await store.feed({ limit: 1000, ...(after ? { after } : {}) });
    if (!page.events.length) break;
    events += page.events.length;
    after = page.next;
  }
  const feedPerS = (events * 1000) / (performance.now() - f0);
  const cases = `${CASES.toLocaleString('en-US')} open cases`;
  return [
    { name: `${label}.tasks_first_page_ms`, value: pageMs, unit: 'ms', against: `${cases}, page of ${PAGE}, fresh engine (state snapshots, no replay)` },
    { name: `${label}.tick_parked_ms`, value: tickMs, unit: 'ms', against: `${CASES.toLocaleString('en-US')} parked cases, nothing due (next-due index)` },
    { name: `${label}.completes_per_s`, value: completesPerS, unit: 'commands/s', against: `${concurrency} concurrent callers, one transaction per command` },
    { name: `${label}.feed_events_per_s`, value: feedPerS, unit: 'events/s', against: 'pages of 1,000' },
    { name: `${label}.load_100k_s`, value: fillS, unit: 's', against: `${cases} written in transactions of 2,000 cases` },
  ];
}

const results: BenchResult[] = [];
console.error(`making ${CASES.toLocaleString('en-US')} cases…`);
const writes = await makeWrites();

let cluster: { url: string; dir: string } | undefined;
let url = process.env.BENCH_DATABASE_URL ?? process.env.FLOW_TEST_DATABASE_URL;
if (!url) {
  try {
    cluster = (await startCluster()) as { url: string; dir: string };
    url = cluster.url;
  } catch (e) {
    console.error(`PostgreSQL bench skipped: ${e instanceof Error ? e.message : String(e)}`);
  }
}
try {
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = `bench_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    console.error('PostgreSQL…');
    const store = await createPostgresStore({ connectionString: u.toString(), poolSize: 10 });
    results.push(...(await measure('postgres', store, writes, 8)));
    await store.close();
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  }
  console.error('PGlite…');
  const lite = await createPgliteStore();
  results.push(...(await measure('pglite', lite, writes, 1)));
  await lite.close();
} finally {
  if (cluster) stopCluster(cluster.dir);
}
printTable(results);
writeResults(results);
console.log(`\nwrote ${results.length} figures to bench/results.json`);
