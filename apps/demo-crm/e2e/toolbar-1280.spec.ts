import { expect, test } from '@playwright/test';
import { actAs, nav, openDemo } from './helpers';

/**
 * At 1280×800, the smallest screen the demo is used on, the designer's
 * toolbar keeps every tool on its one row — none scrolled or cut off at the
 * right — for a key user and an admin, in English and Chinese.
 */
test.use({ viewport: { width: 1280, height: 800 } });

for (const role of ['sales-manager', 'admin'] as const) {
  test(`the toolbar fits at 1280 px for ${role}, in English and Chinese`, async ({ page }) => {
    await openDemo(page);
    await actAs(page, role);
    await nav(page, 'Flows');
    await page.getByTestId('flow-list').getByRole('link', { name: /Credit limit review/ }).click();
    await page.getByRole('button', { name: 'Edit as a new draft' }).click();
    await expect(page.getByTestId('undo')).toBeVisible();
    for (const locale of ['en', 'zh'] as const) {
      if (locale === 'zh') await page.getByTestId('language').selectOption('zh');
      const bar = page.locator('.cfd-toolbar');
      await expect.poll(() => bar.evaluate((el) => el.scrollWidth - el.clientWidth), { message: `${role} ${locale}: toolbar overflow in px` }).toBeLessThanOrEqual(1);
      const box = (await bar.boundingBox())!;
      expect(box.height).toBeLessThan(52);
      // the last tools (focus mode, shortcuts) are inside the bar
      const last = await bar.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return [...el.querySelectorAll('button, select')].every((b) => b.getBoundingClientRect().right <= r.right + 0.5);
      });
      expect(last, `${role} ${locale}: every tool in view`).toBe(true);
      await page.screenshot({ path: test.info().outputPath(`toolbar-${role}-${locale}.png`) });
    }
  });
}
