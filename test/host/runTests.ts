// `npm run test:host`: the host suites (test/host/suite/**/*.test.ts) inside code-server's real
// extension host, against an emulator started in this process with a fixed time anchor; then the
// zh-cn suites (test/host/zh-cn/suite/) in a second code-server whose display language is zh-cn.
// Exit status: the suites' (0 = all passed); 124 on the overall timeout, 130 on Ctrl-C.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TEST_API_VARIABLE } from '../../src/testAccess';
import { startEmulator } from '../emulator';
import { emulatorEnvironment, emulatorWorkspaceSettings, FIXED_NOW, TEST_RUN_SETTINGS } from './emulatorWiring';
import { runExtensionTests } from './extensionTests';
import { installShutdownHandlers, onCleanup, shutdown } from './lifecycle';

const TIMEOUT_MS = Number(process.env.HWC_HOST_TIMEOUT_SECONDS ?? 600) * 1000;

async function main(): Promise<void> {
  installShutdownHandlers('test:host', TIMEOUT_MS);
  const emulator = await startEmulator({ now: FIXED_NOW });
  onCleanup(() => emulator.close());
  const workspaceFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-host-workspace-'));
  onCleanup(() => fs.rmSync(workspaceFolder, { recursive: true, force: true }));

  console.log(`test:host: emulator at ${emulator.url} (data anchored at ${FIXED_NOW.toISOString()})`);
  const run = {
    workspaceFolder,
    workspaceSettings: { ...emulatorWorkspaceSettings(emulator), ...TEST_RUN_SETTINGS },
    env: { ...emulatorEnvironment(emulator, FIXED_NOW), [TEST_API_VARIABLE]: '1' },
  };
  const english = await runExtensionTests(run);
  console.log('test:host: the zh-cn suites, in a workbench whose display language is zh-cn');
  const chinese = await runExtensionTests({ ...run, locale: 'zh-cn', testsEntry: path.join(__dirname, 'zh-cn', 'index.js') });
  await shutdown(english !== 0 ? english : chinese);
}

main().catch((error: unknown) => shutdown(1, `test:host: ${error instanceof Error ? error.stack : String(error)}`));
