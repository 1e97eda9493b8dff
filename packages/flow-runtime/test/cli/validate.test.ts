import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { PACKAGE_DIR } from '../paths.js';

const fx = `${PACKAGE_DIR}test/fixtures/`;

function memoryIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    isTty: false,
    out(t: string) {
      io.stdout += t + '\n';
    },
    err(t: string) {
      io.stderr += t + '\n';
    },
    readFile: (p: string) => readFileSync(p, 'utf8'),
  };
  return io;
}

async function run(...args: string[]) {
  const io = memoryIo();
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('crm-flow validate', () => {
  it('exits 0 and says so for a valid flow', async () => {
    const r = await run('validate', `${fx}mini-flow.json`, '--catalog', `${fx}mini-catalog.json`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✓');
    expect(r.out).toContain('valid flow');
  });

  it('exits 1 and prints file, path and message for each problem', async () => {
    const r = await run('validate', `${fx}invalid/flow-dangling-edge-target.json`, '--catalog', `${fx}mini-catalog.json`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${fx}invalid/flow-dangling-edge-target.json:/edges/1/target: Edge 'e2' goes to node 'chek'`);
    expect(r.out).toContain('[FLOW_E021]');
  });

  it('exits 2 for a missing file, with no stack trace', async () => {
    const r = await run('validate', `${fx}does-not-exist.json`);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read .*does-not-exist\.json: no such file/);
    expect(r.err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it('exits 2 for a file that is not JSON, naming line and column', async () => {
    const r = await run('validate', `${fx}invalid/flow-not-json.json`);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is not valid JSON: .* at line \d+, column \d+/);
  });

  it('prints machine-readable results with --json', async () => {
    const r = await run('validate', `${fx}invalid/flow-unknown-role.json`, '--catalog', `${fx}mini-catalog.json`, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { ok: boolean; files: Array<{ status: string; problems: Array<{ code: string; path: string }> }> };
    expect(report.ok).toBe(false);
    expect(report.files[0]!.problems).toEqual([expect.objectContaining({ code: 'FLOW_E023', path: '/nodes/1/roles/0' })]);
  });

  it('validates a catalog file as a catalog', async () => {
    const r = await run('validate', `${fx}invalid/catalog-bad-colour.json`);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Department 'sales': 'color' is \"blue\", but a colour is written #rrggbb.");
  });

  it('notes when no catalog was available', async () => {
    const r = await run('validate', `${fx}mini-flow.json`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/not checked \(use --catalog\)/);
  });

  it('checks every flow against the catalog.json beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-flow-'));
    copyFileSync(`${fx}mini-catalog.json`, join(dir, 'catalog.json'));
    copyFileSync(`${fx}invalid/flow-unknown-window.json`, join(dir, 'a.json'));
    copyFileSync(`${fx}invalid/flow-unknown-role.json`, join(dir, 'b.json'));
    const r = await run('validate', join(dir, 'a.json'), join(dir, 'b.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('FLOW_E024');
    expect(r.out).toContain('FLOW_E023');
  });

  it('fails, naming the catalog problem, when the catalog.json beside the flow is broken — as lint does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-flow-'));
    const catalog = JSON.parse(readFileSync(`${fx}mini-catalog.json`, 'utf8')) as { roles: Array<{ department: string }> };
    catalog.roles[0]!.department = 'nowhere';
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog));
    copyFileSync(`${fx}mini-flow.json`, join(dir, 'a.json'));
    copyFileSync(`${fx}mini-flow.json`, join(dir, 'b.json'));
    const v = await run('validate', join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'catalog.json'));
    expect(v.code).toBe(1);
    // The catalog's problem, once (not once per flow, nor again for naming the catalog too), with its code and path.
    expect(v.out.match(/\[FLOW_E022\]/g)).toHaveLength(1);
    expect(v.out).toContain(`${join(dir, 'catalog.json')}:/roles/0/department: `);
    expect(v.out).toMatch(/catalog beside the flows has problems/);
    const json = JSON.parse((await run('validate', join(dir, 'a.json'), '--json')).out) as { ok: boolean; files: Array<{ kind: string; status: string; problems: Array<{ code: string }> }> };
    expect(json.ok).toBe(false);
    expect(json.files.find((f) => f.kind === 'catalog')).toMatchObject({ status: 'problems', problems: [expect.objectContaining({ code: 'FLOW_E022' })] });
    const zh = await run('validate', join(dir, 'a.json'), '--locale', 'zh');
    expect(zh.code).toBe(1);
    expect(zh.out).toContain('流程旁的目录有问题');
    const l = await run('lint', join(dir, 'a.json'));
    expect(l.code).toBe(1);
    expect(l.out).toContain('FLOW_E022');
  });

  it('exits 2 on bad usage', async () => {
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate', '--bogus', 'x.json')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('runs as a real process through the bin', () => {
    const p = spawnSync(process.execPath, [`${PACKAGE_DIR}bin/crm-flow.js`, 'validate', `${fx}invalid/flow-unknown-window.json`, '--catalog', `${fx}mini-catalog.json`], { encoding: 'utf8' });
    expect(p.status).toBe(1);
    expect(p.stdout).toContain("opens window 'customer-form', which the catalog does not have. Did you mean 'customer-info'?");
  });
});
