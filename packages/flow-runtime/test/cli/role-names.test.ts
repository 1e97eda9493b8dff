import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { EXAMPLES_DIR, PACKAGE_DIR } from '../paths.js';

/*
 * What the CLI prints names people's roles as the catalog does, in the
 * user's language, and Chinese text uses full-width brackets and colons —
 * never a raw role id such as "sales-rep" or "李娜 (sales-rep)".
 */

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), readFile: (p) => readFileSync(p, 'utf8'), isTty: false };
  const code = await runCli(argv, io);
  return { code, out, err };
}

type Role = { id: string; name: { en: string; zh: string } };
const catalog = JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')) as { roles: Role[] };
const flows = readdirSync(`${EXAMPLES_DIR}scenarios`).filter((f) => f.endsWith('.scenarios.json')).map((f) => f.replace('.scenarios.json', ''));
const flow = (id: string) => `${EXAMPLES_DIR}${id}.json`;
/** A role id standing as a word of its own (not inside a field path or a longer id). */
const rawId = (text: string, id: string) => new RegExp(`(^|[\\s(（,、：:])${id}($|[\\s)）,、：:])`, 'm').test(text);
/** Chinese text right before or after a half-width bracket or colon. */
const HALF_WIDTH = /[\u4e00-\u9fff“”][ ]?[():]|[():][ ]?[\u4e00-\u9fff“”]/;

