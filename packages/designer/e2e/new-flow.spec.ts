import { expect, test } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });

test('New flow in the designer: blank with the picked departments as lanes at v1; an import keeps the open version and says what it replaces', async ({ page }) => {
  await page.goto('/?flow=complaint-handling');
  await page.getByTestId('designer-new-flow').click();
  const dialog = page.getByTestId('new-flow-dialog');
  await dialog.getByTestId('new-flow-name-en').fill('Complaint handling');
  // The id never repeats one in use.
  await expect(dialog.getByTestId('new-flow-id')).toContainText('“complaint-handling-2”');
  await dialog.getByTestId('new-flow-name-en').fill('Warranty claim');
  await dialog.getByTestId('new-flow-departments').getByLabel('Finance').check();
  await dialog.getByTestId('new-flow-departments').getByLabel('Sales').check();
  await dialog.getByTestId('new-flow-create').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('flow-name')).toHaveText('Warranty claim');
  await expect.poll(() => page.evaluate(() => ({ id: window.__flow!.id, version: window.__flow!.version, lanes: window.__flow!.layout?.lanes?.map((l) => l.department) }))).toEqual({
    id: 'warranty-claim',
    version: 1,
    lanes: ['finance', 'sales'],
  });
  await expect(page.getByTestId('lane-finance')).toBeVisible();
  await expect(page.getByTestId('lane-sales')).toBeVisible();

  // The first step added after the start stands between the start and the end, whose place moves right;
  // the drawn connection start → step passes over no other step. Undo puts the end back.
  const box = async (id: string) => (await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!;
  const endBefore = await box('end');
  await page.locator('.react-flow__node[data-id="start"]').click();
  await page.getByTestId('palette-task').click();
  await expect(page.locator('.react-flow__node[data-id="task"]')).toBeVisible();
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect.poll(async () => (await box('task')).x + (await box('task')).width < (await box('end')).x).toBe(true);
  expect((await box('start')).x).toBeLessThan((await box('task')).x);
  await page.getByTestId('undo').click();
  await expect(page.locator('.react-flow__node[data-id="task"]')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.__flow!.layout!.nodes!.end!.x)).toBeLessThan(400);
  expect(endBefore.width).toBeGreaterThan(0);

  // A file of the same flow that says v9 replaces the open flow after a confirmation, at v1.
  const file = await page.evaluate(() => JSON.stringify({ ...window.__flow!, version: 9, name: { en: 'Warranty claim (from file)' } }));
  await page.getByTestId('import-file').setInputFiles({ name: 'warranty-claim.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  const plan = page.getByTestId('import-plan');
  await expect(plan).toContainText('replaces the draft of “Warranty claim”');
  await expect(plan).toContainText('The file says version 9');
  await page.screenshot({ path: test.info().outputPath('designer-import-plan.png') });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('flow-name')).toHaveText('Warranty claim (from file)');
  await expect.poll(() => page.evaluate(() => window.__flow!.version)).toBe(1);

  // A file that is not a flow is refused with the reason.
  await page.getByTestId('import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "x"') });
  await expect(page.getByRole('alert').filter({ hasText: 'The file is not a flow' })).toBeVisible();
});
