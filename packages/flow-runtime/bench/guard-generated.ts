// A reference measurement for docs/logic.md, not shipped: how fast would the sample flows' plain
// reads ({"var": "quote.status"}) be as generated code, one JavaScript function per rule as
// json-logic-engine's build makes them, with and without our own-member check? Generated with
// `new Function` here only to measure; the runtime never generates code.
//   node --import tsx bench/guard-generated.ts   (from packages/flow-runtime)
// Prints ns per evaluation for: ours (prepareRule), json-logic-engine build, generated with the
// own-member check, generated without it, and a closure without it (no generated code) — same loop, same (rule, data) pairs, CPU time.
import { LogicEngine } from 'json-logic-engine';
import { prepareRule } from '../src/logic/evaluate.js';
import { sampleRuleCases } from './suites/guards.js';

type Fn = (d: unknown) => unknown;
const pathOf = (v: unknown): string | undefined => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const p = (v as Record<string, unknown>).var;
  return Object.keys(v).length === 1 && typeof p === 'string' ? p : undefined;
};
const cases = sampleRuleCases().filter((c) => pathOf(c.rule) !== undefined);
const hasOwn = Object.prototype.hasOwnProperty;

/** The read as generated code: each segment a member named in the text. */
function generate(path: string, ownOnly: boolean): Fn {
  let body = 'let o = d;\n';
  for (const s of path.split('.')) {
    const k = JSON.stringify(s);
    body += ownOnly
      ? `if (o === null || o === undefined || !h.call(o, ${k})) return null; o = o[${k}];\n`
      : `if (o === null || o === undefined) return null; o = o[${k}]; if (o === undefined) return null;\n`;
  }
  body += "return typeof o === 'function' ? null : o;";
  return new Function('h', `return function (d) {${body}}`)(hasOwn) as Fn;
}

/** The same read as a closure over the path (no generated code), without the own-member check: unsafe, a reference only. */
function closureNoCheck(path: string): Fn {
  const segments = path.split('.');
  return (d) => {
    let o = d;
    for (let i = 0; i < segments.length; i++) {
      if (o === null || o === undefined) return null;
      o = (o as Record<string, unknown>)[segments[i]!];
      if (o === undefined) return null;
    }
    return typeof o === 'function' ? null : o;
  };
}

const jle = new LogicEngine();
const pairs = cases.flatMap((c, k) => c.data.map((data) => ({ data, k })));
const sides: [string, Fn[]][] = [
  ['ours', cases.map((c) => prepareRule(c.rule) as Fn)],
  ['json-logic-engine build', cases.map((c) => jle.build(c.rule) as Fn)],
  ['generated, own-member check', cases.map((c) => generate(pathOf(c.rule)!, true))],
  ['generated, no check', cases.map((c) => generate(pathOf(c.rule)!, false))],
  ['closure, no check', cases.map((c) => closureNoCheck(pathOf(c.rule)!))],
];
for (const c of cases) for (const data of c.data) {
  const want = JSON.stringify(sides[0]![1][cases.indexOf(c)]!(data) ?? null);
  for (const [name, fns] of sides) if (JSON.stringify(fns[cases.indexOf(c)]!(data) ?? null) !== want) throw new Error(`${name} disagrees on ${JSON.stringify(c.rule)}`);
}
let sink = 0;
const pass = (fns: Fn[], n: number) => {
  const t = process.cpuUsage();
  for (let r = 0; r < n; r++) for (let j = 0; j < pairs.length; j++) { const p = pairs[j]!; if (fns[p.k]!(p.data)) sink++; }
  const u = process.cpuUsage(t);
  return u.user + u.system;
};
for (const [, fns] of sides) pass(fns, 200);
const total = sides.map(() => 0);
const passes = Math.max(20, Math.round(60_000 / pairs.length));
for (let round = 0; round < 10; round++) for (const i of (round % 2 ? [...sides.keys()].reverse() : [...sides.keys()])) total[i]! += pass(sides[i]![1], passes);
console.log(`${cases.length} plain-read rules, ${pairs.length} evaluations`);
sides.forEach(([name], i) => console.log(`${name.padEnd(28)} ${((total[i]! * 1000) / (10 * passes * pairs.length)).toFixed(1).padStart(5)} ns`));
if (sink < 0) console.log(sink);
