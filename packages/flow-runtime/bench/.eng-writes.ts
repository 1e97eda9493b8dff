import engineBench from './suites/engine.js';
const r = await engineBench();
for (const x of r) console.log(x.name, x.value.toFixed(2));
