import { expect, test } from '@playwright/test';
import { actAs, advance, completeStep, instanceIdOf, nav, openDemo } from './helpers';

test('a complaint escalates to the sales manager once the demo clock passes its SLA', async ({ page }) => {
  await openDemo(page);
  await actAs(page, 'service');
  await nav(page, 'Complaints');
  await page.getByRole('button', { name: 'New complaint' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Customer').selectOption({ label: 'Wuhan Changjiang Auto Parts Co., Ltd.' });
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Take the complaint' })).toBeVisible();
  const caseId = instanceIdOf(page);
  await page.getByLabel('Channel').selectOption('phone');
  await page.getByLabel('Category').selectOption('quality');
  await page.getByLabel('Severity').selectOption('critical');
  await page.getByLabel('Description').fill('Sensor modules report 5 °C too high on the brake bench.');
  await page.getByLabel('Received at').fill('2026-11-22T08:45');
  await completeStep(page);

  // Critical: the warehouse has 4 hours to investigate.
  const investigate = page.locator('.now-list li', { hasText: 'Investigate' });
  await expect(investigate).toContainText('waits for Warehouse');
  await expect(investigate.locator('.sla')).toContainText('4 h left');

  // The demo clock passes the deadline.
  await advance(page, '+1 h');
  await expect(investigate.locator('.sla')).toContainText('3 h left');
  await advance(page, '+1 day');
  await expect(investigate.locator('.sla')).toContainText('escalated');
  await expect(page.getByTestId('timeline')).toContainText('“Investigate” passed its deadline: escalated to Sales manager.');

  // The sales manager sees it in Alerts and in the inbox.
  await actAs(page, 'sales-manager');
  await nav(page, 'Alerts');
  const alert = page.getByTestId('alerts').locator('li', { hasText: 'deadline missed: Investigate' }).filter({ has: page.locator(`a[href="#/instance/${caseId}"]`) });
  await expect(alert).toHaveCount(1);
  await nav(page, 'Inbox');
  await expect(page.getByTestId('escalated')).toContainText('Investigate');
  await expect(page.getByTestId('escalated').locator('.sla-escalated').first()).toBeVisible();
});
