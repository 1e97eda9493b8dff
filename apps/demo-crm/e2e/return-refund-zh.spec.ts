import { expect, test, type Page } from '@playwright/test';
import type { Catalog, Flow } from '@crm/flow-runtime';

/**
 * A key user builds "退货退款" (return and refund) from a blank flow in Chinese,
 * with no JSON typed anywhere: three departments as lanes, a parallel split
 * and join, a decision whose condition is built in the condition builder, a
 * new window with per-role field access made in the catalog editor (admin);
 * simulates both branches with the step forms and saves a scenario; submits
 * it for review; another administrator (not an author) publishes it;
 * a sales rep starts a case of it. Every wait is on state.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const shot = (page: Page, stage: string) => page.screenshot({ path: `/tmp/return-refund-${stage}.png` });

type DemoWindow = { __demo: { db: { drafts: { get(id: string): Promise<{ flow: Flow; catalog?: Catalog; scenarios?: unknown[] } | undefined> } } } };
/** The draft as the demo keeps it (IndexedDB, through the runtime on window). */
const draft = (page: Page) => page.evaluate(() => (window as unknown as DemoWindow).__demo.db.drafts.get('return-and-refund'));

const node = (page: Page, id: string) => page.locator(`.cfd-designer .react-flow__node[data-id="${id}"]`);

async function actAs(page: Page, role: string) {
  await page.getByLabel('当前角色').selectOption(role);
  await expect(page.getByLabel('当前角色')).toHaveValue(role);
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true }).click();
}

/** Selects a step by clicking it. */
async function selectNode(page: Page, id: string) {
  await fitAll(page);
  await node(page, id).click();
  await expect(page.getByTestId('node-inspector')).toBeVisible();
  await expect(page.getByTestId('node-id')).toHaveValue(id);
}

/** Adds a step by a click on the palette: after the selected step, connected to it. */
async function addAfter(page: Page, kind: string, expectedId: string) {
  await page.getByTestId(`palette-${kind}`).click();
  await expect(node(page, expectedId)).toHaveCount(1);
  await expect(page.getByTestId('node-id')).toHaveValue(expectedId);
}

/** Names the selected step in Chinese and English, and sets its lane, roles and window. */
async function describeStep(page: Page, s: { zh: string; en: string; department?: string; roles?: string[]; window?: string }) {
  await page.getByTestId('node-name-zh').fill(s.zh);
  await page.getByTestId('node-name-en').fill(s.en);
  await page.getByTestId('node-name-en').blur();
  if (s.department) await page.getByTestId('node-department').selectOption(s.department);
  for (const r of s.roles ?? []) await page.getByTestId('node-roles').getByLabel(r, { exact: true }).check();
  if (s.window) await page.getByTestId('node-window').selectOption(s.window);
}

/** Fits the whole flow into the pane and waits until every step is in view. */
async function fitAll(page: Page) {
  await page.locator('.cfd-designer').getByRole('button', { name: '适应画布', exact: true }).click();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const pane = document.querySelector('.cfd-designer .react-flow')!.getBoundingClientRect();
        return [...document.querySelectorAll('.cfd-designer .react-flow__node:not(.react-flow__node-lane)')].every((n) => {
          const r = n.getBoundingClientRect();
          return r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom;
        });
      }),
    )
    .toBe(true);
}

/** Auto-layout, waited for: the layout is the last undoable change. */
async function autoLayout(page: Page) {
  await page.getByTestId('auto-layout').click();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Auto-layout|自动布局/);
}

