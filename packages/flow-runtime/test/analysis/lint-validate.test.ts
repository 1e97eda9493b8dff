// Lint never disagrees with validate: every format problem parseFlow (and
// `crm-flow validate`) reports comes out of lintFlow and `crm-flow lint` with
// the same code, path and message, and lint fails whenever validate does.
// And one flaw gives one finding: the most specific one.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { parseCatalogOrThrow, parseFlow, type Flow } from '../../src/index.js';
import { lintFlow, type Diagnostic } from '../../src/analysis-entry.js';
import { EXAMPLES_DIR, PACKAGE_DIR } from '../paths.js';

const catalogFile = `${EXAMPLES_DIR}catalog.json`;
const catalog = parseCatalogOrThrow(JSON.parse(readFileSync(catalogFile, 'utf8')));
const load = (id: string): Flow => JSON.parse(readFileSync(`${EXAMPLES_DIR}${id}.json`, 'utf8')) as Flow;
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');

const dir = mkdtempSync(join(tmpdir(), 'crm-flow-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (out += `${t}\n`), readFile: (p) => readFileSync(p, 'utf8'), isTty: false };
  const code = await runCli(argv, io);
  return { code, out };
}

function write(name: string, flow: unknown): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(flow));
  return file;
}

/** Variants of the sample flows, each with one flaw of the kinds key users make. */
function variants(): Array<[string, Flow]> {
  const out: Array<[string, Flow]> = [];
  const twoOrders = load('new-order');
  twoOrders.data.order2 = { type: 'record', entity: 'order', name: { en: 'Second order' } };
  out.push(['two order variables', twoOrders]);
  const typo = load('new-order');
  const ship = typo.nodes.find((n) => n.id === 'ship-order')!;
  if (ship.kind === 'task') ship.window = 'shiping';
  out.push(['window typo', typo]);
  const alert = load('new-order');
  alert.controls![0]!.notify = ['sales-rap'];
  out.push(['unknown role in an alert', alert]);
  const dangling = load('new-order');
  dangling.edges.find((e) => e.source === 'ship-order')!.target = 'mark-shiped';
  out.push(['dangling edge', dangling]);
  const dept = load('quotation');
  const t = dept.nodes.find((n) => n.kind === 'task')!;
  t.department = 'salse';
  out.push(['department typo', dept]);
  const role = load('complaint-handling');
  const r = role.nodes.find((n) => n.kind === 'task')!;
  if (r.kind === 'task') r.roles = ['servise'];
  out.push(['role typo', role]);
  const field = load('credit-limit-review');
  const guarded = field.edges.find((e) => e.guard !== undefined)!;
  guarded.guard = { '>': [{ var: 'customer.creditLimt' }, 0] };
  out.push(['field typo in a guard', field]);
  return out;
}

