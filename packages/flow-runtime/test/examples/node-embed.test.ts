import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.js';

describe('examples/node-embed', () => {
  it('deploys new-order, works it as three roles and prints the audit trail', () => {
    const p = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'main.ts'], { cwd: `${REPO_ROOT}examples/node-embed`, encoding: 'utf8', timeout: 60_000 });
    expect(p.stderr).not.toMatch(/Error:|at .*\(.*:\d+:\d+\)/);
    expect(p.status).toBe(0);
    expect(p.stdout).toContain('refused REQUIRED_MISSING');
    expect(p.stdout).toContain('Audit trail:');
    expect(p.stdout).toMatch(/Alert to sales rep/);
    expect(p.stdout).toMatch(/The process finished at 'Order shipped' with outcome shipped\./);
    // Refusals and the trail also read in Chinese, from the engine's texts.
    expect(p.stdout).toContain('只有销售代表或销售经理可以处理“录入订单”（你的角色是财务）。');
    expect(p.stdout).toContain('“录入订单”等待销售代表或销售经理处理。');
  }, 60_000);
});
