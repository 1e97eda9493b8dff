import { expect, test, type Page } from '@playwright/test';
import type { Flow } from '@crm/flow-runtime';
import { actAs, approveAndPublish, nav, openDemo, submitForReview } from './helpers';

test.use({ viewport: { width: 1440, height: 900 } });

/** The flow the demo keeps as the draft of `flowId` (IndexedDB, through the runtime on window). */
async function draftOf(page: Page, flowId: string): Promise<Flow | undefined> {
  return page.evaluate(async (id) => {
    const demo = (window as unknown as { __demo: { db: { drafts: { get(id: string): Promise<{ flow: Flow } | undefined> } } } }).__demo;
    return (await demo.db.drafts.get(id))?.flow;
  }, flowId);
}

/** Deployed versions of a flow, as the engine has them. */
async function deployed(page: Page, flowId: string): Promise<number[]> {
  return page.evaluate(async (id) => {
    const demo = (window as unknown as { __demo: { engine: { definitions(): Promise<{ flowId: string; version: number }[]> } } }).__demo;
    return (await demo.engine.definitions()).filter((d) => d.flowId === id).map((d) => d.version).sort((a, b) => a - b);
  }, flowId);
}

/** Drags from one step's out-handle to another step's in-handle. */
async function connect(page: Page, source: string, target: string) {
  const node = (id: string) => page.locator(`.cfd-designer .react-flow__node[data-id="${id}"]`);
  await node(source).hover();
  const from = (await node(source).locator('.react-flow__handle.source').first().boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  const to = (await node(target).locator('.react-flow__handle.target').first().boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
}

const file = (flow: unknown, name = 'flow.json') => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flow)) });

