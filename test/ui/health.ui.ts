// Issue 14 as a user sees it: the tree's health badges, Show Backup Health's panel and Find Restore
// Point… on payments-mysql inside its 5-day gap, photographed. Anchored at the real clock (as in
// the demo), so the extension's own "now" and the demo data agree.
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import { withWorkbench, type Workbench } from './harness';
import { SECOND_REGION } from '../emulator/server';
import { CHINESE, contextMenu, pressOk, quickInputShows, setTheme, shot, text, treeRow, waitForText } from './workbenchSteps';

const DAY = 86_400_000;

/** `2026-11-20 10:02`, local time, as the moment input box takes it. */
function localInput(instant: number): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The webview titled `title` once it shows `selector`. The panels re-render (a scan's progress, then
 * its report; a sort), and each render replaces the webview's document: the frame is found again.
 */
async function frameShowing(wb: Workbench, title: string, selector: string): Promise<Frame> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const frame = await wb.webviewFrame(title);
    if (
      await frame
        .locator(selector)
        .count()
        .catch(() => 0)
    )
      return frame;
    if (Date.now() > deadline) throw new Error(`webview ${title} never showed ${selector}`);
    await wb.page.waitForTimeout(200);
  }
}

describe('health: restore point, backup health and tree badges in the workbench', function () {
  this.timeout(300_000);

  it('badges stale and failed instances, reports every finding, and finds the restore point in a gap', async () => {
    const now = new Date();
    await withWorkbench(
      async (wb) => {
        await setTheme(wb, 'Default Dark Modern');
        await wb.openView();
        await wb.resizeSideBar(420);

        // The badges: each service expanded (bottom first, so no click lands on a row that moved), its
        // visible instances probed once.
        for (const [acronym, child] of [
          ['GES', 'kg-archive'],
          ['DCS', 'ledger-redis'],
          ['RDS', 'payments-mysql'],
        ]) {
          const row = await treeRow(wb, (label) => label.startsWith(acronym), `${acronym} service`);
          if (!row.expanded) await row.locator.click();
          await treeRow(wb, (label) => label === child, child);
        }
        const archive = await treeRow(wb, (label) => label === 'kg-archive', 'kg-archive');
        const decorated = async () =>
          archive.locator.locator('.monaco-icon-label').evaluate((el) => el.className.includes('monaco-decoration'));
        for (let i = 0; i < 100 && !(await decorated()); i++) await wb.page.waitForTimeout(100);
        assert.ok(await decorated(), 'kg-archive carries a decoration');
        // The other probes (two at a time) finish shortly after.
        await wb.page.waitForTimeout(3000);
        await wb.page.mouse.move(1000, 400);
        await wb.page.waitForTimeout(500);
        await wb.screenshot('health-tree-badges-dark');

        // Show Backup Health from the palette.
        await wb.runCommand('Huawei Cloud Backups: Show Backup Health');
        const health = await frameShowing(wb, 'Backup Health', '#findings table');
        const findings = await text(health, '#findings');
        for (const name of ['payments-mysql', 'billing-pg', 'kg-archive', 'ledger-redis']) assert.match(findings, new RegExp(name));
        assert.match(findings, /ledger-redis Not scanned Could not be scanned: .*APIGW\.0302/);
        assert.match(await text(health, '#summary'), /RDS: \d+ stale, \d+ failed/);
        await shot(wb, health, '#summary', 'health-report-dark');
        // Sorting by name re-renders the table.
        // (A re-render replaces the webview's document: the frame is found again.)
        await health.locator('button[data-sort="name"]').click();
        for (let i = 0; i < 100; i++) {
          const frame = await wb.webviewFrame('Backup Health');
          if (
            await frame
              .locator('button[data-sort="name"][aria-pressed="true"]')
              .count()
              .catch(() => 0)
          )
            break;
          await wb.page.waitForTimeout(100);
        }

        // Find Restore Point… from the instance's context menu, at a moment 11 days ago: inside the gap.
        const payments = await treeRow(wb, (label) => label === 'payments-mysql', 'payments-mysql');
        const quickInput = wb.page.locator('.quick-input-widget');
        await contextMenu(wb, payments, 'Find Restore Point…', async () => quickInput.isVisible());
        await quickInputShows(wb, /to which moment/);
        await wb.pickItem('A time I type…');
        await wb.typeInInput(localInput(now.getTime() - 11 * DAY));
        const restore = await frameShowing(wb, 'Restore point: payments-mysql', '#verdict');
        const verdict = await text(restore, '#verdict');
        assert.match(verdict, /not inside any restorable range\. The nearest restorable moment before it is/);
        assert.match(verdict, /Data-loss window: \d+ days/);
        assert.match(await text(restore, '#best'), /restore payments-mysql-/);
        assert.match(await text(restore, '#coverage'), /time filter/);
        await shot(wb, restore, '#verdict', 'restore-point-payments-mysql-gap-dark');
        await shot(wb, restore, '#backups', 'restore-point-payments-mysql-backups-dark');
      },
      { now, settings: { 'hwcBackups.health.decorateTree': true } },
    );
  });

  it('in Chinese: counts the badges on two regions and their connection, and shows the report and a restore point', async () => {
    const now = new Date();
    await withWorkbench(
      async (wb) => {
        await wb.openView();
        await wb.resizeSideBar(420);
        // A second region for the default connection: the tree becomes connection → region → service.
        await wb.runCommand('华为云备份: 显示或隐藏区域…');
        await waitForText(wb.page, '.quick-input-widget', /“default”的区域/);
        await wb.page.locator('.quick-input-widget input').first().fill(SECOND_REGION);
        await wb.pickItem(SECOND_REGION);
        await pressOk(wb.page);
        await treeRow(wb, (label) => label === SECOND_REGION, SECOND_REGION);

        // One scan covers both regions; the badges follow its report.
        await wb.runCommand('华为云备份: 查看备份健康状况');
        const health = await frameShowing(wb, '备份健康状况', '#findings table');
        const summary = await text(health, '#summary');
        assert.match(summary, /cn-north-4/);
        assert.match(summary, new RegExp(SECOND_REGION));
        await shot(wb, health, '#summary', 'zh-cn-health-report');

        for (const region of ['cn-north-4', SECOND_REGION]) {
          const row = await treeRow(wb, (label) => label === region, region);
          const decorated = () => row.locator.locator('.monaco-icon-label').evaluate((el) => el.className.includes('monaco-decoration'));
          for (let i = 0; i < 100 && !(await decorated()); i++) await wb.page.waitForTimeout(100);
          assert.ok(await decorated(), `${region} carries a count`);
        }
        await wb.page.mouse.move(1000, 400);
        await wb.screenshot('zh-cn-health-badges-two-regions');

        // Find Restore Point… from an instance's context menu, in Chinese.
        const rds = (await wb.treeRows()).find((row) => row.label.startsWith('RDS') && row.level === 3);
        assert.ok(rds, 'the RDS node of cn-north-4');
        if (!rds.expanded) await rds.locator.click();
        const payments = await treeRow(wb, (label) => label === 'payments-mysql', 'payments-mysql');
        const quickInput = wb.page.locator('.quick-input-widget');
        await contextMenu(wb, payments, '查找恢复点…', async () => quickInput.isVisible());
        await quickInputShows(wb, /恢复到哪个时刻/);
        await wb.pickItem('输入时间…');
        await wb.typeInInput(localInput(now.getTime() - 11 * DAY));
        const restore = await frameShowing(wb, '恢复点：payments-mysql', '#verdict');
        assert.doesNotMatch(await text(restore, '#verdict'), /restorable range|Data-loss window/);
        await shot(wb, restore, '#verdict', 'zh-cn-restore-point-gap');

        // With two regions shown the palette's pickers ask for the connection and region first.
        await wb.runCommand(CHINESE.showDetails);
        await waitForText(
          wb.page,
          '.quick-input-widget',
          new RegExp(`查看备份详情[\\s\\S]*1\\s*/\\s*4[\\s\\S]*default · ${SECOND_REGION}`),
        );
        await wb.screenshot('zh-cn-palette-scope-step');
        await wb.page.keyboard.press('Escape');

        // Show or Hide Connections…, in Chinese.
        await wb.runCommand('华为云备份: 显示或隐藏连接…');
        await waitForText(wb.page, '.quick-input-widget', /显示或隐藏连接[\s\S]*default[\s\S]*cn-north-4、ap-southeast-1/);
        await wb.screenshot('zh-cn-show-hide-connections');
        await wb.page.keyboard.press('Escape');
      },
      { now, locale: 'zh-cn', settings: { 'hwcBackups.health.decorateTree': true } },
    );
  });
});