describe('crm-flow simulate names roles from the catalog', () => {
  it('in Chinese: 李娜（销售代表）, with full-width brackets, for every sample flow', async () => {
    const r = await cli('simulate', flow('new-customer-approval'), '--locale', 'zh', '--scenario', '1');
    expect(r.code).toBe(0);
    expect(r.out).toContain('李娜（销售代表）完成');
    expect(r.out).toContain('陈静（财务）完成');
    expect(r.out).toMatch(/^场景 1：.* — ✓ 完成（approved）$/m);
    expect(r.out).toContain('⚠ 提醒 销售代表：');
    for (const id of flows) {
      const all = await cli('simulate', flow(id), '--locale', 'zh');
      for (const role of catalog.roles) expect(rawId(all.out, role.id), `${id}: raw role id '${role.id}' in\n${all.out}`).toBe(false);
      const lines = all.out.split('\n').map((l) => l.replace(/[A-Za-z0-9_.]+ = [^,，]*/g, ''));
      for (const line of lines) expect(HALF_WIDTH.test(line), `${id}: half-width bracket or colon in “${line}”`).toBe(false);
    }
  });

  it("in English: the role's English name", async () => {
    const r = await cli('simulate', flow('new-customer-approval'), '--scenario', '1');
    expect(r.out).toContain('done by Li Na (Sales rep)');
    expect(r.out).toContain('⚠ alert to Sales rep:');
    // every role named in "done by … (roles)" and "alert to roles:" is a catalog role's English name
    const names = new Set(catalog.roles.map((r) => r.name.en));
    for (const id of flows) {
      const all = await cli('simulate', flow(id));
      const lists = [...all.out.matchAll(/done by [^(\n]* \(([^)]*)\)/g), ...all.out.matchAll(/alert to ([^:]*):/g)].map((m) => m[1]!);
      expect(lists.length, id).toBeGreaterThan(0);
      for (const role of lists.flatMap((l) => l.split(', '))) expect(names.has(role), `${id}: '${role}' is not a role's English name`).toBe(true);
    }
  });

  it('keeps the id of a role the catalog does not know', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-flow-roles-'));
    try {
      const c = JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')) as { roles: Role[] };
      const file = join(dir, 'catalog.json');
      writeFileSync(file, JSON.stringify({ ...c, roles: c.roles.map((r) => (r.id === 'finance' ? { ...r, name: { en: 'Money people', zh: '管钱的人' } } : r)) }));
      const r = await cli('simulate', flow('new-customer-approval'), '--catalog', file, '--locale', 'zh', '--scenario', '1');
      expect(r.out).toContain('陈静（管钱的人）完成');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('why a scenario failed, in the user language, with roles and steps by name', () => {
  it('a role nobody plays, a wrong path and a wrong outcome', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-flow-roles-'));
    try {
      const [first] = JSON.parse(readFileSync(`${EXAMPLES_DIR}scenarios/new-customer-approval.scenarios.json`, 'utf8')) as Array<{ actors: Record<string, unknown> }>;
      delete first!.actors.finance;
      const file = join(dir, 'no-finance.scenarios.json');
      writeFileSync(file, JSON.stringify([first]));
      const zh = await cli('simulate', flow('new-customer-approval'), file, '--locale', 'zh');
      expect(zh.code).toBe(1);
      expect(zh.out).toMatch(/^场景 1：.* — ✗ 卡住了$/m);
      expect(zh.out).toContain('✗ 场景中没有人担任财务（finance），因此“审核付款条件”无法完成');
      expect(zh.out).toMatch(/✗ 预期路径为 提出新客户 → 录入客户信息 → .*，实际路径为 .* → 提交审批 → 审核付款条件。/);
      for (const line of zh.out.split('\n').filter((l) => l.includes('✗'))) expect(line).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/);
      const en = await cli('simulate', flow('new-customer-approval'), file);
      expect(en.out).toContain("✗ Nobody in the scenario plays Finance (finance), so 'Review payment terms' cannot be done");
      const wrong = await cli('test', flow('sample-order'), `${PACKAGE_DIR}test/analysis/fixtures/wrong-outcome.scenarios.json`, '--locale', 'zh');
      expect(wrong.out).toContain('✗ 预期结果为“lost”，实际结束于“completed”。');
      expect(wrong.out).toMatch(/^场景 1：.* — ✗ 已结束$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the other commands in Chinese use full-width brackets and readable names', () => {
  it('lint: the file and its verdict joined by a full-width colon', async () => {
    const zh = await cli('lint', flow('new-customer-approval'), '--locale', 'zh');
    expect(zh.out).toMatch(/^✓ new-customer-approval\.json：未发现问题$/m);
    expect((await cli('lint', flow('new-customer-approval'))).out).toMatch(/^✓ new-customer-approval\.json: no findings$/m);
  });

  it('sop: a file that is not a flow is refused in the user\'s language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-flow-roles-'));
    try {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ id: 'x', nodes: 'none' }));
      const zh = await cli('sop', bad, '--locale', 'zh');
      expect(zh.code).toBe(1);
      expect(zh.err).toContain('无法按流程读取该文件，因此没有生成 SOP');
      expect(zh.err).not.toMatch(/the flow cannot be read/);
      const en = await cli('sop', bad);
      expect(en.err).toContain('the flow cannot be read as a flow, so no SOP was written');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('paths: the reason of each branch in （）', async () => {
    const zh = await cli('paths', flow('new-customer-approval'), '--locale', 'zh');
    expect(zh.out).toContain('是否批准？ → “批准”（评估结论为同意）');
    expect(zh.out).not.toMatch(/” \(/);
    const en = await cli('paths', flow('new-customer-approval'));
    expect(en.out).toContain('Approved? → “Approved” (');
  });

  it('test: scenario lines, and the branches not taken by decision and label, not by connection id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-flow-roles-'));
    try {
      const one = join(dir, 'one.scenarios.json');
      writeFileSync(one, JSON.stringify((JSON.parse(readFileSync(`${EXAMPLES_DIR}scenarios/complaint-handling.scenarios.json`, 'utf8')) as unknown[]).slice(0, 1)));
      const zh = await cli('test', flow('complaint-handling'), one, '--locale', 'zh');
      expect(zh.out).toMatch(/^✓ 场景 1：.*（resolved）$/m);
      expect(zh.out).toMatch(/^未覆盖的分支：处理方式？ → “退款”；/m);
      expect(zh.out).toMatch(/^未到达的结束：已结案（客户不满意）$/m);
      for (const line of zh.out.split('\n')) expect(HALF_WIDTH.test(line), `half-width in “${line}”`).toBe(false);
      const en = await cli('test', flow('complaint-handling'), one);
      expect(en.out).toMatch(/^✓ scenario 1: .* \(resolved\)$/m);
      expect(en.out).toMatch(/^branches not taken: Remedy\? → “Refund”, /m);
      const edges = (JSON.parse(readFileSync(flow('complaint-handling'), 'utf8')) as { edges: Array<{ id: string }> }).edges;
      for (const e of edges) expect(rawId(en.out + zh.out, e.id), `connection id '${e.id}'`).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
