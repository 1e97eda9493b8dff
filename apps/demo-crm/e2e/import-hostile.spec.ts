// Fourth red-team pass: importing a flow file in the demo (in Chinese). A file of the right shape with
// two steps of one id, or with a NUL in a name, went into the drafts; the refusal of a broken file
// was English whatever the UI language. Each is refused now, in Chinese, and no draft is written.
import { expect, test, type Page } from '@playwright/test';
import type { Flow } from '@crm/flow-runtime';

test.use({ viewport: { width: 1440, height: 900 } });

async function openZh(page: Page) {
  await page.addInitScript(() => {
    if (!window.localStorage.getItem('crm-demo.locale')) window.localStorage.setItem('crm-demo.locale', 'zh');
  });
  await page.goto('/#/home');
  await expect(page.locator('.shell')).toBeVisible({ timeout: 60_000 });
}

const file = (text: string) => ({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from(text) });

/** The drafts the demo keeps (IndexedDB, through the runtime on window). */
const draftIds = (page: Page) =>
  page.evaluate(async () => {
    const demo = (window as unknown as { __demo: { db: { drafts: { toArray(): Promise<{ flowId: string }[]> } } } }).__demo;
    return (await demo.db.drafts.toArray()).map((d) => d.flowId).sort();
  });

test('a hostile flow file is refused in Chinese, naming what is wrong; no draft is written', async ({ page }) => {
  await openZh(page);
  await page.getByLabel('当前角色').selectOption('sales-manager');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '流程', exact: true }).click();
  const flow = await page.evaluate(async () => (window as unknown as { __demo: { engine: { definition(id: string): Promise<Flow> } } }).__demo.engine.definition('complaint-handling'));
  const before = await draftIds(page);
  const input = page.getByTestId('import-flow-file');
  const alert = page.getByRole('alert');

  const twice = { ...flow, id: 'hostile-twice', nodes: [...flow.nodes, { ...flow.nodes[1]!, name: { en: 'Again', zh: '再次' } }] };
  await input.setInputFiles(file(JSON.stringify(twice)));
  await expect(alert).toContainText('文件不是有效的流程');
  await expect(alert).toContainText('编号');
  await expect(page.getByTestId('import-plan')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('import-duplicate-ids-zh.png') });

  await input.setInputFiles(file(JSON.stringify({ ...flow, id: 'hostile-nul', name: { en: 'Complaint\u0000', zh: '投诉' } })));
  await expect(alert).toContainText('/name/en');
  await expect(alert).not.toContainText('holds');

  await input.setInputFiles(file('{"id": "x",'));
  await expect(alert).toContainText('JSON');
  await expect(alert).not.toContainText('Unexpected');

  expect(await draftIds(page)).toEqual(before);
});
