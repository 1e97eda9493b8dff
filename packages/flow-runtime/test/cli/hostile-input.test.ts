// The CLI on hostile input (issue 15): only regular files are read, the size is
// checked before reading, option ranges are bounded, and a flow with problems
// is exit 1 with the problems, never an internal error (exit 70).
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, ftruncateSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { readRegularFile, type CliIo } from '../../src/cli/io.js';
import { REPO_ROOT } from '../paths.js';

function io(): CliIo & { stdout: string; stderr: string } {
  const o = {
    stdout: '',
    stderr: '',
    isTty: false,
    out(t: string) {
      o.stdout += t + '\n';
    },
    err(t: string) {
      o.stderr += t + '\n';
    },
    readFile: (p: string) => readRegularFile(p),
  };
  return o;
}

async function run(...args: string[]) {
  const o = io();
  const code = await runCli(args, o);
  return { code, out: o.stdout, err: o.stderr };
}

const flows = join(REPO_ROOT, 'examples/flows');
const dir = mkdtempSync(join(tmpdir(), 'crm-flow-cli-'));

describe('crm-flow reads only regular files', () => {
  it('refuses a FIFO at once with exit 2 (no writer, no hang)', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const r = await run('validate', fifo);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a regular file \(a pipe\)/);
  });

  it('refuses /dev/zero and a folder with exit 2', async () => {
    const z = await run('lint', '/dev/zero');
    expect(z.code).toBe(2);
    expect(z.err).toMatch(/a device/);
    const d = await run('validate', dir);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/folder/);
  });

  it('checks the size before reading: a 1 GB file is refused without reading it', async () => {
    const big = join(dir, 'big.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const r = await run('validate', big);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/1073\.7 MB, larger than the 20 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('crm-flow bounds every option', () => {
  it.each([
    [['--max-loops', '1000'], /--max-loops must be between 0 and 5/],
    [['--max-loops', '20', '--max-paths', '100000'], /--max-loops must be between 0 and 5/],
    [['--max-paths', '100000'], /--max-paths must be between 1 and 10,000/],
    [['--max-paths', '1e3'], /whole number/],
  ])('paths %j is a usage error (exit 2)', async (opts, message) => {
    const r = await run('paths', join(flows, 'new-order.json'), ...opts);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('test --max-loops is bounded too', async () => {
    const r = await run('test', join(flows, 'new-order.json'), '--max-loops', '999');
    expect(r.code).toBe(2);
  });
});

describe('a flow with problems is exit 1, never an internal error', () => {
  const typo = join(dir, 'typo');
  execFileSync('mkdir', ['-p', typo]);
  copyFileSync(join(flows, 'catalog.json'), join(typo, 'catalog.json'));
  copyFileSync(join(flows, 'credit-limit-review.json'), join(typo, 'credit-limit-review.json'));
  writeFileSync(join(typo, 'new-order.json'), readFileSync(join(flows, 'new-order.json'), 'utf8').replaceAll('customer.creditLimit', 'customer.creditLimt'));
  const scenarios = join(flows, 'scenarios/new-order.scenarios.json');

  it.each(['simulate', 'test'])('%s on a flow with a field typo prints the problems and exits 1', async (command) => {
    const r = await run(command, join(typo, 'new-order.json'), scenarios, '--flows', typo);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toMatch(/creditLimt/);
    expect(r.out + r.err).not.toMatch(/internal error|a bug in CRM Flow/);
  });
});

// Fourth red-team pass: `lint a.json b.json …` read every flow of the folder again for each file
// (its sub-flows' registry): 111 flows of a 300-flow folder took 12 s, growing as N². Each file is
// read once per run now, with the same findings.
describe('crm-flow lint reads a folder of flows once', () => {
  it('linting 40 flows of a 60-flow folder reads each neighbour once, not once per file, and every file still sees its neighbours', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'crm-flow-many-'));
    const base = JSON.parse(readFileSync(join(flows, 'new-order.json'), 'utf8')) as { id: string };
    const paths: string[] = [];
    for (let i = 0; i < 60; i++) {
      const path = join(folder, `flow-${i}.json`);
      writeFileSync(path, JSON.stringify({ ...base, id: `flow-${i}` }));
      paths.push(path);
    }
    writeFileSync(join(folder, 'credit-limit-review.json'), readFileSync(join(flows, 'credit-limit-review.json')));
    const reads = new Map<string, number>();
    const o = io();
    const counting: CliIo = { ...o, readFile: (p: string) => (reads.set(p, (reads.get(p) ?? 0) + 1), readRegularFile(p)) };
    const code = await runCli(['lint', ...paths.slice(0, 40), '--catalog', join(flows, 'catalog.json'), '--json'], counting);
    expect(code).toBe(0);
    // Each flow of the folder a few times at most (as a file linted, and once as a neighbour), not once per file linted.
    const flowReads = [...reads].filter(([p]) => p.startsWith(folder)).map(([, n]) => n);
    expect(flowReads).toHaveLength(61);
    expect(Math.max(...flowReads)).toBeLessThanOrEqual(3);
    // The sub-flow the flows call is found beside them (no subflow-exists finding).
    expect(o.stdout).not.toMatch(/subflow-exists/);
  });
});
