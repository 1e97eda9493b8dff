import { expect, test, type Page } from '@playwright/test';
import { node } from './helpers.js';

const STEP = 'enter-customer';
const INCOMING = `.react-flow__edge[data-id="start-to-enter-customer"] path.react-flow__edge-path`;

/** Where the minimap draws its steps, as text to compare. */
const minimap = (page: Page) => page.locator('.react-flow__minimap-node').evaluateAll((rects) => rects.map((r) => `${r.getAttribute('x')},${r.getAttribute('y')}`).join(' '));

test('a dragged step follows the pointer with its connections and the minimap, takes the lane it is dropped in, and one undo puts it back', async ({ page }) => {
  await page.goto('/?flow=new-customer-approval&perm=admin');
  await expect(node(page, STEP)).toBeVisible();
  // Zoomed in so part of the flow is out of view: the minimap shows.
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(node(page, STEP)).toBeInViewport();

  const before = (await node(page, STEP).boundingBox())!;
  const pathBefore = await page.locator(INCOMING).getAttribute('d');
  const mapBefore = await minimap(page);
  const finance = (await page.getByTestId('lane-finance').boundingBox())!;

  // While the button is held, the step, its connection and its mark on the minimap move with the pointer.
  await page.mouse.move(before.x + before.width / 2, before.y + 10);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width / 2 - 40, finance.y + 40, { steps: 12 });
  await expect.poll(async () => (await node(page, STEP).boundingBox())!.y).not.toBeCloseTo(before.y, 0);
  expect(await page.locator(INCOMING).getAttribute('d')).not.toBe(pathBefore);
  expect(await minimap(page)).not.toBe(mapBefore);
  await page.mouse.up();

  // Dropped in the finance lane: a finance step, and the whole drag is one undo step named after it.
  await expect(page.getByTestId('node-department')).toHaveValue('finance');
  const after = (await node(page, STEP).boundingBox())!;
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Move step/);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('node-department')).toHaveValue('sales');
  await expect.poll(async () => (await node(page, STEP).boundingBox())!.y).toBeCloseTo(before.y, 0);
  expect((await node(page, STEP).boundingBox())!.x).toBeCloseTo(before.x, 0);
  await expect(page.getByTestId('undo')).toBeDisabled();

  // Redo puts it back where it was dropped, in one step too.
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('node-department')).toHaveValue('finance');
  await expect.poll(async () => (await node(page, STEP).boundingBox())!.y).toBeCloseTo(after.y, 0);
  await page.screenshot({ path: test.info().outputPath('dragged-step.png') });
});
