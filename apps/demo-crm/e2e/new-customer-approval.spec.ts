import { expect, test } from '@playwright/test';
import { actAs, completeStep, instanceIdOf, nav, openDemo, openFromInbox, refusal } from './helpers';

test('a new customer is approved end to end by sales, finance and the sales manager', async ({ page }) => {
  await openDemo(page);
  // Sales rep: the first guided story starts the approval and opens the first window.
  await page.getByTestId('story-approve-customer').getByRole('button', { name: 'Start as sales rep' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter customer information' })).toBeVisible();
  const caseId = instanceIdOf(page);
  // The story's guide lists its steps here; on a list page it keeps to what the case waits for, so the list keeps its room.
  const guide = page.getByTestId('story-guide');
  await expect(guide.getByTestId('story-steps')).toBeVisible();
  await nav(page, 'Orders');
  await expect(guide).toContainText('Now: Enter customer information');
  await expect(guide.getByTestId('story-steps')).toHaveCount(0);
  expect((await guide.boundingBox())!.height).toBeLessThan(170);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter customer information' })).toBeVisible();
  // Payment terms are finance's: read-only here.
  await expect(page.locator('.field', { hasText: 'Payment terms' })).toContainText('read-only');
  await page.getByRole('button', { name: 'Complete step' }).click();
  await expect(refusal(page)).toContainText('Fill in Name');
  await page.getByLabel('Name', { exact: true }).fill('Foshan Guangda Hardware Co., Ltd.');
  await page.getByLabel('Industry').selectOption('manufacturing');
  await page.getByLabel('Customer level').selectOption('B');
  await page.getByLabel('Unified social credit code').fill('91440600MA4UJ8K21X');
  await page.getByLabel('Phone').fill('0757-8226 1034');
  await page.getByLabel('Address').fill('8 Jihua Road, Chancheng District, Foshan');
  await completeStep(page);
  // The case page says who acts next.
  await expect(page.locator('.banner.ok')).toContainText('“Enter customer information” is done.');
  await expect(page.locator('.now-list')).toContainText('Review payment terms');
  await expect(page.locator('.now-list')).toContainText('waits for Finance');

  // A sales rep cannot do finance's step: the runtime refuses in plain language.
  await page.locator('.now-list li', { hasText: 'Review payment terms' }).getByRole('link', { name: 'View' }).click();
  await expect(page.getByText('This step is for Finance')).toBeVisible();
  await page.getByRole('button', { name: 'Try to complete it anyway' }).click();
  await expect(refusal(page)).toContainText('Only Finance may do “Review payment terms”.');

  // Finance: payment terms, then the credit limit (the window lists only customers pending approval).
  await actAs(page, 'finance');
  await openFromInbox(page, 'Review payment terms', 'Foshan Guangda Hardware');
  await expect(page.getByText('Shows only records where Status is Pending approval.')).toBeVisible();
  await page.getByLabel('Payment terms').selectOption('net30');
  await completeStep(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Review credit limit' })).toBeVisible();
  // Fields finance may only read are refused by the runtime even when the UI lets them through.
  await page.getByLabel('Also let me edit the read-only fields').check();
  await page.getByLabel('Credit used').fill('1000');
  await page.getByLabel('Credit limit').fill('300000');
  await page.getByRole('button', { name: 'Complete step' }).click();
  await expect(refusal(page)).toContainText('Credit used cannot be changed in “Review credit limit”.');
  await page.getByLabel('Also let me edit the read-only fields').uncheck();
  await page.getByLabel('Credit review note').fill('Bank references good; 3 years of statements checked.');
  await completeStep(page);
  await expect(page.locator('.now-list')).toContainText('Evaluate sales expenses');

  // Sales manager: weighs the expenses and approves.
  await actAs(page, 'sales-manager');
  await openFromInbox(page, 'Evaluate sales expenses');
  await page.getByLabel('Travel').fill('8000');
  await page.getByLabel('Entertainment').fill('3000');
  await page.getByLabel('Expected annual revenue').fill('450000');
  await page.getByLabel('Decision').selectOption('approved');
  await completeStep(page);
  await expect(page.getByTestId('instance-status')).toHaveText('Completed');
  await expect(page.getByTestId('timeline')).toContainText('Zhang Min (Sales manager) completed “Evaluate sales expenses”.');
  await expect(page.getByTestId('timeline')).toContainText('Wang Fang (Finance) completed “Review credit limit”.');
  // The estimate the flow made is named as such in the trail ("Sales expense estimate no.: — → EE-…"), never as a bare "id".
  await expect(page.getByTestId('timeline').locator('.changes li').filter({ hasText: /→ EE-/ }).first()).toContainText(/expense estimate no\.: — → EE-/i);
  await expect(page.getByTestId('timeline').locator('.changes li').filter({ hasText: /^\s*id\b/ })).toHaveCount(0);
  expect(instanceIdOf(page)).toBe(caseId);

  // The customer is active with the limit finance set.
  await nav(page, 'Customers');
  const row = page.getByTestId('customers').locator('tr', { hasText: 'Foshan Guangda Hardware' });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Net 30 days');
  await expect(row).toContainText('¥300,000');
});
