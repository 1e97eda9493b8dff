import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { EXAMPLES_DIR, PACKAGE_DIR } from '../paths.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), readFile: (p) => readFileSync(p, 'utf8'), isTty: false };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const flow = (id: string) => `${EXAMPLES_DIR}${id}.json`;
const corpus = (name: string) => `${PACKAGE_DIR}test/analysis/corpus/${name}.json`;
const catalog = `${EXAMPLES_DIR}catalog.json`;

describe('crm-flow lint', () => {
  it('passes the sample flows (exit 0), skipping the catalog named among them', async () => {
    const r = await cli('lint', catalog, flow('new-order'), flow('quotation'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓ new-order.json: no findings');
    expect(r.out).toMatch(/\d+ steps \(\d+ tasks\) in 3 departments/);
    expect(r.out).not.toContain('catalog.json');
  });

  it('fails a flawed flow (exit 1) with the rule, the message, the steps and a hint', async () => {
    const r = await cli('lint', corpus('mandatory-not-bypassed--small-orders-skip-credit-check'), '--catalog', catalog, '--flows', EXAMPLES_DIR);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/error\s+mandatory-not-bypassed\s+Mandatory step 'Credit check' \(credit-check\) can be bypassed/);
    expect(r.out).toContain('steps: credit-check');
    expect(r.out).toContain('→ Route every path');
  });

  it('analyses a draft whose references are broken, reporting the format problem as validate does, once', async () => {
    const r = await cli('lint', corpus('FLOW_E026--typo-in-amount'), '--catalog', catalog);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/error\s+FLOW_E026\s+\/edges\/4\/guard\/>\/0\/var: Edge 'needs-approval-to-approve-sample' guard reads 'order.amout'/);
    expect(r.out).not.toContain('guard-vars-known');
    expect(r.out).toContain('1 error');
  });

  it('speaks Chinese and JSON', async () => {
    const zh = await cli('lint', corpus('task-has-roles--refund-without-roles'), '--catalog', catalog, '--flows', EXAMPLES_DIR, '--locale', 'zh');
    expect(zh.out).toContain('没有指定角色');
    // The CLI's own labels follow --locale too, not only the messages.
    expect(zh.out).toMatch(/1个错误/);
    expect(zh.out).toMatch(/^ {2}错误 +task-has-roles/m);
    expect(zh.out).toContain('步骤：refund');
    expect(zh.out).not.toMatch(/\b(error|warning|steps:)\b/);
    expect((await cli('lint', flow('new-order'), '--locale', 'zh')).out).toContain('new-order.json：未发现问题');
    const json = await cli('lint', corpus('task-has-roles--refund-without-roles'), '--catalog', catalog, '--flows', EXAMPLES_DIR, '--json');
    const parsed = JSON.parse(json.out) as { ok: boolean; files: Array<{ status: string; diagnostics: Array<{ rule: string; nodeIds: string[] }>; metrics: { steps: number } }> };
    expect(parsed.ok).toBe(false);
    expect(parsed.files[0]!.diagnostics).toEqual([expect.objectContaining({ rule: 'task-has-roles', nodeIds: ['refund'] })]);
    expect(parsed.files[0]!.metrics.steps).toBeGreaterThan(0);
  });

  it('lets the command line set severities, and --strict fail on warnings', async () => {
    const file = corpus('task-has-window--refund-without-window');
    const base = ['lint', file, '--catalog', catalog, '--flows', EXAMPLES_DIR];
    expect((await cli(...base)).code).toBe(0);
    expect((await cli(...base, '--strict')).code).toBe(1);
    expect((await cli(...base, '--rule', 'task-has-window=error')).code).toBe(1);
    expect((await cli(...base, '--rule', 'nope=error')).code).toBe(2);
  });

  it('exits 2 on a missing file or a bad option, and lists its rules', async () => {
    expect((await cli('lint', '/no/such/flow.json')).code).toBe(2);
    expect((await cli('lint', flow('new-order'), '--locale', 'fr')).code).toBe(2);
    const rules = await cli('lint', '--rules');
    expect(rules.code).toBe(0);
    expect(rules.out).toMatch(/^mandatory-not-bypassed\s+error\s+No path from the start/m);
  });
});

