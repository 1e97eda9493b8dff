import { expect, test } from '@playwright/test';
import { actAs, completeStep, nav, openFromInbox, startPrepaidOrder } from './helpers';

test('a prepaid order cannot go to production or shipping before its payment is recorded', async ({ page }) => {
  const caseId = await startPrepaidOrder(page); // 50 × ¥326 = ¥16,300 on its first step
  await page.getByLabel('Requested ship date').fill('2026-12-10');
  await completeStep(page);

  // The gate holds: the case waits for the payment, and the warehouse has nothing for this order.
  await expect(page.getByTestId('control-prepayment-gate')).toContainText('no factory order and no shipment until the payments cover the order amount');
  await expect(page.locator('.now-list')).toContainText('Confirm payment');
  const orderId = (await page.locator('.record-links li', { hasText: 'Order' }).getByRole('link').innerText()).trim();
  expect(orderId).toMatch(/^SO-/);
  await actAs(page, 'warehouse');
  await nav(page, 'Inbox');
  await expect(page.getByTestId('inbox')).not.toContainText(orderId);

  // Finance records half the amount: still held.
  await actAs(page, 'finance');
  await openFromInbox(page, 'Confirm payment', orderId);
  await page.getByLabel('Amount', { exact: true }).fill('8150');
  await page.getByLabel('Method').selectOption('bank-transfer');
  await page.getByLabel('Received at').fill('2026-11-22T10:30');
  await completeStep(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm payment' })).toBeVisible();
  await page.goto(`/#/instance/${caseId}`);
  await expect(page.getByTestId('control-prepayment-gate')).toBeVisible();
  await actAs(page, 'warehouse');
  await nav(page, 'Inbox');
  await expect(page.getByTestId('inbox')).not.toContainText(orderId);

  // The rest arrives: the gate clears and the warehouse may place the factory order, then ship.
  await actAs(page, 'finance');
  await openFromInbox(page, 'Confirm payment', orderId);
  await page.getByLabel('Amount', { exact: true }).fill('8150');
  await page.getByLabel('Method').selectOption('bank-transfer');
  await page.getByLabel('Received at').fill('2026-11-22T11:00');
  await completeStep(page);
  await expect(page.getByTestId('control-prepayment-gate')).toHaveCount(0);
  await actAs(page, 'warehouse');
  await openFromInbox(page, 'Place factory order', orderId);
  await page.getByLabel('Factory order no.').fill('MO-2611-0415');
  await page.getByLabel('Planned finish date').fill('2026-12-04');
  await completeStep(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Ship order' })).toBeVisible();
  await page.getByLabel('Carrier').fill('Deppon Logistics');
  await page.getByLabel('Tracking number').fill('DPK70041277');
  await page.getByLabel('Shipped at').fill('2026-11-22T16:00');
  await completeStep(page);
  await expect(page.getByTestId('instance-status')).toHaveText('Completed');

  await nav(page, 'Orders');
  const row = page.getByTestId('orders').locator('tr', { hasText: orderId });
  await expect(row).toContainText('Shipped');
  await expect(row).toContainText('¥16,300');
  // Two partial payments are two payment records of the order.
  await row.getByRole('link', { name: orderId }).click();
  await expect(page.getByTestId('payments').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('payments')).toContainText('¥8,150');
});
