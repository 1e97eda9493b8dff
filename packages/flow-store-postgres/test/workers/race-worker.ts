// One process of the many-process test: a ticker (fires what is due until nothing is) or a
// completer (tries to complete every task of the list, retrying while the task is still open).
// Prints one JSON line: what this process did.
import { readFileSync } from 'node:fs';
import { createEngine, isEngineError } from '@crm/flow-runtime';
import { createPostgresStore } from '../../src/index.js';
import { HOUR, T0 } from './race-flow.js';

const role = process.env.RACE_ROLE!;
const index = Number(process.env.RACE_INDEX);
const now = T0 + 2 * HOUR;
const store = await createPostgresStore({ connectionString: process.env.RACE_URL!, poolSize: 3, migrate: false });
const engine = createEngine({ store, clock: { now: () => now } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (role === 'tick') {
  const fired: string[] = [];
  const deadline = Date.now() + 100_000;
  while (Date.now() < deadline) {
    const r = await engine.tick(now);
    for (const e of r.events) {
      if (e.type === 'wait.ended') fired.push(`${e.instanceId}:timer:${e.tokenId}`);
      if (e.type === 'task.escalated') fired.push(`${e.instanceId}:escalated:${e.taskId}`);
    }
    if (r.instances.length === 0) {
      // Nothing left for us: done when nothing is due at all (others may still hold claims).
      if ((await store.instances({ dueBefore: now, limit: 1 })).length === 0) break;
      await sleep(20);
    }
  }
  console.log(JSON.stringify({ role, index, fired }));
} else {
  const tasks = JSON.parse(readFileSync(process.env.RACE_TASKS!, 'utf8')) as { instanceId: string; taskId: string }[];
  // Every completer walks the same list, half of them backwards, from nearly the same place, so
  // they collide on task after task.
  const start = (index * 3) % tasks.length;
  const rotated = [...tasks.slice(start), ...tasks.slice(0, start)];
  const order = index % 2 ? rotated.reverse() : rotated;
  const actor = { id: `clerk-${index}`, roles: ['clerk'] };
  const completed: string[] = [];
  let refused = 0;
  for (const { instanceId, taskId } of order) {
    for (;;) {
      try {
        await engine.complete(instanceId, taskId, { actor, data: { note: `by ${index}` } });
        completed.push(`${instanceId}:${taskId}`);
        break;
      } catch (e) {
        if (isEngineError(e, 'TASK_NOT_OPEN') || isEngineError(e, 'INSTANCE_ENDED')) {
          refused++;
          break;
        }
        if (isEngineError(e, 'VERSION_CONFLICT')) {
          // Someone else changed the case: try again while the task is still open.
          if ((await engine.instance(instanceId)).tasks[taskId]?.status === 'open') continue;
          refused++;
          break;
        }
        throw e;
      }
    }
  }
  console.log(JSON.stringify({ role, index, completed, refused }));
}
await store.close();
