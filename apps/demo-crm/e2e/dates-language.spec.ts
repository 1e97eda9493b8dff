import { expect, test } from '@playwright/test';
import { actAs, completeStep, nav, openDemo, refusal, startPrepaidOrder, submitForReview } from './helpers';

/**
 * Dates in the window forms follow the app's language, not the browser's
 * locale (this browser runs en-US, which would show mm/dd/yyyy): a Chinese
 * user sees and types 年-月-日, a wrong date keeps its text with an error in
 * Chinese, and the engine gets the day as yyyy-mm-dd.
 */
test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

test('a Chinese user types the ship date year first and is told clearly when it is not a date', async ({ page }) => {
  await startPrepaidOrder(page);
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  const ship = page.getByLabel('要求发货日期');
  await expect(ship).toHaveAttribute('type', 'text');
  await expect(ship).toHaveAttribute('placeholder', '年-月-日');
  await expect(page.locator('#f-order-requestedShipDate-date')).toHaveText('请按“年-月-日”输入，例如 2026-11-22。');

  // A US-style date is ambiguous: refused inline in Chinese, the typed text stays.
  await ship.fill('12/10/2026');
  await ship.blur();
  await expect(ship).toHaveValue('12/10/2026');
  await expect(ship).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-order-requestedShipDate-date')).toHaveText('“12/10/2026”可读作两个不同的日子：请先写年份，按“年-月-日”输入，例如 2026-11-22。');
  // Not yet a date, so no limit ("not before today") is measured against it.
  await expect(page.locator('#f-order-requestedShipDate-limit')).toHaveCount(0);
  await page.getByRole('button', { name: '完成此步骤' }).click();
  await expect(refusal(page)).toContainText('要求发货日期');
  await expect(ship).toHaveValue('12/10/2026');
  await page.screenshot({ path: '/tmp/dates-zh-error.png' });

  // Typed in Chinese: read back as the day in words, and accepted by the engine.
  await ship.fill('2026年12月10日');
  await expect(page.locator('#f-order-requestedShipDate-date')).toHaveText('2026年12月10日星期四');
  await page.screenshot({ path: '/tmp/dates-zh-ok.png' });
  const url = page.url();
  await page.getByRole('button', { name: '完成此步骤' }).click();
  await expect(page).not.toHaveURL(url);
});

test('an English user sees an unambiguous yyyy-mm-dd date', async ({ page }) => {
  await startPrepaidOrder(page);
  const ship = page.getByLabel('Requested ship date');
  await expect(ship).toHaveAttribute('placeholder', 'yyyy-mm-dd');
  await ship.fill('10 Dec 2026');
  await expect(page.locator('#f-order-requestedShipDate-date')).toHaveText(/^Thursday,? 10 December 2026$/);
  await ship.fill('2026-02-30');
  await ship.blur();
  await expect(page.locator('#f-order-requestedShipDate-date')).toHaveText('There is no day “2026-02-30”: check the month (1–12) and the day of the month.');
  await ship.fill('2026-12-10');
  await completeStep(page);
});

test('a Chinese admin types the publish time year first; a time that does not exist is refused in Chinese, versions read 第n版', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'sales-manager');
  await nav(page, 'Flows');
  await page.getByTestId('flow-list').getByRole('link', { name: /Quotation/ }).click();
  await page.getByRole('button', { name: 'Edit as a new draft' }).click();
  const description = page.getByLabel('Description (EN)');
  await description.fill('v2: quotes are valid for 30 days.');
  await description.blur();
  await submitForReview(page);
  await actAs(page, 'admin');
  await page.getByTestId('open-review').click();
  await page.getByTestId('approve').click();
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  const at = page.getByTestId('publish-at');
  await expect(at).toHaveAttribute('placeholder', '年-月-日 时:分');
  await at.fill('2026-11-23 25:00');
  await at.blur();
  await expect(page.locator('#publish-at-date')).toHaveText('“2026-11-23 25:00”中的时刻不存在：小时为 00–23，分钟为 00–59。');
  await page.getByTestId('schedule').click();
  await expect(page.getByTestId('review-message')).toContainText('请先按“年-月-日 时:分”');
  await expect(at).toHaveValue('2026-11-23 25:00');
  // the running cases of the old version, by version in Chinese
  await expect(page.getByTestId('review-impact')).toContainText('第1版');
  await expect(page.getByTestId('review-impact')).not.toContainText(/\bv1\b/);
  await at.fill('2026年11月23日 10:30');
  await page.getByTestId('schedule').click();
  await expect(page.getByTestId('review-message')).toContainText('第 2 版将于');
  await page.screenshot({ path: '/tmp/dates-publish-at-zh.png' });
});
