// lint.ms_10k_nodes: parseFlowText() then validate() (every recommended rule
// plus the clarity metrics) on a generated 10,000-node flow from JSON text,
// across 8 departments, with decisions over numbers and enums, parallel
// splits, loops, waits and mandatory steps. lint.scaling_exponent: the
// exponent fitted to the same work on 10k, 20k and 40k nodes (1 = linear).
import type { Catalog } from '../../src/schema/catalog.js';
import type { Flow, FlowEdge, FlowNode } from '../../src/schema/flow.js';
import { validate } from '../../src/analysis/linter.js';
import { parseFlowText } from '../../src/schema/parse-flow.js';
import { median, type BenchResult } from '../harness.js';

function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const DEPARTMENTS = 8;


/** The catalog of the generated flows: 8 departments, a role and a window each, one entity. */
export function benchCatalog(): Catalog {
  const depts = Array.from({ length: DEPARTMENTS }, (_, i) => i);
  return {
    id: 'bench',
    name: { en: 'Bench CRM' },
    departments: depts.map((i) => ({ id: `d${i}`, name: { en: `Department ${i}` }, color: '#336699' })),
    roles: depts.map((i) => ({ id: `r${i}`, name: { en: `Role ${i}` }, department: `d${i}` })),
    entities: [
      {
        id: 'case',
        name: { en: 'Case' },
        fields: [
          { id: 'amount', name: { en: 'Amount' }, type: 'money' },
          { id: 'kind', name: { en: 'Kind' }, type: 'enum', options: ['a', 'b', 'c', 'd'].map((v) => ({ value: v, name: { en: v.toUpperCase() } })) },
          { id: 'flag', name: { en: 'Flag' }, type: 'boolean' },
          { id: 'score', name: { en: 'Score' }, type: 'integer' },
        ],
      },
    ],
    windows: depts.map((i) => ({ id: `w${i}`, name: { en: `Window ${i}` }, entity: 'case', fields: ['amount', 'kind', 'flag', 'score'], access: { [`r${i}`]: 'edit' as const }, required: ['amount'] })),
  };
}

const VERBS = ['Review', 'Enter', 'Check', 'Approve', 'Confirm', 'Prepare', 'Ship', 'Invoice'];

/** A node without its id (the generator numbers them). */
type NodeInput = FlowNode extends infer N ? (N extends FlowNode ? Omit<N, 'id'> : never) : never;

/** A realistic flow of about `size` nodes: sequences, choices, parallel blocks, loops, waits, system steps. */
export function benchFlow(size: number): Flow {
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  let id = 0;
  let dept = 0;
  const add = (node: NodeInput): string => {
    const n = { ...node, id: `n${id++}` } as FlowNode;
    nodes.push(n);
    return n.id;
  };
  const link = (source: string, target: string, extra: Partial<FlowEdge> = {}) => edges.push({ id: `e${edges.length}`, source, target, ...extra });
  const task = (mandatory = false): string => {
    const d = dept++ % DEPARTMENTS;
    return add({ kind: 'task', name: { en: `${VERBS[id % VERBS.length]} case ${id}` }, department: `d${d}`, roles: [`r${d}`], window: `w${d}`, ...(mandatory ? { mandatory: true } : {}) });
  };
  const amount = { var: 'case.amount' };
  let last = add({ kind: 'start', name: { en: 'Start' } });
  for (let block = 0; id < size - 2; block++) {
    switch (block % 7) {
      case 0: {
        for (let k = 0; k < 3; k++) {
          const t = task(k === 0 && block % 3 === 0);
          link(last, t);
          last = t;
        }
        break;
      }
      case 1: {
        const d = add({ kind: 'decision', name: { en: `Amount band ${id}?` } });
        link(last, d);
        const merge = task();
        const bands: Array<[unknown, string]> = [[{ '>': [amount, 5000] }, 'over 5,000'], [{ '>': [amount, 1000] }, 'over 1,000']];
        for (const [guard, label] of bands) {
          const a = task();
          const b = task();
          link(d, a, { guard, label: { en: label } });
          link(a, b);
          link(b, merge);
        }
        link(d, merge, { default: true, label: { en: 'small' } });
        last = merge;
        break;
      }
      case 2: {
        const d = add({ kind: 'decision', name: { en: `Kind ${id}?` } });
        link(last, d);
        const merge = task();
        const x = task();
        const y = task();
        link(d, x, { guard: { in: [{ var: 'case.kind' }, ['a', 'b']] }, label: { en: 'a or b' } });
        link(d, y, { guard: { '==': [{ var: 'case.kind' }, 'c'] }, label: { en: 'c' } });
        link(d, merge, { default: true, label: { en: 'other' } });
        link(x, merge);
        link(y, merge);
        last = merge;
        break;
      }
      case 3: {
        const p = add({ kind: 'parallel', name: { en: `Split ${id}` } });
        link(last, p);
        const j = add({ kind: 'join', name: { en: `Join ${id}` } });
        for (let b = 0; b < 3; b++) {
          const a = task(b === 0);
          const c = task();
          link(p, a);
          link(a, c);
          link(c, j);
        }
        last = j;
        break;
      }
      case 4: {
        const t = task();
        link(last, t);
        const d = add({ kind: 'decision', name: { en: `Done ${id}?` } });
        link(t, d);
        const next = task();
        link(d, t, { guard: { '!': { var: 'case.flag' } }, label: { en: 'again' } });
        link(d, next, { default: true, label: { en: 'done' } });
        last = next;
        break;
      }
      case 5: {
        const w = add({ kind: 'wait', name: { en: `Wait for payment ${id}` }, until: { var: 'case.flag' }, timer: { hours: 24 } });
        link(last, w);
        last = w;
        break;
      }
      default: {
        const s = add({ kind: 'system', name: { en: `Score ${id}` }, assign: [{ target: 'case.score', value: { '+': [{ var: 'case.score' }, 1] } }] });
        link(last, s);
        last = s;
      }
    }
  }
  const end = add({ kind: 'end', name: { en: 'Done' }, outcome: 'done' });
  link(last, end);
  return { id: `bench-${size}`, version: 1, name: { en: `Bench ${size}` }, data: { case: { type: 'record', entity: 'case' } }, nodes, edges };
}

