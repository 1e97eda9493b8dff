import { expect, test, type Page } from '@playwright/test';
import { actAs, instanceIdOf, nav, openDemo } from './helpers';

/** Starts a new order as the sales rep and returns its case id (the task page of its first step is open). */
async function startOrder(page: Page): Promise<string> {
  await nav(page, 'Orders');
  await page.getByRole('button', { name: 'New order' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Customer').selectOption({ label: 'Chengdu Tianfu Building Materials Co., Ltd.' });
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter order' })).toBeVisible();
  return instanceIdOf(page);
}

test('the person who started a case cancels it with a reason; others cannot', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'sales-rep');
  const caseId = await startOrder(page);

  // Neither the warehouse nor finance started it or administers: no cancel.
  await actAs(page, 'warehouse');
  await page.goto(`/#/instance/${caseId}`);
  await expect(page.getByTestId('instance-status')).toHaveText('Running');
  await expect(page.getByTestId('cancel-case')).toHaveCount(0);

  // The sales rep who started it may; a reason is required.
  await actAs(page, 'sales-rep');
  await page.getByTestId('cancel-case').click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this case' });
  await expect(dialog.getByTestId('cancel-confirm')).toBeDisabled();
  await dialog.getByLabel('Why is it cancelled?').fill('Entered for the wrong customer');
  await dialog.getByTestId('cancel-confirm').click();
  await expect(page.getByTestId('instance-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('cancel-case')).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toContainText('Li Wei (Sales rep) cancelled the case: Entered for the wrong customer');
  // The open task is gone from the inbox.
  await nav(page, 'Inbox');
  await expect(page.getByTestId('inbox').locator('tbody tr').filter({ hasText: caseId })).toHaveCount(0);
});

test('an administrator cancels a case someone else started, in the Chinese UI', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'sales-rep');
  const caseId = await startOrder(page);
  await actAs(page, 'admin');
  await page.getByRole('button', { name: '中文' }).click();
  await page.goto(`/#/instance/${caseId}`);
  await page.getByTestId('cancel-case').click();
  await expect(page.getByRole('dialog')).toContainText('取消此单据');
  await page.getByTestId('cancel-reason').fill('客户重复下单');
  await page.getByTestId('cancel-confirm').click();
  await expect(page.getByTestId('instance-status')).toHaveText('已取消');
  await expect(page.getByTestId('timeline')).toContainText('孙浩（系统管理员）取消了单据：客户重复下单');
  await page.screenshot({ path: test.info().outputPath('cancelled-zh.png'), fullPage: true });
});
