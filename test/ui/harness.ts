// Playwright harness for UI specs (test/ui/**/*.ui.ts): a real workbench in code-server with this
// extension loaded from the repository (development mode), pointed at a fresh emulator, driven in
// Debian's headless Chromium. Each withWorkbench call gets its own emulator, server, workspace and
// browser, so specs cannot leak state into each other.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame, Locator, Page } from 'playwright-core';
import { startEmulator, type Emulator } from '../emulator';
import { launchChromium, VIEWPORT } from '../host/browser';
import { DisplayLanguage, REPO_ROOT, RESULTS_DIR, startCodeServer, writeWorkspaceSettings } from '../host/codeServer';
import { emulatorEnvironment, emulatorWorkspaceSettings, FIXED_NOW, TEST_RUN_SETTINGS } from '../host/emulatorWiring';
import { onCleanup } from '../host/lifecycle';

export const SCREENSHOT_DIR = path.join(RESULTS_DIR, 'screenshots');

/** The view container's title as the workbench shows it in `locale` (package.nls[.<locale>].json). */
function viewContainerTitle(locale: DisplayLanguage | undefined): string {
  const nls = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, locale ? `package.nls.${locale}.json` : 'package.nls.json'), 'utf8'));
  return nls['viewsContainers.hwcBackups.title'];
}
const UI_TIMEOUT_MS = 20_000;

export interface TreeRow {
  label: string;
  description: string;
  /** 1 for top-level rows. */
  level: number;
  /** undefined for leaves. */
  expanded: boolean | undefined;
  selected: boolean;
  locator: Locator;
}

export interface WorkbenchOptions {
  dataset?: 'demo' | 'scale';
  /** Extra workspace settings, over the ones pointing at the emulator. */
  settings?: Record<string, unknown>;
  /** false: no keys in the environment (the extension starts without credentials). Default true. */
  credentials?: boolean;
  /** More environment for the extension host, e.g. HUAWEICLOUD_SDK_CREDENTIALS_FILE. */
  env?: Record<string, string>;
  /**
   * true: the extension is installed (linked into the extensions folder) and the workbench runs
   * without the smoke-test driver, as for a user: notification toasts show (the driver hides
   * them) and modal dialogs open. Default false: development mode through the driver's payload.
   */
  installed?: boolean;
  /** The emulator's time anchor. Default FIXED_NOW, so relative times in the data are stable. */
  now?: Date;
  /**
   * The workbench's display language (a stub language pack: the extension's strings switch, VS Code's own
   * stay English). Default English.
   */
  locale?: DisplayLanguage;
}

export interface Workbench {
  page: Page;
  emulator: Emulator;
  emulatorUrl: string;
  /** Folder opened in the workbench (exports land here). */
  workspaceFolder: string;
  /** Runs a command through F1 by its palette title, e.g. 'Huawei Cloud Backups: Refresh'. */
  runCommand(title: string): Promise<void>;
  /** The view container's title in the workbench's display language ('Huawei Cloud Backups' in English). */
  viewContainerTitle: string;
  /** Opens the Huawei Cloud Backups view container (idempotent) and waits for its first content. */
  openView(): Promise<void>;
  /** The rows the Backups tree currently renders (virtualised: only those in view). */
  treeRows(): Promise<TreeRow[]>;
  /** Waits for a rendered row whose label equals `label` (string) or matches it (RegExp). */
  treeRow(label: string | RegExp, timeoutMs?: number): Promise<TreeRow>;
  /** The content frame of the webview whose editor tab title contains `titleSubstring`. */
  webviewFrame(titleSubstring: string): Promise<Frame>;
  /** Saves a PNG of the page to test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Picks (or, in a multi-select pick, toggles) the item of the open quick pick whose label is `label`. */
  pickItem(label: string): Promise<void>;
  /** Types into the open input box (or quick pick filter), replacing its text, and presses Enter. */
  typeInInput(text: string): Promise<void>;
  /** Right-clicks `row` and clicks the item of its context menu whose label is `item`. */
  contextMenu(row: TreeRow, item: string): Promise<void>;
  /**
   * Waits for a notification whose message matches `pattern` and returns it (message and buttons):
   * its toast, or its entry in the notification center once the toast has gone.
   */
  notification(pattern: RegExp, timeoutMs?: number): Promise<Locator>;
  /** Drags the side bar's edge to `width` pixels, so labels and descriptions fit in screenshots. */
  resizeSideBar(width: number): Promise<void>;
}

