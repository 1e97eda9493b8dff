import { expect, test, type Page } from '@playwright/test';
import { actAs, nav, openDemo } from './helpers';

/**
 * A reviewer (an admin) reads a published flow at 1280 × 800, in English and Chinese: the
 * description whole (not a three-line box to scroll), its SOP in the page, the data schema's types in words,
 * focus mode in and — with Esc, once nothing is selected — out again.
 */
test.use({ viewport: { width: 1280, height: 800 } });

/** Every line of a text box is in view: it grew to its text. */
const wholeText = (page: Page, label: string) =>
  page
    .locator('.cfd-designer')
    .getByLabel(label, { exact: true })
    .evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.clientHeight > 60);

test('a reviewer reads a published flow: the description whole, types in words, focus mode left with Esc', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'admin');
  await nav(page, 'Flows');
  await page.getByRole('link', { name: /Prepaid order/ }).first().click();
  await expect(page.locator('.cfd-designer .react-flow__node').first()).toBeVisible();
  await expect(page.locator('.cfd-designer .cfd-tag', { hasText: 'Read-only' })).toBeVisible();

  expect(await wholeText(page, 'Description (EN)')).toBe(true);
  expect(await wholeText(page, 'Description (中文)')).toBe(true);
  await expect(page.getByLabel('Type: order').locator('option:checked')).toHaveText('Record');

  // The SOP: the flow written down in business words, read in the page, closed with Esc.
  await page.getByTestId('sop-open').click();
  const sop = page.getByRole('dialog').getByTestId('sop');
  await expect(sop.locator('h2')).toHaveText('Prepaid order — standard operating procedure');
  await expect(sop.locator('h4').filter({ hasText: 'Confirm payment' })).toBeVisible();
  await expect(sop).toContainText('Cannot be completed while:');
  await expect(sop).not.toContainText('**');
  await page.screenshot({ path: test.info().outputPath('sop-en.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('sop-open')).toBeFocused();

  // Focus mode: the designer takes the window; a step selected, Esc clears it, Esc again leaves focus mode.
  await page.getByTestId('focus-mode').click();
  await expect(page.locator('.cfd-designer')).toHaveAttribute('data-focus-mode', 'on');
  await page.locator('.cfd-designer .react-flow__node[data-id="enter-order"]').click();
  await expect(page.getByTestId('node-inspector')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('flow-inspector')).toBeVisible();
  await expect(page.locator('.cfd-designer')).toHaveAttribute('data-focus-mode', 'on');
  await page.keyboard.press('Escape');
  await expect(page.locator('.cfd-designer')).toHaveAttribute('data-focus-mode', 'off');
  await page.screenshot({ path: test.info().outputPath('reviewer-en.png') });

  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(page.locator('.cfd-designer .cfd-tag', { hasText: '只读' })).toBeVisible();
  expect(await wholeText(page, '说明（中文）')).toBe(true);
  await expect(page.getByLabel('类型：order').locator('option:checked')).toHaveText('记录');
  expect(await page.getByLabel('类型：order').locator('option').evaluateAll((os) => os.map((o) => o.textContent).filter((x) => /[a-z]/i.test(x ?? '')))).toEqual([]);
  await page.getByTestId('sop-open').click();
  await expect(page.getByRole('dialog').getByTestId('sop').locator('h2')).toHaveText('预付订单 — 标准作业程序');
  await expect(page.getByRole('dialog').getByTestId('sop')).toContainText('以下情况下不能完成：');
  await page.screenshot({ path: test.info().outputPath('sop-zh.png') });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: test.info().outputPath('reviewer-zh.png') });
});

test('Start a case: a long flow description opens whole with "More", in English and Chinese', async ({ page }) => {
  await openDemo(page);
  await nav(page, 'Start a case');
  const card = page.getByTestId('startable-flows').getByTestId('start-new-customer-approval');
  const desc = card.locator('.start-desc');
  const cut = () => desc.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
  expect(await cut()).toBe(true);
  await card.getByRole('button', { name: 'More' }).click();
  expect(await cut()).toBe(false);
  await expect(desc).toContainText('All four steps work on the same customer record.');
  await expect(card.getByRole('button', { name: 'Less' })).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  const zhCard = page.getByTestId('startable-flows').getByTestId('start-new-customer-approval');
  await expect(zhCard.getByRole('button', { name: '收起' })).toBeVisible();
  await zhCard.getByRole('button', { name: '收起' }).click();
  await expect(zhCard.getByRole('button', { name: '展开' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('start-zh.png') });
});

test('the dashboard names every step whole at 1280 px: a long "step · flow" takes two lines, never an ellipsis', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'sales-manager');
  await nav(page, 'Dashboard');
  await expect(page.getByTestId('paths')).toBeVisible();
  const labels = page.locator('.chart-label');
  await expect(labels.first()).toBeVisible();
  expect(await labels.evaluateAll((ts) => ts.map((x) => x.textContent ?? '').filter((x) => x.includes('…')))).toEqual([]);
  await expect(page.locator('.chart-sublabel', { hasText: 'Credit limit review' })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('dashboard-en.png') });
});
