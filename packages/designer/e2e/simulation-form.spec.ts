import { expect, test, type Page } from '@playwright/test';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/simulation-form-${name}.png` });

test('a key user walks a flow through its step forms, sees why a branch was taken, and saves the run as a scenario', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?flow=complaint-handling&sim=1');
  await page.getByTestId('sim-start').click();

  // The first step is done with the sample scenario's entries.
  await expect(page.getByTestId('sim-form')).toHaveAttribute('data-node', 'intake');
  await page.getByTestId('sim-step').click();

  // The investigation window as the warehouse sees it: the complaint read-only, the findings to enter.
  const form = page.getByTestId('sim-form');
  await expect(form).toHaveAttribute('data-node', 'investigate');
  await expect(form.locator('[data-path="complaint.category"] output')).toBeVisible();
  await expect(form.locator('[data-path="complaint.rootCause"]')).toContainText('*');
  await expect(form).toContainText('Required:');
  await form.locator('[data-path="complaint.rootCause"] textarea').fill('Labels swapped at packing.');
  await form.locator('[data-path="complaint.faultParty"] select').selectOption('ours');
  await form.locator('[data-path="complaint.remedy"] select').selectOption('explanation');
  await expect(form).not.toContainText('Required:');
  await shot(page, 'form-en');
  await form.getByTestId('sim-complete').click();

  // The decision says which branch it took and why.
  await expect(page.getByTestId('sim-trace')).toContainText(/Remedy\?: took .* because/);
  await expect(page.getByTestId('sim-data')).toContainText('Labels swapped at packing.');

  await page.getByTestId('sim-run').click();
  await expect(page.getByRole('status').filter({ hasText: 'The flow ended' })).toBeVisible();

  // Saved as a scenario; it joins the list and the coverage counts it.
  await page.getByTestId('sim-save-name').fill('Explained on the spot');
  await page.getByTestId('sim-save').click();
  await expect(page.getByText('Saved scenario “Explained on the spot”.')).toBeVisible();
  await expect(page.getByTestId('sim-coverage')).toContainText(/Saved scenarios cover \d+ of \d+ paths/);
  await expect(page.getByTestId('sim-scenario').locator('option', { hasText: 'Explained on the spot' })).toHaveCount(1);
  await shot(page, 'saved-en');

  // Replay: pick the saved scenario and run it to the same end.
  await page.getByTestId('sim-reset').click();
  await page.getByTestId('sim-scenario').selectOption({ label: 'Explained on the spot' });
  await page.getByTestId('sim-start').click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByRole('status').filter({ hasText: 'The flow ended' })).toBeVisible();
  await expect(page.getByTestId('sim-data')).toContainText('Labels swapped at packing.');
});

test('the step form speaks Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?flow=complaint-handling&sim=1&locale=zh');
  await page.getByTestId('sim-start').click();
  await expect(page.getByTestId('sim-form')).toContainText('完成此步骤');
  // The picker names what it picks: a saved scenario, or none (the step forms).
  await expect(page.getByText('场景', { exact: true })).toBeVisible();
  await expect(page.getByTestId('sim-scenario').locator('option').first()).toHaveText('不使用场景：逐步填写表单');
  await expect(page.getByTestId('sim-data')).toBeVisible();
  // A record's values read as Chinese: full-width colons after the field names, none of the English ": ".
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-data')).toContainText('：');
  await expect(page.getByTestId('sim-data')).not.toHaveText(/: /);
  await shot(page, 'form-zh');
});

test('with errors, the simulator names what stops it and still walks the steps before them', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?flow=complaint-handling&sim=1&broken=1');
  await page.getByTestId('sim-start').click();
  const stoppers = page.getByTestId('sim-stoppers');
  await expect(stoppers).toContainText('These errors stop the simulation; you can walk the steps before them');
  await expect(stoppers).toContainText('Orphan step');
  await expect(page.getByTestId('sim-form')).toHaveAttribute('data-node', 'intake');
  await shot(page, 'errors-en');
});

test('embedded narrow (a designer beside a host navigation at 1280 px), every trace line and data row is read whole', async ({ page }) => {
  await page.setViewportSize({ width: 1040, height: 800 });
  for (const locale of ['en', 'zh']) {
    await page.goto(`/?flow=new-customer-approval&sim=1&locale=${locale}`);
    // A host page's own button style (the demo CRM keeps its buttons on one line).
    await page.addStyleTag({ content: 'button { white-space: nowrap; }' });
    await page.getByTestId('sim-start').click();
    await page.getByTestId('sim-run').click();
    await expect(page.getByTestId('sim-trace').locator('li.cfd-trace-decision')).toHaveCount(1);
    // Nothing is cut at the column's edge: no line is wider than its column, the values keep most of the data table.
    const cut = await page.getByTestId('sim-trace').locator('li').evaluateAll((lis) => lis.filter((li) => li.scrollWidth > li.clientWidth + 1).map((li) => li.textContent));
    expect(cut).toEqual([]);
    const [th, table] = await page.getByTestId('sim-data').evaluate((t) => [Math.max(...[...t.querySelectorAll('th')].map((h) => h.getBoundingClientRect().width)), t.getBoundingClientRect().width]);
    expect(th).toBeLessThan(table * 0.4);
    await shot(page, `narrow-${locale}`);
  }
});
