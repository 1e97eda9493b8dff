import { expect, test } from '@playwright/test';

/**
 * On a laptop-sized window the embedded designer's canvas is small: the
 * minimap, when it shows at all, keeps to a corner and covers no step.
 */
for (const viewport of [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
]) {
  test(`the designer's minimap covers no step at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/#/home');
    await expect(page.locator('.shell')).toBeVisible({ timeout: 60_000 });
    await page.locator('.role-switch select').selectOption('admin');
    for (const flow of ['new-order', 'complaint-handling', 'new-customer-approval']) {
      await page.goto(`/#/flows/${flow}`);
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `test-results/demo-crm-screens/small-${viewport.width}-${flow}.png`, fullPage: true });
      const map = page.locator('.react-flow__minimap');
      if ((await map.count()) === 0) continue;
      const m = (await map.boundingBox())!;
      const pane = (await page.locator('.react-flow__pane').first().boundingBox())!;
      expect(m.width * m.height).toBeLessThanOrEqual(0.06 * pane.width * pane.height);
      const steps = await page.locator('.react-flow__node').evaluateAll((els) =>
        els.filter((e) => !e.classList.contains('react-flow__node-lane')).map((e) => {
          const r = e.getBoundingClientRect();
          return { id: e.getAttribute('data-id'), x: r.x, y: r.y, w: r.width, h: r.height };
        }),
      );
      const covered = steps.filter((s) => s.x < m.x + m.width && s.x + s.w > m.x && s.y < m.y + m.height && s.y + s.h > m.y);
      expect(covered.map((s) => s.id), `${flow}: steps under the minimap`).toEqual([]);
    }
  });
}
