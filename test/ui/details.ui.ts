// The detail panel and the instance timeline as a user sees them: the webview DOM inside its nested
// frame shows the datastore, the databases of a SQL Server backup and an explained DCS error code;
// screenshots in the dark, light and high-contrast themes, and of the timeline with its gap and
// size drop from the emulator's demo data.
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import { toArray, type RawRecord } from '../emulator/data/model';
import { writeWorkspaceSettings } from '../host/codeServer';
import { emulatorWorkspaceSettings } from '../host/emulatorWiring';
import { withWorkbench, type Workbench } from './harness';

const COMMAND = 'Huawei Cloud Backups: Show Backup Details';

/** The raw demo record of `instanceName`'s backups that `matches`, and its backup name. */
function demoRecord(wb: Workbench, service: 'rds' | 'dcs', instanceName: string, matches: (record: RawRecord) => boolean): RawRecord {
  const data = wb.emulator.data[service];
  const instance = toArray(data.instances).find((record) => record.name === instanceName);
  assert.ok(instance, `${instanceName} is not in the demo data`);
  const id = (instance.instance_id ?? instance.id) as string;
  const record = toArray(data.backups.get(id)!).find(matches);
  assert.ok(record, `no matching backup of ${instanceName} in the demo data`);
  return record;
}

/** Service → instance → backup, through the palette's picker. */
async function openFromPalette(wb: Workbench, serviceLabel: string, instanceName: string, backupName: string): Promise<Frame> {
  await wb.runCommand(COMMAND);
  await wb.pickItem(serviceLabel);
  await wb.pickItem(instanceName);
  await wb.pickItem(backupName);
  return wb.webviewFrame(backupName);
}

async function setTheme(wb: Workbench, theme: string): Promise<void> {
  writeWorkspaceSettings(wb.workspaceFolder, { ...emulatorWorkspaceSettings(wb.emulator), 'workbench.colorTheme': theme });
  const wantsLight = /light/i.test(theme);
  const wantsHighContrast = /high contrast/i.test(theme);
  await wb.page.waitForFunction(
    ([light, hc]) => {
      const classes = document.querySelector('.monaco-workbench')?.classList;
      if (!classes) return false;
      if (hc) return classes.contains('hc-black') || classes.contains('hc-light');
      return light ? classes.contains('vs') : classes.contains('vs-dark');
    },
    [wantsLight, wantsHighContrast] as const,
    { timeout: 20_000 },
  );
  // Webviews receive the new theme's variables asynchronously.
  await wb.page.waitForTimeout(1500);
}

async function text(frame: Frame, selector: string): Promise<string> {
  return ((await frame.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');
}

describe('details: detail panel and timeline in the workbench', function () {
  this.timeout(240_000);

  it('explains a failed DCS backup, lists SQL Server databases, in dark, light and high-contrast themes', async () => {
    await withWorkbench(async (wb) => {
      const dcsRecord = demoRecord(wb, 'dcs', 'sessions-redis', (r) => r.error_code === 'dcs.08.0002');
      const dcsName = dcsRecord.backup_name as string;
      const dcs = await openFromPalette(wb, 'DCS — Distributed Cache (Redis)', 'sessions-redis', dcsName);
      const status = await text(dcs, '#status');
      assert.match(status, /dcs\.08\.0002/);
      assert.match(status, /timed out/);
      assert.match(status, /执行超时/);
      assert.match(status, /failed/);
      assert.match(await text(dcs, '#identity'), /sessions-redis/);
      assert.match(await text(dcs, '#raw'), /"error_code": "dcs\.08\.0002"/);
      await wb.screenshot('details-dcs-failed-dark');

      const sqlRecord = demoRecord(wb, 'rds', 'reporting-sqlserver', (r) => Array.isArray(r.databases) && r.databases.length > 0);
      const sqlName = sqlRecord.name as string;
      const sql = await openFromPalette(wb, 'RDS — Relational Database', 'reporting-sqlserver', sqlName);
      const datastore = await text(sql, '#datastore');
      assert.match(datastore, /Engine SQLServer/);
      assert.match(datastore, /Version 2019_SE/);
      const databases = await sql.locator('#databases li').allTextContents();
      assert.deepStrictEqual(
        databases,
        (sqlRecord.databases as { name: string }[]).map((d) => d.name),
      );
      await wb.screenshot('details-rds-sqlserver-dark');

      await setTheme(wb, 'Default Light Modern');
      await wb.webviewFrame(sqlName);
      await wb.screenshot('details-rds-sqlserver-light');
      await wb.webviewFrame(dcsName);
      await wb.screenshot('details-dcs-failed-light');

      await setTheme(wb, 'Default High Contrast');
      await wb.webviewFrame(dcsName);
      await wb.screenshot('details-dcs-failed-high-contrast');
    });
  });

  it('draws the payments-mysql timeline with its gap and size drop', async () => {
    await withWorkbench(async (wb) => {
      await wb.openView();
      const rdsRow = (await wb.treeRows()).find((row) => row.label.startsWith('RDS'));
      assert.ok(rdsRow, 'RDS service node');
      if (!rdsRow.expanded) await rdsRow.locator.click();
      let payments;
      for (let i = 0; i < 100 && !payments; i++) {
        payments = (await wb.treeRows()).find((row) => row.label === 'payments-mysql');
        if (!payments) await wb.page.waitForTimeout(100);
      }
      assert.ok(payments, 'payments-mysql instance node');
      await payments.locator.click({ button: 'right' });
      await wb.page.locator('.context-view .action-label', { hasText: 'Show Backup Timeline' }).first().click();

      const frame = await wb.webviewFrame('Timeline: payments-mysql');
      await frame.locator('svg.timeline').waitFor({ state: 'visible', timeout: 20_000 });
      assert.ok((await frame.locator('svg.timeline .mark').count()) >= 20, 'one mark per backup');
      assert.strictEqual(await frame.locator('svg.timeline .gap').count(), 1);
      assert.match(await text(frame, 'svg.timeline .gap-label'), /no automatic backup for 5 days/);
      assert.strictEqual(await frame.locator('svg.timeline .drop').count(), 1);
      assert.match(await text(frame, '#findings'), /size dropped \d+% from the previous backup/);
      await wb.screenshot('timeline-payments-mysql-dark');

      // Clicking a mark opens that backup's detail panel.
      const mark = frame.locator('svg.timeline .drop').first();
      const backupId = await mark.getAttribute('data-backup-id');
      await frame.locator(`svg.timeline .mark[data-backup-id="${backupId}"]`).click();
      const details = await wb.webviewFrame('payments-mysql-');
      assert.match(await text(details, '#identity'), new RegExp(backupId!));
      await wb.screenshot('timeline-opened-details-dark');
    });
  });
});
