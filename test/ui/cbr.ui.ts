// CBR as a user sees it (issue 12): a vault's backups in the tree, and a failed CBR backup's detail
// panel with its CBR details. Screenshots: test-results/screenshots/cbr-*.png.
import * as assert from 'assert';
import { toArray } from '../emulator/data/model';
import { CBR_NAMES } from '../emulator/data/cbr';
import { withWorkbench, type Workbench } from './harness';

const CBR = 'CBR — Cloud Backup and Recovery';

/** Clicks the tree row labelled `label` (expanding it) once it is rendered. */
async function clickRow(wb: Workbench, label: string): Promise<void> {
  const row = await wb.treeRow(label);
  await row.locator.click();
}

describe('CBR in the workbench', function () {
  this.timeout(300_000);

  it("shows a vault's backups and a failed CBR backup's panel", async () => {
    await withWorkbench(
      async (wb) => {
        await wb.openView();
        await wb.resizeSideBar(640);
        await clickRow(wb, CBR);
        await wb.treeRow(CBR_NAMES.servers);
        await clickRow(wb, CBR_NAMES.servers);
        await wb.treeRow(/^Load 10 more…/);
        // The vault's own row is redrawn with its count just after its children: wait for it.
        const described = /^server · 183 GB of 500 GB · 3 resources · 31 backups \(10 shown\)$/;
        let description = '';
        for (let i = 0; i < 100 && !described.test(description); i++) {
          if (i) await wb.page.waitForTimeout(100);
          description = (await wb.treeRows()).find((row) => row.label === CBR_NAMES.servers)?.description ?? '';
        }
        assert.match(description, described);
        const rows = await wb.treeRows();
        assert.ok(
          rows.some((row) => /^(app|db)-0\d · auto · (incremental|full) · /.test(row.description)),
          JSON.stringify(rows.map((row) => row.description)),
        );
        await wb.screenshot('cbr-vault-backups');

        // A failed backup's panel, through the palette's picker like any other service's.
        const data = wb.emulator.data.cbr;
        const vaultId = toArray(data.instances).find((record) => record.name === CBR_NAMES.servers)!.id as string;
        const failed = toArray(data.backups.get(vaultId)!).find((record) => record.status === 'error')!;
        await wb.runCommand('Huawei Cloud Backups: Show Backup Details');
        // Each step of the picker replaces the last one's items: give it a moment to.
        for (const label of [CBR, CBR_NAMES.servers, failed.name as string]) {
          await wb.page.waitForTimeout(800);
          await wb.pickItem(label);
        }
        const frame = await wb.webviewFrame(failed.name as string);
        const details = frame.locator('#service-specific');
        await details.waitFor({ state: 'visible', timeout: 20_000 });
        const text = ((await details.textContent()) ?? '').replace(/\s+/g, ' ');
        for (const term of [
          'Checkpoint ID',
          'Resource',
          'Resource type',
          'Resource AZ',
          'Protected at',
          'Expires at',
          'Incremental',
          'Restore modes',
          'Child backups',
        ]) {
          assert.ok(text.includes(term), `${term} in: ${text}`);
        }
        assert.match(((await frame.locator('#status').textContent()) ?? '').replace(/\s+/g, ' '), /failed/);
        await details.scrollIntoViewIfNeeded();
        await wb.page.waitForTimeout(700);
        await wb.screenshot('cbr-details-failed');
      },
      { settings: { 'hwcBackups.pageSize': 10 } },
    );
  });
});
