import { expect, test, type Page } from '@playwright/test';
import { nav, openDemo } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

/** On-screen size of the first step title in view: its computed font size × the canvas zoom. */
async function titleOnScreen(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector('.cfd-designer .react-flow__viewport') as HTMLElement | null;
    const pane = document.querySelector('.cfd-designer .react-flow') as HTMLElement | null;
    if (!viewport || !pane) return undefined;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const title = document.querySelector('.cfd-designer .cfd-title-text') as HTMLElement | null;
    const start = document.querySelector('.cfd-designer .react-flow__node-start') as HTMLElement | null;
    const box = pane.getBoundingClientRect();
    const s = start?.getBoundingClientRect();
    return {
      zoom,
      px: title ? parseFloat(getComputedStyle(title).fontSize) * zoom : 0,
      startInView: s ? s.left >= box.left && s.right <= box.right && s.top >= box.top && s.bottom <= box.bottom : false,
    };
  });
}

test('every sample flow opens in the Flows page at a readable zoom (titles ≥ 11 px at 1440×900), its start in view', async ({ page }) => {
  await openDemo(page);
  await nav(page, 'Flows');
  const links = page.getByTestId('flow-list').getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(9);
  for (let i = 0; i < count; i++) {
    await nav(page, 'Flows');
    const link = page.getByTestId('flow-list').getByRole('link').nth(i);
    const name = (await link.locator('strong').textContent()) ?? `#${i}`;
    await link.click();
    await expect(page.locator('.cfd-designer .cfd-title-text').first()).toBeVisible();
    // Framing happens once the pane has its size: wait on the measured state, not on time.
    await expect.poll(async () => (await titleOnScreen(page))?.px ?? 0, { message: name }).toBeGreaterThanOrEqual(11);
    const seen = (await titleOnScreen(page))!;
    expect(seen.zoom, name).toBeGreaterThanOrEqual(0.84);
    expect(seen.startInView, `${name}: start in view`).toBe(true);
    if (i === 0) await page.screenshot({ path: 'test-results/readable-zoom-first-flow.png' });
  }
});
