import { expect, test, type Page } from '@playwright/test';

/**
 * Every main page in English and Chinese, saved for people to look at
 * (test-results/demo-crm-screens/). Fails on errors in the console and on
 * pages that do not render their heading.
 */
const PAGES: { name: string; path: string; role: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'home', path: '#/home', role: 'sales-rep', ready: async (p) => expect(p.getByTestId('story-approve-customer')).toBeVisible() },
  { name: 'inbox-finance', path: '#/inbox', role: 'finance', ready: async (p) => expect(p.getByTestId('inbox')).toBeVisible() },
  { name: 'customers', path: '#/customers/C-0002', role: 'sales-rep', ready: async (p) => expect(p.getByTestId('customer-detail')).toBeVisible() },
  { name: 'orders', path: '#/orders', role: 'sales-rep', ready: async (p) => expect(p.getByTestId('orders')).toBeVisible() },
  { name: 'quotes', path: '#/quotes', role: 'sales-manager', ready: async (p) => expect(p.getByTestId('quotes')).toBeVisible() },
  { name: 'complaints', path: '#/complaints', role: 'service', ready: async (p) => expect(p.getByTestId('complaints')).toBeVisible() },
  { name: 'leads', path: '#/leads', role: 'sales-rep', ready: async (p) => expect(p.getByTestId('leads')).toBeVisible() },
  { name: 'alerts', path: '#/alerts', role: 'sales-rep', ready: async (p) => expect(p.getByTestId('credit-watch')).toBeVisible() },
  { name: 'dashboard', path: '#/dashboard', role: 'sales-manager', ready: async (p) => expect(p.getByTestId('paths')).toBeVisible() },
  { name: 'flows', path: '#/flows/new-order', role: 'admin', ready: async (p) => expect(p.locator('.react-flow__node').first()).toBeVisible() },
  { name: 'change-log', path: '#/flows/complaint-handling/changes', role: 'admin', ready: async (p) => expect(p.getByTestId('log-v1')).toBeVisible() },
  { name: 'move-cases', path: '#/flows/complaint-handling/migrate/1', role: 'admin', ready: async (p) => expect(p.getByTestId('dry-run')).toBeVisible() },
];

for (const locale of ['en', 'zh'] as const) {
  test(`screenshots of the main pages (${locale})`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((l) => window.localStorage.setItem('crm-demo.locale', l), locale);
    await page.goto('/#/home');
    await expect(page.locator('.shell')).toBeVisible({ timeout: 60_000 });
    for (const p of PAGES) {
      await page.locator('.role-switch select').selectOption(p.role);
      await page.goto(`/${p.path}`);
      await p.ready(page);
      await page.waitForTimeout(400);
      await page.screenshot({ path: `test-results/demo-crm-screens/${locale}-${p.name}.png`, fullPage: true });
    }
    // A task with its window, and a case with its diagram and audit trail.
    await page.locator('.role-switch select').selectOption('finance');
    await page.goto('/#/inbox');
    await page.getByTestId('inbox').locator('tbody tr').nth(2).getByRole('link').first().click();
    await expect(page.locator('.window-form')).toBeVisible();
    await page.screenshot({ path: `test-results/demo-crm-screens/${locale}-task.png`, fullPage: true });
    await page.locator('.case-box a').click();
    await expect(page.getByTestId('timeline')).toBeVisible();
    await expect(page.locator('.diagram .react-flow__node').first()).toBeVisible();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `test-results/demo-crm-screens/${locale}-instance.png`, fullPage: true });
    // The case's diagram is legible (not shrunk to fit the page) and no minimap covers it.
    await expect(page.locator('.diagram .react-flow__minimap')).toHaveCount(0);
    const zoom = await page.locator('.diagram .react-flow__viewport').evaluate((e) => new DOMMatrix(getComputedStyle(e).transform).a);
    expect(zoom).toBeGreaterThanOrEqual(0.75);
    // The navigation's column runs down the whole of a long page.
    const [navBottom, pageHeight] = await page.evaluate(() => [document.querySelector('.nav')!.getBoundingClientRect().bottom + window.scrollY, document.documentElement.scrollHeight]);
    expect(pageHeight).toBeGreaterThan(900);
    expect(navBottom).toBeGreaterThanOrEqual(pageHeight - 1);
    if (locale === 'zh') await expect(page.locator('h1')).toContainText(/[\u4e00-\u9fff]/);
    expect(errors).toEqual([]);
  });
}
