import { expect, test } from '@playwright/test';

/*
 * The sample scenarios name their people per language: a Chinese key user
 * simulating a saved scenario reads who did each step in Chinese, with the
 * role in full-width brackets; in English the same run names them in English.
 */
test.use({ viewport: { width: 1280, height: 800 } });

test('a sample scenario simulated in Chinese names its people in Chinese', async ({ page }) => {
  await page.goto('/?flow=new-customer-approval&sim=1&locale=zh');
  await page.getByTestId('sim-scenario').selectOption({ label: '优质新客户获批' });
  await page.getByTestId('sim-start').click();
  await page.getByTestId('sim-run').click();
  const trace = page.getByTestId('sim-trace');
  await expect(trace).toContainText('李娜（销售代表）');
  await expect(trace).toContainText('王强（销售经理）');
  await expect(trace).not.toContainText('Li Na');
  // the customer's sales rep (a person field) too; the values a decision read sit in full-width brackets
  await expect(page.getByTestId('sim-data')).toContainText('负责销售：李娜');
  await expect(page.getByTestId('sim-data')).not.toContainText('Li Na');
  await expect(trace).toContainText('［评估结论 = 同意］');
  await page.screenshot({ path: test.info().outputPath('people-zh.png') });
});

test('the same scenario in English names them in English', async ({ page }) => {
  await page.goto('/?flow=new-customer-approval&sim=1&locale=en');
  await page.getByTestId('sim-scenario').selectOption({ label: 'Promising customer approved' });
  await page.getByTestId('sim-start').click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-trace')).toContainText('Li Na (Sales rep)');
});