const quickInput = (page: Page) => page.locator('.quick-input-widget');

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = UI_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function quickPickRow(page: Page, label: string): Promise<Locator> {
  const rowSelector = '.quick-input-widget .monaco-list-row';
  return waitFor(`quick pick item "${label}"`, async () => {
    const indexes = await page
      .locator(rowSelector)
      .evaluateAll(
        (elements, wanted) =>
          elements
            .filter((el) => el.querySelector('.label-name')?.textContent?.trim() === wanted)
            .map((el) => el.getAttribute('data-index')),
        label,
      );
    return indexes.length > 0 ? page.locator(`${rowSelector}[data-index="${indexes[0]}"]`) : undefined;
  });
}

function workbenchFor(page: Page, emulator: Emulator, workspaceFolder: string, containerTitle: string): Workbench {
  const wb: Workbench = {
    page,
    emulator,
    emulatorUrl: emulator.url,
    workspaceFolder,
    viewContainerTitle: containerTitle,

    async runCommand(title) {
      await page.keyboard.press('F1');
      const input = quickInput(page).locator('input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      // F1 opens the palette with its '>' prefix; keep it.
      await input.fill(`>${title}`);
      const row = await quickPickRow(page, title);
      await row.click();
      // The palette closes, or gives way to the command's own quick pick or input box.
      await waitFor('the command palette to close', async () =>
        !(await input.isVisible()) || (await input.inputValue().catch(() => '')) !== `>${title}` ? true : undefined,
      );
    },

    async openView() {
      const entry = page.locator(`.activitybar [aria-label^="${containerTitle}"]`).first();
      await entry.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      // A container with a single view shows its title in the side bar's title area.
      const sidebarTitle = page.locator('.part.sidebar .composite.title', { hasText: new RegExp(containerTitle, 'i') });
      if (!(await sidebarTitle.isVisible())) {
        await entry.click();
        // Park the pointer on the empty editor area so no hover tooltip covers screenshots.
        await page.mouse.move(VIEWPORT.width - 20, VIEWPORT.height / 2);
      }
      await sidebarTitle.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      // Ready once the extension has rendered something: tree rows, or the no-credentials welcome.
      await page
        .locator('.part.sidebar .customview-tree .monaco-list-row, .part.sidebar .welcome-view-content')
        .first()
        .waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    },

    async treeRows() {
      const rowSelector = '.part.sidebar .customview-tree .monaco-list-row';
      // One evaluate per row: locator reads would wait for parts a row lacks (e.g. a description).
      const rows = await page.locator(rowSelector).evaluateAll((elements) =>
        elements.map((el) => ({
          index: el.getAttribute('data-index') ?? '',
          label: el.querySelector('.label-name')?.textContent?.trim() ?? '',
          description: el.querySelector('.label-description')?.textContent?.trim() ?? '',
          level: Number(el.getAttribute('aria-level')),
          expanded: el.getAttribute('aria-expanded'),
          selected: el.getAttribute('aria-selected') === 'true',
        })),
      );
      return rows
        .sort((a, b) => Number(a.index) - Number(b.index))
        .map(({ index, expanded, ...row }) => ({
          ...row,
          expanded: expanded === null ? undefined : expanded === 'true',
          locator: page.locator(`${rowSelector}[data-index="${index}"]`),
        }));
    },

    async treeRow(label, timeoutMs = UI_TIMEOUT_MS) {
      const matches = (text: string) => (typeof label === 'string' ? text === label : label.test(text));
      return waitFor(`tree row ${String(label)}`, async () => (await wb.treeRows()).find((row) => matches(row.label)), timeoutMs);
    },

    async webviewFrame(titleSubstring) {
      const tab = page.locator('.tabs-container .tab', { hasText: titleSubstring }).first();
      await tab.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await tab.click();
      // A webview is an outer iframe (VS Code's host page) holding the content frame; only the
      // active editor's webview is visible.
      return waitFor(`webview "${titleSubstring}"`, async () => {
        for (const frame of page.frames()) {
          const outer = frame.parentFrame();
          if (!outer || outer.parentFrame() !== page.mainFrame()) continue;
          const outerElement = await outer.frameElement().catch(() => undefined);
          if (!outerElement || !(await outerElement.isVisible())) continue;
          if (!(await outerElement.evaluate((el) => (el as Element).classList.contains('webview')))) continue;
          const ready = await frame.evaluate(() => document.readyState === 'complete' && document.body !== null).catch(() => false);
          if (ready) return frame;
        }
        return undefined;
      });
    },

    async screenshot(name) {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      // Widgets that just opened (quick input, menus, toasts) fade in: let finite animations end
      // first. Endless ones (spinners) never do; a page that stays busy is shot as it is.
      await page
        .waitForFunction(
          () =>
            document
              .getAnimations()
              .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
          undefined,
          {
            timeout: 5000,
          },
        )
        .catch(() => undefined);
      await page.screenshot({ path: file });
      return file;
    },

    async pickItem(label) {
      // The list is virtualised: filter first, as a user would, so the row is rendered.
      const input = quickInput(page).locator('input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await input.fill(label);
      const row = await quickPickRow(page, label);
      const multiSelect = await quickInput(page).locator('.quick-input-check-all').isVisible();
      await row.click();
      // A multi-select pick stays open: take the filter away again so every item shows.
      if (multiSelect) await input.fill('');
    },

    async typeInInput(text) {
      const input = quickInput(page).locator('input');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await input.fill(text);
      await input.press('Enter');
    },

    async contextMenu(row, item) {
      const menu = page.locator('.context-view').first();
      const entry = menu.locator('.action-menu-item').getByText(item, { exact: true });
      await row.locator.click({ button: 'right' });
      await entry.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      // A menu item ignores mouse clicks for a moment after the menu opens (so the right-click
      // that opened it cannot also pick an item); pointing at it and pressing Enter always works.
      await entry.hover();
      await menu.locator('.action-item.focused').getByText(item, { exact: true }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    },

    async notification(pattern, timeoutMs = UI_TIMEOUT_MS) {
      const withMessage = (scope: string) =>
        page
          .locator(`${scope} .notification-list-item`)
          .filter({ has: page.locator('.notification-list-item-message', { hasText: pattern }) })
          .first();
      const toast = withMessage('.notifications-toasts');
      const visible = async (locator: Locator) => ((await locator.isVisible()) ? locator : undefined);
      const shown = await waitFor(`a notification matching ${pattern}`, () => visible(toast), timeoutMs).catch(() => undefined);
      if (shown) return shown;
      // Toasts hide after a while; the notification center keeps every notification.
      await wb.runCommand('Notifications: Show Notifications');
      return waitFor(`a notification matching ${pattern} in the notification center`, () => visible(withMessage('.notifications-center')));
    },

    async resizeSideBar(width) {
      const box = await page.locator('.part.sidebar').boundingBox();
      if (!box) throw new Error('the side bar is not shown');
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width + 1, y);
      await page.mouse.down();
      await page.mouse.move(box.x + width, y, { steps: 5 });
      await page.mouse.up();
    },
  };
  return wb;
}

/** A fresh extensions folder holding only this repository, linked in as an installed extension. */
function installedExtensionsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-ui-extensions-'));
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  // rmSync removes the link, never what it points at.
  fs.symlinkSync(REPO_ROOT, path.join(dir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
  return dir;
}

/** The last warnings and errors of the extension's output channel, from code-server's log folder. */
function extensionLogProblems(userDataDir: string): string[] {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return [];
  const files = (fs.readdirSync(logs, { recursive: true }) as string[]).filter((file) =>
    /(Huawei Cloud Backups|华为云备份)\.log$/.test(file),
  );
  const lines = files.flatMap((file) => fs.readFileSync(path.join(logs, file), 'utf8').split('\n'));
  return lines.filter((line) => /\[(warning|error)\]/.test(line)).slice(-20);
}

/**
 * Runs `body` against a fresh workbench; everything is torn down afterwards, also when `body`
 * throws (a screenshot of the failure goes to test-results/screenshots/failure-*.png first).
 */
export async function withWorkbench<T>(body: (wb: Workbench) => Promise<T>, options: WorkbenchOptions = {}): Promise<T> {
  const teardown: Array<() => Promise<void> | void> = [];
  const cleanUp = async () => {
    while (teardown.length > 0) await teardown.pop()!();
  };
  onCleanup(cleanUp); // reached on Ctrl-C or the runner's timeout
  try {
    const now = options.now ?? FIXED_NOW;
    const emulator = await startEmulator({ now, dataset: options.dataset ?? 'demo' });
    teardown.push(() => emulator.close());
    const workspaceFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-ui-workspace-'));
    teardown.push(() => fs.rmSync(workspaceFolder, { recursive: true, force: true }));
    writeWorkspaceSettings(workspaceFolder, { ...emulatorWorkspaceSettings(emulator), ...TEST_RUN_SETTINGS, ...options.settings });

    const env = { ...emulatorEnvironment(emulator, now), ...options.env };
    if (options.credentials === false) {
      delete env.HUAWEICLOUD_SDK_AK;
      delete env.HUAWEICLOUD_SDK_SK;
    }
    const extensionsDir = options.installed ? installedExtensionsDir() : undefined;
    if (extensionsDir) teardown.push(() => fs.rmSync(extensionsDir, { recursive: true, force: true }));
    const server = await startCodeServer({
      workspaceFolder,
      env,
      extensionsDir,
      smokeTestDriver: !options.installed,
      locale: options.locale,
    });
    teardown.push(() => server.stop());
    const browser = await launchChromium();
    teardown.push(() => browser.close());
    const page = await browser.newPage({ viewport: VIEWPORT });

    // Development mode without a test entry (or installed): the extension loads from the repository as it is built.
    await page.goto(
      options.installed ? server.workbenchUrl() : server.workbenchUrl([['extensionDevelopmentPath', server.remoteUri(REPO_ROOT)]]),
    );
    const containerTitle = viewContainerTitle(options.locale);
    const wb = workbenchFor(page, emulator, workspaceFolder, containerTitle);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator(`.activitybar [aria-label^="${containerTitle}"]`).first().waitFor({ state: 'visible', timeout: 60_000 });
    try {
      return await body(wb);
    } catch (error) {
      const shot = await wb.screenshot(`failure-${Date.now()}`).catch(() => undefined);
      if (shot && error instanceof Error) error.message += `\n(screenshot: ${path.relative(REPO_ROOT, shot)})`;
      // What the emulator refused, so a failure on CI says why a node failed to load.
      const refused = emulator.requests.filter((request) => request.status < 200 || request.status >= 300);
      if (refused.length > 0 && error instanceof Error) {
        const lines = refused.slice(-20).map((r) => `${r.method} /${r.service}${r.path} → ${r.status || 'no response'} (${r.requestId})`);
        error.message += `\n(emulator answered ${refused.length} request(s) without success; the last:\n${lines.join('\n')})`;
      }
      const problems = extensionLogProblems(server.userDataDir);
      if (problems.length > 0 && error instanceof Error) error.message += `\n(the extension's log:\n${problems.join('\n')})`;
      throw error;
    }
  } finally {
    await cleanUp();
  }
}
