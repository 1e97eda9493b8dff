// `crm-flow-pg migrate|status`: the command that runs the shipped migrations.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = new URL('../bin/crm-flow-pg.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'crm-flow-pg-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = async (...args: string[]) => {
  try {
    const { stdout } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
};

describe('crm-flow-pg', () => {
  it('reports pending migrations, applies them once, then reports the schema up to date', async () => {
    const data = join(dir, 'db');
    expect((await cli('migrate', '--pglite', data)).out).toMatch(/applied migrations 1, 2, 3; schema version 3/);
    expect((await cli('migrate', '--pglite', data)).out).toMatch(/schema version 3, nothing to apply/);
    expect((await cli('status', '--pglite', data)).out).toMatch(/schema version 3, up to date/);
  });

  it('says which database it cannot reach, and what to check', async () => {
    const res = await cli('migrate', '--url', 'postgres://flow:secret@127.0.0.1:1/crm');
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/127\.0\.0\.1:1\/crm.*DATABASE_URL/s);
    expect(res.out).not.toMatch(/secret/);
  });

  it('asks for a database when none is given, and prints usage for an unknown command', async () => {
    expect(await cli('migrate')).toMatchObject({ code: 1, out: expect.stringMatching(/DATABASE_URL/) });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, out: expect.stringMatching(/usage: crm-flow-pg/) });
  });
});
