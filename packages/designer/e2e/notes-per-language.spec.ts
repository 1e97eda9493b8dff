import { expect, test } from '@playwright/test';
import type { LocalizedNote } from '@crm/flow-runtime';
import { reportedFlow, selectNode } from './helpers.js';

/* A step's notes are written in English and Chinese, line by line, and the flow keeps both. */
test('notes of a step in English and Chinese', async ({ page }) => {
  await page.goto('/?flow=new-customer-approval&perm=admin&locale=zh');
  await selectNode(page, 'review-payment-terms');
  await expect(page.getByTestId('node-notes')).toHaveValue(/^Open question: may finance skip this review/);
  await expect(page.getByTestId('node-notes-zh')).toHaveValue(/^待定问题：对于采用预付款方式的 C 级客户/);

  await selectNode(page, 'enter-customer');
  await page.getByTestId('node-notes').fill('Check the tax number.');
  await page.getByTestId('node-notes').blur();
  await page.getByTestId('node-notes-zh').fill('核对统一社会信用代码。');
  await page.getByTestId('node-notes-zh').blur();
  await expect
    .poll(async () => ((await reportedFlow(page)).nodes.find((n) => n.id === 'enter-customer')?.notes ?? []) as LocalizedNote[])
    .toEqual([{ en: 'Check the tax number.', zh: '核对统一社会信用代码。' }]);
  await page.getByTestId('node-notes-zh').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('notes-per-language.png') });
});
