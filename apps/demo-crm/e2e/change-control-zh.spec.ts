import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { Flow } from '@crm/flow-runtime';
import { instanceIdOf } from './helpers';

/**
 * Change control in Chinese: complaints are running on v1; a key user (销售经理
 * 张敏) shortens the Investigate SLA to 8 h and submits it with a note; the
 * author cannot approve it; the administrator (孙浩), who did not author it,
 * reads the review pack, approves and publishes it, dry-runs moving the
 * running complaints, moves those that can move, and the change log shows
 * it all and exports it as Markdown with each version's SOP. Every wait is
 * on state.
 */
test.use({ viewport: { width: 1440, height: 900 } });

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/change-control-${name}.png`, fullPage: true });

type DemoWindow = { __demo: { db: { drafts: { get(id: string): Promise<{ flow: Flow } | undefined> } } } };
const draftSla = (page: Page) =>
  page.evaluate(async () => {
    const d = await (window as unknown as DemoWindow).__demo.db.drafts.get('complaint-handling');
    const n = d?.flow.nodes.find((x) => x.id === 'investigate');
    return n && n.kind === 'task' ? n.sla?.hours : undefined;
  });

async function openZh(page: Page) {
  await page.addInitScript(() => {
    if (!window.localStorage.getItem('crm-demo.locale')) window.localStorage.setItem('crm-demo.locale', 'zh');
  });
  await page.goto('/#/home');
  await expect(page.locator('.shell')).toBeVisible({ timeout: 60_000 });
}

async function actAs(page: Page, seat: string) {
  await page.getByLabel('当前角色').selectOption(seat);
  await expect(page.getByLabel('当前角色')).toHaveValue(seat);
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true }).click();
}

/** Service starts a complaint for the first customer; returns its case id (at 受理投诉). */
async function newComplaint(page: Page): Promise<string> {
  await nav(page, '投诉');
  await page.getByRole('button', { name: '新建投诉' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('客户').selectOption({ index: 1 });
  await dialog.getByRole('button', { name: '发起' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '受理投诉' })).toBeVisible();
  return instanceIdOf(page);
}

async function openFlow(page: Page, name: RegExp) {
  await nav(page, '流程');
  await page.getByTestId('flow-list').getByRole('link', { name }).click();
  await expect(page.getByTestId('flow-heading')).toBeVisible();
}

/** Fits the whole flow into the pane, then clicks a step. */
async function selectNode(page: Page, id: string) {
  await page.locator('.cfd-designer').getByRole('button', { name: '适应画布', exact: true }).click();
  const node = page.locator(`.cfd-designer .react-flow__node[data-id="${id}"]`);
  await expect
    .poll(() =>
      node.evaluate((n) => {
        const pane = document.querySelector('.cfd-designer .react-flow')!.getBoundingClientRect();
        const r = n.getBoundingClientRect();
        return r.left >= pane.left && r.right <= pane.right && r.top >= pane.top && r.bottom <= pane.bottom;
      }),
    )
    .toBe(true);
  await node.click();
  await expect(page.getByTestId('node-id')).toHaveValue(id);
}

test('变更管控：关键用户提交“调查时限 24 小时 → 8 小时”，非作者的管理员审核、发布、试运行并迁移运行中的投诉，变更记录可导出', async ({ page }) => {
  await openZh(page);

  // 1. 客服发起两张投诉：A 停在“受理投诉”，B 受理后进入“调查原因”（时限按旧规则 24 小时）。
  await actAs(page, 'service');
  const caseA = await newComplaint(page);
  const caseB = await newComplaint(page);
  await page.getByLabel('投诉渠道').selectOption('phone');
  await page.getByLabel('投诉类别').selectOption('quality');
  await page.getByLabel('严重程度').selectOption('high');
  await page.getByLabel('问题描述').fill('传感器模块在制动台架上读数偏高 5 °C。');
  await page.getByLabel('受理时间').fill('2026-11-22T08:45');
  const url = page.url();
  await page.getByRole('button', { name: '完成此步骤' }).click();
  await expect(page).not.toHaveURL(url);
  await page.goto(`/#/instance/${caseB}`);
  await expect(page.locator('.now-list')).toContainText('调查原因');

  // 2. 销售经理（关键用户）起草：调查原因的时限改为 8 小时，并填写中英文变更说明提交审核。
  await actAs(page, 'sales-manager');
  await openFlow(page, /客户投诉处理/);
  await page.getByRole('button', { name: '另存为新草稿编辑' }).click();
  await expect(page.getByTestId('versions')).toContainText('草稿');
  await selectNode(page, 'investigate');
  await page.getByTestId('node-sla').fill('8');
  await page.getByTestId('node-sla').blur();
  await expect.poll(() => draftSla(page)).toBe(8);
  await page.getByTestId('submit-change').click();
  await page.getByTestId('note-en').fill('Investigate SLA 24 h → 8 h: customers expect an answer the same working day.');
  await page.getByTestId('note-zh').fill('调查时限由 24 小时缩短为 8 小时：客户期望当个工作日内得到答复。');
  await page.getByTestId('confirm-submit').click();
  await expect(page.locator('.banner.ok')).toContainText('已提交审核');
  await expect(page.getByTestId('change-status').getByTestId('stage')).toHaveAttribute('data-stage', 'submitted');

  // 3. 作者本人不能批准自己的变更：拒绝理由以中文显示。
  await page.getByTestId('open-review').click();
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('review-message')).toContainText('只有管理员');
  await expect(page.getByTestId('review-message')).toContainText('张敏不是管理员');
  await expect(page.getByTestId('review-message')).toContainText('批准流程变更');
  await expect(page.getByTestId('review-head').getByTestId('stage')).toHaveAttribute('data-stage', 'submitted');

  // 4. 管理员孙浩（非作者）查看审核材料：变更内容、检查结果、各角色变化、场景结果与路径覆盖、运行中单据的影响。
  await actAs(page, 'admin');
  await expect(page.getByTestId('review-note')).toContainText('调查时限由 24 小时缩短为 8 小时');
  await expect(page.getByTestId('review-changes')).toContainText('调查原因');
  await expect(page.getByTestId('review-changes')).toContainText('8小时');
  await expect(page.getByTestId('scenario-summary')).toContainText(/通过 \d+ 个，失败 \d+ 个 · 路径覆盖：\d+\/\d+/);
  await expect(page.getByTestId('review-scenarios').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('impact-summary')).toContainText(/旧版本上运行中的单据 \d+ 个/);
  await expect(page.getByTestId('impact-by-step')).toContainText('调查原因');
  await expect(page.getByTestId('review-impact').locator(`tr[data-case="${caseA}"]`)).toBeVisible();
  await expect(page.getByTestId('review-roles')).toContainText('仓管');
  await shot(page, 'review-pack-zh');
  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'EN' }).click();
  await expect(page.getByTestId('review-changes')).toContainText('Investigate');
  await shot(page, 'review-pack-en');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();

  // 批准，立即发布。
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('review-message')).toContainText('第 2 版已批准');
  await page.getByTestId('publish-now').click();
  await expect(page.getByTestId('review-message')).toContainText('已发布为第 2 版');
  await expect(page.getByTestId('review-head').getByTestId('stage')).toHaveAttribute('data-stage', 'published');

  // 5. 迁移：建议的步骤映射（相同标识），试运行逐单列出。若把“调查原因”映射到“记录处理结果”，
  //    停在调查原因的 B 会跳过必经步骤，不能迁移；A 仍可迁移。
  await page.getByTestId('go-migrate').click();
  const dry = page.getByTestId('dry-run');
  await expect(dry.locator(`tr[data-case="${caseA}"]`)).toHaveClass(/can-move/);
  await expect(dry.locator(`tr[data-case="${caseB}"]`)).toHaveClass(/can-move/);
  await expect(page.getByTestId('map-1-investigate')).toHaveValue('investigate');
  await page.getByTestId('map-1-investigate').selectOption('resolve');
  await expect(dry.locator(`tr[data-case="${caseB}"]`)).toHaveClass(/cannot-move/);
  await expect(dry.locator(`tr[data-case="${caseB}"]`)).toContainText('调查原因');
  await expect(dry.locator(`tr[data-case="${caseA}"]`)).toHaveClass(/can-move/);
  await expect(dry.locator(`tr[data-case="${caseA}"]`)).toContainText('受理投诉');
  await expect(dry.locator(`tr[data-case="${caseA}"] input[type="checkbox"]`)).toBeChecked();
  // 每张单据以其记录称呼（投诉编号 · 客户），单据号随后，而不是只有一串标识。
  await expect(dry.locator(`tr[data-case="${caseA}"] .case-subject`)).toHaveText(/^CP-\d{4} · .*有限公司$/);
  await expect(dry.locator(`tr[data-case="${caseA}"] .case-number`)).toHaveText(`#${caseA}`);
  await expect(dry.locator(`tr[data-case="${caseB}"] input[type="checkbox"]`)).toBeDisabled();
  await shot(page, 'migration-dry-run-zh');
  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'EN' }).click();
  await expect(dry.locator(`tr[data-case="${caseB}"]`)).toContainText('Investigate');
  await shot(page, 'migration-dry-run-en');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await page.getByTestId('migrate').click();
  await expect(page.getByTestId('migrate-result')).toContainText(/已迁移 [1-9]\d* 个单据/);
  // A 已在第 2 版上（不再列出），B 留在第 1 版并显示原因。
  await expect(dry.locator(`tr[data-case="${caseA}"]`)).toHaveCount(0);
  await expect(dry.locator(`tr[data-case="${caseB}"]`)).toHaveClass(/cannot-move/);
  await page.goto(`/#/instance/${caseA}`);
  await expect(page.getByTestId('instance-version')).toHaveText('第2版');
  await page.goto(`/#/instance/${caseB}`);
  await expect(page.getByTestId('instance-version')).toHaveText('第1版');

  // 6. 变更记录：提交、批准、发布、迁移一目了然。
  await page.goto('/#/flows/complaint-handling/changes');
  const v2 = page.getByTestId('log-v2');
  await expect(v2.getByTestId('log-note')).toContainText('调查时限由 24 小时缩短为 8 小时');
  await expect(v2.getByTestId('log-submitted')).toContainText('张敏');
  await expect(v2.getByTestId('log-approved')).toContainText('孙浩');
  await expect(v2.getByTestId('log-published')).toContainText('孙浩');
  await expect(v2.getByTestId('log-migrations')).toContainText(caseA);
  await expect(v2.getByTestId('log-migrations').locator('.case-subject')).toHaveText(/^CP-\d{4} · /);
  await expect(v2.getByTestId('log-migrations')).not.toContainText(caseB);
  await expect(page.getByTestId('log-v1')).toContainText('在启用变更管控之前部署');
  await shot(page, 'change-log-zh');

  // Markdown 导出：含变更说明和每个版本的标准作业程序。
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-markdown').click()]);
  expect(download.suggestedFilename()).toBe('complaint-handling-change-log-zh.md');
  const md = await readFile((await download.path())!, 'utf8');
  expect(md).toContain('# 变更记录：客户投诉处理');
  expect(md).toContain('调查时限由 24 小时缩短为 8 小时');
  expect(md).toContain('## 第 2 版');
  expect(md.match(/### 标准作业程序/g)?.length).toBe(2);
  expect(md).toContain('调查原因');
  expect(md).toContain(caseA);

  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'EN' }).click();
  await expect(v2.getByTestId('log-note')).toContainText('Investigate SLA 24 h → 8 h');
  await shot(page, 'change-log-en');
});

test('职责分离：管理员编辑过的变更不能由其本人批准，须另一位管理员审核', async ({ page }) => {
  await openZh(page);
  await actAs(page, 'admin-2');
  await openFlow(page, /报价/);
  await page.getByRole('button', { name: '另存为新草稿编辑' }).click();
  const description = page.getByLabel('说明（中文）');
  await description.fill('第 2 版：报价有效期统一为 30 天。');
  await description.blur();
  await expect.poll(() => page.evaluate(async () => (await (window as unknown as DemoWindow).__demo.db.drafts.get('quotation'))?.flow.description?.zh)).toContain('30 天');
  await page.getByTestId('submit-change').click();
  await page.getByTestId('note-en').fill('Quotes are valid for 30 days.');
  await page.getByTestId('note-zh').fill('报价有效期统一为 30 天。');
  await page.getByTestId('confirm-submit').click();
  await page.getByTestId('open-review').click();
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('review-message')).toContainText('钱丽是流程“quotation”第 2 版的作者，不能批准自己的变更（职责分离），须由另一位管理员审核');
  await actAs(page, 'admin');
  await page.getByTestId('approve').click();
  await expect(page.getByTestId('review-head').getByTestId('stage')).toHaveAttribute('data-stage', 'approved');
});
