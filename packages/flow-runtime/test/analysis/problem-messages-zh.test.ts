import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCatalog, parseCatalogOrThrow, parseFlow, parseJsonText, PROBLEM_CODES, type Problem } from '../../src/index.js';
import { lintFlow, problemMessage, problemMessageZh } from '../../src/analysis-entry.js';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { PACKAGE_DIR } from '../paths.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (out += `${t}\n`), readFile: (p) => readFileSync(p, 'utf8'), isTty: false };
  const code = await runCli(argv, io);
  return { code, out };
}

const FIXTURES = `${PACKAGE_DIR}test/fixtures/`;
const INVALID = `${FIXTURES}invalid/`;
const CORPUS = `${PACKAGE_DIR}test/analysis/corpus/`;
const miniFlow = () => JSON.parse(readFileSync(`${FIXTURES}mini-flow.json`, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw fixtures are mutated freely
const miniCatalogJson = () => JSON.parse(readFileSync(`${FIXTURES}mini-catalog.json`, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw fixtures are mutated freely
const miniCatalog = parseCatalogOrThrow(miniCatalogJson());

/**
 * Whether a Chinese message still reads as English: three English words in a
 * row once the quoted names, ids and values are taken out.
 */
function readsEnglish(zh: string): boolean {
  const bare = zh.replace(/“[^”]*”/g, '').replace(/"[^"]*"/g, '').replace(/'[^']*'/g, '');
  return /[A-Za-z]{2,} +[A-Za-z]{2,} +[A-Za-z]{2,}/.test(bare) || !/[\u4e00-\u9fff]/.test(bare);
}

/** The problems of every invalid fixture (flows and catalogs, as validate reads them). */
function fixtureProblems(): Problem[] {
  const out: Problem[] = [];
  for (const f of readdirSync(INVALID).filter((x) => x.endsWith('.json') && x !== 'expected.json')) {
    const text = readFileSync(INVALID + f, 'utf8');
    const j = parseJsonText(text);
    if (!j.ok) out.push(j.problem);
    else {
      const r = f.startsWith('catalog') ? parseCatalog(j.value) : parseFlow(j.value, miniCatalog);
      if (!r.ok) out.push(...r.problems);
    }
  }
  return out;
}

/** More flaws, one per message template the fixtures do not reach. */
function moreProblems(): Problem[] {
  const flows: Array<(f: Record<string, any>) => void> = [ // eslint-disable-line @typescript-eslint/no-explicit-any -- raw fixtures are mutated freely
    (f) => (f.nodes[1].notes = [42, { zh: '只有中文' }, { en: 'x', zh: '' }, 'x'.repeat(2001)]),
    (f) => (f.nodes[1].kind = undefined),
    (f) => (f.nodes[2] = 'not a node'),
    (f) => (f.data['1bad'] = { type: 'integer' }),
    (f) => (f.data.status = { type: 'enum' }),
    (f) => (f.data.buyer = { type: 'record', entity: 'client' }),
    (f) => (f.data.order2 = { type: 'record', entity: 'order' }),
    (f) => (f.nodes[1].record = 'nothing'),
    (f) => (f.nodes[1].record = 'order'),
    (f) => (f.nodes[2].notSameActorAs = ['ok']),
    (f) => (f.nodes[2].fields = ['approvd']),
    (f) => (f.nodes[2].required = ['order.lines.sku']),
    (f) => (f.nodes[2].sla = { hours: -4 }),
    (f) => (f.nodes[2].sla = { hours: { '+': [{ var: 'order.amount.cents' }, 1] } }),
    (f) => (f.edges[3].guard = {}),
    (f) => (f.edges[3].guard = { '==': [{ var: 'order.lines' }, 'x'.repeat(10_001)] }),
    (f) => (f.edges[3].guard = { 'frobnicate': [1] }),
    (f) => (f.edges[3].guard = { some: [{ var: 'order.lines' }, { '>': [{ var: 'price' }, 1] }] }),
    (f) => (f.edges[3].guard = { '==': [{ var: 'order.lines.sku' }, 1] }),
    (f) => (f.edges[3].recordLink = { entity: 'client', field: 'id', equals: 'order.customer' }),
    (f) => (f.edges[3].recordLink = { entity: 'customer', field: 'code', equals: 'order.customr' }),
    (f) => (f.edges[3].label = 'yes'),
    (f) => (f.controls[0].kind = 'alarm'),
    (f) => (f.controls[0].notify = ['boss']),
    (f) => (f.controls[0].when = { '>': [{ var: 'customer.__proto__.x' }, 1] }),
    (f) => (f.nodes.push({ id: 'wait', kind: 'wait', name: { en: 'Wait' }, until: { var: 'nope' }, timer: { hours: { var: 'hrs' } } })),
    (f) => (f.nodes.push({ id: 'sys', kind: 'system', name: { en: 'Sys' }, assign: [{ target: 'order.totl', value: { var: 'ordr.amount' } }], alert: { to: ['nobody'], message: { en: 'x' } } })),
    (f) => (f.nodes.push({ id: 'sub', kind: 'subflow', name: { en: 'Sub' }, flow: 'other', input: { a: { var: 'nope' } }, output: { 'order.nope': { method: [1, 'x'] } } })),
    (f) => (f.nodes[1].window = 'credit-check'),
    (f) => (f.id = 'x'.repeat(70)),
    (f) => (f.__proto__ = 1),
    (f) => (f.nodes[1].name = { en: 'Enter\u0000', zh: '录入\uD800' }),
    (f) => (f.data['a\uDC00'] = { type: 'string' }),
  ];
  const out: Problem[] = [];
  for (const mutate of flows) {
    const f = miniFlow();
    mutate(f);
    const r = parseFlow(JSON.parse(JSON.stringify(f)) as unknown, miniCatalog);
    if (!r.ok) out.push(...r.problems);
  }
  const catalogs: Array<(c: Record<string, any>) => void> = [ // eslint-disable-line @typescript-eslint/no-explicit-any -- raw fixtures are mutated freely
    (c) => (c.entities[1].fields.push({ id: 'qty', name: { en: 'Qty' }, type: 'integer', constraints: { min: 5, max: 1, pattern: 'x', notBefore: { today: 1 } } })),
    (c) => (c.entities[1].fields.push({ id: 'code', name: { en: 'Code' }, type: 'string', constraints: { pattern: '([', minLength: 5, maxLength: 2, min: 1 } })),
    (c) => (c.entities[1].fields.push({ id: 'paid', name: { en: 'Paid' }, type: 'money', constraints: { max: -1, allowNegative: false } })),
    (c) => (c.entities[1].fields.push({ id: 'due', name: { en: 'Due' }, type: 'date', constraints: { notBefore: { date: '2026-02-30x' }, notAfter: { field: 'amont' } } })),
    (c) => (c.entities[1].fields.push({ id: 'due2', name: { en: 'Due' }, type: 'date', constraints: { notBefore: { date: '2026-05-01' }, notAfter: { date: '2026-01-01' } } })),
    (c) => (c.entities[1].fields.push({ id: 'due3', name: { en: 'Due' }, type: 'date', constraints: { notBefore: { field: 'due3' }, notAfter: { field: 'amount' } } })),
    (c) => (c.entities[1].fields.push({ id: 'due4', name: { en: 'Due' }, type: 'date', constraints: { notBefore: { today: 5 }, notAfter: { today: 1 } } })),
    (c) => (c.entities[1].fields.push({ id: 'rated', name: { en: 'Rated' }, type: 'integer', constraints: { min: 1.2, max: 1.8, allowNegative: true } })),
    (c) => (c.entities[1].fields.push({ id: 'items', name: { en: 'Items' }, type: 'list' })),
    (c) => (c.entities[1].fields.push({ id: 'buyer', name: { en: 'Buyer' }, type: 'reference', entity: 'client' })),
    (c) => (c.windows[0].required = ['creditLimit']),
    (c) => (c.windows[0].fieldAccess = { name: { boss: 'edit' } }),
    (c) => (c.windows[1].recordFilter = { '>': [{ var: 'amount.x' }, 1] }),
  ];
  for (const mutate of catalogs) {
    const c = miniCatalogJson();
    mutate(c);
    const r = parseCatalog(c);
    if (!r.ok) out.push(...r.problems);
  }
  const big = parseJsonText('{"a":1}', { maxLength: 3 });
  if (!big.ok) out.push(big.problem);
  const deep = parseJsonText('['.repeat(300) + ']'.repeat(300));
  if (!deep.ok) out.push(deep.problem);
  const trailing = parseJsonText('{"a": 1,}');
  if (!trailing.ok) out.push(trailing.problem);
  return out;
}

describe('format problems in Chinese', () => {
  const problems = [...fixtureProblems(), ...moreProblems()];

  it('reach every format problem code', () => {
    const codes = new Set(problems.map((p) => p.code));
    for (const code of Object.keys(PROBLEM_CODES)) expect(codes, code).toContain(code);
    expect(problems.length).toBeGreaterThan(120);
  });

  it('say every one of them in Chinese, by its template, keeping the names and ids', () => {
    const untranslated = problems.filter((p) => problemMessageZh(p.message) === undefined).map((p) => `${p.code} ${p.message}`);
    expect(untranslated).toEqual([]);
    for (const p of problems) {
      const zh = problemMessageZh(p.message)!;
      expect(readsEnglish(zh), `${p.message}\n→ ${zh}`).toBe(false);
      // Every quoted id or name of the English message is still there.
      for (const [, id] of p.message.matchAll(/'([^' ]{1,40})'/g)) if (!/\s/.test(id!)) expect(zh, p.message).toContain(id!);
    }
  });

  it('keep a near-miss suggestion', () => {
    const zh = problemMessageZh("Edge 'e2' goes to node 'chek', which the flow does not have. Did you mean 'check'?");
    expect(zh).toBe('连线“e2”指向步骤“chek”，流程中没有该步骤。是否想写“check”？');
  });

  it('fall back to the general meaning, never to English, for a message no template knows', () => {
    const p: Problem = { code: 'FLOW_E026', path: '/nodes/3/fields/0', message: 'Something entirely new happened here.' };
    expect(problemMessageZh(p.message)).toBeUndefined();
    expect(problemMessage(p, 'zh')).toBe('/nodes/3/fields/0：引用的字段不存在。');
    expect(problemMessage(p, 'en')).toBe(p.message);
  });

  it('are what lint gives for a draft with broken references in Chinese', () => {
    const f = miniFlow();
    f.nodes[1].window = 'customer-form';
    f.edges[1].target = 'chek';
    const r = lintFlow(f, miniCatalog, { locale: 'zh' });
    const messages = r.diagnostics.filter((d) => d.code?.startsWith('FLOW_E')).map((d) => d.message);
    expect(messages).toContain('步骤“录入客户”（enter）打开窗口“customer-form”，目录中没有该窗口。是否想写“customer-info”？');
    expect(messages).toContain('连线“e2”指向步骤“chek”，流程中没有该步骤。是否想写“check”？');
  });
});

describe('crm-flow lint and validate --locale zh', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'crm-flow-zh-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const flawed = readdirSync(CORPUS).filter((f) => f.startsWith('FLOW_E'));
  const fixtures = (JSON.parse(readFileSync(`${INVALID}expected.json`, 'utf8')) as Array<{ file: string; kind: string; code: string }>).filter((c) => c.kind === 'flow');
  const catalogFile = join(tmp, 'mini-catalog.json');
  writeFileSync(catalogFile, JSON.stringify(miniCatalogJson()));

  /** The lines of a report that carry a format problem. */
  const problemLines = (out: string) => out.split('\n').filter((l) => /\[FLOW_E\d{3}\]/.test(l));

  it.each(flawed)('lint --locale zh of corpus entry %s prints its format problem in Chinese', async (file) => {
    const r = await cli('lint', CORPUS + file, '--catalog', `${PACKAGE_DIR}../../examples/flows/catalog.json`, '--locale', 'zh');
    expect(r.code).toBe(1);
    // In Chinese the path is followed by a full-width colon.
    const findings = [...r.out.matchAll(/^\s+错误\s+(FLOW_E\d{3})\s+\S*?：(.*)$/gm)].map((m) => ({ code: m[1]!, message: m[2]! }));
    expect(findings.map((f) => f.code)).toEqual([file.slice(0, 9)]);
    for (const f of findings) expect(readsEnglish(f.message), f.message).toBe(false);
  });

  it.each(fixtures.map((c) => [c.file, c.code]))('validate --locale zh of %s says %s in Chinese', async (file, code) => {
    const r = await cli('validate', INVALID + file, '--catalog', catalogFile, '--locale', 'zh');
    expect(r.code, r.out).toBeGreaterThanOrEqual(1);
    if (code === 'FLOW_E001' || code === 'FLOW_E002' || code === 'FLOW_E003') return; // unreadable files are reported as such
    expect(r.out).toMatch(/个问题/);
    const lines = problemLines(r.out);
    expect(lines.map((l) => l.match(/\[(FLOW_E\d{3})\]/)![1])).toContain(code);
    for (const l of lines) {
      const message = l.slice(l.indexOf('：') + 1).replace(/ \[FLOW_E\d{3}\]$/, '');
      expect(readsEnglish(message), l).toBe(false);
    }
  });

  it('validate --locale zh --json keeps the parser message and adds its Chinese', async () => {
    const r = await cli('validate', `${INVALID}flow-dangling-edge-target.json`, '--catalog', catalogFile, '--locale', 'zh', '--json');
    const problem = (JSON.parse(r.out) as { files: Array<{ problems: Array<{ message: string; messageZh: string }> }> }).files[0]!.problems[0]!;
    expect(problem.message).toBe("Edge 'e2' goes to node 'chek', which the flow does not have. Did you mean 'check'?");
    expect(problem.messageZh).toBe('连线“e2”指向步骤“chek”，流程中没有该步骤。是否想写“check”？');
  });

  it('validate --locale zh names a draft’s steps by their Chinese names', async () => {
    const r = await cli('validate', `${INVALID}flow-unknown-role.json`, '--catalog', catalogFile, '--locale', 'zh');
    expect(r.out).toContain('/nodes/1/roles/0：步骤“录入客户”（enter）引用了角色“salesman”，目录中没有该角色。 [FLOW_E023]');
  });

  it('a flow checked without a catalog says so in Chinese', async () => {
    const file = join(tmp, 'alone.json');
    writeFileSync(file, JSON.stringify(miniFlow()));
    const r = await cli('validate', file, '--locale', 'zh');
    expect(r.out).toContain('流程有效（说明：未指定目录，文件旁也没有 catalog.json，因此没有检查窗口、角色和部门；可用 --catalog 指定目录）');
  });

  it('validate --locale en is unchanged, and a bad locale is a usage error', async () => {
    const en = await cli('validate', `${INVALID}flow-dangling-edge-target.json`, '--catalog', catalogFile);
    expect(en.out).toContain("goes to node 'chek', which the flow does not have.");
    expect((await cli('validate', `${INVALID}flow-dangling-edge-target.json`, '--locale', 'fr')).code).toBe(2);
  });
});
