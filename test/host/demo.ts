// `npm run demo`: the extension as a person uses it, in code-server in your browser, against the
// emulator's demo data set with the demo keys. The extension is linked into code-server's
// extensions folder (no test payload), so rebuilding (`npm run build`, or `npm run watch` in
// another terminal) and reloading the window picks up changes. Ctrl-C stops everything.
//   --port N            code-server's port (default 8080)
//   --emulator-port N   the emulator's port (default: a free one)
// State (user settings, secret storage, extensions link) lives in .vscode-test/demo/.
import * as fs from 'fs';
import * as path from 'path';
import { startEmulator } from '../emulator';
import { REPO_ROOT, startCodeServer, TOOLS_DIR, writeWorkspaceSettings } from './codeServer';
import { emulatorEnvironment, emulatorWorkspaceSettings } from './emulatorWiring';
import { installShutdownHandlers, onCleanup, shutdown } from './lifecycle';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} needs a port number`);
  return value;
}

/** Links the repository into the extensions folder as an installed extension, replacing older links. */
function linkExtension(extensionsDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  fs.mkdirSync(extensionsDir, { recursive: true });
  for (const entry of fs.readdirSync(extensionsDir)) {
    // unlink, not rm -r: the link points at the repository.
    if (entry.startsWith(`${id}-`)) fs.unlinkSync(path.join(extensionsDir, entry));
  }
  // extensions.json caches the installed set; let code-server rebuild it from the folder.
  fs.rmSync(path.join(extensionsDir, 'extensions.json'), { force: true });
  fs.symlinkSync(REPO_ROOT, path.join(extensionsDir, `${id}-${manifest.version}`), 'dir');
}

async function main(): Promise<void> {
  installShutdownHandlers('demo', 0);
  const port = flag('--port', 8080);
  const emulator = await startEmulator({ port: flag('--emulator-port', 0), dataset: 'demo' });
  onCleanup(() => emulator.close());

  const demoDir = path.join(TOOLS_DIR, 'demo');
  const workspaceFolder = path.join(demoDir, 'workspace');
  const stateDir = path.join(demoDir, 'state');
  fs.mkdirSync(workspaceFolder, { recursive: true });
  fs.mkdirSync(stateDir, { recursive: true });
  writeWorkspaceSettings(workspaceFolder, emulatorWorkspaceSettings(emulator));
  const extensionsDir = path.join(stateDir, 'extensions');
  linkExtension(extensionsDir);

  const server = await startCodeServer({
    workspaceFolder,
    stateDir,
    extensionsDir,
    port,
    smokeTestDriver: false,
    logFile: path.join(demoDir, 'code-server.log'),
    env: emulatorEnvironment(emulator),
  });
  console.log(`
Huawei Cloud Backup Explorer demo
  Open:      ${server.workbenchUrl()}
  Emulator:  ${emulator.url} (demo data; keys in HUAWEICLOUD_SDK_AK/SK: ${emulator.credentials.accessKey})
  Logs:      ${path.relative(REPO_ROOT, path.join(demoDir, 'code-server.log'))}
Click the Huawei Cloud Backups icon in the activity bar. Ctrl-C stops code-server and the emulator.`);
  const status = await server.exited;
  await shutdown(1, `demo: code-server exited (${status}); see ${path.join(demoDir, 'code-server.log')}`);
}

main().catch((error: unknown) => shutdown(1, `demo: ${error instanceof Error ? error.message : String(error)}`));
