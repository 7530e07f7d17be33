// The packaged extension as a user gets it: `npm run package` builds dist/hwc-backup-explorer.vsix
// (production bundle, .vscodeignore applied), code-server installs it with --install-extension,
// and a plain workbench (no development mode, no test payload) shows and activates it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { startEmulator, type Emulator } from '../emulator';
import { launchChromium, VIEWPORT } from '../host/browser';
import { CodeServer, installExtension, REPO_ROOT, startCodeServer, writeWorkspaceSettings } from '../host/codeServer';
import { emulatorEnvironment, emulatorWorkspaceSettings } from '../host/emulatorWiring';
import { runCleanups } from '../host/lifecycle';

const VSIX = path.join(REPO_ROOT, 'dist', 'hwc-backup-explorer.vsix');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  version: string;
};
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

function readLogs(dir: string): string {
  if (!fs.existsSync(dir)) return '';
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('exthost.log'))
    .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
    .join('\n');
}

describe('packaged extension (.vsix) in code-server', () => {
  let scratch: string;
  let emulator: Emulator;
  let server: CodeServer;
  let browser: Browser;
  let installOutput: string;

  before(async () => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run \`npm run package\` first (npm run test:package does)`);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-vsix-'));
    emulator = await startEmulator();
    installOutput = await installExtension(VSIX, path.join(scratch, 'extensions'));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await emulator?.close();
    await runCleanups();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('installs with --install-extension', () => {
    assert.match(installOutput, /hwc-backup-explorer\.vsix' was successfully installed/);
    const installed = path.join(scratch, 'extensions', `${EXTENSION_ID}-${manifest.version}`);
    assert.ok(fs.statSync(installed).isDirectory() && !fs.lstatSync(installed).isSymbolicLink());
    assert.ok(fs.existsSync(path.join(installed, 'dist', 'extension.js')), 'the bundle is not in the package');
    assert.ok(!fs.existsSync(path.join(installed, 'src')), 'sources leaked into the package');
    // The error-code explanations are data beside the bundle, read on first use (src/cloud/errorCodes.ts).
    const table = JSON.parse(fs.readFileSync(path.join(installed, 'l10n', 'errorCodes.json'), 'utf8')) as {
      codes: Record<string, unknown>;
    };
    assert.ok(table.codes['DCS.08.0002'], 'the error-code table is in the package');
  });

  it('carries every image its README shows, and no placeholder links', () => {
    // The Extensions view's Details page renders the packaged README against the installed folder.
    const installed = path.join(scratch, 'extensions', `${EXTENSION_ID}-${manifest.version}`);
    // vsce stores it as readme.md.
    const readmeName = fs.readdirSync(installed).find((name) => name.toLowerCase() === 'readme.md');
    assert.ok(readmeName, 'the package has no README');
    const readme = fs.readFileSync(path.join(installed, readmeName), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1] ?? match[2]);
    assert.ok(images.length > 0, 'the README shows no image at all: was the pattern broken?');
    const missing = images.filter((image) => /^[a-z]+:/i.test(image) || !fs.existsSync(path.join(installed, decodeURI(image))));
    assert.deepStrictEqual(missing, [], 'images the packaged README shows but the package lacks (or fetches from elsewhere)');
    const installedManifest = fs.readFileSync(path.join(installed, 'package.json'), 'utf8');
    assert.doesNotMatch(installedManifest, /example\.invalid/);
  });

  it('appears in the activity bar and activates when its view opens', async () => {
    const workspaceFolder = path.join(scratch, 'workspace');
    writeWorkspaceSettings(workspaceFolder, emulatorWorkspaceSettings(emulator));
    server = await startCodeServer({
      workspaceFolder,
      extensionsDir: path.join(scratch, 'extensions'),
      smokeTestDriver: false,
      env: emulatorEnvironment(emulator),
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(server.workbenchUrl());

    const entry = page.locator('.activitybar [aria-label^="Huawei Cloud Backups"]').first();
    await entry.waitFor({ state: 'visible', timeout: 60_000 });
    await entry.click();
    await page.locator('.part.sidebar .composite.title', { hasText: /Huawei Cloud Backups/i }).waitFor({ state: 'visible' });
    assert.ok(!(await page.title()).includes('Extension Development Host'), 'the extension was loaded in development mode');

    const activation = new RegExp(
      `_doActivateExtension ${EXTENSION_ID.replace('.', '\\.')}.*activationEvent: 'onView:hwcBackups\\.explorer'`,
    );
    const deadline = Date.now() + 30_000;
    while (!activation.test(readLogs(path.join(server.userDataDir, 'logs'))) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const logs = readLogs(path.join(server.userDataDir, 'logs'));
    assert.match(logs, activation, 'the extension host never activated the extension');
    assert.doesNotMatch(logs, new RegExp(`Activating extension '?${EXTENSION_ID.replace('.', '\\.')}'? failed`, 'i'));
    await page.locator('.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'hidden' });
    fs.mkdirSync(path.join(REPO_ROOT, 'test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'package-installed-view.png') });
  });
});
