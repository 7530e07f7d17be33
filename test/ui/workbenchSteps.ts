// Steps the UI specs share: opening a backup from the palette, filtering to the demo month,
// switching themes, reading a webview's cells and taking screenshots. The words they look for
// come in English and in Chinese (WorkbenchWords), for the zh-cn specs.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Locator, Page } from 'playwright-core';
import { toArray, type RawRecord } from '../emulator/data/model';
import { writeWorkspaceSettings } from '../host/codeServer';
import { emulatorWorkspaceSettings, FIXED_NOW } from '../host/emulatorWiring';
import type { Workbench } from './harness';

/** The words the steps below look for, in the workbench's display language. */
export interface WorkbenchWords {
  readonly showDetails: string;
  readonly filterBackups: string;
  readonly customRange: string;
  readonly findBackup: string;
}

export const ENGLISH: WorkbenchWords = {
  showDetails: 'Huawei Cloud Backups: Show Backup Details',
  filterBackups: 'Huawei Cloud Backups: Filter Backups…',
  customRange: 'Custom range…',
  findBackup: 'Huawei Cloud Backups: Find Backup by ID…',
};

export const CHINESE: WorkbenchWords = {
  showDetails: '华为云备份: 查看备份详情',
  filterBackups: '华为云备份: 筛选备份…',
  customRange: '自定义范围…',
  findBackup: '华为云备份: 按ID查找备份…',
};

/** The raw demo record of `instanceName`'s backups that `matches`. */
export function demoRecord(
  wb: Workbench,
  service: 'rds' | 'dcs',
  instanceName: string,
  matches: (record: RawRecord) => boolean,
): RawRecord {
  const data = wb.emulator.data[service];
  const instance = toArray(data.instances).find((record) => record.name === instanceName);
  assert.ok(instance, `${instanceName} is not in the demo data`);
  const id = (instance.instance_id ?? instance.id) as string;
  const record = toArray(data.backups.get(id)!).find(matches);
  assert.ok(record, `no matching backup of ${instanceName} in the demo data`);
  return record;
}

/** Waits until the open quick input (its placeholder, prompt or title) matches `pattern`. */
export async function quickInputShows(wb: Workbench, pattern: RegExp): Promise<void> {
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
export async function openFromPalette(
  wb: Workbench,
  serviceLabel: string,
  instanceName: string,
  backupName: string,
  words: WorkbenchWords = ENGLISH,
): Promise<Frame> {
  await wb.runCommand(words.showDetails);
  await quickInputShows(wb, /1\s*\/\s*3|Service/);
  await wb.pickItem(serviceLabel);
  await quickInputShows(wb, /2\s*\/\s*3/);
  await wb.pickItem(instanceName);
  await quickInputShows(wb, /3\s*\/\s*3/);
  await wb.pickItem(backupName);
  return wb.webviewFrame(backupName);
}

/**
 * The demo data is anchored at FIXED_NOW, not today, so the tree's filter gets the 30 days before
 * it: the timeline draws the filter's time range.
 */
export async function filterToDemoMonth(wb: Workbench, words: WorkbenchWords = ENGLISH): Promise<void> {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  await wb.runCommand(words.filterBackups);
  await quickInputShows(wb, /1\s*\/\s*4/); // types
  await wb.typeInInput(''); // nothing checked: every type
  await quickInputShows(wb, /2\s*\/\s*4/); // time range
  await wb.pickItem(words.customRange);
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

export async function setTheme(wb: Workbench, theme: string): Promise<void> {
  // Keeps what the spec set (the harness's settings), changing only the theme.
  const file = path.join(wb.workspaceFolder, '.vscode', 'settings.json');
  const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeWorkspaceSettings(wb.workspaceFolder, { ...emulatorWorkspaceSettings(wb.emulator), ...current, 'workbench.colorTheme': theme });
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
export async function text(frame: Frame, selector: string): Promise<string> {
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
export function valueCell(frame: Frame, sectionId: string, term: string): Locator {
  const termCell = frame.locator(`#${sectionId} dt`).filter({ hasText: new RegExp(`^${term}$`) });
  return termCell.locator('xpath=following-sibling::dd[1]');
}

/** The text of the single element `locator` finds, whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent({ timeout: 20_000 })) ?? '').replace(/\s+/g, ' ').trim();
}

/** Scrolls `selector` into view in the webview and saves a screenshot once it has painted. */
export async function shot(wb: Workbench, frame: Frame, selector: string, name: string): Promise<void> {
  const target = frame.locator(selector).first();
  await target.waitFor({ state: 'visible', timeout: 20_000 });
  await target.scrollIntoViewIfNeeded();
  await wb.page.waitForTimeout(700);
  await wb.screenshot(name);
}

/** The tree row whose label `matches`, once the tree has loaded it. */
export async function treeRow(wb: Workbench, matches: (label: string) => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    const row = (await wb.treeRows()).find((candidate) => matches(candidate.label));
    if (row) return row;
    await wb.page.waitForTimeout(100);
  }
  throw new Error(`tree row ${what} did not appear`);
}

/** Right-clicks `row` and runs its context menu item `label`, retrying while the menu animates in. */
export async function contextMenu(wb: Workbench, row: { locator: Locator }, label: string, ran: () => Promise<boolean>): Promise<void> {
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

/** The open quick input (palette, quick pick or input box). */
export const widget = (page: Page) => page.locator('.quick-input-widget');

/** The first text of `selector` matching `pattern`, once there is one. */
export async function waitForText(page: Pick<Page, 'locator'>, selector: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const texts = await page
      .locator(selector)
      .allInnerTexts()
      .catch(() => [] as string[]);
    const hit = texts.find((text) => pattern.test(text));
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in ${selector} (saw: ${texts.join(' | ').slice(0, 400)})`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Accepts the quick input: OK of a multi-select, Enter of an input box. */
export async function pressOk(page: Page): Promise<void> {
  await widget(page).locator('input').first().press('Enter');
}
