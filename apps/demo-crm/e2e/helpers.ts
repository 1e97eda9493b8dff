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
