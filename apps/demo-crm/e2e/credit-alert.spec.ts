import { expect, test } from '@playwright/test';
import { actAs, addLine, completeStep, instanceIdOf, nav, openDemo, openFromInbox } from './helpers';

test('an order for a customer at 92% credit use raises the credit alert, and finance holds it', async ({ page }) => {
  await openDemo(page);
  await nav(page, 'Customers');
  const row = page.getByTestId('customers').locator('tr', { hasText: 'Shenzhen Huaxin Trading' });
  await expect(row.locator('.credit')).toHaveClass(/credit-warn/);
  await expect(row).toContainText('92%');

  // Sales rep orders for it: the alert shows at once above the order form.
  await row.getByRole('button', { name: 'New order' }).click();
  await page.getByRole('dialog').getByRole('radio', { name: /New order/ }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter order' })).toBeVisible();
  const caseId = instanceIdOf(page);
  const taskUrl = page.url();
  await expect(page.getByTestId('alerts')).toContainText('The customer has used 90% or more of the credit limit');
  await expect(page.getByTestId('alerts')).toContainText('control: Credit use at 90% of the limit');

  // The alert is in the Alerts panel for the sales rep.
  await nav(page, 'Alerts');
  await expect(page.getByTestId('credit-watch')).toContainText('Shenzhen Huaxin Trading');
  await expect(page.getByTestId('alerts').locator('li', { hasText: 'The customer has used 90% or more' }).first()).toContainText('Sales rep');

  // Back to the order: 300 controller boards (¥55,500) do not fit the ¥40,000 left.
  await page.goto(taskUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Enter order' })).toBeVisible();
  await addLine(page, 'LX-PCB-2040', 300);
  await page.getByLabel('Requested ship date').fill('2026-12-05');
  await completeStep(page);
  await expect(page.locator('.now-list')).toContainText('Credit check');

  // Finance's mandatory credit check sends it to a credit hold.
  await actAs(page, 'finance');
  await openFromInbox(page, 'Credit check', 'Shenzhen Huaxin Trading');
  await expect(page.locator('.record-list li.current')).toContainText('Awaiting credit check');
  await page.getByLabel('Credit check note').fill('Over the limit by about 15,500: ask for prepayment.');
  await completeStep(page);
  expect(instanceIdOf(page)).toBe(caseId);
  await expect(page.locator('.now-list')).toContainText('Resolve credit hold');
  await expect(page.locator('.now-list')).toContainText('waits for Sales rep, Sales manager');
  await expect(page.getByTestId('timeline')).toContainText('“Enough credit?” chose');
});
