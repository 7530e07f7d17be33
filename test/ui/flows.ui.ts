// The tree's and palette's longer flows as a user runs them in the browser: Load All with its
// progress notification, Export Backups… through VS Code's own save dialog, Find Backup by ID…,
// Show Failed Backups… and Select Region…. Each state is saved to test-results/screenshots/flows-*.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { toArray, type RawRecord } from '../emulator/data/model';
import { parseCsv } from '../support/csv';
import { withWorkbench, type TreeRow, type Workbench } from './harness';

const RDS = 'RDS — Relational Database';
const DCS = 'DCS — Distributed Cache (Redis)';
/** Small pages, so that Load All and reveal have several pages to fetch. */
const PAGE_SIZE = 10;
const SETTINGS = { 'hwcBackups.pageSize': PAGE_SIZE };
const TIMEOUT_MS = 30_000;

async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  describe: () => Promise<string> = async () => '',
  timeoutMs = TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for a rendered tree row that `matches`; the error lists what the tree showed. */
function row(wb: Workbench, what: string, matches: (row: TreeRow) => boolean): Promise<TreeRow> {
  return waitUntil(
    what,
    async () => (await wb.treeRows()).find(matches),
    async () =>
      `; the tree shows:\n${(await wb.treeRows()).map((r) => `${'  '.repeat(r.level - 1)}${r.label} | ${r.description}`).join('\n')}`,
  );
}

/** Expands the collapsed row `label` and waits for its first child, the row right below it. */
async function expand(wb: Workbench, label: string): Promise<TreeRow> {
  const target = await row(wb, `row "${label}"`, (r) => r.label === label);
  if (!target.expanded) await target.locator.click();
  await waitUntil(`the children of "${label}"`, async () => {
    const rows = await wb.treeRows();
    const index = rows.findIndex((r) => r.label === label && r.expanded === true);
    return index >= 0 && rows[index + 1]?.level === target.level + 1 ? true : undefined;
  });
  return target;
}

/** Scrolls the tree with the mouse wheel (as a user would) until `probe` finds what it looks for. */
async function scrollTreeUntil<T>(wb: Workbench, what: string, deltaY: number, probe: () => Promise<T | undefined>): Promise<T> {
  const box = await wb.page.locator('.part.sidebar .customview-tree').boundingBox();
  assert.ok(box, 'the tree is not shown');
  await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  return waitUntil(what, async () => {
    const found = await probe();
    if (found === undefined) await wb.page.mouse.wheel(0, deltaY);
    return found;
  });
}

/** The open quick input's text (title, step, prompt, messages) and its input's placeholder. */
async function quickInputText(page: Page): Promise<string> {
  const widget = page.locator('.quick-input-widget');
  if (!(await widget.isVisible().catch(() => false))) return '';
  const placeholder =
    (await widget
      .locator('input')
      .first()
      .getAttribute('placeholder')
      .catch(() => null)) ?? '';
  return `${placeholder} ${(await widget.innerText().catch(() => '')).replace(/\s+/g, ' ')}`;
}

async function quickInputShows(wb: Workbench, pattern: RegExp): Promise<void> {
  await waitUntil(
    `the quick input to show ${pattern}`,
    async () => (pattern.test(await quickInputText(wb.page)) ? true : undefined),
    async () => ` (it shows: ${await quickInputText(wb.page)})`,
  );
}

/** The quick pick's rendered rows: label, description and detail. */
async function quickPickRows(page: Page): Promise<{ label: string; description: string; detail: string }[]> {
  return page.locator('.quick-input-widget .monaco-list-row').evaluateAll((elements) =>
    elements.map((el) => ({
      label: el.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: el.querySelector('.label-description')?.textContent?.trim() ?? '',
      detail: el.querySelectorAll('.quick-input-list-row')[1]?.textContent?.trim() ?? '',
    })),
  );
}

