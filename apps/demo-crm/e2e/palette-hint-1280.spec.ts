import { expect, test } from '@playwright/test';
import { actAs, nav, openDemo } from './helpers';

/**
 * At 1280×800 a key user editing a flow sees the palette's hint (how to add
 * a step) without scrolling the palette — and every step kind with it — in English and Chinese.
 */
test.use({ viewport: { width: 1280, height: 800 } });

test('the palette hint is in view at 1280×800, in English and Chinese', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'sales-manager');
  await nav(page, 'Flows');
  await page.getByTestId('flow-list').getByRole('link', { name: /Credit limit review/ }).click();
  await page.getByRole('button', { name: 'Edit as a new draft' }).click();
  await expect(page.getByTestId('palette-task')).toBeVisible();
  for (const locale of ['en', 'zh'] as const) {
    if (locale === 'zh') await page.getByTestId('language').selectOption('zh');
    const hint = page.locator('.cfd-palette-hint');
    await expect(hint).toContainText(locale === 'zh' ? '点击' : 'Click');
    const palette = page.locator('.cfd-palette');
    expect(await palette.evaluate((el) => el.scrollTop), 'palette not scrolled').toBe(0);
    const [h, p] = [(await hint.boundingBox())!, (await palette.boundingBox())!];
    // the whole hint lies inside the palette's visible box and inside the window
    expect(h.y + h.height, `${locale}: hint bottom vs palette bottom`).toBeLessThanOrEqual(p.y + p.height + 0.5);
    expect(h.y + h.height, `${locale}: hint bottom vs window`).toBeLessThanOrEqual(800);
    // and every step kind, down to the last one, is in view with it
    const end = (await page.getByTestId('palette-end').boundingBox())!;
    expect(end.y + end.height, `${locale}: last palette entry vs palette bottom`).toBeLessThanOrEqual(p.y + p.height + 0.5);
    await page.screenshot({ path: test.info().outputPath(`palette-${locale}.png`) });
  }
});
