import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { precompiledRules, type PrecompiledRulesModule } from '../../src/precompiled-entry.js';
import { EXAMPLES_DIR, REPO_ROOT } from '../paths.js';

async function run(...args: string[]) {
  const io = { stdout: '', stderr: '', isTty: false, out(t: string) { io.stdout += `${t}\n`; }, err(t: string) { io.stderr += `${t}\n`; }, readFile: (p: string) => readFileSync(p, 'utf8') } satisfies CliIo & { stdout: string; stderr: string };
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

const flowsDir = EXAMPLES_DIR;
const flowFiles = readdirSync(flowsDir).filter((f) => f.endsWith('.json')).map((f) => join(flowsDir, f));

describe('crm-flow compile-rules', () => {
  it('writes a module of the flows’ rules that the engine runs (a folder’s catalog.json is skipped as a flow)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'compile-rules-')), 'rules.mjs');
    const r = await run('compile-rules', ...flowFiles, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/✓ rules\.mjs: \d+ rules of 9 flows compiled to code/);
    const module = ((await import(pathToFileURL(out).href)) as { default: PrecompiledRulesModule }).default;
    const rule = { '==': [{ var: 'quote.status' }, 'accepted'] };
    const compiled = precompiledRules(module)(rule);
    expect(compiled).toBeDefined();
    expect(compiled!({ quote: { status: 'accepted' } })).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toMatch(/\beval\b|new Function/);
  });

  it('prints the module when no --out is given, and says so in Chinese', async () => {
    const r = await run('compile-rules', join(flowsDir, 'quotation.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('export default {');
    expect(r.out).toContain('quotation@1');
    const out = join(mkdtempSync(join(tmpdir(), 'compile-rules-')), 'r.js');
    const zh = await run('compile-rules', join(flowsDir, 'quotation.json'), '-o', out, '--locale', 'zh');
    expect(zh.err).toMatch(/条规则已编译为代码/);
  });

  it('has written the demo’s module from the sample flows as they are now (run `pnpm rules:demo` after changing them)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'compile-rules-')), 'flow-rules.generated.ts');
    const r = await run('compile-rules', ...[...flowFiles].sort(), '--out', out);
    expect(r.code).toBe(0);
    const shipped = readFileSync(join(REPO_ROOT, 'apps/demo-crm/src/runtime/flow-rules.generated.ts'), 'utf8');
    expect(shipped.replace(/^\/\/ Rules of .*$/m, '')).toBe(readFileSync(out, 'utf8').replace(/^\/\/ Rules of .*$/m, ''));
    expect(shipped.startsWith('/* eslint-disable */\n// @ts-nocheck\n')).toBe(true);
  });

  it('writes nothing when a flow cannot be read, naming the file and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compile-rules-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'bad', nodes: [] }));
    const out = join(dir, 'rules.js');
    const r = await run('compile-rules', join(flowsDir, 'quotation.json'), bad, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}: the flow cannot be read as a flow`);
    expect(r.err).toContain("missing 'version'");
    expect(r.err).toContain('No rules module was written');
    expect(existsSync(out)).toBe(false);
  });
});