describe('lint reports what validate reports', () => {
  const cases = [
    ...variants(),
    ...readdirSync(`${PACKAGE_DIR}test/analysis/corpus/`)
      .filter((f) => f.endsWith('.json'))
      .map((f): [string, Flow] => [f, JSON.parse(readFileSync(`${PACKAGE_DIR}test/analysis/corpus/${f}`, 'utf8')) as Flow]),
  ];

  it.each(cases)('%s: every format problem, same code, path and message; fails when validate fails', (_, flow) => {
    const parsed = parseFlow(flow, catalog);
    const lint = lintFlow(flow, catalog);
    const asProblems = lint.diagnostics.filter((d) => d.code !== undefined).map((d) => ({ code: d.code, path: d.path, message: d.message }));
    expect(asProblems).toEqual(parsed.ok ? [] : parsed.problems.map((p) => ({ code: p.code, path: p.path, message: p.message })));
    if (!parsed.ok) expect(lint.ok).toBe(false);
    for (const d of lint.diagnostics.filter((x) => x.code !== undefined)) expect(d.hint.length).toBeGreaterThan(0);
  });

  it('two order variables: FLOW_E028 on each task that opens an order window without saying which record, and nothing else', () => {
    const r = lintFlow(variants()[0]![1], catalog);
    const e = errors(r.diagnostics);
    expect(e.length).toBe(4);
    expect(e.every((d) => d.code === 'FLOW_E028' && /^\/nodes\/\d+\/window$/.test(d.path!))).toBe(true);
    expect(e.map((d) => d.nodeIds[0])).toEqual(['enter-order', 'credit-check', 'resolve-hold', 'ship-order']);
  });

  it("a window typo: FLOW_E024 with \"Did you mean 'shipping'?\" — not also task-has-window", () => {
    const r = lintFlow(variants()[1]![1], catalog);
    expect(r.diagnostics).toEqual([expect.objectContaining({ rule: 'FLOW_E024', code: 'FLOW_E024', path: '/nodes/15/window', nodeIds: ['ship-order'], severity: 'error' })]);
    expect(r.diagnostics[0]!.message).toContain("Did you mean 'shipping'?");
  });

  it('an unknown role in an alert: the format error only, carrying the control id', () => {
    const r = lintFlow(variants()[2]![1], catalog);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'FLOW_E023', path: '/controls/0/notify/0', controlId: 'credit-use-alert' })]);
  });

  it('a dangling edge: FLOW_E021 only — not edge-ends-valid, nor the steps beyond it as unreachable', () => {
    const r = lintFlow(variants()[3]![1], catalog);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'FLOW_E021', edgeIds: ['ship-order-to-mark-shipped'] })]);
    expect(r.diagnostics[0]!.message).toContain("Did you mean 'mark-shipped'?");
  });

  it('a connection to a step that is nowhere near any name: FLOW_E021 once; what it cuts off is still said', () => {
    const f = load('new-order');
    f.edges.find((e) => e.source === 'ship-order')!.target = 'zzzzzzzzzzzz';
    const r = lintFlow(f, catalog);
    expect(r.diagnostics.filter((d) => d.code === 'FLOW_E021')).toHaveLength(1);
    expect(r.diagnostics.some((d) => d.rule === 'edge-ends-valid')).toBe(false);
  });

  it('an isolated step: one finding, not both no-unreachable and no-dead-end', () => {
    const f = load('new-order');
    f.nodes.push({ id: 'lonely', kind: 'task', name: { en: 'Lonely step', zh: '孤立步骤' }, department: 'sales', roles: ['sales-rep'], window: 'order-entry', record: 'order' });
    const e = errors(lintFlow(f, catalog).diagnostics);
    expect(e.map((d) => d.rule)).toEqual(['no-unreachable']);
    expect(e[0]!.nodeIds).toEqual(['lonely']);
  });

  it('a step that only leads nowhere still gets no-dead-end, and an unrelated flaw on a step with a format problem is still found', () => {
    const f = load('new-order');
    f.edges = f.edges.filter((e) => e.source !== 'ship-order');
    const e = errors(lintFlow(f, catalog).diagnostics);
    expect(e.map((d) => d.rule)).toContain('no-dead-end');
    const g = load('new-order');
    const ship = g.nodes.find((n) => n.id === 'ship-order')!;
    if (ship.kind === 'task') ship.window = 'shiping';
    g.edges = g.edges.filter((x) => x.source !== 'ship-order');
    const rules = errors(lintFlow(g, catalog).diagnostics).map((d) => d.rule);
    expect(rules).toContain('FLOW_E024');
    expect(rules).toContain('no-dead-end');
  });

  it('in Chinese, a format problem a rule also finds is worded by the rule, with the same code, path and near miss', () => {
    const [, typo, alert, , , , field] = variants().map(([, f]) => f);
    const w = lintFlow(typo!, catalog, { locale: 'zh' }).diagnostics;
    expect(w).toEqual([expect.objectContaining({ code: 'FLOW_E024', path: '/nodes/15/window' })]);
    expect(w[0]!.message).toContain('是否想写“shipping”？');
    expect(w[0]!.message).toContain('发货');
    expect(lintFlow(alert!, catalog, { locale: 'zh' }).diagnostics[0]!.message).toContain('是否想写“sales-rep”？');
    expect(lintFlow(field!, catalog, { locale: 'zh' }).diagnostics[0]!.message).toContain('是否想写“customer.creditLimit”？');
    const records = lintFlow(variants()[0]![1], catalog, { locale: 'zh' }).diagnostics;
    expect(records.every((d) => d.code === 'FLOW_E028' && d.message.includes('未指明是哪一条'))).toBe(true);
  });

  it('a definition too malformed to analyse: the format problems only, no metrics', () => {
    const r = lintFlow({ id: 'x', version: 1, name: { en: 'X' }, data: {}, nodes: [{ id: 'a' }], edges: [] }, catalog);
    expect(r.ok).toBe(false);
    expect(r.metrics).toBeUndefined();
    expect(r.diagnostics[0]).toEqual(expect.objectContaining({ code: 'FLOW_E010', path: '/nodes/0', severity: 'error' }));
  });

  it('crm-flow lint prints each code and path validate prints, and exits 1 when validate does', async () => {
    for (const [name, flow] of variants()) {
      const file = write(name.replace(/\W+/g, '-'), flow);
      const v = await cli('validate', file, '--catalog', catalogFile, '--json');
      const l = await cli('lint', file, '--catalog', catalogFile, '--flows', EXAMPLES_DIR, '--json');
      const problems = (JSON.parse(v.out) as { files: Array<{ problems: Array<{ code: string; path: string; message: string }> }> }).files[0]!.problems;
      const found = (JSON.parse(l.out) as { files: Array<{ diagnostics: Diagnostic[] }> }).files[0]!.diagnostics;
      expect(v.code, name).toBe(1);
      expect(l.code, name).toBe(1);
      for (const p of problems) expect(found, name).toContainEqual(expect.objectContaining({ code: p.code, path: p.path, message: p.message }));
      const text = await cli('lint', file, '--catalog', catalogFile, '--flows', EXAMPLES_DIR);
      for (const p of problems) expect(text.out).toContain(`${p.code}`);
      for (const p of problems) expect(text.out).toContain(`${p.path}: ${p.message}`);
    }
  });
});
