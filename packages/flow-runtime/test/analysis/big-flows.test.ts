// Analyses never overflow the stack and never give a wrong "no path" verdict:
// generated flows of 50,000 nodes (a chain of decisions, nested parallel
// blocks) through lint, paths and metrics, in the API and the CLI; a valid
// flow of thousands of nodes with a small --max-paths; a search cut short by
// its budget says so (exit 3), not that the flow is flawed. (Generous timeouts:
// the machine running the suite may be shared; speed is the bench's business.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { type Flow, type FlowEdge, type FlowNode } from '../../src/index.js';
import { computeMetrics, enumeratePaths, lintFlow } from '../../src/analysis-entry.js';
import { catalog } from './fixtures/catalog.js';

const dir = mkdtempSync(join(tmpdir(), 'crm-flow-big-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const catalogFile = join(dir, 'catalog.json');
writeFileSync(catalogFile, JSON.stringify(catalog));

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (out += `${t}\n`), readFile: (p) => readFileSync(p, 'utf8'), isTty: false };
  const code = await runCli(argv, io);
  return { code, out };
}

const DEPTS: Array<[string, string, string]> = [
  ['sales', 'sales-rep', 'order-entry'],
  ['finance', 'finance', 'credit-check'],
  ['warehouse', 'warehouse', 'shipping'],
];
const task = (id: string, k: number): FlowNode => {
  const [department, role, window] = DEPTS[k % DEPTS.length]!;
  return { id, kind: 'task', name: { en: `Task ${id}`, zh: `任务${id}` }, department, roles: [role], window, record: 'order' } as FlowNode;
};
const base = (id: string, nodes: FlowNode[], edges: FlowEdge[]): Flow => ({
  id,
  version: 1,
  name: { en: id, zh: id },
  data: { order: { type: 'record', entity: 'order', name: { en: 'Order', zh: '订单' } } },
  nodes,
  edges,
});

/** A chain of `k` decisions, each with two one-task branches meeting again at a task: 4k + 2 nodes, 2^k paths. */
function decisions(k: number): Flow {
  const nodes: FlowNode[] = [{ id: 's', kind: 'start', name: { en: 'Start', zh: '开始' } }];
  const edges: FlowEdge[] = [];
  const link = (source: string, target: string, extra: Partial<FlowEdge> = {}) => edges.push({ id: `e${edges.length}`, source, target, ...extra });
  let last = 's';
  for (let i = 0; i < k; i++) {
    nodes.push({ id: `d${i}`, kind: 'decision', name: { en: `Big ${i}?`, zh: `大额${i}？` } }, task(`a${i}`, i), task(`b${i}`, i + 1), task(`m${i}`, i));
    link(last, `d${i}`);
    link(`d${i}`, `a${i}`, { guard: { '>': [{ var: 'order.amount' }, i] }, label: { en: 'big', zh: '大' } });
    link(`d${i}`, `b${i}`, { default: true, label: { en: 'small', zh: '小' } });
    link(`a${i}`, `m${i}`);
    link(`b${i}`, `m${i}`);
    last = `m${i}`;
  }
  nodes.push({ id: 'end', kind: 'end', name: { en: 'End', zh: '结束' } });
  link(last, 'end');
  return base('decisions', nodes, edges);
}

/** Parallel blocks nested `depth` deep, each split with a one-task branch beside the next block. */
function nested(depth: number): Flow {
  const nodes: FlowNode[] = [{ id: 's', kind: 'start', name: { en: 'Start', zh: '开始' } }];
  const edges: FlowEdge[] = [];
  const link = (source: string, target: string) => edges.push({ id: `e${edges.length}`, source, target });
  let prev = 's';
  for (let i = 0; i < depth; i++) {
    nodes.push({ id: `p${i}`, kind: 'parallel', name: { en: `Split ${i}`, zh: `拆分${i}` } }, task(`t${i}`, i));
    link(prev, `p${i}`);
    link(`p${i}`, `t${i}`);
    prev = `p${i}`;
  }
  nodes.push(task('core', 0));
  link(prev, 'core');
  let inner = 'core';
  for (let i = depth - 1; i >= 0; i--) {
    nodes.push({ id: `j${i}`, kind: 'join', name: { en: `Join ${i}`, zh: `汇合${i}` } });
    link(inner, `j${i}`);
    link(`t${i}`, `j${i}`);
    inner = `j${i}`;
  }
  nodes.push({ id: 'end', kind: 'end', name: { en: 'End', zh: '结束' } });
  link(inner, 'end');
  return base('nested', nodes, edges);
}

