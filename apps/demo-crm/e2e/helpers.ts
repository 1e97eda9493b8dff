import { expect, type Page } from '@playwright/test';

/** Opens the demo on a fresh browser profile (the demo seeds itself) in English. */
export async function openDemo(page: Page, path = '#/home') {
  await page.addInitScript(() => {
    if (!window.localStorage.getItem('crm-demo.locale')) window.localStorage.setItem('crm-demo.locale', 'en');
  });
  await page.goto(`/${path}`);
  await expect(page.locator('.shell')).toBeVisible({ timeout: 60_000 });
}

/** Switches the acting role with the switcher at the top (value = role id). */
export async function actAs(page: Page, role: string) {
  await page.getByLabel('Acting as').selectOption(role);
  await expect(page.getByLabel('Acting as')).toHaveValue(role);
}

/** Goes to a page by the left navigation. */
export async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: false }).first().click();
}

/** Opens the task of a step from the inbox; `record` narrows to the row naming that record. */
export async function openFromInbox(page: Page, step: string, record?: string) {
  await nav(page, 'Inbox');
  let rows = page.getByTestId('inbox').locator('tbody tr').filter({ hasText: step });
  if (record) rows = rows.filter({ hasText: record });
  await rows.first().getByRole('link', { name: step }).click();
  await expect(page.getByRole('heading', { level: 1, name: step })).toBeVisible();
}

/** Clicks Complete step and waits for the page to move on (to the next task or to the case). */
export async function completeStep(page: Page) {
  const url = page.url();
  await page.getByRole('button', { name: 'Complete step' }).click();
  await expect(page).not.toHaveURL(url);
}

/** The plain-language refusal shown where the user acted. */
export const refusal = (page: Page) => page.locator('.banner.refusal');

/** The instance id in the current URL (`#/instance/<id>` or `#/task/<id>/<task>`). */
export function instanceIdOf(page: Page): string {
  const m = /#\/(?:instance|task)\/([^/]+)/.exec(page.url());
  if (!m?.[1]) throw new Error(`no instance in ${page.url()}`);
  return decodeURIComponent(m[1]);
}

/** Adds an order line: product by SKU and quantity (the unit price comes from the price list). */
export async function addLine(page: Page, sku: string, qty: number) {
  await page.getByRole('button', { name: 'Add line' }).click();
  const row = page.locator('.lines-editor tbody tr').last();
  await row.getByLabel('Product').selectOption(sku);
  await row.getByLabel('Qty').fill(String(qty));
}

/** Moves the demo clock forward by the header's buttons. */
export async function advance(page: Page, by: '+1 h' | '+1 day') {
  const before = await page.getByTestId('demo-clock').getAttribute('datetime');
  await page.getByRole('button', { name: by, exact: true }).click();
  await expect(page.getByTestId('demo-clock')).not.toHaveAttribute('datetime', before ?? '');
}

/**
 * Opens the demo and starts a prepaid order for Chengdu Tianfu Building Materials from the Orders page,
 * with one line of 50 × LX-VLV-032 (¥16,300) on its "Enter order" step; returns the case id.
 */
export async function startPrepaidOrder(page: Page): Promise<string> {
  await openDemo(page);
  await nav(page, 'Orders');
  await page.getByRole('button', { name: 'New order' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Customer').selectOption({ label: 'Chengdu Tianfu Building Materials Co., Ltd.' });
  await dialog.getByRole('radio', { name: /Prepaid order/ }).check();
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter order' })).toBeVisible();
  const caseId = instanceIdOf(page);
  await addLine(page, 'LX-VLV-032', 50);
  return caseId;
}

/** Submits the open draft on the Flows page for review with a change note, as the acting user. */
export async function submitForReview(page: Page, note = { en: 'A change made in an end-to-end test.', zh: '端到端测试中的变更。' }) {
  await page.getByTestId('submit-change').click();
  await page.getByTestId('note-en').fill(note.en);
  await page.getByTestId('note-zh').fill(note.zh);
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('change-status').getByTestId('stage')).toHaveAttribute('data-stage', 'submitted');
}

/**
 * As `reviewer` (an administrator who did not author the change), opens the
 * review pack of the flow's submitted change, approves it and publishes it
 * now; returns on the flow's page. English UI.
 */
export async function approveAndPublish(page: Page, version: number, reviewer = 'admin') {
  await actAs(page, reviewer);
  await page.getByTestId('open-review').click();
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('review-head').getByTestId('stage')).toHaveAttribute('data-stage', 'approved');
  await page.getByTestId('publish-now').click();
  await expect(page.getByTestId('review-message')).toContainText(`Published as v${version}`);
  await page.getByRole('link', { name: 'Back to the flow' }).click();
  await expect(page.getByTestId('flow-heading')).toBeVisible();
}