/** The raw demo records of `instanceName`'s backups. */
function demoBackups(wb: Workbench, service: 'rds' | 'dcs', instanceName: string): RawRecord[] {
  const data = wb.emulator.data[service];
  const instance = toArray(data.instances).find((record) => record.name === instanceName);
  assert.ok(instance, `${instanceName} is not in the demo data`);
  return toArray(data.backups.get((instance.instance_id ?? instance.id) as string)!);
}

/**
 * Answers VS Code's own save dialog (a quick input over the remote file system) as a user types:
 * the folder first, which the dialog opens (Enter on a path in another folder only navigates
 * there), then the file name. `filePath` must be in an empty folder.
 */
async function typeInSaveDialog(wb: Workbench, filePath: string): Promise<void> {
  const input = wb.page.locator('.quick-input-widget input').first();
  await input.fill(`${path.dirname(filePath)}/`);
  // The empty folder lists only "..".
  await waitUntil(`the save dialog to open ${path.dirname(filePath)}`, async () => {
    const labels = (await quickPickRows(wb.page)).map((r) => r.label);
    return labels.length === 1 && labels[0] === '..' ? true : undefined;
  });
  await input.fill(filePath);
  await input.press('Enter');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
}

/** Waits until the progress notification titled `title` has closed (it stays at least 800 ms). */
async function progressEnded(wb: Workbench, title: string): Promise<void> {
  await wb.page.locator('.notification-list-item', { hasText: title }).first().waitFor({ state: 'detached', timeout: TIMEOUT_MS });
}

/** Moves the pointer off the workbench's widgets so no hover covers a screenshot. */
async function parkPointer(wb: Workbench): Promise<void> {
  await wb.page.mouse.move(1380, 450);
}