describe('crm-flow sop', () => {
  it('writes the SOP in Markdown, naming the sub-flow it runs', async () => {
    const r = await cli('sop', flow('new-order'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# New order — standard operating procedure/);
    expect(r.out).toContain('runs the flow “Credit limit review”');
  });

  it('writes Chinese and JSON', async () => {
    expect((await cli('sop', flow('new-order'), '--locale', 'zh')).out).toContain('标准作业程序');
    const json = JSON.parse((await cli('sop', flow('new-order'), '--json')).out) as { markdown: string; flowId: string };
    expect(json.flowId).toBe('new-order');
    expect(json.markdown).toContain('## Steps');
  });

  it('refuses a file that is not a flow (exit 1) or not there (exit 2)', async () => {
    const tmp = `${PACKAGE_DIR}test/analysis/fixtures/not-a-flow.json`;
    expect((await cli('sop', tmp)).code).toBe(1);
    expect((await cli('sop', '/no/such.json')).code).toBe(2);
  });
});

describe('crm-flow paths', () => {
  it('lists each path with its conditions in words', async () => {
    const r = await cli('paths', flow('sample-order'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 paths/);
    expect(r.out).toContain('amount is more than 2,000');
    const json = JSON.parse((await cli('paths', flow('sample-order'), '--json', '--locale', 'zh')).out) as { paths: Array<{ conditions: Array<{ text: string }> }> };
    expect(json.paths.flatMap((p) => p.conditions.map((c) => c.text))).toContain('订单金额超过2,000');
  });

  it('follows loops as often as asked', async () => {
    const once = JSON.parse((await cli('paths', flow('new-order'), '--json', '--max-loops', '0')).out) as { paths: unknown[] };
    const more = JSON.parse((await cli('paths', flow('new-order'), '--json', '--max-loops', '1')).out) as { paths: unknown[] };
    expect(once.paths.length).toBeLessThan(more.paths.length);
    expect((await cli('paths', flow('new-order'), '--max-loops', 'many')).code).toBe(2);
  });
});

describe('crm-flow simulate', () => {
  it('finds the scenario file beside the flow and prints each step with who and why', async () => {
    const r = await cli('simulate', flow('new-order'), '--scenario', '2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Scenario 2: .* — ✓ completed \(shipped\)/);
    expect(r.out).toContain('Credit check — done by Chen Jing (Finance)');
    expect(r.out).toMatch(/Enough credit\? → “Over the limit”, because .* \[customer\.creditUsed = 470000/);
  });

  it('picks scenarios by name, speaks Chinese, and writes JSON', async () => {
    const zh = await cli('simulate', flow('new-order'), '--scenario', 'cancelled', '--locale', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('场景 4');
    const json = JSON.parse((await cli('simulate', flow('sample-order'), '--json')).out) as { ok: boolean; results: Array<{ ok: boolean; trace: unknown[] }> };
    expect(json.ok).toBe(true);
    expect(json.results.length).toBeGreaterThan(1);
    expect((await cli('simulate', flow('new-order'), '--scenario', '99')).code).toBe(2);
  });
});

describe('crm-flow test', () => {
  it('passes the sample scenarios and reports coverage and the paths nobody walks', async () => {
    const r = await cli('test', flow('complaint-handling'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/passed (\d+)\/\1, failed 0/);
    expect(r.out).toMatch(/coverage: paths \d+\/\d+ \(\d+%\), decision branches (\d+)\/\1, ends (\d+)\/\2/);
  });

  it('fails (exit 1) on a failing scenario or too little coverage, and exits 2 on an unreadable scenario file', async () => {
    // The sample scenarios walk every path; one of them alone does not.
    expect((await cli('test', flow('new-order'), '--min-coverage', '100')).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'crm-flow-test-'));
    const one = join(dir, 'one.scenarios.json');
    writeFileSync(one, JSON.stringify((JSON.parse(readFileSync(`${EXAMPLES_DIR}scenarios/new-order.scenarios.json`, 'utf8')) as unknown[]).slice(0, 1)));
    const partial = await cli('test', flow('new-order'), one, '--min-coverage', '100');
    rmSync(dir, { recursive: true, force: true });
    expect(partial.code).toBe(1);
    expect(partial.out).toContain('paths no scenario walks');
    const broken = `${PACKAGE_DIR}test/analysis/fixtures/wrong-outcome.scenarios.json`;
    const r = await cli('test', flow('sample-order'), broken);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Expected the outcome 'lost'");
    expect((await cli('test', flow('sample-order'), '/no/such.json')).code).toBe(2);
  });
});
