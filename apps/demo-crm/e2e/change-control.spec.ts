import { expect, test } from '@playwright/test';
import { actAs, advance, nav, openDemo, submitForReview } from './helpers';

/**
 * Change control in English, the paths the Chinese story does not take: a
 * change sent back with a reason, revised and resubmitted; a publication set
 * for a later time that the demo clock carries out; a rollback that
 * republishes v1 as the newest version. Every wait is on state.
 */
test.use({ viewport: { width: 1440, height: 900 } });

test('sent back with a reason, revised, approved, published at a set time by the demo clock, then rolled back to v1 and v2 retired', async ({ page }) => {
  await openDemo(page);

  // A key user drafts a change to credit limit review and submits it.
  await actAs(page, 'sales-manager');
  await nav(page, 'Flows');
  await page.getByTestId('flow-list').getByRole('link', { name: /Credit limit review/ }).click();
  await page.getByRole('button', { name: 'Edit as a new draft' }).click();
  const description = page.getByLabel('Description (EN)');
  await description.fill('v2: the finance manager reviews limits above ¥500,000.');
  await description.blur();
  await submitForReview(page, { en: 'Limits above ¥500,000 need the finance manager.', zh: '额度超过 50 万元须财务经理审核。' });
  // Under review: the draft is read-only, also for its author.
  await expect(page.getByLabel('Description (EN)')).toBeDisabled();

  // The admin sends it back with a reason.
  await actAs(page, 'admin');
  await page.getByTestId('open-review').click();
  await page.getByTestId('send-back').click();
  await expect(page.getByTestId('review-message')).toContainText('reason');
  await page.getByTestId('send-back-reason').fill('Say which customer levels it applies to.');
  await page.getByTestId('send-back').click();
  await expect(page.getByTestId('review-head').getByTestId('stage')).toHaveAttribute('data-stage', 'sent-back');
  await expect(page.getByTestId('review-head')).toContainText('Say which customer levels it applies to.');

  // The key user sees the reason in the flow list and on the flow, revises and resubmits.
  await actAs(page, 'sales-manager');
  await nav(page, 'Flows');
  await expect(page.getByTestId('flow-list').locator('li', { hasText: 'Credit limit review' }).getByTestId('stage')).toHaveAttribute('data-stage', 'sent-back');
  await page.getByTestId('flow-list').getByRole('link', { name: /Credit limit review/ }).click();
  await expect(page.getByTestId('sent-back-reason')).toContainText('Say which customer levels it applies to.');
  await page.screenshot({ path: 'test-results/change-control-sent-back-en.png' });
  await page.getByLabel('Description (EN)').fill('v2: the finance manager reviews limits above ¥500,000 for level B and C customers.');
  await page.getByLabel('Description (EN)').blur();
  await submitForReview(page, { en: 'Limits above ¥500,000 for level B and C customers need the finance manager.', zh: 'B、C 级客户额度超过 50 万元须财务经理审核。' });

  // The admin approves and sets the publication for the next day (the form's default).
  await actAs(page, 'admin');
  await page.getByTestId('open-review').click();
  await expect(page.getByTestId('review-note')).toContainText('level B and C customers');
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('review-head').getByTestId('stage')).toHaveAttribute('data-stage', 'approved');
  await page.getByTestId('schedule').click();
  await expect(page.getByTestId('review-head').getByTestId('stage')).toHaveAttribute('data-stage', 'scheduled');
  await expect(page.getByTestId('review-message')).toContainText('v2 will be published on');
  expect(await page.evaluate(async () => (await (window as unknown as { __demo: { engine: { definitions(id: string): Promise<unknown[]> } } }).__demo.engine.definitions('credit-limit-review')).length)).toBe(1);

  // The demo clock reaches the time: v2 is published.
  await advance(page, '+1 day');
  await expect(page.getByTestId('review-head').getByTestId('stage')).toHaveAttribute('data-stage', 'published');

  // The change log shows it all; a rollback republishes v1 as v3, the newest.
  await page.getByRole('link', { name: 'Change log' }).click();
  const v2 = page.getByTestId('log-v2');
  await expect(v2.getByTestId('log-sent-back')).toContainText('Sun Hao');
  await expect(v2.getByTestId('log-sent-back')).toContainText('Say which customer levels it applies to.');
  await expect(v2.getByTestId('log-scheduled')).toContainText('Sun Hao');
  await expect(v2.getByTestId('log-published')).toBeVisible();
  await expect(v2).toContainText('newest');
  await page.getByTestId('rollback-v1').click();
  await expect(page.getByTestId('log-v1').getByRole('alert')).toContainText('reason');
  await page.getByLabel('Reason for rolling back to or retiring v1').fill('Finance cannot staff the extra review this quarter.');
  await page.getByTestId('rollback-v1').click();
  const v3 = page.getByTestId('log-v3');
  await expect(v3.getByTestId('log-rollback')).toContainText('republishes v1: Finance cannot staff the extra review this quarter.');
  await expect(v3).toContainText('newest');
  // v2 is retired with a reason: no new case starts on it, and the log says who and why.
  await page.getByLabel('Reason for rolling back to or retiring v2').fill('Replaced by the rollback to v1.');
  await page.getByTestId('retire-v2').click();
  await expect(page.getByTestId('log-v2').getByTestId('log-retired')).toContainText('Sun Hao');
  await expect(page.getByTestId('log-v2').getByTestId('log-retired')).toContainText('Replaced by the rollback to v1.');
  await expect(page.getByTestId('log-v2').getByTestId('stage')).toHaveAttribute('data-stage', 'retired');
  await page.screenshot({ path: 'test-results/change-control-rollback-en.png', fullPage: true });
});
