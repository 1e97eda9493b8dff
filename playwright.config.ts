import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (browsers are never downloaded).
 * One project per app, each with its e2e/ folder and the dev server it needs:
 * adding the demo app is one more line in APPS.
 */
/** Several checkouts can run their browser tests at once: each sets E2E_PORT_BASE. */
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 5173);
const APPS = [
  { name: 'designer', dir: 'packages/designer', port: PORT_BASE + 1 },
  { name: 'demo-crm', dir: 'apps/demo-crm', port: PORT_BASE },
];

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  outputDir: 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1600, height: 900 },
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: APPS.map((app) => ({ name: app.name, testDir: `${app.dir}/e2e`, testMatch: '**/*.spec.ts', use: { baseURL: `http://127.0.0.1:${app.port}` } })),
  webServer: APPS.map((app) => ({
    command: `pnpm --dir ${app.dir} exec vite --port ${app.port} --strictPort --host 127.0.0.1`,
    env: { PLAYGROUND_STATIC: '1' },
    url: `http://127.0.0.1:${app.port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  })),
});
