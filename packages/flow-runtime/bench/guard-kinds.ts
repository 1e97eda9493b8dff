// Where the guards bench's time goes, by kind of rule: ours against json-logic-engine's build on the
// same rules and data, in the same loop, interleaved, CPU time (the machine is shared):
// node --import tsx bench/guard-kinds.ts (from packages/flow-runtime). AB_SELF=<another copy>/evaluate.ts
// measures another version of src/logic instead of this one (see guard-ab.ts for where to put it).
import { LogicEngine } from 'json-logic-engine';
import { prepareRule } from '../src/logic/evaluate.js';
import { sampleRuleCases, type RuleCase } from './suites/guards.js';

const self = process.env.AB_SELF ? ((await import(process.env.AB_SELF)) as { prepareRule: typeof prepareRule }).prepareRule : prepareRule;
const isPath = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && 'var' in v;
const isConstant = (v: unknown) => typeof v !== 'object' || v === null || (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null));
/** Plain reads, one path compared with a constant, and everything else. */
function kind(c: RuleCase): string {
  if (isPath(c.rule)) return 'plain read';
  const [op] = Object.keys(c.rule as object);
  const args = (c.rule as Record<string, unknown>)[op!];
  if (['==', '!=', '===', '!==', '>', '>=', '<', '<=', 'in'].includes(op!) && Array.isArray(args) && args.length === 2 && isPath(args[0]) && isConstant(args[1])) return 'path vs constant';
  return 'other';
}

const all = sampleRuleCases();
const jle = new LogicEngine();
let sink = 0;
const rows: string[] = [];
for (const name of ['plain read', 'path vs constant', 'other', 'all']) {
  const cases = name === 'all' ? all : all.filter((c) => kind(c) === name);
  const ps = cases.flatMap((c, k) => c.data.map((data) => ({ data, k })));
  const sides = [cases.map((c) => self(c.rule)), cases.map((c) => jle.build(c.rule) as (d: unknown) => unknown)];
  const pass = (fns: ((d: unknown) => unknown)[], n: number) => {
    const t = process.cpuUsage();
    for (let r = 0; r < n; r++) for (let j = 0; j < ps.length; j++) { const p = ps[j]!; if (fns[p.k]!(p.data)) sink++; }
    const u = process.cpuUsage(t);
    return u.user + u.system;
  };
  for (const s of sides) pass(s, 200);
  const total = [0, 0];
  const passes = Math.max(20, Math.round(60_000 / ps.length));
  for (let round = 0; round < 10; round++) for (const i of round % 2 ? [1, 0] : [0, 1]) total[i] = total[i]! + pass(sides[i]!, passes);
  const ns = total.map((t) => (t * 1000) / (10 * passes * ps.length));
  rows.push(`${name.padEnd(17)} ${String(cases.length).padStart(3)} rules ${String(ps.length).padStart(5)} evaluations   ours ${ns[0]!.toFixed(1).padStart(5)} ns   json-logic-engine ${ns[1]!.toFixed(1).padStart(5)} ns   ratio ${(ns[1]! / ns[0]!).toFixed(2)}`);
}
console.log(rows.join('\n'), sink > 0 ? '' : ' ');