describe('flows: Load All, Export, Find Backup by ID, Show Failed Backups and Select Region in the browser', function () {
  this.timeout(400_000);

  it('loads all 143 backups of orders-mysql under a progress notification, then exports them to CSV through the save dialog', async () => {
    const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-ui-export-'));
    try {
      await withWorkbench(
        async (wb) => {
          await wb.openView();
          await wb.resizeSideBar(620);
          await expand(wb, RDS);
          await expand(wb, 'orders-mysql');
          await row(wb, 'the first page', (r) => r.label === `Load ${PAGE_SIZE} more… (${PAGE_SIZE} of 143)`);

          // 1. Load All. Every backup page answers slowly while it runs, so its notification can be seen.
          wb.emulator.injectFault({ kind: 'latency', latencyMs: 2500, service: 'rds', pathIncludes: '/backups' });
          const instance = await row(wb, 'orders-mysql', (r) => r.label === 'orders-mysql');
          await wb.contextMenu(instance, 'Load All');
          const progress = await wb.notification(/Loading all backups of orders-mysql/);
          // Once pages arrive, the notification counts them and the tree shows them as they come.
          await waitUntil('the notification and the tree counting the same pages', async () => {
            const loaded = /\b(\d+) of 143\b/.exec(await progress.innerText())?.[1];
            const description = (await wb.treeRows()).find((r) => r.label === 'orders-mysql')?.description ?? '';
            return loaded && description.endsWith(`143 backups (${loaded} shown) · loading more…`) ? true : undefined;
          });
          await parkPointer(wb);
          await wb.screenshot('flows-load-all-progress');
          await row(
            wb,
            'orders-mysql with every backup loaded',
            (r) => r.label === 'orders-mysql' && /(^| · )143 backups$/.test(r.description),
          );
          wb.emulator.clearFaults();
          await progress.waitFor({ state: 'detached', timeout: TIMEOUT_MS });

          await parkPointer(wb);
          await wb.screenshot('flows-load-all-done');

          // Every backup is a child: 143 siblings (a "Load more" node would be the 144th), the last one a backup.
          const backupRows = wb.page.locator(`.part.sidebar .customview-tree .monaco-list-row[aria-level="${instance.level + 1}"]`);
          assert.strictEqual(await backupRows.first().getAttribute('aria-setsize'), '143');
          const lastBackup = backupRows.and(wb.page.locator('[aria-posinset="143"]'));
          await scrollTreeUntil(wb, 'the last backup of orders-mysql', 600, async () =>
            (await lastBackup.count()) > 0 ? true : undefined,
          );
          const lastIndex = Number(await lastBackup.getAttribute('data-index'));
          const below = wb.page.locator(`.part.sidebar .customview-tree .monaco-list-row[data-index="${lastIndex + 1}"]`);
          assert.ok(Number(await below.getAttribute('aria-level')) <= instance.level, 'the row after the last backup is the next instance');
          assert.ok(!(await wb.treeRows()).some((r) => r.label.startsWith('Load ')), 'no "Load more" row is left');
          await parkPointer(wb);
          await wb.screenshot('flows-load-all-end');
          // Back to the top: the first backup shows right below orders-mysql (while scrolled, orders-mysql stays pinned over it).
          const firstBackup = backupRows.and(wb.page.locator('[aria-posinset="1"]'));
          await scrollTreeUntil(wb, 'the top of the tree', -5000, async () => {
            const backupBox = (await firstBackup.count()) > 0 ? await firstBackup.boundingBox() : null;
            const instanceBox = await (await row(wb, 'orders-mysql', (r) => r.label === 'orders-mysql')).locator.boundingBox();
            return backupBox && instanceBox && backupBox.y >= instanceBox.y + instanceBox.height - 1 ? true : undefined;
          });

          // 2. Export Backups… from the instance's context menu, into a file typed into the save dialog.
          const exported = path.join(exportDir, 'orders-mysql.csv');
          await wb.contextMenu(await row(wb, 'orders-mysql', (r) => r.label === 'orders-mysql'), 'Export Backups…');
          await quickInputShows(wb, /Export backups of orders-mysql/);
          await wb.screenshot('flows-export-save-dialog');
          await typeInSaveDialog(wb, exported);
          const done = await wb.notification(/Exported \d+ backups of orders-mysql/);
          assert.match(await done.innerText(), /Exported 143 backups of orders-mysql to orders-mysql\.csv/);
          await parkPointer(wb);
          await wb.screenshot('flows-export-done');

          const text = fs.readFileSync(exported, 'utf8');
          const rows = parseCsv(text.replace(/^\uFEFF/, ''));
          assert.deepStrictEqual(rows[0].slice(0, 4), ['service', 'instance_id', 'instance_name', 'backup_id']);
          const ids = rows.slice(1).map((r) => r[3]);
          assert.strictEqual(ids.length, 143, 'one data row per backup');
          assert.strictEqual(new Set(ids).size, 143, 'no backup twice');
          assert.ok(!text.includes(wb.emulator.credentials.secretKey), 'the export holds no secret key');
        },
        { settings: SETTINGS, installed: true },
      );
    } finally {
      fs.rmSync(exportDir, { recursive: true, force: true });
    }
  });

  it('finds a DCS backup by id and reveals it, lists failed backups with their error codes, and offers the regions', async () => {
    await withWorkbench(
      async (wb) => {
        await wb.openView();
        await wb.resizeSideBar(620);

        // 3. Find Backup by ID…: the oldest backup of sessions-redis, pages beyond the first.
        const sessions = demoBackups(wb, 'dcs', 'sessions-redis');
        const target = sessions[sessions.length - 1];
        const targetId = target.backup_id as string;
        const targetName = target.backup_name as string;
        assert.ok(sessions.length > 2 * PAGE_SIZE, 'the backup is beyond the first two pages');
        await wb.runCommand('Huawei Cloud Backups: Find Backup by ID…');
        await quickInputShows(wb, /Find Backup by ID/);
        await wb.typeInInput(targetId);
        const found = await wb.notification(/Found backup/);
        assert.match(await found.innerText(), new RegExp(`Found backup "${targetName}" in DCS sessions-redis\\.`));
        await progressEnded(wb, 'Finding backup');
        const selected = await row(wb, 'the revealed backup', (r) => r.selected);
        assert.strictEqual(selected.label, targetName);
        assert.ok(
          (await wb.treeRows()).some((r) => r.label === DCS && r.expanded),
          'DCS is expanded',
        );
        await parkPointer(wb);
        await wb.screenshot('flows-find-by-id-revealed');
        await found.getByRole('button', { name: 'Show Details' }).click();
        const details = await wb.webviewFrame(targetName);
        await details.locator('#identity', { hasText: targetId }).waitFor({ state: 'visible', timeout: TIMEOUT_MS });

        // 4. Show Failed Backups…: every service, any time (the demo data is older than the presets' ranges).
        await wb.runCommand('Huawei Cloud Backups: Show Failed Backups…');
        await quickInputShows(wb, /Services to scan/);
        const checked = await wb.page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]').count();
        assert.strictEqual(checked, 6, 'every service is checked to begin with');
        await wb.typeInInput('');
        await quickInputShows(wb, /Failed in…/);
        await wb.pickItem('Any time');
        await quickInputShows(wb, /Show Failed Backups: \d+ found/);
        await progressEnded(wb, 'Scanning for failed backups');
        const failed = await quickPickRows(wb.page);
        assert.ok(
          failed.some((r) => r.label === 'pre-migration' && /^RDS · orders-mysql · /.test(r.description)),
          'the newest failed backups come first',
        );
        assert.ok(
          failed.some((r) => /^CSBS\.\d{4} — /.test(r.detail)),
          `CSBS failures show their code and reason (saw: ${failed.map((r) => r.detail).join(' | ')})`,
        );
        assert.ok(
          failed.some((r) => r.description.startsWith('CBR · ')),
          "CBR's failed backups are found too",
        );
        await parkPointer(wb);
        await wb.screenshot('flows-show-failed-list');
        // Narrowed to one instance, as a user would: one failed backup per DCS error code.
        await wb.page.locator('.quick-input-widget input').first().fill('sessions-redis');
        const sessionsFailed = await waitUntil('the failed backups of sessions-redis', async () => {
          const rows = (await quickPickRows(wb.page)).filter((r) => r.description.startsWith('DCS · sessions-redis · '));
          return rows.length >= 5 ? rows : undefined;
        });
        const codes = sessionsFailed.map((r) => /^dcs\.08\.\d{4}\b/.exec(r.detail)?.[0]);
        assert.ok(
          codes.every(Boolean),
          `every failed DCS backup shows its error code (saw: ${sessionsFailed.map((r) => r.detail).join(' | ')})`,
        );
        assert.strictEqual(new Set(codes).size, codes.length, 'a different code on each');
        await wb.screenshot('flows-show-failed-dcs-codes');
        await wb.pickItem('pre-migration');
        const failedDetails = await wb.webviewFrame('pre-migration');
        await failedDetails.locator('#status', { hasText: /failed/ }).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
        await row(wb, 'pre-migration selected in the tree', (r) => r.label === 'pre-migration' && r.selected);
        await wb.screenshot('flows-show-failed-details');

        // 5. Select Region…: the current region is marked; choosing it again changes nothing.
        const settingsFile = path.join(wb.workspaceFolder, '.vscode', 'settings.json');
        const settingsBefore = fs.readFileSync(settingsFile, 'utf8');
        await wb.runCommand('Huawei Cloud Backups: Select Region…');
        await quickInputShows(wb, /Current region: cn-north-4/);
        const regions = await quickPickRows(wb.page);
        assert.ok(
          regions.some((r) => r.label === 'cn-north-4' && /CN North-Beijing4 · 华北-北京四 — current/.test(r.description)),
          'the current region is marked',
        );
        await parkPointer(wb);
        await wb.screenshot('flows-select-region');
        await wb.pickItem('cn-north-4');
        await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
        assert.strictEqual(fs.readFileSync(settingsFile, 'utf8'), settingsBefore, 'the settings are unchanged');
        await row(wb, 'the tree after choosing the current region', (r) => r.label === 'pre-migration' && r.selected);
      },
      { settings: SETTINGS, installed: true },
    );
  });
});
