// The same host suites in desktop VS Code, downloaded by @vscode/test-electron. For machines that
// can reach Microsoft's update servers (a developer's laptop); on machines limited to the npm
// registry use runTests.ts (code-server) instead. Run: npm run compile && npm run build &&
// node out/test/host/runElectron.js   (HWC_VSCODE_VERSION picks the version, default 'stable').
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TEST_API_VARIABLE } from '../../src/testAccess';
import { runTests } from '@vscode/test-electron';
import { startEmulator } from '../emulator';
import { REPO_ROOT, writeWorkspaceSettings } from './codeServer';
import { emulatorEnvironment, emulatorWorkspaceSettings, FIXED_NOW, TEST_RUN_SETTINGS } from './emulatorWiring';
import { installShutdownHandlers, onCleanup, shutdown } from './lifecycle';

async function main(): Promise<void> {
  installShutdownHandlers('test:host (electron)', Number(process.env.HWC_HOST_TIMEOUT_SECONDS ?? 1200) * 1000);
  const emulator = await startEmulator({ now: FIXED_NOW });
  onCleanup(() => emulator.close());
  const workspaceFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-host-workspace-'));
  onCleanup(() => fs.rmSync(workspaceFolder, { recursive: true, force: true }));
  writeWorkspaceSettings(workspaceFolder, { ...emulatorWorkspaceSettings(emulator), ...TEST_RUN_SETTINGS });

  const code = await runTests({
    version: process.env.HWC_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(__dirname, 'index'),
    extensionTestsEnv: { ...emulatorEnvironment(emulator, FIXED_NOW), [TEST_API_VARIABLE]: '1' },
    launchArgs: [workspaceFolder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  }).then(
    () => 0,
    (error: unknown) => {
      console.error(`host suites failed: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    },
  );
  await shutdown(code);
}

main().catch((error: unknown) => shutdown(1, `test:host (electron): ${error instanceof Error ? error.stack : String(error)}`));
