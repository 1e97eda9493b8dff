// A file the CLI cannot read is named with what is wrong and where, in the
// reader's language (--locale), by every command, with exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { readRegularFile, type CliIo } from '../../src/cli/io.js';
import { parseJsonText } from '../../src/schema/json-text.js';

async function run(...args: string[]) {
  const o = { stdout: '', stderr: '', isTty: false, out(t: string) { o.stdout += t + '\n'; }, err(t: string) { o.stderr += t + '\n'; }, readFile: (p: string) => readRegularFile(p) } satisfies CliIo & { stdout: string; stderr: string };
  const code = await runCli(args, o);
  return { code, out: o.stdout, err: o.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'crm-flow-unreadable-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('what the parser says about broken JSON', () => {
  const message = (text: string) => {
    const r = parseJsonText(text);
    if (r.ok) throw new Error('parsed');
    return r.problem.message;
  };
  it('calls a trailing comma a trailing comma and says where it is', () => {
    expect(message('{"a": 1,\n}')).toBe("The text is not valid JSON: Trailing comma before '}' at line 2, column 1.");
    expect(message('[1, 2,]')).toBe("The text is not valid JSON: Trailing comma before ']' at line 1, column 7.");
  });
  it('says an empty file is empty, and never quotes the file back or names a position twice', () => {
    expect(message('  \n')).toMatch(/the file is empty/);
    const long = `{"nodes": [${'1,'.repeat(5000)}]}`;
    expect(message(long)).not.toContain('1,1,1');
    expect(message('{"a":1}}')).toBe('The text is not valid JSON: Unexpected non-whitespace character after JSON at line 1, column 8.');
  });
});

describe('every command names an unreadable file in the reader language', () => {
  const broken = file('broken.json', '{"id": "x",\n "nodes": [1,]\n}');
  const missing = join(dir, 'missing.json');
  for (const command of ['validate', 'lint', 'sop', 'paths', 'simulate', 'test']) {
    it(`${command}: English by default, Chinese with --locale zh, exit 2`, async () => {
      const en = await run(command, broken);
      expect(en.code).toBe(2);
      expect(en.err).toContain(`${broken} is not valid JSON: Trailing comma before ']' at line 2, column 14.`);
      const zh = await run(command, broken, '--locale', 'zh');
      expect(zh.code).toBe(2);
      expect(zh.err).toMatch(/^错误[:：]/);
      expect(zh.err).toContain('“]”前面多了一个逗号（第 2 行第 14 列）');
      const gone = await run(command, missing, '--locale', 'zh');
      expect(gone.code).toBe(2);
      expect(gone.err).toContain(`无法读取 ${missing}：文件不存在`);
      const folder = await run(command, dir, '--locale', 'zh');
      expect(folder.code).toBe(2);
      expect(folder.err).toContain('这是一个文件夹，不是文件');
    });
  }
});
