// The detail panel and the instance timeline as a user sees them: the webview DOM inside its nested
// frame shows the datastore, the databases of a SQL Server backup and an explained DCS error code;
// screenshots in the dark, light and high-contrast themes, and of the timeline with its gap and
// size drop from the emulator's demo data.
import * as assert from 'assert';
import type { Frame, Locator } from 'playwright-core';
import { toArray, type RawRecord } from '../emulator/data/model';
import { writeWorkspaceSettings } from '../host/codeServer';
import { emulatorWorkspaceSettings, FIXED_NOW } from '../host/emulatorWiring';
import { withWorkbench, type Workbench } from './harness';

const COMMAND = 'Huawei Cloud Backups: Show Backup Details';

/** The raw demo record of `instanceName`'s backups that `matches`. */
function demoRecord(wb: Workbench, service: 'rds' | 'dcs', instanceName: string, matches: (record: RawRecord) => boolean): RawRecord {
  const data = wb.emulator.data[service];
  const instance = toArray(data.instances).find((record) => record.name === instanceName);
  assert.ok(instance, `${instanceName} is not in the demo data`);
  const id = (instance.instance_id ?? instance.id) as string;
  const record = toArray(data.backups.get(id)!).find(matches);
  assert.ok(record, `no matching backup of ${instanceName} in the demo data`);
  return record;
}

/** Waits until the open quick input (its placeholder, prompt or title) matches `pattern`. */
async function quickInputShows(wb: Workbench, pattern: RegExp): Promise<void> {
  const widget = wb.page.locator('.quick-input-widget');
  for (let i = 0; i < 200; i++) {
    if (await widget.isVisible().catch(() => false)) {
      const placeholder =
        (await widget
          .locator('input')
          .first()
          .getAttribute('placeholder')
          .catch(() => null)) ?? '';
      const shown = `${placeholder} ${(await widget.textContent().catch(() => null)) ?? ''}`;
      if (pattern.test(shown)) return;
    }
    await wb.page.waitForTimeout(100);
  }
  throw new Error(`the quick input never showed ${pattern}`);
}

/** Service → instance → backup, through the palette's picker. */
async function openFromPalette(wb: Workbench, serviceLabel: string, instanceName: string, backupName: string): Promise<Frame> {
  await wb.runCommand(COMMAND);
  await quickInputShows(wb, /Show Backup Details \(1\/3\)|Service/);
  await wb.pickItem(serviceLabel);
  await quickInputShows(wb, /\(2\/3\)/);
  await wb.pickItem(instanceName);
  await quickInputShows(wb, /\(3\/3\)/);
  await wb.pickItem(backupName);
  return wb.webviewFrame(backupName);
}

/**
 * The demo data is anchored at FIXED_NOW, not today, so the tree's filter gets the 30 days before
 * it: the timeline draws the filter's time range.
 */
async function filterToDemoMonth(wb: Workbench): Promise<void> {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await wb.runCommand('Huawei Cloud Backups: Filter Backups…');
  await quickInputShows(wb, /1\s*\/\s*4/); // types
  await wb.typeInInput(''); // nothing checked: every type
  await quickInputShows(wb, /2\s*\/\s*4/); // time range
  await wb.pickItem('Custom range…');
  await quickInputShows(wb, /3\s*\/\s*6/); // custom start
  await wb.typeInInput(iso(FIXED_NOW.getTime() - 30 * 86_400_000));
  await quickInputShows(wb, /4\s*\/\s*6/); // custom end
  await wb.typeInInput(iso(FIXED_NOW.getTime()));
  await quickInputShows(wb, /5\s*\/\s*6/); // statuses
  await wb.typeInInput(''); // nothing checked: every status
  await quickInputShows(wb, /6\s*\/\s*6/); // resource types
  await wb.typeInInput(''); // nothing checked: every resource
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 20_000 });
}

async function setTheme(wb: Workbench, theme: string): Promise<void> {
  writeWorkspaceSettings(wb.workspaceFolder, { ...emulatorWorkspaceSettings(wb.emulator), 'workbench.colorTheme': theme });
  const light = /light/i.test(theme);
  const highContrast = /high contrast/i.test(theme);
  await wb.page.waitForFunction(
    ([wantsLight, wantsHighContrast]) => {
      const classes = document.querySelector('.monaco-workbench')?.classList;
      if (!classes) return false;
      if (wantsHighContrast) return classes.contains('hc-black') || classes.contains('hc-light');
      return wantsLight ? classes.contains('vs') : classes.contains('vs-dark');
    },
    [light, highContrast] as const,
    { timeout: 20_000 },
  );
  // Webviews receive the new theme's variables asynchronously.
  await wb.page.waitForTimeout(1500);
}

/** Rendered text on one line (innerText keeps the layout's space between a dt and its dd). */
async function text(frame: Frame, selector: string): Promise<string> {
  const rendered = await frame
    .locator(selector)
    .first()
    .evaluate((el) => (el instanceof HTMLElement ? el.innerText : (el.textContent ?? '')));
  return rendered.replace(/\s+/g, ' ');
}

/**
 * The value cell (dd) of `term` in the definition list of section `sectionId`. Read with
 * textContent, never innerText: innerText of a frame that is not laid out (yet) runs a dt into
 * its dd ("EngineSQLServer").
 */
function valueCell(frame: Frame, sectionId: string, term: string): Locator {
  const termCell = frame.locator(`#${sectionId} dt`).filter({ hasText: new RegExp(`^${term}$`) });
  return termCell.locator('xpath=following-sibling::dd[1]');
}

/** The text of the single element `locator` finds, whitespace collapsed. */
async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent({ timeout: 20_000 })) ?? '').replace(/\s+/g, ' ').trim();
}

/** Scrolls `selector` into view in the webview and saves a screenshot once it has painted. */
async function shot(wb: Workbench, frame: Frame, selector: string, name: string): Promise<void> {
  const target = frame.locator(selector).first();
  await target.waitFor({ state: 'visible', timeout: 20_000 });
  await target.scrollIntoViewIfNeeded();
  await wb.page.waitForTimeout(700);
  await wb.screenshot(name);
}

/** The tree row whose label `matches`, once the tree has loaded it. */
async function treeRow(wb: Workbench, matches: (label: string) => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    const row = (await wb.treeRows()).find((candidate) => matches(candidate.label));
    if (row) return row;
    await wb.page.waitForTimeout(100);
  }
  throw new Error(`tree row ${what} did not appear`);
}

/** Right-clicks `row` and runs its context menu item `label`, retrying while the menu animates in. */
async function contextMenu(wb: Workbench, row: { locator: Locator }, label: string, ran: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await row.locator.click({ button: 'right' });
    const item = wb.page.locator('.context-view .action-menu-item', { hasText: label }).first();
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    await wb.page.waitForTimeout(300);
    await item.click();
    for (let i = 0; i < 50; i++) {
      if (await ran()) return;
      await wb.page.waitForTimeout(100);
    }
    await wb.page.keyboard.press('Escape');
  }
  throw new Error(`context menu item ${label} did not run`);
}

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
