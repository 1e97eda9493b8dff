// Many Node processes on one PostgreSQL: 4 tickers and 8 completers race over the same 1,000
// cases. Every task is completed exactly once, every timer and escalation fires exactly once (each
// case has a timer and an auditor's SLA that always come due, and a clerk's SLA that races the
// completers), no event is lost, and every case's log replays to the state its last command stored.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createEngine, replay, type FlowEvent } from '@crm/flow-runtime';
import { createPostgresStore } from '../src/index.js';
import { freshDatabase } from './helpers.js';
import { raceFlow, T0 } from './workers/race-flow.js';

/** Deploying is an administrator's command. */
const DEPLOYER = { id: 'admin', name: 'Admin', roles: ['admin'] };

const server = inject('pgUrl');
const CASES = 1_000;
const worker = new URL('./workers/race-worker.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'crm-flow-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  role: string;
  index: number;
  fired?: string[];
  completed?: string[];
  refused?: number;
}

function run(env: Record<string, string>): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', worker], { cwd: new URL('..', import.meta.url).pathname, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`worker ${env.RACE_ROLE} ${env.RACE_INDEX} exited with ${code}: ${err}`));
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as Report);
      } catch {
        reject(new Error(`worker printed no report: ${out}${err}`));
      }
    });
  });
}

describe.skipIf(!server)('many processes on one PostgreSQL', () => {
  it('4 tickers and 8 completers over 1,000 cases: each task, timer and escalation exactly once, nothing lost, replay equals live', async () => {
    const url = await freshDatabase(server, 'race');
    const store = await createPostgresStore({ connectionString: url, poolSize: 4 });
    let n = 0;
    const engine = createEngine({ store, clock: { now: () => T0 }, ids: () => `race-${String(++n).padStart(4, '0')}` });
    await engine.deploy(raceFlow, { actor: DEPLOYER });
    const tasks: { instanceId: string; taskId: string }[] = [];
    for (let i = 0; i < CASES; i++) {
      const { instance } = await engine.start('race', { actor: { id: 'starter', roles: [] } });
      const task = Object.values(instance.tasks).find((t) => t.nodeId === 'work')!;
      tasks.push({ instanceId: instance.instanceId, taskId: task.taskId });
    }
    const list = join(dir, 'tasks.json');
    writeFileSync(list, JSON.stringify(tasks));

    const reports = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => run({ RACE_ROLE: 'tick', RACE_INDEX: String(i), RACE_URL: url })),
      ...Array.from({ length: 8 }, (_, i) => run({ RACE_ROLE: 'complete', RACE_INDEX: String(i), RACE_URL: url, RACE_TASKS: list })),
    ]);

    if (process.env.RACE_DEBUG) console.log(reports.map((r) => `${r.role}${r.index}: ${r.completed?.length ?? r.fired?.length}`).join(' '));
    // Every task completed exactly once, across the 8 completers.
    const completed = reports.flatMap((r) => r.completed ?? []);
    expect(completed).toHaveLength(CASES);
    expect(new Set(completed).size).toBe(CASES);
    expect(reports.filter((r) => r.role === 'complete').every((r) => (r.completed?.length ?? 0) + (r.refused ?? 0) === CASES)).toBe(true);
    // Every timer fired once across the 4 tickers; escalations (of tasks still open at the time) once each.
    const fired = reports.flatMap((r) => r.fired ?? []);
    expect(new Set(fired).size).toBe(fired.length);
    expect(fired.filter((f) => f.includes(':timer:'))).toHaveLength(CASES);

    let escalations = 0;
    for (const { instanceId, taskId } of tasks) {
      const log: FlowEvent[] = await store.load({ instanceId });
      // No lost event: seqs 1..n without a gap.
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      expect(log.filter((e) => e.type === 'task.completed' && e.taskId === taskId)).toHaveLength(1);
      expect(log.filter((e) => e.type === 'wait.ended' && e.reason === 'timer')).toHaveLength(1);
      // The auditor's SLA escalated exactly once; the clerk's at most once (not after completion).
      const escalated = log.filter((e) => e.type === 'task.escalated');
      expect(escalated.filter((e) => e.type === 'task.escalated' && e.nodeId === 'audit')).toHaveLength(1);
      expect(escalated.filter((e) => e.type === 'task.escalated' && e.nodeId === 'work').length).toBeLessThanOrEqual(1);
      escalations += escalated.length;
      // Replay equals live: the log folds to the state the last command stored.
      const [live] = await store.states({ instanceIds: [instanceId] });
      const replayed = replay(log);
      expect(replayed).toEqual(live);
      expect(replayed?.tasks[taskId]?.status).toBe('completed');
      expect(Object.values(replayed!.tasks).find((t) => t.nodeId === 'audit')).toMatchObject({ status: 'open', escalated: true });
    }
    expect(escalations).toBeGreaterThanOrEqual(CASES);
    expect(fired.filter((f) => f.includes(':escalated:'))).toHaveLength(escalations);
    // The feed hands out every stored event once.
    let total = 0;
    let after: string | undefined;
    for (;;) {
      const page = await store.feed({ limit: 1000, ...(after ? { after } : {}) });
      if (page.events.length === 0) break;
      total += page.events.length;
      after = page.next;
    }
    const stored = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM flow_events');
    expect(total).toBe(stored.rows[0]!.n);
    await store.close();
  }, 240_000);
});
