// The detail panel and the instance timeline as a user sees them: the webview DOM inside its nested
// frame shows the datastore, the databases of a SQL Server backup and an explained DCS error code;
// screenshots in the dark, light and high-contrast themes, and of the timeline with its gap and
// size drop from the emulator's demo data.
import * as assert from 'assert';
import { withWorkbench } from './harness';
import {
  contextMenu,
  demoRecord,
  filterToDemoMonth,
  openFromPalette,
  setTheme,
  shot,
  text,
  textOf,
  treeRow,
  valueCell,
} from './workbenchSteps';

describe('details: detail panel and timeline in the workbench', function () {
  this.timeout(300_000);

  it('explains a failed DCS backup, lists SQL Server databases, in dark, light and high-contrast themes', async () => {
    await withWorkbench(async (wb) => {
      await setTheme(wb, 'Default Dark Modern');
      await wb.openView();
      const dcsName = demoRecord(wb, 'dcs', 'sessions-redis', (r) => r.error_code === 'dcs.08.0002').backup_name as string;
      const dcs = await openFromPalette(wb, 'DCS — Distributed Cache (Redis)', 'sessions-redis', dcsName);
      const errorCode = valueCell(dcs, 'status', 'Error code');
      assert.strictEqual(await textOf(errorCode.locator('code')), 'dcs.08.0002');
      assert.match(await textOf(errorCode.locator('p[lang="en"]')), /timed out/);
      assert.match(await textOf(errorCode.locator('p[lang="zh"]')), /执行超时/);
      assert.match(await textOf(valueCell(dcs, 'status', 'Status')), /^failed /);
      assert.match(await text(dcs, '#identity'), /sessions-redis/);
      assert.match(await text(dcs, '#raw'), /"error_code": "dcs\.08\.0002"/);
      await shot(wb, dcs, '#status', 'details-dcs-failed-dark');

      const sqlRecord = demoRecord(wb, 'rds', 'reporting-sqlserver', (r) => Array.isArray(r.databases) && r.databases.length > 0);
      const sqlName = sqlRecord.name as string;
      const sql = await openFromPalette(wb, 'RDS — Relational Database', 'reporting-sqlserver', sqlName);
      assert.strictEqual(await textOf(valueCell(sql, 'datastore', 'Engine')), 'SQLServer');
      assert.strictEqual(await textOf(valueCell(sql, 'datastore', 'Version')), '2019_SE');
      const databases = await sql.locator('#databases li').allTextContents();
      assert.deepStrictEqual(
        databases,
        (sqlRecord.databases as { name: string }[]).map((d) => d.name),
      );
      await shot(wb, sql, '#databases', 'details-rds-sqlserver-dark');

      await setTheme(wb, 'Default Light Modern');
      await shot(wb, await wb.webviewFrame(sqlName), '#databases', 'details-rds-sqlserver-light');
      await shot(wb, await wb.webviewFrame(dcsName), '#status', 'details-dcs-failed-light');

      await setTheme(wb, 'Default High Contrast');
      await shot(wb, await wb.webviewFrame(dcsName), '#status', 'details-dcs-failed-high-contrast');
    });
  });

  it('shows a running DCS backup without an end or a duration, with how long it has run and its progress', async () => {
    // Anchored at the real clock, as in the demo, so "running for" reads as a person would see it.
    await withWorkbench(
      async (wb) => {
        await setTheme(wb, 'Default Dark Modern');
        await wb.openView();
        const record = demoRecord(wb, 'dcs', 'sessions-redis', (r) => r.status === 'backuping');
        const frame = await openFromPalette(wb, 'DCS — Distributed Cache (Redis)', 'sessions-redis', record.backup_name as string);
        assert.strictEqual(await textOf(valueCell(frame, 'timing', 'End')), 'not finished yet');
        assert.match(await textOf(valueCell(frame, 'timing', 'Running')), /^running for (\d+ d )?(\d+ h )?\d+ min$|^running for \d+ (d|h)/);
        assert.strictEqual(
          await frame
            .locator('#timing dt')
            .filter({ hasText: /^Duration$/ })
            .count(),
          0,
        );
        assert.match(await textOf(valueCell(frame, 'status', 'Progress')), /%$/);
        // One place for each fact: the progress is not repeated among the DCS details.
        assert.strictEqual(
          await frame
            .locator('dt')
            .filter({ hasText: /^Progress$/ })
            .count(),
          1,
        );
        await shot(wb, frame, '#timing', 'details-dcs-running-dark');
      },
      { now: new Date() },
    );
  });

  it('draws the payments-mysql timeline with its gap and size drop', async () => {
    await withWorkbench(async (wb) => {
      await setTheme(wb, 'Default Dark Modern');
      await wb.openView();
      await filterToDemoMonth(wb);
      const rdsRow = await treeRow(wb, (label) => label.startsWith('RDS'), 'RDS service');
      if (!rdsRow.expanded) await rdsRow.locator.click();
      const payments = await treeRow(wb, (label) => label === 'payments-mysql', 'payments-mysql');
      const timelineTab = wb.page.locator('.tabs-container .tab', { hasText: 'Timeline: payments-mysql' });
      await contextMenu(wb, payments, 'Show Backup Timeline', async () => (await timelineTab.count()) > 0);

      const frame = await wb.webviewFrame('Timeline: payments-mysql');
      await frame.locator('svg.timeline').waitFor({ state: 'visible', timeout: 20_000 });
      assert.ok((await frame.locator('svg.timeline .mark').count()) >= 20, 'one mark per backup');
      assert.strictEqual(await frame.locator('svg.timeline .gap').count(), 1);
      assert.match(await text(frame, 'svg.timeline .gap-label'), /no automatic backup for 5 days/);
      assert.strictEqual(await frame.locator('svg.timeline .drop').count(), 1);
      assert.match(await text(frame, '#findings'), /size dropped \d+% from the previous backup/);
      await shot(wb, frame, 'svg.timeline', 'timeline-payments-mysql-dark');

      // Clicking a mark opens that backup's detail panel.
      const backupId = await frame.locator('svg.timeline .drop').first().getAttribute('data-backup-id');
      await frame.locator(`svg.timeline .mark[data-backup-id="${backupId}"]`).click();
      const details = await wb.webviewFrame('payments-mysql-');
      assert.match(await text(details, '#identity'), new RegExp(backupId!));
      await shot(wb, details, '#identity', 'timeline-opened-details-dark');
    });
  });
});
