import { expect, test, type Page } from '@playwright/test';
import { actAs, nav, openDemo } from './helpers';

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
    // The whole flow (lanes and steps) as drawn, to tell a flow that fits the pane from one that does not.
    const all = [...document.querySelectorAll('.cfd-designer .react-flow__node')].map((n) => n.getBoundingClientRect());
    const left = Math.min(...all.map((r) => r.left));
    const right = Math.max(...all.map((r) => r.right));
    const top = Math.min(...all.map((r) => r.top));
    const bottom = Math.max(...all.map((r) => r.bottom));
    return {
      zoom,
      px: title ? parseFloat(getComputedStyle(title).fontSize) * zoom : 0,
      startInView: s ? s.left >= box.left && s.right <= box.right && s.top >= box.top && s.bottom <= box.bottom : false,
      fits: left >= box.left - 0.5 && right <= box.right + 0.5 && top >= box.top - 0.5 && bottom <= box.bottom + 0.5,
      /** How far the start's centre is from the pane's centre, in screen pixels. */
      startOffCentre: s ? { x: Math.abs(s.left + s.width / 2 - (box.left + box.width / 2)), y: Math.abs(s.top + s.height / 2 - (box.top + box.height / 2)) } : undefined,
    };
  });
}

test('every sample flow opens in the Flows page at a readable zoom (titles ≥ 11 px at 1440×900), centred on its start', async ({ page }) => {
  await openDemo(page);
  await nav(page, 'Flows');
  const links = page.getByTestId('flow-list').getByRole('link');
  // The list fills in once the deployed flows are read: wait for it, never count a half-drawn list.
  await expect.poll(() => links.count()).toBeGreaterThanOrEqual(9);
  const count = await links.count();
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
    // A flow larger than the pane opens centred on its start; one that fits is shown whole.
    if (!seen.fits) {
      expect(seen.startOffCentre!.x, `${name}: start centred across`).toBeLessThanOrEqual(2);
      expect(seen.startOffCentre!.y, `${name}: start centred down`).toBeLessThanOrEqual(2);
    }
    // Edge labels are whole: wrapped, never clipped or cut with an ellipsis.
    const labels = await page.locator('.cfd-designer .cfd-edge-label').evaluateAll((els) =>
      els.map((el) => ({ text: el.textContent ?? '', clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 })),
    );
    expect(labels.filter((l) => l.clipped || l.text.endsWith('…')), `${name}: cut edge labels`).toEqual([]);
    // Lane headers show their department's whole name.
    const lanes = await page.locator('.cfd-designer .cfd-lane-name').evaluateAll((els) => els.map((el) => ({ name: el.textContent, clipped: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1 })));
    expect(lanes.filter((l) => l.clipped), `${name}: clipped lane names`).toEqual([]);
    // Handles are large enough to grab.
    const firstTask = page.locator('.cfd-designer .react-flow__node-task').first();
    await firstTask.hover();
    const handle = (await firstTask.locator('.react-flow__handle').first().boundingBox())!;
    expect(handle.width, `${name}: handle size`).toBeGreaterThanOrEqual(14 * seen.zoom - 0.5);
    expect(handle.width).toBeGreaterThanOrEqual(11);
    await page.screenshot({ path: `test-results/readable-zoom-${i}.png` });
  }
});

test('focus mode: the designer takes the whole window, its toolbar on one row, in English and Chinese', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'sales-manager');
  await nav(page, 'Flows');
  await page.getByTestId('flow-list').getByRole('link', { name: /New customer approval/ }).click();
  await page.getByRole('button', { name: 'Edit as a new draft' }).click();
  await expect(page.getByTestId('palette-task')).toBeVisible();
  for (const [locale, label] of [['en', 'Focus mode: the designer takes the whole window'], ['zh', '专注模式：设计器占满整个窗口']] as const) {
    if (locale === 'zh') await page.getByTestId('language').selectOption('zh');
    // one toolbar row, and nothing of it cut
    const bar = (await page.locator('.cfd-toolbar').boundingBox())!;
    expect(bar.height, locale).toBeLessThan(52);
    await page.getByRole('button', { name: label }).click();
    const designer = (await page.locator('.cfd-designer').boundingBox())!;
    expect(designer.width).toBe(1440);
    expect(designer.height).toBe(900);
    await expect.poll(() => page.locator('.cfd-toolbar').evaluate((el) => el.scrollWidth <= el.clientWidth + 1), { message: `${locale}: toolbar fits` }).toBe(true);
    const hint = page.locator('.cfd-palette-hint');
    await expect(hint).toBeVisible();
    expect(await hint.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.getBoundingClientRect().bottom <= (el.closest('.cfd-palette') as HTMLElement).getBoundingClientRect().bottom), `${locale}: palette hint whole`).toBe(true);
    await page.screenshot({ path: `test-results/designer-focus-${locale}.png` });
    await page.locator('[data-testid="focus-mode"]').click();
    await expect(page.locator('.cfd-designer.is-focus')).toHaveCount(0);
    await page.screenshot({ path: `test-results/designer-flows-page-${locale}.png` });
  }
});

