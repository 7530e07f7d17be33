// Set Credentials… and Filter Backups… through the real input boxes and quick picks of a
// browser workbench, with a screenshot of every step.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { withWorkbench, type Workbench } from './harness';
import { pressOk, waitForText, widget } from './workbenchSteps';

/** The step title ("Filter Backups", with "2/4" beside it) of the open quick input. */
async function stepTitle(page: Page, pattern: RegExp): Promise<string> {
  return waitForText(page, '.quick-input-widget .quick-input-title, .quick-input-widget .quick-input-header', pattern);
}

async function typeWithoutEnter(wb: Workbench, text: string): Promise<void> {
  const input = widget(wb.page).locator('input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
}

/** A notification's text: from its toast, or from the notification center when the toast is gone. */
async function notificationText(wb: Workbench, pattern: RegExp): Promise<string> {
  const selector = '.notification-list-item-message';
  try {
    return await waitForText(wb.page, selector, pattern, 10_000);
  } catch {
    await wb.runCommand('Notifications: Show Notifications');
    return waitForText(wb.page, selector, pattern);
  }
}

describe('commands UI: credentials and filter', () => {
  it('Set Credentials… through the real input boxes turns the welcome view into the tree', async () => {
    await withWorkbench(
      async (wb) => {
        await wb.openView();
        await waitForText(wb.page, '.part.sidebar .welcome-view-content', /No Huawei Cloud credentials/);
        await wb.screenshot('credentials-0-welcome');

        await wb.runCommand('Huawei Cloud Backups: Set Credentials…');
        await stepTitle(wb.page, /Set Huawei Cloud Credentials/);
        await typeWithoutEnter(wb, 'not-a-key');
        await waitForText(wb.page, '.quick-input-widget .quick-input-message', /upper-case letters and digits/);
        await wb.screenshot('credentials-1-access-key-invalid');
        await typeWithoutEnter(wb, wb.emulator.credentials.accessKey);
        await wb.screenshot('credentials-1-access-key');
        await pressOk(wb.page);

        await waitForText(wb.page, '.quick-input-widget', /Secret access key/);
        const secretInput = widget(wb.page).locator('input').first();
        assert.strictEqual(await secretInput.getAttribute('type'), 'password', 'the secret key is masked');
        await typeWithoutEnter(wb, wb.emulator.credentials.secretKey);
        await wb.screenshot('credentials-2-secret-key');
        await pressOk(wb.page);

        await waitForText(wb.page, '.quick-input-widget', /Security token/);
        await wb.screenshot('credentials-3-security-token');
        await pressOk(wb.page);

        const message = await notificationText(wb, /Credentials work: project/);
        assert.match(message, new RegExp(`project ${wb.emulator.region} \\(${wb.emulator.projectId}\\)`));
        await wb.screenshot('credentials-4-verified');

        await waitForText(wb.page, '.part.sidebar .customview-tree', /RDS — Relational Database/);
        await wb.screenshot('credentials-5-tree');
      },
      { credentials: false },
    );
  });

  it('Filter Backups… walks types, a custom range with validation and back, statuses and resource types', async () => {
    await withWorkbench(async (wb) => {
      await wb.openView();
      await wb.runCommand('Huawei Cloud Backups: Filter Backups…');
      await stepTitle(wb.page, /Filter Backups/);
      await waitForText(wb.page, '.quick-input-widget', /1\s*\/\s*4/);
      await wb.pickItem('Manual');
      await wb.screenshot('filter-1-types');
      await pressOk(wb.page);

      await waitForText(wb.page, '.quick-input-widget', /2\s*\/\s*4/);
      await wb.screenshot('filter-2-range');
      await wb.pickItem('Custom range…');

      await waitForText(wb.page, '.quick-input-widget', /Start of the range/);
      await wb.screenshot('filter-3-custom-start');
      await wb.typeInInput('2026-02-01');

      await waitForText(wb.page, '.quick-input-widget', /End of the range/);
      await typeWithoutEnter(wb, '2026-01-15');
      await waitForText(wb.page, '.quick-input-widget .quick-input-message', /end must be after the start/);
      await wb.screenshot('filter-4-custom-end-invalid');
      await wb.typeInInput('2026-03-02');

      await waitForText(wb.page, '.quick-input-widget', /5\s*\/\s*6/);
      await widget(wb.page).locator('.codicon-quick-input-back, [aria-label="Back"]').first().click();
      await waitForText(wb.page, '.quick-input-widget', /End of the range/);
      assert.strictEqual(await widget(wb.page).locator('input').first().inputValue(), '2026-03-02 23:59', 'back keeps the entered end');
      await wb.screenshot('filter-5-back-to-end');
      await pressOk(wb.page);

      await waitForText(wb.page, '.quick-input-widget', /Expired or deleted/);
      await wb.pickItem('Failed');
      await wb.screenshot('filter-6-statuses');
      await pressOk(wb.page);

      // The last step: resource types (CBR and CSBS only); none checked keeps every resource.
      await waitForText(wb.page, '.quick-input-widget', /6\s*\/\s*6/);
      await waitForText(wb.page, '.quick-input-widget', /SFS Turbo file system/);
      await wb.screenshot('filter-6b-resource-types');
      await pressOk(wb.page);

      const description = await waitForText(
        wb.page,
        '.part.sidebar .pane-header .description, .part.sidebar .composite.title, .part.sidebar .title-description',
        /manual/i,
      );
      assert.match(description, /failed/);
      await wb.screenshot('filter-7-applied');

      // Reopening pre-selects the current filter; Escape leaves it as it was.
      await wb.runCommand('Huawei Cloud Backups: Filter Backups…');
      await stepTitle(wb.page, /Filter Backups/);
      const checked = await widget(wb.page)
        .locator('.monaco-list-row[aria-checked="true"] .label-name, .monaco-list-row input:checked')
        .count();
      assert.ok(checked >= 1, 'Manual is pre-selected');
      await wb.page.mouse.move(700, 600); // no hover tooltip over the title
      await wb.screenshot('filter-8-reopened-preselected');
      await wb.page.keyboard.press('Escape');
      await waitForText(
        wb.page,
        '.part.sidebar .pane-header .description, .part.sidebar .composite.title, .part.sidebar .title-description',
        /manual.*failed/i,
      );
    });
  });
});
