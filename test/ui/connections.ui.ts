// Connections and regions as a person sets them up: Add Connection… through the real input boxes
// (account B of the emulator), Show or Hide Regions… for the default connection (a second region
// and one without a project), and the tree connection → region → service with a region's error
// node beside working ones; Show Backup Details from the palette asks for the connection and region;
// Show or Hide Connections… hides one. Screenshot: connections-two-regions.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ACCOUNT_B_CREDENTIALS, FAILING_REGION, SECOND_REGION } from '../emulator/server';
import { withWorkbench } from './harness';
import { pressOk, treeRow, waitForText } from './workbenchSteps';

describe('connections UI: two connections, several regions', function () {
  this.timeout(300_000);

  it('adds a connection, shows three regions of the default one, and keeps a failing region to itself', async () => {
    await withWorkbench(async (wb) => {
      await wb.openView();
      await wb.resizeSideBar(480);

      await wb.runCommand('Huawei Cloud Backups: Add Connection…');
      await waitForText(wb.page, '.quick-input-widget', /A name for this connection/);
      await wb.typeInInput('staging');
      await waitForText(wb.page, '.quick-input-widget', /Access key/);
      await wb.typeInInput(ACCOUNT_B_CREDENTIALS.accessKey);
      await waitForText(wb.page, '.quick-input-widget', /Secret access key/);
      await wb.typeInInput(ACCOUNT_B_CREDENTIALS.secretKey);
      await waitForText(wb.page, '.quick-input-widget', /Security token/);
      await wb.typeInInput('');
      await waitForText(wb.page, '.quick-input-widget', /Regions of "staging"/);
      await pressOk(wb.page); // hwcBackups.region, checked already
      await wb.notification(/Connection "staging" added/);

      await wb.runCommand('Huawei Cloud Backups: Show or Hide Regions…');
      await waitForText(wb.page, '.quick-input-widget', /staging/);
      await wb.pickItem('default');
      await waitForText(wb.page, '.quick-input-widget', /Regions of "default"/);
      // Typing filters the list (Enter would accept it); a click toggles a region.
      await wb.page.locator('.quick-input-widget input').first().fill(SECOND_REGION);
      await wb.pickItem(SECOND_REGION);
      await wb.page.locator('.quick-input-widget input').first().fill(FAILING_REGION);
      await wb.pickItem(FAILING_REGION);
      await pressOk(wb.page);

      await treeRow(wb, (label) => label === 'staging', 'the staging connection');
      const failing = await treeRow(wb, (label) => label === FAILING_REGION, FAILING_REGION);
      if (!failing.expanded) await failing.locator.click();
      const error = await wb.treeRow(/^NO_PROJECT · /);
      assert.match(error.label, /Show or Hide Regions/);
      const second = await treeRow(wb, (label) => label === SECOND_REGION, SECOND_REGION);
      assert.ok(second.expanded, 'regions open expanded');
      const rdsRows = (await wb.treeRows()).filter((row) => row.label.startsWith('RDS'));
      assert.ok(rdsRows.length >= 3, `an RDS node per working region: ${rdsRows.length}`);
      await rdsRows[1].locator.click();
      await wb.treeRow(/^hk-/);
      await wb.page.mouse.move(900, 400);
      await wb.screenshot('connections-two-regions');

      // The palette's Show Backup Details asks where first when the tree shows several scopes,
      // and the backup it opens is that region's (hk-… exists only in the second region).
      await wb.runCommand('Huawei Cloud Backups: Show Backup Details');
      await waitForText(wb.page, '.quick-input-widget', /1\s*\/\s*4/);
      await wb.screenshot('connections-palette-scope-step');
      // A region whose instances cannot be listed says why and asks for the connection and region again.
      await wb.pickItem(`default · ${FAILING_REGION}`);
      await waitForText(wb.page, '.quick-input-widget', /2\s*\/\s*4/);
      await wb.pickItem('RDS — Relational Database');
      await waitForText(wb.page, '.quick-input-widget', new RegExp(`1\\s*/\\s*4[\\s\\S]*default · ${SECOND_REGION}`));
      await wb.pickItem(`default · ${SECOND_REGION}`);
      await waitForText(wb.page, '.quick-input-widget', /2\s*\/\s*4/);
      await wb.pickItem('RDS — Relational Database');
      await waitForText(wb.page, '.quick-input-widget', /3\s*\/\s*4/);
      await wb.pickItem('hk-orders-mysql');
      await waitForText(wb.page, '.quick-input-widget', /4\s*\/\s*4/);
      await waitForText(wb.page, '.quick-input-widget', /hk-orders-mysql-\d{8}/);
      // Back from the backups reopens the instance list of that region and service.
      await wb.page.locator('.quick-input-widget').locator('.codicon-quick-input-back, [aria-label="Back"]').first().click();
      await waitForText(wb.page, '.quick-input-widget', /3\s*\/\s*4[\s\S]*hk-billing-pg/);
      await wb.pickItem('hk-orders-mysql');
      await waitForText(wb.page, '.quick-input-widget', /4\s*\/\s*4[\s\S]*hk-orders-mysql-\d{8}/);
      await pressOk(wb.page); // the newest backup
      const frame = await wb.webviewFrame('hk-orders-mysql-');
      await waitForText(frame, 'body', /hk-orders-mysql/);

      // Show or Hide Connections…: unticking staging takes it out of the tree; its keys stay.
      await wb.runCommand('Huawei Cloud Backups: Show or Hide Connections…');
      await waitForText(wb.page, '.quick-input-widget', /Show or Hide Connections[\s\S]*staging/);
      await wb.pickItem('staging');
      await pressOk(wb.page);
      for (let i = 0; i < 100 && (await wb.treeRows()).some((row) => row.label === 'staging'); i++) await wb.page.waitForTimeout(100);
      const labels = (await wb.treeRows()).map((row) => row.label);
      assert.ok(!labels.includes('staging') && labels.includes('default'), labels.join(', '));
    });
  });

  it('imports a connection from an SDK credentials file through the real dialogs: problems, pick, consent, regions', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-ui-credentials-'));
    const file = path.join(dir, 'credentials');
    const { accessKey, secretKey } = ACCOUNT_B_CREDENTIALS;
    fs.writeFileSync(
      file,
      `# by hand\n[staging]\nak = ${accessKey}\nsk = ${secretKey}\n\n[broken]\nak = AKONLY00000000000001\nthis is not ini\n`,
    );
    try {
      await withWorkbench(
        async (wb) => {
          await wb.openView();
          await wb.resizeSideBar(480);
          await wb.runCommand('Huawei Cloud Backups: Import Connections…');
          // What could not be read comes first, naming the file and the line, and is closed before the pick.
          const dialog = wb.page.locator('.monaco-dialog-box');
          await waitForText(wb.page, '.monaco-dialog-box', /Line 8 of \S+credentials is neither a \[section\] nor a key = value pair/);
          await wb.screenshot('connections-import-problems');
          await dialog.getByRole('button', { name: 'OK' }).click();
          await waitForText(wb.page, '.quick-input-widget', /Import Connections[\s\S]*staging/);
          await pressOk(wb.page); // staging, ticked
          await waitForText(wb.page, '.monaco-dialog-box', /Copy the keys of staging into VS Code's secret storage\?/);
          await dialog.getByRole('button', { name: 'Import Keys' }).click();
          await waitForText(wb.page, '.quick-input-widget', /Regions of "staging"/);
          await pressOk(wb.page); // hwcBackups.region, checked already
          await wb.notification(/Imported staging\./);
          await treeRow(wb, (label) => label === 'default', 'the default connection');
          await treeRow(wb, (label) => label === 'staging', 'the imported connection');
          const rds = (await wb.treeRows()).filter((row) => row.label.startsWith('RDS'));
          await rds[rds.length - 1].locator.click();
          await wb.treeRow(/^b-/);
          await wb.screenshot('connections-imported');
        },
        { installed: true, env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: file } },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
