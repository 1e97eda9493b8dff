#!/usr/bin/env node
// Fresh-machine entry point: needs only Node 20+ and npm.
//   npm start            → install everything, start the demo CRM
//   npm run test:all     → install everything, run typecheck, lint, unit and browser tests
// pnpm is installed into .tools/ (no global rights needed) when it is not on PATH.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '12.21.0';
const root = fileURLToPath(new URL('..', import.meta.url));
const mode = process.argv[2] ?? 'demo';
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32', ...opts });
  return r.status ?? 1;
}

function havePnpm() {
  const r = spawnSync('pnpm', ['--version'], { env, encoding: 'utf8', shell: process.platform === 'win32' });
  return r.status === 0 && r.stdout.trim().split('.')[0] === PNPM_VERSION.split('.')[0];
}

if (!havePnpm()) {
  const tools = join(root, '.tools');
  if (!existsSync(join(tools, 'node_modules', '.bin', 'pnpm'))) {
    console.log(`pnpm ${PNPM_VERSION} not found: installing it into .tools/`);
    if (run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', tools, `pnpm@${PNPM_VERSION}`]) !== 0) process.exit(1);
  }
  env.PATH = `${join(tools, 'node_modules', '.bin')}${delimiter}${env.PATH ?? ''}`;
}

if (run('pnpm', ['install', '--frozen-lockfile']) !== 0) process.exit(1);

if (mode === 'demo') {
  process.exit(run('pnpm', ['dev']));
} else if (mode === 'test') {
  let failed = 0;
  for (const step of ['typecheck', 'lint', 'test']) failed += run('pnpm', [step]) === 0 ? 0 : 1;
  if (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) failed += run('pnpm', ['e2e']) === 0 ? 0 : 1;
  else console.log('\nBrowser tests skipped: no chromium at /usr/bin/chromium (on Debian/Ubuntu: sudo apt-get install -y chromium fonts-wqy-zenhei), or set CHROMIUM_PATH.');
  process.exit(failed === 0 ? 0 : 1);
} else {
  console.error(`unknown mode '${mode}': use demo or test`);
  process.exit(2);
}