/** Frames the whole flow, then drags from one step's out-handle to another's in-handle. */
async function connect(page: Page, source: string, target: string) {
  await fitAll(page);
  await node(page, source).hover();
  const from = (await node(page, source).locator('.react-flow__handle.source').first().boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  const to = (await node(page, target).locator('.react-flow__handle.target').first().boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(page.locator(`.cfd-designer .react-flow__edge[data-id="${source}-${target}"]`)).toHaveCount(1);
}

/** Selects a connection from the keyboard (connections are focusable; Enter selects). */
async function selectEdge(page: Page, id: string) {
  await page.locator(`.cfd-designer .react-flow__edge[data-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edge-inspector')).toBeVisible();
}

/** Completes the step whose form the simulator shows, after checking which step it is. */
async function completeForm(page: Page, nodeId: string, fill: (form: ReturnType<Page['getByTestId']>) => Promise<void> = async () => undefined) {
  const form = page.getByTestId('sim-form');
  await expect(form).toHaveAttribute('data-node', nodeId);
  await fill(form);
  await form.getByTestId('sim-complete').click();
  await expect(page.getByTestId('sim-trace')).toContainText(stepNames[nodeId]!);
}

const stepNames: Record<string, string> = {
  task: '登记退货申请',
  'task-2': '验收退货',
  'task-3': '核对退款金额',
  'task-4': '执行退款',
  'task-5': '通知客户处理结果',
};

test('退货退款：关键用户从空白流程创建、仿真两条分支并保存场景，管理员发布，销售代表发起', async ({ page }) => {
  await page.addInitScript(() => {
    if (!window.localStorage.getItem('crm-demo.locale')) window.localStorage.setItem('crm-demo.locale', 'zh');
  });
  await page.goto('/#/home');
  await expect(page.locator('.shell')).toBeVisible({ timeout: 60_000 });
  await actAs(page, 'sales-manager');
  await nav(page, '流程');
  // 流程列表以“第1版”称呼版本，与其他页面一致。
  await expect(page.getByTestId('flow-list')).toContainText('第1版 · ');
  await expect(page.getByTestId('flow-list')).not.toHaveText(/\bv\d/);

  // 1. 新建流程：空白，三个部门作为泳道（按勾选顺序）。
  await page.getByRole('button', { name: '新建流程' }).click();
  const dialog = page.getByTestId('new-flow-dialog');
  await expect(dialog.getByLabel('空白流程')).toBeChecked();
  await dialog.getByTestId('new-flow-name-zh').fill('退货退款');
  await dialog.getByTestId('new-flow-name-en').fill('Return and refund');
  for (const d of ['客服部', '仓储物流部', '财务部']) await dialog.getByTestId('new-flow-departments').getByLabel(d).check();
  await expect(dialog.getByTestId('new-flow-lane-order')).toHaveText('泳道自上而下：客服部 → 仓储物流部 → 财务部');
  await expect(dialog.getByTestId('new-flow-id')).toContainText('“return-and-refund”，版本 1');
  await shot(page, '1-new-flow');
  await dialog.getByRole('button', { name: '创建流程' }).click();
  await expect(page).toHaveURL(/#\/flows\/return-and-refund$/);
  await expect(page.getByTestId('flow-name')).toHaveText('退货退款');
  for (const lane of ['service', 'warehouse', 'finance']) await expect(page.getByTestId(`lane-${lane}`)).toBeVisible();

  // 2. 流程数据：一条投诉记录（退货申请记在投诉上）。
  await page.getByTestId('new-variable').fill('complaint');
  await page.getByTestId('new-variable').press('Enter');
  // 类型以中文列出（不是 record、money 这类标识）。
  await expect(page.getByLabel('类型：complaint').locator('option')).toContainText(['记录', '短文本', '长文本', '数字', '整数', '金额']);
  await page.getByLabel('类型：complaint').selectOption('record');
  await page.getByLabel('实体：complaint').selectOption('complaint');

  // 3. 画流程：开始 → 登记 → 并行分支（仓库验收 ‖ 财务核对）→ 汇合 → 判断是否退款。
  await selectNode(page, 'start');
  await page.getByTestId('node-name-zh').fill('客户申请退货');
  await page.getByTestId('node-name-en').fill('Customer asks for a return');
  await page.getByTestId('node-name-en').blur();
  for (const r of ['销售代表', '客服']) await page.getByTestId('start-roles').getByLabel(r, { exact: true }).check();

  await addAfter(page, 'task', 'task');
  await describeStep(page, { zh: stepNames.task!, en: 'Register the return', roles: ['客服', '销售代表'] });
  await addAfter(page, 'parallel', 'parallel');
  await describeStep(page, { zh: '分头处理', en: 'Split the work' });
  await addAfter(page, 'task', 'task-2');
  await describeStep(page, { zh: stepNames['task-2']!, en: 'Inspect the returned goods', department: 'warehouse', roles: ['仓管'], window: 'complaint-investigation' });
  await selectNode(page, 'parallel');
  await addAfter(page, 'task', 'task-3');
  await describeStep(page, { zh: stepNames['task-3']!, en: 'Check the refund amount', department: 'finance', roles: ['财务'], window: 'refund-processing' });
  await selectNode(page, 'task-2');
  await addAfter(page, 'join', 'join');
  await describeStep(page, { zh: '汇合', en: 'Both done' });
  await addAfter(page, 'decision', 'decision');
  await describeStep(page, { zh: '是否退款？', en: 'Refund?', department: 'finance' });
  await addAfter(page, 'task', 'task-4');
  await describeStep(page, { zh: stepNames['task-4']!, en: 'Pay the refund', department: 'finance', roles: ['财务'], window: 'refund-processing' });
  await addAfter(page, 'end', 'end-2');
  await describeStep(page, { zh: '已退款', en: 'Refunded', department: 'finance' });
  await page.getByTestId('node-outcome').fill('refunded');
  await page.getByTestId('node-outcome').blur();
  await selectNode(page, 'decision');
  await addAfter(page, 'task', 'task-5');
  await describeStep(page, { zh: stepNames['task-5']!, en: 'Tell the customer', department: 'service', roles: ['客服'], window: 'complaint-resolution' });
  await selectNode(page, 'end');
  await describeStep(page, { zh: '已结案', en: 'Closed' });
  await page.getByTestId('node-outcome').fill('closed');
  await page.getByTestId('node-outcome').blur();

  // Auto-layout puts every step in its department's lane; the rest is connected with the mouse.
  await autoLayout(page);
  await connect(page, 'task-3', 'join');
  await connect(page, 'task-5', 'end');
  await autoLayout(page);
  await fitAll(page);
  await shot(page, '2-drawn');

  // 4. 判断条件：在条件构建器中点选（不输入 JSON）。
  await selectEdge(page, 'decision-task-4');
  await page.getByRole('button', { name: '+ 条件', exact: true }).click();
  await page.locator('.cfd-rqb select.rule-fields').selectOption('complaint.remedy');
  await page.locator('.cfd-rqb select.rule-operators').selectOption('=');
  await page.locator('.cfd-rqb select.rule-value').selectOption('refund');
  await expect(page.getByText(/含义：/)).toBeVisible();
  await page.getByTestId('edge-label-zh').fill('退款');
  await page.getByTestId('edge-label-en').fill('Refund');
  await page.getByTestId('edge-label-en').blur();
  await shot(page, '3-condition');
  await selectEdge(page, 'decision-task-5');
  await page.getByTestId('edge-default').check();
  await page.getByTestId('edge-label-zh').fill('不退款');
  await page.getByTestId('edge-label-en').fill('No refund');
  await page.getByTestId('edge-label-en').blur();
  await expect.poll(async () => (await draft(page))?.flow.edges.find((e) => e.source === 'decision' && e.target === 'task-4')?.guard).toEqual({ '==': [{ var: 'complaint.remedy' }, 'refund'] });

  // 5. 管理员在目录编辑器中新建窗口“退货申请”，按角色和字段设置权限，并把它用在登记步骤上。
  await actAs(page, 'admin');
  await page.getByTestId('catalog').click();
  const editor = page.getByTestId('catalog-editor');
  await expect(editor).toBeVisible();
  await editor.getByLabel('实体').selectOption('complaint');
  await editor.getByLabel('新窗口名称').fill('退货申请');
  await editor.getByRole('button', { name: /新建窗口/ }).click();
  await expect(page.getByTestId('window-editor')).toHaveAttribute('data-window', 'complaint-window');
  await page.getByTestId('access-service').selectOption('edit');
  await page.getByTestId('access-sales-rep').selectOption('edit');
  await page.getByTestId('access-warehouse').selectOption('view');
  await page.getByTestId('access-finance').selectOption('view');
  // 登记时只显示受理所需的字段；投诉类别和问题描述必填。
  const fieldRow = (field: string) => page.getByTestId('window-editor').locator(`tr[data-field="${field}"]`);
  for (const field of ['rootCause', 'faultParty', 'remedy', 'reworkOrder', 'refundAmount', 'refundedAt', 'resolution', 'resolvedAt', 'satisfaction', 'followUpNote']) {
    await fieldRow(field).getByRole('checkbox', { name: /^显示/ }).uncheck();
  }
  for (const field of ['category', 'description']) await fieldRow(field).getByRole('checkbox', { name: /^必填/ }).check();
  // 销售代表可以登记，但严重程度只由客服判断。
  await page.getByTestId('field-access-severity-sales-rep').selectOption('view');
  await expect.poll(async () => (await draft(page))?.catalog?.windows.find((w) => w.id === 'complaint-window')).toMatchObject({
    fields: ['customer', 'order', 'channel', 'category', 'severity', 'description', 'receivedAt'],
    required: ['category', 'description'],
    access: { service: 'edit', 'sales-rep': 'edit', warehouse: 'view', finance: 'view' },
    fieldAccess: { severity: { 'sales-rep': 'view' } },
  });
  await shot(page, '4-window');
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await selectNode(page, 'task');
  await page.getByTestId('node-window').selectOption('complaint-window');
  await expect.poll(async () => (await draft(page))?.flow.nodes.find((n) => n.id === 'task')).toMatchObject({ window: 'complaint-window' });
  await page.getByTestId('validate').click();
  await expect(page.locator('[data-testid="problem"]')).toHaveCount(0);

  // 6. 关键用户仿真两条分支（用步骤表单，不写 JSON），保存场景。
  await actAs(page, 'sales-manager');
  await page.getByTestId('simulate').click();
  await page.getByTestId('sim-start').click();
  await completeForm(page, 'task', async (form) => {
    await form.locator('[data-path="complaint.category"] select').selectOption('wrong-item');
    await form.locator('[data-path="complaint.description"] textarea, [data-path="complaint.description"] input').first().fill('客户收到的型号不对，要求退货退款。');
    await expect(form).not.toContainText('必填：');
  });
  await completeForm(page, 'task-2', async (form) => {
    await form.locator('[data-path="complaint.rootCause"] input, [data-path="complaint.rootCause"] textarea').first().fill('仓库拣错货。');
    await form.locator('[data-path="complaint.faultParty"] select').selectOption('ours');
    await form.locator('[data-path="complaint.remedy"] select').selectOption('refund');
  });
  // 数据表以名称称呼变量：未另起名称的记录变量显示其实体名“投诉”，而不是标识 complaint；字段值用全角冒号。
  await expect(page.getByTestId('sim-data').locator('th').first()).toHaveText('投诉');
  await expect(page.getByTestId('sim-data')).toContainText('原因分析：仓库拣错货。');
  await shot(page, '5-simulate-form');
  await completeForm(page, 'task-3', async (form) => {
    await form.locator('[data-path="complaint.refundAmount"] input').fill('2680');
    await form.locator('[data-path="complaint.refundedAt"] input').fill('2026-11-23T10:00');
    await expect(form).not.toContainText('必填：');
  });
  await expect(page.getByTestId('sim-trace')).toContainText('是否退款？');
  await completeForm(page, 'task-4');
  await expect(page.getByRole('status').filter({ hasText: '流程结束' })).toBeVisible();
  await page.getByTestId('sim-save-name').fill('同意退款');
  await page.getByTestId('sim-save').click();
  await expect(page.getByTestId('sim-scenario').locator('option', { hasText: '同意退款' })).toHaveCount(1);
  await shot(page, '6-simulated-refund');

  // The other branch: the warehouse finds the goods fine; no refund.
  await page.getByTestId('sim-reset').click();
  await page.getByTestId('sim-start').click();
  await completeForm(page, 'task', async (form) => {
    await form.locator('[data-path="complaint.category"] select').selectOption('quality');
    await form.locator('[data-path="complaint.description"] textarea, [data-path="complaint.description"] input').first().fill('客户认为外壳有划痕。');
    await expect(form).not.toContainText('必填：');
  });
  await completeForm(page, 'task-2', async (form) => {
    await form.locator('[data-path="complaint.rootCause"] input, [data-path="complaint.rootCause"] textarea').first().fill('货物无质量问题。');
    await form.locator('[data-path="complaint.faultParty"] select').selectOption('customer');
    await form.locator('[data-path="complaint.remedy"] select').selectOption('explanation');
  });
  await completeForm(page, 'task-3', async (form) => {
    await form.locator('[data-path="complaint.refundAmount"] input').fill('0');
    await form.locator('[data-path="complaint.refundedAt"] input').fill('2026-11-23T10:00');
    await expect(form).not.toContainText('必填：');
  });
  await completeForm(page, 'task-5', async (form) => {
    await form.locator('[data-path="complaint.resolution"] input, [data-path="complaint.resolution"] textarea').first().fill('已向客户说明，不予退款。');
    await form.locator('[data-path="complaint.resolvedAt"] input').fill('2026-11-24T15:30');
    await expect(form).not.toContainText('必填：');
  });
  await expect(page.getByRole('status').filter({ hasText: '流程结束' })).toBeVisible();
  await page.getByTestId('sim-save-name').fill('不予退款');
  await page.getByTestId('sim-save').click();
  await expect(page.getByTestId('sim-coverage')).toContainText('已保存场景覆盖 2/2 条路径');
  await expect.poll(async () => (await draft(page))?.scenarios?.length).toBe(2);
  await shot(page, '7-coverage');
  await page.getByTestId('simulate').click();

  // 7. 销售经理提交审核；孙浩编辑过窗口，也是作者，不能批准；由另一位管理员钱丽审核并发布：第 1 版。
  await page.getByTestId('submit-change').click();
  await page.getByTestId('note-en').fill('New flow: returns and refunds across sales, warehouse and finance.');
  await page.getByTestId('note-zh').fill('新流程：销售、仓库、财务协同处理退货退款。');
  await page.getByTestId('confirm-submit').click();
  await expect(page.locator('.banner.ok')).toContainText('已提交审核');
  await actAs(page, 'admin');
  await page.getByTestId('open-review').click();
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('review-message')).toContainText('不能批准自己的变更');
  await actAs(page, 'admin-2');
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('review-head').getByTestId('stage')).toHaveAttribute('data-stage', 'approved');
  await page.getByTestId('publish-now').click();
  await expect(page.getByTestId('review-message')).toContainText('已发布为第 1 版');
  await page.getByRole('link', { name: '返回流程' }).click();
  await expect(page.getByTestId('versions')).toContainText('第1版');
  await expect(page.getByTestId('flow-name')).toHaveText('退货退款');
  await shot(page, '8-published');

  // 8. 销售代表在“发起流程”中发起退货退款，并接手第一步。
  await actAs(page, 'sales-rep');
  await nav(page, '发起流程');
  const card = page.getByTestId('start-return-and-refund');
  await expect(card).toContainText('退货退款');
  await shot(page, '9-start-list');
  await card.getByRole('button', { name: '发起' }).click();
  await expect(page.getByRole('heading', { level: 1, name: stepNames.task })).toBeVisible();
  // 新窗口按角色生效：销售代表可填投诉类别，严重程度只读，处理结果等字段不显示。
  await expect(page.getByLabel('投诉类别')).toBeEditable();
  await expect(page.getByLabel('严重程度')).toHaveJSProperty('tagName', 'OUTPUT');
  await expect(page.getByText('退款金额')).toHaveCount(0);
  await shot(page, '10-case-started');
});
