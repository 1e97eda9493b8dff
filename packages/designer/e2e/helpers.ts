import { expect, type Page } from '@playwright/test';

/** The React Flow node of a step. */
export const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Drags a palette entry onto the canvas at a point inside a lane (HTML5 drag and drop with the mouse). */
export async function dropFromPalette(page: Page, kind: string, lane: string, dx: number) {
  const box = (await page.getByTestId(`lane-${lane}`).boundingBox())!;
  const source = (await page.getByTestId(`palette-${kind}`).boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + dx, box.y + box.height / 2, { steps: 8 });
  await page.mouse.move(box.x + dx + 2, box.y + box.height / 2, { steps: 2 });
  await page.mouse.up();
}

/** Adds a step with the keyboard: Enter on the palette entry adds it after the selected step, connected. */
export async function addWithKeyboard(page: Page, kind: string) {
  await page.getByTestId(`palette-${kind}`).focus();
  await page.keyboard.press('Enter');
}

/** Selects a step by clicking it. */
export async function selectNode(page: Page, id: string) {
  await node(page, id).click();
  await expect(page.getByTestId('node-inspector')).toBeVisible();
}

/** The id of the connection between two steps (ids are made when a connection is drawn, before steps are renamed). */
export async function edgeId(page: Page, source: string, target: string): Promise<string> {
  const id = await page.evaluate(([s, t]) => window.__flow!.edges.find((e) => e.source === s && e.target === t)?.id, [source, target] as const);
  if (!id) throw new Error(`no connection ${source} → ${target}`);
  return id;
}

/** Clicks the connection between two steps in the middle of its drawn path. */
export async function selectEdgeBetween(page: Page, source: string, target: string) {
  await selectEdge(page, await edgeId(page, source, target));
}

/** Selects a connection from the keyboard: connections are focusable, Enter selects. */
export async function selectEdge(page: Page, id: string) {
  await page.locator(`.react-flow__edge[data-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edge-inspector')).toBeVisible();
}

/** Drags from one step's out-handle to another step's in-handle. */
export async function connect(page: Page, source: string, target: string) {
  await page.getByRole('button', { name: 'Fit View' }).click();
  await node(page, source).hover();
  const from = (await node(page, source).locator('.react-flow__handle.source').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  const to = (await node(page, target).locator('.react-flow__handle.target').boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
}

/** Renames the selected step's id, then its English and Chinese names. */
export async function nameStep(page: Page, id: string, en: string, zh: string) {
  await page.getByTestId('node-id').fill(id);
  await page.getByTestId('node-id').press('Enter');
  await expect(node(page, id)).toBeVisible();
  await page.getByTestId('node-name-en').fill(en);
  await page.getByTestId('node-name-zh').fill(zh);
  await page.getByTestId('node-name-zh').blur();
}

/** Ticks roles in the inspector's role list, in order. */
export async function tickRoles(page: Page, roles: string[]) {
  for (const r of roles) await page.getByTestId('node-roles').getByLabel(r, { exact: true }).check();
}

/** The flow the designer last reported to the host page. */
export function reportedFlow(page: Page) {
  return page.evaluate(() => window.__flow!);
}
