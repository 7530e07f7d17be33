// `npm run demo`: the extension as a person uses it, in code-server in your browser, against the
// emulator's demo data set with the demo keys. The extension is linked into code-server's
// extensions folder (no test payload), so rebuilding (`npm run build`, or `npm run watch` in
// another terminal) and reloading the window picks up changes. Ctrl-C stops everything.
//   --port N            code-server's port (default 8080; with --smoke a free one)
//   --emulator-port N   the emulator's port (default: a free one)
//   --locale zh-cn      the workbench's display language (a stub language pack makes the extension Chinese)
//   --smoke             does the same from a fresh state folder, then checks in headless Chromium
//                       that the workbench opens on the Backups view with the five services, stops
//                       everything and exits 0, or 1 with the reason (`npm test` runs this).
// State (user settings, secret storage, extensions link) lives in .vscode-test/demo/.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startEmulator } from '../emulator';
import { ADAPTERS } from '../../src/cloud/services/registry';
import { launchChromium, VIEWPORT } from './browser';
import { CodeServer, type DisplayLanguage, REPO_ROOT, RESULTS_DIR, startCodeServer, TOOLS_DIR, writeWorkspaceSettings } from './codeServer';
import { emulatorEnvironment, emulatorWorkspaceSettings } from './emulatorWiring';
import { installShutdownHandlers, onCleanup, shutdown } from './lifecycle';

/** The demo's companion that opens the Backups view, wide, when the workbench starts. */
const LAYOUT_EXTENSION = path.join(REPO_ROOT, 'test', 'host', 'fixtures', 'demo-layout');
/** A side bar this wide shows "payments-mysql-full-20260301…" and its description unclipped. */
const READABLE_SIDE_BAR_PX = 450;
const SMOKE_TIMEOUT_MS = 120_000;

/** `--locale zh-cn`: the display language, or undefined for English (the only other language the extension has). */
function localeFlag(): DisplayLanguage | undefined {
  const index = process.argv.indexOf('--locale');
  if (index < 0) return undefined;
  const locale = process.argv[index + 1]?.toLowerCase();
  if (locale === 'en') return undefined;
  if (locale !== 'zh-cn') throw new Error('--locale takes zh-cn (or en)');
  return locale;
}

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} needs a port number`);
  return value;
}

/** Links `folder` into the extensions folder as an installed extension, replacing older links. */
function linkExtension(extensionsDir: string, folder: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  const id = `${manifest.publisher}.${manifest.name}`;
  fs.mkdirSync(extensionsDir, { recursive: true });
  for (const entry of fs.readdirSync(extensionsDir)) {
    // unlink, not rm -r: the link points at the repository.
    if (entry.startsWith(`${id}-`)) fs.unlinkSync(path.join(extensionsDir, entry));
  }
  // extensions.json caches the installed set; let code-server rebuild it from the folder.
  fs.rmSync(path.join(extensionsDir, 'extensions.json'), { force: true });
  fs.symlinkSync(folder, path.join(extensionsDir, `${id}-${manifest.version}`), 'dir');
}

/**
 * What a person sees on opening the printed URL: the workbench, the Backups view open without a
 * click, a readable side bar, and one row per service. Throws with what is missing.
 */
async function smokeCheck(server: CodeServer): Promise<void> {
  const browser = await launchChromium();
  onCleanup(() => browser.close());
  const page = await browser.newPage({ viewport: VIEWPORT });
  const step = async <T>(what: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const shot = path.join(RESULTS_DIR, 'demo-smoke-failure.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(
        `${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (screenshot: ` +
          `${path.relative(REPO_ROOT, shot)}; code-server log: ${server.logFile})`,
      );
    }
  };
  await step('the workbench did not load', () =>
    page.goto(server.workbenchUrl()).then(() => page.locator('.monaco-workbench').waitFor({ timeout: 60_000 })),
  );
  await step('the Backups view did not open by itself', () =>
    page.locator('.part.sidebar .composite.title', { hasText: /Huawei Cloud Backups/i }).waitFor({ timeout: 60_000 }),
  );
  const labels = ADAPTERS.map((adapter) => adapter.label);
  await step(`the tree did not show the ${labels.length} services`, () =>
    page.waitForFunction(
      (wanted) => {
        const shown = Array.from(document.querySelectorAll('.part.sidebar .customview-tree .monaco-list-row .label-name')).map((el) =>
          el.textContent?.trim(),
        );
        return wanted.every((label) => shown.includes(label));
      },
      labels,
      { timeout: 60_000 },
    ),
  );
  const width = await step('the side bar did not widen', () =>
    page
      .waitForFunction(
        (px) => {
          const sideBar = document.querySelector('.part.sidebar');
          const shown = sideBar ? sideBar.getBoundingClientRect().width : 0;
          return shown >= px ? shown : false;
        },
        READABLE_SIDE_BAR_PX,
        { timeout: 20_000 },
      )
      .then((handle) => handle.jsonValue()),
  );
  fs.mkdirSync(path.join(RESULTS_DIR, 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, 'screenshots', 'demo-smoke.png') });
  console.log(`demo smoke: the workbench opened on the Backups view (side bar ${Math.round(Number(width))} px) with ${labels.join(', ')}`);
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  installShutdownHandlers(smoke ? 'demo --smoke' : 'demo', smoke ? SMOKE_TIMEOUT_MS : 0);
  const port = flag('--port', smoke ? 0 : 8080);
  const emulator = await startEmulator({ port: flag('--emulator-port', 0), dataset: 'demo' });
  onCleanup(() => emulator.close());

  // The smoke run starts from nothing, as a first demo does, and leaves the person's demo alone.
  const demoDir = smoke ? fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-demo-smoke-')) : path.join(TOOLS_DIR, 'demo');
  // Kept when the check fails: its logs say why.
  let passed = false;
  if (smoke) onCleanup(() => (passed ? fs.rmSync(demoDir, { recursive: true, force: true }) : undefined));
  const workspaceFolder = path.join(demoDir, 'workspace');
  const stateDir = path.join(demoDir, 'state');
  fs.mkdirSync(workspaceFolder, { recursive: true });
  fs.mkdirSync(stateDir, { recursive: true });
  writeWorkspaceSettings(workspaceFolder, emulatorWorkspaceSettings(emulator));
  const extensionsDir = path.join(stateDir, 'extensions');
  linkExtension(extensionsDir, REPO_ROOT);
  linkExtension(extensionsDir, LAYOUT_EXTENSION);

  const server = await startCodeServer({
    workspaceFolder,
    stateDir,
    extensionsDir,
    port,
    smokeTestDriver: false,
    logFile: path.join(demoDir, 'code-server.log'),
    env: emulatorEnvironment(emulator),
    locale: localeFlag(),
  });
  if (smoke) {
    await smokeCheck(server);
    passed = true;
    await shutdown(0);
  }
  console.log(`
Huawei Cloud Backup Explorer demo
  Open:      ${server.workbenchUrl()}
  Emulator:  ${emulator.url} (demo data; keys in HUAWEICLOUD_SDK_AK/SK: ${emulator.credentials.accessKey})
  Logs:      ${path.relative(REPO_ROOT, path.join(demoDir, 'code-server.log'))}
The Huawei Cloud Backups view opens by itself. Ctrl-C stops code-server and the emulator.`);
  const status = await server.exited;
  await shutdown(1, `demo: code-server exited (${status}); see ${path.join(demoDir, 'code-server.log')}`);
}

main().catch((error: unknown) =>
  shutdown(1, `demo${process.argv.includes('--smoke') ? ' --smoke' : ''}: ${error instanceof Error ? error.message : String(error)}`),
);
