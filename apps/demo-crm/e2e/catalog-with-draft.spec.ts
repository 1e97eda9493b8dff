import { expect, test } from '@playwright/test';
import { actAs, approveAndPublish, nav, openDemo, submitForReview } from './helpers';

test('an admin edits the catalog with a draft: kept with the draft across reloads, and published with it once another admin approves', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDemo(page);
  await actAs(page, 'admin');
  await nav(page, 'Flows');
  await page.getByTestId('flow-list').getByRole('link', { name: /Complaint handling/ }).click();
  await page.getByRole('button', { name: 'Edit as a new draft' }).click();
  await expect(page.getByTestId('versions')).toContainText('draft v2 from v1');

  // A new window with per-role access, made in the catalog editor.
  await page.getByTestId('catalog').click();
  const editor = page.getByTestId('catalog-editor');
  await editor.getByLabel('Entity').selectOption('complaint');
  await editor.getByLabel('New window name').fill('Return request');
  await editor.getByRole('button', { name: /New window/ }).click();
  await page.getByTestId('access-service').selectOption('edit');
  await page.getByTestId('access-sales-rep').selectOption('view');
  await page.screenshot({ path: 'test-results/demo-catalog-editor-en.png' });
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // Kept with the draft: after a reload the window is still there.
  await page.waitForTimeout(600); // the draft is saved 250 ms after the last change
  await page.reload();
  await page.getByTestId('catalog').click();
  await editor.getByRole('button', { name: /Return request/ }).click();
  await expect(page.getByTestId('access-service')).toHaveValue('edit');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // Published with the flow once another administrator approves (the editor is an author):
  // a later draft starts from the published catalog.
  await submitForReview(page);
  await page.getByTestId('open-review').click();
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('review-message')).toContainText('authored version 2');
  await page.getByRole('link', { name: 'Back to the flow' }).click();
  await approveAndPublish(page, 2, 'admin-2');
  await page.reload();
  await page.getByRole('button', { name: 'Edit as a new draft' }).click();
  await page.getByTestId('catalog').click();
  await editor.getByRole('button', { name: /Return request/ }).click();
  await expect(page.getByTestId('access-sales-rep')).toHaveValue('view');
});