test('the templates dialog fits its text in its cards, in English and Chinese', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'sales-manager');
  await nav(page, 'Flows');
  await page.getByTestId('flow-list').getByRole('link', { name: /New customer approval/ }).click();
  await page.getByRole('button', { name: 'Edit as a new draft' }).click();
  for (const locale of ['en', 'zh'] as const) {
    if (locale === 'zh') await page.getByTestId('language').selectOption('zh');
    await page.getByTestId('templates').first().click();
    const cards = page.locator('.cfd-template');
    await expect(cards.first()).toBeVisible();
    const overflowing = await cards.evaluateAll((els) =>
      els.flatMap((card) => {
        const box = card.getBoundingClientRect();
        return [...card.querySelectorAll('*')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            return el.scrollWidth > el.clientWidth + 1 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5;
          })
          .map((el) => `${card.querySelector('strong')?.textContent}: ${el.textContent?.slice(0, 30)}`);
      }),
    );
    expect(overflowing, locale).toEqual([]);
    await page.screenshot({ path: `test-results/templates-${locale}.png` });
    await page.keyboard.press('Escape');
    await expect(cards).toHaveCount(0);
  }
});

test('focus mode and collapsed panels are remembered across a reload', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'sales-manager');
  await nav(page, 'Flows');
  await page.getByTestId('flow-list').getByRole('link', { name: /Complaint handling/ }).click();
  await page.getByRole('button', { name: 'Edit as a new draft' }).click();
  await expect(page.getByTestId('palette-task')).toBeVisible();
  await page.getByTestId('focus-mode').click();
  await page.getByTestId('toggle-inspector').click();
  await page.getByTestId('toggle-bottom').click();
  await expect(page.locator('.cfd-designer.is-focus')).toHaveCount(1);
  await expect(page.locator('.cfd-inspector')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.cfd-designer.is-focus')).toHaveCount(1);
  await expect(page.getByTestId('palette-task')).toBeVisible();
  await expect(page.locator('.cfd-inspector')).toHaveCount(0);
  await expect(page.getByTestId('toggle-bottom')).toHaveAttribute('aria-pressed', 'false');
  const designer = (await page.locator('.cfd-designer').boundingBox())!;
  expect([designer.width, designer.height]).toEqual([1440, 900]);
  // The canvas gets the room: the flow opens at a readable zoom, centred on its start.
  await expect.poll(() => page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.cfd-designer .react-flow__viewport')!).transform).a)).toBeGreaterThanOrEqual(0.85);
  await page.screenshot({ path: 'test-results/designer-focus-after-reload.png' });
  // Back out of focus mode and show the panels again, for the next tests in this browser.
  await page.getByTestId('focus-mode').click();
  await page.getByTestId('toggle-inspector').click();
  await page.getByTestId('toggle-bottom').click();
  await expect(page.locator('.cfd-designer.is-focus')).toHaveCount(0);
});

test('in the Flows page at 1440×900 an admin’s toolbar fits on one row, title and tools in view, Submit for review beside it, in English and Chinese', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'admin');
  await nav(page, 'Flows');
  await page.getByTestId('flow-list').getByRole('link', { name: /Credit limit review/ }).click();
  await page.getByRole('button', { name: 'Edit as a new draft' }).click();
  // Publishing goes through review: no one-click Publish in the designer, Submit for review on the page.
  await expect(page.getByTestId('submit-change')).toBeVisible();
  await expect(page.getByTestId('publish')).toHaveCount(0);
  for (const locale of ['en', 'zh'] as const) {
    if (locale === 'zh') await page.getByTestId('language').selectOption('zh');
    const bar = page.locator('.cfd-toolbar');
    await expect.poll(() => bar.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), { message: `${locale}: toolbar fits` }).toBe(true);
    const box = (await bar.boundingBox())!;
    expect(box.height, locale).toBeLessThan(52);
    for (const id of ['flow-name', 'simulate', 'undo']) {
      const b = (await page.getByTestId(id).boundingBox())!;
      expect(b.x >= box.x && b.x + b.width <= box.x + box.width + 0.5, `${locale}: ${id} in view`).toBe(true);
    }
    await page.screenshot({ path: `test-results/designer-toolbar-admin-${locale}.png` });
  }
});