/** Least-squares slope of log(time) over log(size): 1 is linear. */
export function fittedExponent(sizes: number[], times: number[]): number {
  const xs = sizes.map(Math.log);
  const ys = times.map(Math.log);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

export default async function lintSuite(): Promise<BenchResult[]> {
  const catalog = benchCatalog();
  // What a user pays: the flow arrives as JSON text (a file, IndexedDB, the designer's export),
  // is parsed and checked against the format (parseFlowText), then linted (validate).
  const sizes = [10_000, 20_000, 40_000];
  const texts = sizes.map((n) => JSON.stringify(benchFlow(n)));
  const run = (text: string) => {
    const parsed = parseFlowText(text, catalog);
    if (!parsed.ok) throw new Error(`the generated flow should parse, but: ${parsed.problems.slice(0, 3).map((p) => p.message).join('; ')}`);
    return validate(parsed.value, catalog);
  };
  const findings = run(texts[0]!).diagnostics.filter((d) => d.severity === 'error');
  if (findings.length > 0) throw new Error(`the generated flow should lint clean, but: ${findings.slice(0, 3).map((d) => d.message).join('; ')}`);
  for (let i = 0; i < 2; i++) for (const t of texts) run(t);
  // Sizes interleaved run by run so a busy machine affects all alike; the exponent is fitted per
  // round (the three runs of a round share the machine's load), then the median taken.
  const t10: number[] = [];
  const parseOnly: number[] = [];
  const exps: number[] = [];
  for (let r = 0; r < 11; r++) {
    const times = texts.map((t) => timed(() => run(t)));
    t10.push(times[0]!);
    exps.push(fittedExponent(sizes, times));
    parseOnly.push(timed(() => parseFlowText(texts[0]!, catalog)));
  }
  // Hostile input: 8,000 edges all pointing at misspelled steps ("did you mean" for each).
  const misspelled = JSON.stringify({
    id: 'x',
    version: 1,
    name: { en: 'X' },
    data: {},
    nodes: [{ id: 'start', kind: 'start', name: { en: 'Start' } }, ...Array.from({ length: 8000 }, (_, i) => ({ id: `step-${i}`, kind: 'task', name: { en: `Step ${i}` } }))],
    edges: Array.from({ length: 8000 }, (_, i) => ({ id: `e${i}`, source: 'start', target: `stpe-${i}` })),
  });
  const misspelledMs = median(Array.from({ length: 5 }, () => timed(() => parseFlowText(misspelled))));
  return [
    { name: 'parse.ms_8000_misspelled_edges', value: misspelledMs, unit: 'ms', against: 'parseFlowText on 8,000 edges whose targets are all misspelled, a suggestion each (was 40-58 s)', target: '< 1,000 ms' },
    { name: 'lint.ms_10k_nodes', value: median(t10), unit: 'ms', against: `parseFlowText + validate on a 10,000-node flow from JSON text; of it parse ${median(parseOnly).toFixed(0)} ms`, target: '< 250 ms' },
    { name: 'lint.parse_ms_10k_nodes', value: median(parseOnly), unit: 'ms' },
    { name: 'lint.scaling_exponent', value: median(exps), unit: 'exponent', against: 'log-log slope of parse + lint time over 10k, 20k, 40k nodes (1 = linear)', target: '≤ 1.15' },
  ];
}
