import { expect, test, type Page } from '@playwright/test';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/catalog-editor-${name}.png` });

async function openCatalog(page: Page, query: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/?${query}`);
  await page.getByTestId('catalog').click();
  await expect(page.getByTestId('catalog-editor')).toBeVisible();
}

const catalogWindow = (page: Page, id: string) => page.evaluate((w) => window.__catalog?.windows.find((x) => x.id === w), id);

test('an admin adds a window, gives roles access per field, undoes and redoes, and fixes a finding in one click', async ({ page }) => {
  await openCatalog(page, 'flow=complaint-handling&perm=admin');
  const editor = page.getByTestId('catalog-editor');

  // A new window on complaints, named by the admin.
  await editor.getByLabel('Entity').selectOption('complaint');
  await editor.getByLabel('New window name').fill('Return request');
  await editor.getByRole('button', { name: /New window/ }).click();
  await expect(page.getByTestId('window-editor')).toHaveAttribute('data-window', 'complaint-window');
  await expect.poll(() => catalogWindow(page, 'complaint-window').then((w) => w?.name.en)).toBe('Return request');

  // Service edits the window; the sales rep only views it, except one field they may edit.
  await page.getByTestId('access-service').selectOption('edit');
  await page.getByTestId('access-sales-rep').selectOption('view');
  const field = await page.evaluate(() => window.__catalog!.windows.find((w) => w.id === 'complaint-window')!.fields[0]!);
  await page.getByTestId(`field-access-${field}-sales-rep`).selectOption('edit');
  await expect.poll(() => catalogWindow(page, 'complaint-window')).toMatchObject({ access: { service: 'edit', 'sales-rep': 'view' }, fieldAccess: { [field]: { 'sales-rep': 'edit' } } });
  await shot(page, 'window-en');

  // Scrolled down a long entity at 1280 × 800, the columns keep their header in view (which is "Shown", which role).
  await page.setViewportSize({ width: 1280, height: 800 });
  const scroller = page.locator('.cfd-fields-scroll');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const [head, box] = await scroller.evaluate((el) => [el.querySelector('thead th')!.getBoundingClientRect().top, el.getBoundingClientRect().top]);
  expect(Math.abs(head - box)).toBeLessThan(2);
  await expect(page.locator('.cfd-fields-table tbody tr').last()).toBeInViewport();
  await shot(page, 'window-scrolled-1280');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Undo takes back the override, redo puts it back (button and keyboard).
  await editor.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => catalogWindow(page, 'complaint-window').then((w) => w?.fieldAccess)).toBeUndefined();
  await page.getByTestId('access-service').focus();
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(() => catalogWindow(page, 'complaint-window').then((w) => w?.fieldAccess?.[field]?.['sales-rep'])).toBe('edit');

  // Taking edit access from the warehouse on the investigation window is a finding with a one-click fix.
  await editor.getByRole('button', { name: /Complaint investigation|Investigation/ }).first().click();
  await page.getByTestId('access-warehouse').selectOption('view');
  const findings = page.getByTestId('catalog-findings');
  await expect(findings).toContainText('Warehouse');
  const fix = findings.getByTestId('fix').filter({ hasText: "Give 'Warehouse' edit access" });
  await expect(fix).toBeVisible();
  await shot(page, 'finding-en');
  await fix.click();
  await expect(page.getByTestId('access-warehouse')).toHaveValue('edit');
  await expect(findings.getByTestId('fix').filter({ hasText: "Give 'Warehouse' edit access" })).toHaveCount(0);

  // The permission matrix: what each role can do at each step.
  await editor.getByRole('tab', { name: 'Permission matrix' }).click();
  const matrix = page.getByTestId('permission-matrix');
  await expect(matrix.locator('tbody[data-step="investigate"] td[data-role="warehouse"]').first()).toHaveText(/edit|view/);
  await expect(matrix.locator('tbody[data-step="investigate"] td[data-role="finance"]').first()).toHaveText('—');
  await shot(page, 'matrix-en');
});

test('the catalog editor speaks Chinese, and only admins edit', async ({ page }) => {
  await openCatalog(page, 'flow=complaint-handling&perm=admin&locale=zh');
  const editor = page.getByTestId('catalog-editor');
  await expect(editor.getByRole('tab', { name: '权限矩阵' })).toBeVisible();
  await expect(editor.getByText('各角色权限')).toBeVisible();
  await shot(page, 'window-zh');
  await editor.getByRole('tab', { name: '权限矩阵' }).click();
  await expect(page.getByTestId('permission-matrix')).toContainText('步骤 › 字段');
  await shot(page, 'matrix-zh');

  // A key user sees the catalog but cannot change it.
  await openCatalog(page, 'flow=complaint-handling&perm=key-user&locale=zh');
  await expect(page.getByTestId('catalog-editor')).toContainText('只有管理员可以修改目录。');
  await expect(page.getByTestId('access-service')).toBeDisabled();
  await expect(page.getByTestId('catalog-editor').getByRole('button', { name: /新建窗口/ })).toHaveCount(0);
});

test("the flow's problem 'role cannot use the window' offers the catalog fix in one click", async ({ page }) => {
  await openCatalog(page, 'flow=complaint-handling&perm=admin');
  await page.getByTestId('catalog-editor').getByRole('button', { name: /Complaint investigation/ }).first().click();
  await page.getByTestId('access-warehouse').selectOption('view');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  const problem = page.locator('[data-testid="problem"][data-rule="roles-can-use-window"]');
  await expect(problem).toBeVisible();
  const fix = page.getByTestId('problem-fix').filter({ hasText: "Give 'Warehouse' edit access" });
  await expect(fix).toBeVisible();
  await page.screenshot({ path: 'test-results/catalog-editor-problem-fix-en.png' });
  await fix.click();
  await expect(problem).toHaveCount(0);
  await expect.poll(() => catalogWindow(page, 'complaint-investigation').then((w) => w?.access.warehouse)).toBe('edit');
});
