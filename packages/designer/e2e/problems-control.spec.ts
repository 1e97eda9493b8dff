import { expect, test } from '@playwright/test';

test('a problem about a control point selects it in the flow inspector', async ({ page }) => {
  await page.goto('/?flow=new-order&brokenControl=1');
  const problem = page.locator('[data-testid="problem"][data-control="credit-use-alert"]');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText("Did you mean 'sales-rep'?");
  await problem.click();
  const selected = page.locator('[data-testid="flow-control"][aria-current="true"]');
  await expect(selected).toHaveAttribute('data-control', 'credit-use-alert');
  await expect(selected).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('control-problem.png') });
});

test('a problem about an unused variable highlights its row in the data table', async ({ page }) => {
  await page.goto('/?flow=new-order&unusedVariable=1');
  const problem = page.locator('[data-testid="problem"][data-rule="no-unused-variables"]');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-path', '/data/deliveryNote');
  await problem.click();
  const row = page.locator('[data-testid="data-schema"] tr[aria-current="true"]');
  await expect(row).toHaveAttribute('data-variable', 'deliveryNote');
  await expect(row).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('variable-problem.png') });
});
