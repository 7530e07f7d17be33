// Runs the compiled host suites inside code-server's real extension host: the workbench is opened
// in headless Chromium with a smoke-test-driver payload (extensionDevelopmentPath +
// extensionTestsPath); the workbench relays the extension host's output through
// window.codeAutomationLog and reports the suites' status through window.codeAutomationExit.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { launchChromium, VIEWPORT } from './browser';
import { DisplayLanguage, REPO_ROOT, RESULTS_DIR, startCodeServer, tail, writeWorkspaceSettings } from './codeServer';
import { onCleanup } from './lifecycle';

export interface ExtensionTestRun {
  /** Folder opened in the workbench; its .vscode/settings.json gets `workspaceSettings`. */
  workspaceFolder: string;
  workspaceSettings: Record<string, unknown>;
  /** Environment of code-server and so of the extension host. */
  env: Record<string, string>;
  /** Compiled test entry exporting run(); default out/test/host/index.js. */
  testsEntry?: string;
  /** The extension under test; default the repository. */
  extensionDevelopmentPath?: string;
  /** The workbench's display language (a stub language pack); default English. Logs go to test-results/host-<locale>/. */
  locale?: DisplayLanguage;
}

interface AutomationLogFile {
  relativePath: string;
  contents: string;
}

/**
 * Workbench chatter relayed alongside the extension host's output: connection set-up and the
 * marketplace/GitHub look-ups that fail on a machine without internet. It still goes to
 * test-results/host/workbench.log; HWC_HOST_VERBOSE=1 prints it too.
 */
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[(reconnection-grace-time|Service Worker|AgentHost:remote|AccountPolicyGate)\]/,
  /^Updating additional builtin extensions cache/,
  /ENOTFOUND (open-vsx\.org|api\.github\.com|github\.com)/,
  /authentication provider 'github'/,
];

/** The lines worth showing when the suites fail: errors the extension host logged. */
function errorLines(logs: AutomationLogFile[]): string[] {
  return logs
    .filter((log) => /exthost/i.test(log.relativePath))
    .flatMap((log) =>
      log.contents
        .split('\n')
        .filter((line) => /\[error\]/i.test(line))
        .map((line) => `${log.relativePath}: ${line}`),
    );
}

/** The server side's logs (remote extension host, agent) of a code-server user-data folder. */
function serverLogs(userDataDir: string): AutomationLogFile[] {
  const logsDir = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logsDir)) return [];
  return fs
    .readdirSync(logsDir, { recursive: true, encoding: 'utf8' })
    .filter((relative) => relative.endsWith('.log'))
    .map((relative) => ({ relativePath: path.join('server', relative), contents: fs.readFileSync(path.join(logsDir, relative), 'utf8') }));
}

function saveLogs(logs: AutomationLogFile[], resultsDir: string): void {
  const dir = path.join(resultsDir, 'logs');
  for (const log of logs) {
    const file = path.join(dir, log.relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, log.contents);
  }
}

/** Resolves with the suites' exit code: 0 when every test passed. */
export async function runExtensionTests(run: ExtensionTestRun): Promise<number> {
  writeWorkspaceSettings(run.workspaceFolder, run.workspaceSettings);
  const resultsDir = path.join(RESULTS_DIR, run.locale ? `host-${run.locale}` : 'host');
  fs.rmSync(resultsDir, { recursive: true, force: true });
  fs.mkdirSync(resultsDir, { recursive: true });
  const codeServerLog = path.join(resultsDir, 'code-server.log');
  const workbenchLog = fs.createWriteStream(path.join(resultsDir, 'workbench.log'));
  onCleanup(() => new Promise<void>((resolve) => workbenchLog.end(resolve)));
  const verbose = process.env.HWC_HOST_VERBOSE === '1';

  const server = await startCodeServer({ workspaceFolder: run.workspaceFolder, env: run.env, logFile: codeServerLog, locale: run.locale });
  const browser = await launchChromium();
  onCleanup(() => browser.close());
  const page = await browser.newPage({ viewport: VIEWPORT });

  let settle!: (result: { code: number; logs: AutomationLogFile[] }) => void;
  const settled = new Promise<{ code: number; logs: AutomationLogFile[] }>((resolve) => (settle = resolve));
  await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
    const text = Array.isArray(args) ? util.format(...args) : String(args);
    workbenchLog.write(`[${level}] ${text}\n`);
    if (verbose || !WORKBENCH_NOISE.some((noise) => noise.test(text))) {
      (level === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code: number, logs: AutomationLogFile[] = []) => {
    settle({ code, logs });
  });
  page.on('pageerror', (error) => console.error(`[workbench] uncaught: ${error.message}`));

  const payload: Array<[string, string]> = [
    ['extensionDevelopmentPath', server.remoteUri(run.extensionDevelopmentPath ?? REPO_ROOT)],
    ['extensionTestsPath', server.remoteUri(run.testsEntry ?? path.join(REPO_ROOT, 'out', 'test', 'host', 'index.js'))],
  ];
  // The workbench loads lazily and may never settle if code-server or the page dies: watch both.
  const serverDied = server.exited.then((status) => {
    throw new Error(`code-server exited (${status}) before the suites finished; its log:\n${tail(codeServerLog, 30)}`);
  });
  const pageCrashed = new Promise<never>((_, reject) => page.once('crash', () => reject(new Error('the workbench page crashed'))));
  await page.goto(server.workbenchUrl(payload));
  const { code, logs: workbenchLogs } = await Promise.race([settled, serverDied, pageCrashed]);

  const logs = [...workbenchLogs, ...serverLogs(server.userDataDir)];
  saveLogs(logs, resultsDir);
  if (code !== 0) {
    const errors = errorLines(logs);
    console.error(`\nHost suites exited with ${code}. Extension host errors:`);
    console.error(errors.length > 0 ? errors.join('\n') : '(none logged)');
    console.error(`Logs: ${path.relative(REPO_ROOT, resultsDir)}/ (workbench.log, code-server.log, logs/).`);
  }
  // A runner may start another pass (another display language): free this one's server and browser first.
  await browser.close();
  await server.stop();
  return code;
}
