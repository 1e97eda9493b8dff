import { expect, test } from '@playwright/test';
import { actAs, approveAndPublish, completeStep, instanceIdOf, nav, openDemo, submitForReview } from './helpers';

test('a key user submits v2, an admin reviews and publishes it: a new case uses it while an older one stays on v1', async ({ page }) => {
  await openDemo(page);
  // An approval started on v1.
  await nav(page, 'Customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter customer information' })).toBeVisible();
  const older = instanceIdOf(page);
  await expect(page.locator('.subtitle')).toContainText('New customer approval · v1');

  // A key user edits a draft, validates and submits it; an admin reviews and publishes it.
  await actAs(page, 'sales-manager');
  await nav(page, 'Flows');
  await page.getByTestId('flow-list').getByRole('link', { name: /New customer approval/ }).click();
  await page.getByRole('button', { name: 'Edit as a new draft' }).click();
  await expect(page.getByTestId('versions')).toContainText('draft v2 from v1');
  const description = page.getByLabel('Description (EN)');
  await description.fill('v2: finance may skip the payment-terms review for level-C customers on prepaid terms (agreed with the finance manager).');
  await description.blur();
  await page.getByTestId('validate').click();
  await expect(page.getByTestId('publish')).toHaveCount(0);
  await submitForReview(page);

  await actAs(page, 'admin');
  await expect(page.getByLabel('Description (EN)')).toHaveValue(/^v2: finance may skip/);
  await approveAndPublish(page, 2);
  await expect(page.getByTestId('versions')).toContainText('v1 · 2 running');
  await expect(page.getByTestId('versions')).toContainText('v2 · 0 running');

  // A new case uses v2.
  await actAs(page, 'sales-rep');
  await nav(page, 'Customers');
  await page.getByRole('button', { name: 'New customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter customer information' })).toBeVisible();
  const newer = instanceIdOf(page);
  expect(newer).not.toBe(older);
  await expect(page.locator('.subtitle')).toContainText('New customer approval · v2');

  // The older case stays on v1 and still runs to its next step there.
  await page.goto(`/#/instance/${older}`);
  await expect(page.getByTestId('instance-version')).toHaveText('v1');
  await expect(page.getByText('runs on an older version; v2 is the newest')).toBeVisible();
  await page.goto(`/#/instance/${newer}`);
  await expect(page.getByTestId('instance-version')).toHaveText('v2');
  await page.goto(`/#/instance/${older}`);
  await page.locator('.now-list li', { hasText: 'Enter customer information' }).getByRole('link', { name: 'Open' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Zhuhai Haiyi Marine Supplies Co., Ltd.');
  await page.getByLabel('Industry').selectOption('wholesale');
  await page.getByLabel('Unified social credit code').fill('91440400MA55R2T08C');
  await page.getByLabel('Phone').fill('0756-3329 8810');
  await page.getByLabel('Address').fill('21 Jiuzhou Avenue, Xiangzhou District, Zhuhai');
  await completeStep(page);
  await expect(page.getByTestId('instance-version')).toHaveText('v1');
  await expect(page.locator('.now-list')).toContainText('Review payment terms');

  await nav(page, 'Flows');
  await page.getByTestId('flow-list').getByRole('link', { name: /New customer approval/ }).click();
  await expect(page.getByTestId('versions')).toContainText('v1 · 2 running');
  await expect(page.getByTestId('versions')).toContainText('v2 · 1 running');
});
