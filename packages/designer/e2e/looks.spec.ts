import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { node, selectEdge } from './helpers.js';

/*
 * What a person sees in the main states, each saved as a screenshot in the
 * test's output folder (test-results/) to look at.
 */

test('sample flow: lanes, steps and guard labels', async ({ page }) => {
  await page.goto('/?flow=new-customer-approval');
  await expect(node(page, 'review-credit-limit')).toBeVisible();
  await expect(page.getByTestId('lane-finance')).toContainText('Finance');
  await expect(page.locator('.cfd-edge-label').filter({ hasText: 'Approved' }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sample-flow.png') });
});

test('with problems: listed, counted, badged; clicking one selects its step', async ({ page }) => {
  await page.goto('/?flow=new-customer-approval&broken=1');
  await expect(page.getByTestId('problem-count')).toBeVisible();
  await expect(node(page, 'orphan-step').getByTestId('problem-badge')).toBeVisible();
  await page.getByTestId('problem').filter({ hasText: 'no-such-window' }).first().click();
  await expect(page.getByTestId('node-name-en')).toHaveValue('Orphan step');
  await expect(page.getByTestId('publish')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('with-problems.png') });
});

test('Chinese: UI strings, names and lanes', async ({ page }) => {
  await page.goto('/?flow=new-order&locale=zh');
  await expect(page.getByTestId('tab-problems')).toContainText('问题');
  await expect(page.getByTestId('lane-finance')).toContainText('财务');
  await page.screenshot({ path: test.info().outputPath('chinese.png') });
});

test('simulation: steps on the engine, highlights the path, explains the decision', async ({ page }) => {
  await page.goto('/?flow=new-customer-approval&sim=1');
  await page.getByTestId('sim-start').click();
  await page.getByTestId('sim-step').click();
  await expect(node(page, 'review-payment-terms').locator('.cfd-step')).toHaveClass(/status-active/);
  await expect(node(page, 'enter-customer').locator('.cfd-step')).toHaveClass(/status-done/);
  await page.screenshot({ path: test.info().outputPath('simulation-active.png') });
  await page.getByTestId('sim-run').click();
  await expect(page.getByRole('status').filter({ hasText: 'The flow ended: Customer approved' })).toBeVisible();
  await expect(page.getByTestId('sim-trace')).toContainText('because');
  await expect(node(page, 'notify-rejection').locator('.cfd-step')).toHaveClass(/status-skipped/);
  await page.screenshot({ path: test.info().outputPath('simulation-done.png') });
});

test('viewer: read-only, no palette, no publish', async ({ page }) => {
  await page.goto('/?flow=complaint-handling&perm=viewer');
  await expect(page.getByTestId('palette-task')).toHaveCount(0);
  await expect(page.getByTestId('publish')).toHaveCount(0);
  await expect(page.getByTestId('flow-name-en')).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('viewer.png') });
});

test('compare versions side by side', async ({ page }) => {
  await page.goto('/?flow=new-customer-approval&versions=1');
  await page.getByTestId('diff').click();
  await expect(page.getByTestId('flow-diff')).toContainText('added');
  await expect(page.locator('.cfd-diff .diff-added').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('diff.png') });
});

test('templates gallery and auto-layout', async ({ page }) => {
  await page.goto('/?flow=empty');
  await page.getByTestId('templates').click();
  await page.getByRole('button', { name: /Use this flow: Quotation/ }).click();
  await expect(page.getByTestId('flow-name')).toHaveText('Quotation');
  await page.getByTestId('auto-layout').click();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: Auto-layout');
  await page.screenshot({ path: test.info().outputPath('quotation-auto-layout.png') });
});

test('import a flow file, and refuse one that is not a flow', async ({ page }) => {
  await page.goto('/?flow=empty');
  const sample = readFileSync(fileURLToPath(new URL('../../../examples/flows/sample-order.json', import.meta.url)));
  await page.getByTestId('import-file').setInputFiles({ name: 'sample-order.json', mimeType: 'application/json', buffer: sample });
  // Nothing is replaced before the user has read what will be.
  await expect(page.getByTestId('import-plan')).toContainText('replaces the draft');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('flow-name')).toHaveText('Sample order');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Undo: Import flow');
  await page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"id": 3}') });
  await expect(page.getByRole('alert')).toContainText('not a flow');
  await expect(page.getByTestId('flow-name')).toHaveText('Sample order');
});

test('resize a lane by its bottom edge: the lanes below and their steps move down, in one undo step', async ({ page }) => {
  await page.goto('/?flow=new-customer-approval');
  const before = await page.evaluate(() => window.__flow!.layout!.nodes!['review-credit-limit']!.y);
  const lane = (await page.getByTestId('lane-sales').boundingBox())!;
  const zoom = await page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)![1]));
  // A point of the lane's bottom edge inside the pane (the flow opens centred on its start).
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const x = Math.max(lane.x, pane.x) + 80;
  await page.mouse.move(x, lane.y + lane.height - 1);
  await page.mouse.down();
  await page.mouse.move(x, lane.y + lane.height - 1 + 60 * zoom, { steps: 6 });
  await page.mouse.up();
  const after = await page.evaluate(() => window.__flow!);
  expect(after.layout!.lanes![0]!.size).toBe(300);
  expect(after.layout!.nodes!['review-credit-limit']!.y).toBe(before + 60);
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.evaluate(() => window.__flow!.layout!.lanes![0]!.size)).toBe(240);
});

test('a connection’s record link, picked by name, in Chinese', async ({ page }) => {
  await page.goto('/?flow=new-customer-approval&locale=zh');
  await selectEdge(page, 'submit-customer-to-review-payment-terms');
  await expect(page.getByTestId('edge-record-link-entity')).toHaveValue('customer');
  await expect(page.getByTestId('edge-record-link-equals').locator('option:checked')).toHaveText('客户 › 记录编号（customer.id）');
  await page.getByTestId('edge-record-link').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('record-link-zh.png') });
});
