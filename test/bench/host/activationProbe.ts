// Loaded by the extension host as the "tests" of the activation benchmark (test/bench/activation.ts):
// shows the Backups view, waits for its first rows and writes the extension's activation marks
// (src/testAccess.ts) to the file named in HWC_BENCH_ACTIVATION_OUT.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import { EXTENSION_ID, requests } from '../../host/emulatorControl';

export interface ProbeResult {
  readonly activeBeforeView: boolean;
  readonly requestsBeforeView: number;
  readonly called?: number;
  readonly returned?: number;
  readonly firstRows?: number;
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)!;
  const activeBeforeView = extension.isActive;
  const requestsBeforeView = (await requests()).length;
  await vscode.commands.executeCommand('workbench.view.extension.hwcBackups');
  const api = await extension.activate();
  for (let waited = 0; api.activation.firstRows === undefined && waited < 30_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const result: ProbeResult = { activeBeforeView, requestsBeforeView, ...api.activation };
  fs.writeFileSync(process.env.HWC_BENCH_ACTIVATION_OUT!, JSON.stringify(result));
}