// Big inputs on a shared 2-core machine: a generous bound per test (these are correctness checks, not timings).
describe('50,000-node flows', { timeout: 120_000 }, () => {
  const chainFlow = decisions(12_500);
  const deep = nested(16_666);

  it('a chain of 12,500 decisions: lint, metrics and paths finish, with the right figures', () => {
    expect(chainFlow.nodes.length).toBeGreaterThanOrEqual(50_000);
    const r = lintFlow(chainFlow, catalog);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.metrics!.longestPath).toBe(25_000);
    expect(r.metrics!.pathCount).toBe(Number.MAX_SAFE_INTEGER);
    const { paths, truncated } = enumeratePaths(chainFlow, { maxPaths: 3 });
    expect(paths).toHaveLength(3);
    expect(truncated).toBe(true);
    expect(paths[0]!.steps).toBe(25_000);
  }, 60_000);

  it('parallel blocks nested 16,666 deep: one run of every branch, no stack overflow', () => {
    expect(deep.nodes.length).toBeGreaterThanOrEqual(50_000);
    const m = computeMetrics(deep, catalog);
    expect(m.longestPath).toBe(16_667);
    expect(m.shortestPath).toBe(16_667);
    expect(m.pathCount).toBe(1);
    const { paths, truncated } = enumeratePaths(deep, { maxPaths: 2 });
    expect(truncated).toBe(false);
    expect(paths).toHaveLength(1);
    expect(paths[0]!.steps).toBe(16_667);
    expect(lintFlow(deep, catalog).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  }, 60_000);

  it('through the CLI: lint, paths and the metrics line', async () => {
    for (const f of [chainFlow, deep]) {
      const file = join(dir, `${f.id}.json`);
      writeFileSync(file, JSON.stringify(f));
      const lint = await cli('lint', file, '--catalog', catalogFile);
      expect(lint.code, lint.out.slice(0, 500)).toBe(0);
      expect(lint.out).toMatch(/A run takes [\d,]+ steps/);
      const paths = await cli('paths', file, '--catalog', catalogFile, '--max-paths', '2');
      expect(paths.code).toBe(0);
      expect(paths.out).not.toContain('no path leads');
      expect(paths.out).toMatch(/p1 → End: [\d,]+ steps/);
    }
    // Four CLI runs on 50,000-node flows: ~30 s alone, over 60 s while other suites share the 2 cores.
  }, 180_000);
});

describe('a search cut short is not a verdict', { timeout: 120_000 }, () => {
  it('a valid flow of thousands of nodes with --max-paths 1 lists a path and exits 0', async () => {
    const f = decisions(700);
    expect(f.nodes.length).toBeGreaterThanOrEqual(2_500);
    const file = join(dir, 'valid-2800.json');
    writeFileSync(file, JSON.stringify(f));
    const r = await cli('paths', file, '--catalog', catalogFile, '--max-paths', '1');
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 path (the search was cut short');
    expect(r.out).not.toContain('no path leads');
  }, 60_000);

  it('a search that spends its budget before reaching an end says it was cut short (exit 3), not that no path exists', async () => {
    // The first way out of the first decision leads into 30 decisions that all end in a step going nowhere;
    // the end is behind its second way out, which a depth-first search reaches only after 2^30 tries.
    const trap = decisions(30);
    const last = trap.edges.find((e) => e.target === 'end')!;
    trap.edges = trap.edges.filter((e) => e !== last);
    trap.nodes.unshift({ id: 'gate', kind: 'decision', name: { en: 'Route?', zh: '路由？' } });
    const first = trap.edges.find((e) => e.source === 's')!;
    first.source = 'gate';
    first.guard = { '>': [{ var: 'order.amount' }, 0] };
    trap.edges.push({ id: 'start-gate', source: 's', target: 'gate' }, { id: 'gate-end', source: 'gate', target: 'end', default: true });
    const api = enumeratePaths(trap, { maxPaths: 5, budget: 100_000 });
    expect(api.truncated).toBe(true);
    expect(api.paths).toEqual([]);
    const file = join(dir, 'trap.json');
    writeFileSync(file, JSON.stringify(trap));
    const r = await cli('paths', file, '--catalog', catalogFile, '--max-paths', '5');
    expect(r.code).toBe(3);
    expect(r.out).toContain('cut short');
    expect(r.out).not.toContain('no path leads');
    const zh = await cli('paths', file, '--catalog', catalogFile, '--max-paths', '5', '--locale', 'zh');
    expect(zh.out).toContain('中止');
  }, 60_000);

  it('a flow whose ends cannot be reached still gets the verdict, exit 1', async () => {
    const f = decisions(3);
    f.edges = f.edges.filter((e) => e.target !== 'end');
    const file = join(dir, 'no-end.json');
    writeFileSync(file, JSON.stringify(f));
    const r = await cli('paths', file, '--catalog', catalogFile);
    expect(r.code).toBe(1);
    expect(r.out).toContain('no path leads from the start to an end');
  }, 60_000);
});
