#!/usr/bin/env node
// `pnpm bench [filter]`: the runtime's suites (the filter picks suites by file name), then the
// PostgreSQL/PGlite store's figures (run when there is no filter, or it names postgres, pglite or store).
import { spawnSync } from 'node:child_process';

const filter = process.argv[2];
const run = (args) => {
  const res = spawnSync('pnpm', args, { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
};
run(['--filter', '@crm/flow-runtime', 'bench', ...(filter ? [filter] : [])]);
if (!filter || /postgres|pglite|store/.test(filter)) run(['--filter', '@crm/flow-store-postgres', 'bench']);
