import { createEngine } from '../src/engine/engine.js';
import { createMemoryStore } from '../src/stores/memory.js';
import { BENCH_FLOW } from './suites/engine.js';
const actor = { id: 'sam', roles: ['sales-rep'] };
const mode = process.argv[2] ?? 'warm';
const store = createMemoryStore();
const a = createEngine({ store });
const b = mode === 'cold' ? createEngine({ store }) : a;
await a.deploy(BENCH_FLOW, { actor: { id: 'admin', roles: ['admin'] } });
let count = 0;
const cycle = async () => {
  const { instance } = await a.start('bench-order', { actor });
  const taskId = Object.keys(instance.tasks)[0]!;
  await b.complete(instance.instanceId, taskId, { actor, data: { amount: ++count % 200 } });
};
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let i = 0; i < 20000; i++) await cycle();
const res: number[] = [];
for (let r = 0; r < 7; r++) {
  const t = cpu();
  for (let i = 0; i < 20000; i++) await cycle();
  res.push(((cpu() - t) * 1000) / 20000);
}
res.sort((x, y) => x - y);
console.log(mode, 'µs/instance median', res[3]!.toFixed(2), 'min', res[0]!.toFixed(2));
