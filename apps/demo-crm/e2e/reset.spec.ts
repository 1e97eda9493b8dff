import { expect, test, type Page } from '@playwright/test';
import { nav, openDemo } from './helpers';

/** How many customer records the demo's database holds (the list is compared with it, not with a half-drawn list). */
const customersStored = (page: Page) => page.evaluate(() => (window as unknown as { __demo: { db: { records(type: string): { count(): Promise<number> } } } }).__demo.db.records('customer').count());

test('reset demo data restores the seed, in the language in use', async ({ page }) => {
  await openDemo(page);
  await nav(page, 'Customers');
  const rows = page.getByTestId('customers').locator('tbody tr');
  const seeded = await customersStored(page);
  await expect(rows).toHaveCount(seeded);
  await page.getByRole('button', { name: 'New customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter customer information' })).toBeVisible();
  await expect.poll(() => customersStored(page)).toBe(seeded + 1);
  await nav(page, 'Customers');
  await expect(rows).toHaveCount(seeded + 1);

  await page.getByRole('button', { name: '中文' }).click();
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '重置演示数据' }).click();
  await expect(page.locator('.shell')).toBeVisible({ timeout: 60_000 });
  await page.goto('/#/customers');
  await expect(page.getByTestId('customers').locator('tbody tr')).toHaveCount(seeded);
  await expect(page.getByTestId('customers')).toContainText('深圳华信贸易有限公司');
  await expect(page.getByTestId('customers')).not.toContainText('Shenzhen Huaxin Trading');
});
