// Issue 9 point 4 in the demo: the forms show a field's catalog limits as the person types, and the
// engine refuses a value outside them with a message naming the field and the limit — a negative
// credit limit and an over-payment — in English and in Chinese; nothing is stored.
import { expect, test, type Page } from '@playwright/test';
import { actAs, completeStep, instanceIdOf, openDemo, openFromInbox, refusal, startPrepaidOrder } from './helpers';

async function toChinese(page: Page) {
  await page.getByRole('group', { name: /Language|语言/ }).getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('button', { name: '完成此步骤' })).toBeVisible();
}

test('a negative credit limit is refused with the field and its limit named, in English and in Chinese', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('story-approve-customer').getByRole('button', { name: 'Start as sales rep' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter customer information' })).toBeVisible();
  // Every editable control of the window is drawn as one: a visible border around text boxes, lists and dates alike
  // (the shared field widget once lost its border outside the designer, leaving blank gaps to type in).
  const borders = await page.locator('.window-form').locator('input:not([type=checkbox]):not([readonly]), select, textarea').evaluateAll((els) =>
    els.map((e) => ({ id: e.id, style: getComputedStyle(e).borderTopStyle, width: parseFloat(getComputedStyle(e).borderTopWidth) })),
  );
  expect(borders.length).toBeGreaterThan(4);
  expect(borders.filter((b) => b.style === 'none' || b.width < 1)).toEqual([]);
  await page.getByLabel('Name', { exact: true }).fill('Foshan Guangda Hardware Co., Ltd.');
  await page.getByLabel('Industry').selectOption('manufacturing');
  await page.getByLabel('Customer level').selectOption('B');
  // A credit code that is not one: the form says what is expected while typing, the engine refuses it.
  await page.getByLabel('Unified social credit code').fill('x');
  await expect(page.locator('#f-customer-taxId-limit')).toHaveText('Must be the 18-character unified social credit code, such as 91320505MA1MXK2L3Q.');
  await page.getByLabel('Phone').fill('0757-8226 1034');
  await page.getByLabel('Address').fill('8 Jihua Road, Chancheng District, Foshan');
  await page.getByRole('button', { name: 'Complete step' }).click();
  await expect(refusal(page)).toContainText("unified social credit code must be the 18-character unified social credit code");
  await page.getByLabel('Unified social credit code').fill('91440600MA4UJ8K21X');
  await expect(page.locator('#f-customer-taxId-limit')).toHaveCount(0);
  await completeStep(page);

  await actAs(page, 'finance');
  await openFromInbox(page, 'Review payment terms', 'Foshan Guangda Hardware');
  await page.getByLabel('Payment terms').selectOption('net30');
  await completeStep(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Review credit limit' })).toBeVisible();
  const caseId = instanceIdOf(page);
  await page.getByLabel('Credit limit').fill('-5000');
  await expect(page.locator('#f-customer-creditLimit-limit')).toHaveText('Must be zero or more.');
  await page.getByLabel('Credit review note').fill('Typo on purpose.');
  await page.getByRole('button', { name: 'Complete step' }).click();
  await expect(refusal(page)).toContainText("credit limit must be zero or more (it is -5,000)");
  await expect(refusal(page)).toHaveText(/^Not done: \S/);
  await page.screenshot({ path: test.info().outputPath('credit-limit-refused-en.png') });

  await toChinese(page);
  await page.getByLabel('信用额度').fill('-5000');
  await expect(page.locator('#f-customer-creditLimit-limit')).toHaveText('必须不小于 0。');
  await page.getByRole('button', { name: '完成此步骤' }).click();
  await expect(refusal(page)).toContainText('信用额度必须不小于 0');
  // The full-width colon is the only break after "未能办理" (no extra space, as English has after "Not done:").
  await expect(refusal(page)).toHaveText(/^未能办理：[^\s]/);
  await page.screenshot({ path: test.info().outputPath('credit-limit-refused-zh.png') });

  // Nothing was stored: the step is still open and the customer's limit is not negative.
  await page.goto(`/#/instance/${caseId}`);
  await expect(page.locator('.now-list')).toContainText('审核信用额度');
  await expect(page.getByTestId('timeline')).not.toContainText('-5,000');
});

test('a payment larger than what is still owed is refused, in English and in Chinese; the prepayment gate holds', async ({ page }) => {
  const caseId = await startPrepaidOrder(page); // 50 × ¥326 = ¥16,300 on its first step
  // A ship date in the past is refused by the engine (not before today).
  await page.getByLabel('Requested ship date').fill('1999-01-01');
  await page.getByRole('button', { name: 'Complete step' }).click();
  await expect(refusal(page)).toContainText('requested ship date must be on or after today');
  await page.getByLabel('Requested ship date').fill('2030-12-10');
  await completeStep(page);
  const orderId = (await page.locator('.record-links li', { hasText: 'Order' }).getByRole('link').innerText()).trim();

  await actAs(page, 'finance');
  await openFromInbox(page, 'Confirm payment', orderId);
  await page.getByLabel('Amount', { exact: true }).fill('-16300');
  await expect(page.locator('#f-payment-amount-limit')).toHaveText('Must be at least 0.01.');
  await page.getByLabel('Method').selectOption('bank-transfer');
  await page.getByLabel('Received at').fill('2026-11-22T10:30');
  await page.getByRole('button', { name: 'Complete step' }).click();
  await expect(refusal(page)).toContainText('amount must be at least 0.01');
  await page.getByLabel('Amount', { exact: true }).fill('999999999');
  await page.getByRole('button', { name: 'Complete step' }).click();
  await expect(refusal(page)).toContainText('no more than what is still owed on the order (it is 999,999,999)');
  await page.screenshot({ path: test.info().outputPath('over-payment-refused-en.png') });

  await toChinese(page);
  await page.getByRole('button', { name: '完成此步骤' }).click();
  await expect(refusal(page)).toContainText('不超过订单尚未支付的金额');
  await page.screenshot({ path: test.info().outputPath('over-payment-refused-zh.png') });

  // Nothing was stored: the gate still holds and the payment step is still open.
  await page.goto(`/#/instance/${caseId}`);
  await expect(page.getByTestId('control-prepayment-gate')).toBeVisible();
});