test('a key user makes a new blank flow and submits it, an admin publishes it at v1, a sales rep starts it; imports never trust the file version', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'sales-manager');
  await nav(page, 'Flows');

  // New flow, blank, with two departments as lanes: the id comes from the name and it starts at v1.
  await page.getByTestId('new-flow').click();
  const dialog = page.getByTestId('new-flow-dialog');
  await dialog.getByTestId('new-flow-create').click();
  await expect(dialog.getByRole('alert')).toContainText('Give the flow a name');
  await expect(dialog.getByRole('alert')).toContainText('Pick at least one department');
  await dialog.getByTestId('new-flow-name-en').fill('Warranty claim');
  await dialog.getByTestId('new-flow-name-zh').fill('保修索赔');
  await dialog.getByTestId('new-flow-departments').getByLabel('Customer service').check();
  await dialog.getByTestId('new-flow-departments').getByLabel('Finance').check();
  await expect(dialog.getByTestId('new-flow-id')).toContainText('“warranty-claim”, version 1');
  await page.screenshot({ path: test.info().outputPath('new-flow-dialog.png') });
  await dialog.getByTestId('new-flow-create').click();

  await expect(page).toHaveURL(/#\/flows\/warranty-claim$/);
  await expect(page.getByTestId('flow-name')).toHaveText('Warranty claim');
  await expect(page.locator('.cfd-version')).toHaveText(/1/);
  await expect(page.getByTestId('versions')).toContainText('draft v1 · new flow');
  await expect(page.getByTestId('lane-service')).toBeVisible();
  await expect(page.getByTestId('lane-finance')).toBeVisible();
  await expect(page.getByTestId('lane-sales')).toHaveCount(0);
  // The id is the product's: shown, not edited.
  await expect(page.getByTestId('flow-id')).toHaveText('warranty-claim');
  await expect(page.locator('input[data-testid="flow-id"]')).toHaveCount(0);

  // The start allows sales reps; start → end.
  await page.locator('.cfd-designer .react-flow__node[data-id="start"]').click();
  await page.getByTestId('start-roles').getByLabel('Sales rep', { exact: true }).check();
  await page.locator('.cfd-designer').getByRole('button', { name: 'Fit View' }).click();
  await connect(page, 'start', 'end');
  await expect.poll(async () => (await draftOf(page, 'warranty-claim'))?.edges.length).toBe(1);
  expect((await draftOf(page, 'warranty-claim'))!.version).toBe(1);

  // A second "Warranty claim" gets another id.
  await page.getByTestId('new-flow').click();
  await dialog.getByTestId('new-flow-name-en').fill('Warranty claim');
  await expect(dialog.getByTestId('new-flow-id')).toContainText('“warranty-claim-2”');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The key user submits it for review; the admin reviews and publishes it: v1, the banner on this flow only.
  await submitForReview(page);
  await expect(page.locator('.banner.ok')).toContainText('Draft v1 is submitted for review');
  // While it is reviewed the page says so; it never speaks of a published "v0".
  await expect(page.getByText('Draft v1 is under review: read-only until it is published or sent back.')).toBeVisible();
  await expect(page.getByText(/published version v0/)).toHaveCount(0);
  await approveAndPublish(page, 1);
  await expect(page.getByTestId('versions')).toContainText('v1 · 0 running');
  expect(await deployed(page, 'warranty-claim')).toEqual([1]);
  await page.getByLabel('Flow', { exact: true }).selectOption('credit-limit-review');
  await expect(page.getByTestId('flow-name')).toHaveText('Credit limit review');
  await expect(page.locator('.banner.ok')).toHaveCount(0);
  expect(await deployed(page, 'credit-limit-review')).toEqual([1]);

  // A sales rep finds it under Start a case (from the deployed definitions and its start access) and starts it.
  await actAs(page, 'sales-rep');
  await nav(page, 'Start a case');
  const startable = page.getByTestId('startable-flows');
  await expect(startable.getByTestId('start-warranty-claim')).toBeVisible();
  await expect(startable.getByTestId('start-credit-limit-review')).toBeVisible();
  await expect(startable.getByTestId('start-complaint-handling')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('start-a-case.png') });
  await startable.getByTestId('start-warranty-claim').getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/#\/instance\//);
  await expect(page.getByTestId('instance-version')).toHaveText('v1');
  // Service may not start it.
  await actAs(page, 'service');
  await nav(page, 'Start a case');
  await expect(page.getByTestId('startable-flows').getByTestId('start-complaint-handling')).toBeVisible();
  await expect(page.getByTestId('start-warranty-claim')).toHaveCount(0);

  // Import: the file says v7; it becomes draft v2 of its flow, after saying so.
  await actAs(page, 'sales-manager');
  await nav(page, 'Flows');
  const exported = { ...(await page.evaluate(async () => (window as unknown as { __demo: { engine: { definition(id: string): Promise<Flow> } } }).__demo.engine.definition('warranty-claim'))), version: 7 };
  exported.description = { en: 'Imported from a file.' };
  await page.getByTestId('import-flow-file').setInputFiles(file(exported));
  const plan = page.getByTestId('import-plan');
  await expect(plan).toHaveAttribute('data-kind', 'new-draft');
  await expect(plan).toContainText('becomes draft v2 of “Warranty claim”');
  await expect(plan).toContainText('The file says version 7');
  await page.getByTestId('import-confirm').click();
  await expect(page).toHaveURL(/#\/flows\/warranty-claim$/);
  await expect(page.getByTestId('versions')).toContainText('draft v2 from v1');
  expect((await draftOf(page, 'warranty-claim'))?.version).toBe(2);
  // The heading and the designer name the imported draft; renaming it there renames the heading.
  await page.getByTestId('flow-name-en').fill('Warranty claim (imported)');
  await page.getByTestId('flow-name-en').blur();
  await expect(page.getByTestId('flow-heading')).toHaveText('Warranty claim (imported)');
  await expect(page.getByTestId('flow-name')).toHaveText('Warranty claim (imported)');
  await page.getByTestId('flow-name-en').fill('Warranty claim');
  await page.getByTestId('flow-name-en').blur();
  await expect.poll(async () => (await draftOf(page, 'warranty-claim'))?.name.en).toBe('Warranty claim');

  // Importing again over that draft (from the designer's toolbar) says what is replaced: the flow's name and its draft's state.
  await page.getByTestId('import-file').setInputFiles(file({ ...exported, version: 3, name: { en: 'Warranty claim (rev)' } }));
  await expect(plan).toHaveAttribute('data-kind', 'replace-draft');
  await expect(plan).toContainText('replaces the draft of “Warranty claim”');
  await expect(plan).toContainText('last saved by Zhang Min');
  await page.screenshot({ path: test.info().outputPath('import-replace.png') });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(plan).toHaveCount(0);
  expect((await draftOf(page, 'warranty-claim'))?.name.en).toBe('Warranty claim');

  // A file with an id no flow has: a new flow at v1, whatever the file says.
  await page.getByTestId('import-flow-file').setInputFiles(file({ ...exported, id: 'return-desk', version: 5, name: { en: 'Return desk', zh: '退货服务台' } }));
  await expect(plan).toHaveAttribute('data-kind', 'new-flow');
  await page.getByTestId('import-confirm').click();
  await expect(page).toHaveURL(/#\/flows\/return-desk$/);
  await expect(page.getByTestId('flow-name')).toHaveText('Return desk');
  expect((await draftOf(page, 'return-desk'))?.version).toBe(1);

  // A copy of a published flow: a new id and v1.
  await page.getByTestId('new-flow').click();
  await dialog.getByTestId('new-flow-published').check();
  await dialog.getByTestId('new-flow-choices').getByText('Credit limit review', { exact: true }).click();
  await expect(dialog.getByTestId('new-flow-name-en')).toHaveValue('Copy of Credit limit review');
  await dialog.getByTestId('new-flow-create').click();
  await expect(page).toHaveURL(/#\/flows\/copy-of-credit-limit-review$/);
  const copy = (await draftOf(page, 'copy-of-credit-limit-review'))!;
  expect(copy.version).toBe(1);
  expect(copy.nodes.map((n) => n.id)).toContain('review-history');
});
