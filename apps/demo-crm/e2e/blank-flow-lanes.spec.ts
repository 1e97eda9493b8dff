import { expect, test, type Page } from '@playwright/test';
import { actAs, nav, openDemo } from './helpers';

/**
 * A new blank flow opens with every lane in view at a readable zoom, at the
 * smallest screen the demo is used on (1280×800): a key user sees all the
 * departments they picked, not the first lane with the second cut off.
 */
test.use({ viewport: { width: 1280, height: 800 } });

async function newBlankFlow(page: Page, en: string, zh: string, departments: string[]) {
  await page.getByTestId('new-flow').click();
  const dialog = page.getByTestId('new-flow-dialog');
  await dialog.getByTestId('new-flow-name-en').fill(en);
  await dialog.getByTestId('new-flow-name-zh').fill(zh);
  for (const d of departments) await dialog.getByTestId('new-flow-departments').getByLabel(d).check();
  await dialog.getByTestId('new-flow-create').click();
  await expect(page.getByTestId('flow-name')).toHaveText(en);
}

/** The part of an element's box inside the canvas pane, as a share of its height. */
async function shownShare(page: Page, testId: string): Promise<number> {
  const pane = (await page.locator('.cfd-designer .react-flow').boundingBox())!;
  const box = (await page.getByTestId(testId).locator('.cfd-lane-header').boundingBox())!;
  const top = Math.max(pane.y, box.y);
  const bottom = Math.min(pane.y + pane.height, box.y + box.height);
  const left = Math.max(pane.x, box.x);
  const right = Math.min(pane.x + pane.width, box.x + box.width);
  return right <= left ? 0 : Math.max(0, bottom - top) / box.height;
}

const zoom = (page: Page) => page.locator('.cfd-designer .react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

for (const departments of [['Sales', 'Finance'], ['Sales', 'Finance', 'Warehouse']]) {
  test(`a blank flow with ${departments.length} lanes opens with every lane header in view at a readable zoom`, async ({ page }) => {
    await openDemo(page);
    await actAs(page, 'sales-manager');
    await nav(page, 'Flows');
    await newBlankFlow(page, `Lane check ${departments.length}`, `泳道检查${departments.length}`, departments);
    const ids = { Sales: 'lane-sales', Finance: 'lane-finance', Warehouse: 'lane-warehouse' } as Record<string, string>;
    for (const d of departments) await expect.poll(() => shownShare(page, ids[d]!), { message: `lane ${d} in view` }).toBeGreaterThan(0.99);
    expect(await zoom(page)).toBeGreaterThanOrEqual(0.6);
    await expect(page.locator('.cfd-designer .react-flow__node[data-id="start"]')).toBeInViewport();
    await page.screenshot({ path: `/tmp/blank-flow-${departments.length}.png` });
  });
}
