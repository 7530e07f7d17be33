// Smoke test of the real host: the extension loads in code-server's extension host (or desktop
// VS Code), its view container and view exist, and the runner's wiring (emulator, settings,
// credentials in the environment) reaches the extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { TEST_API_VARIABLE } from '../../../src/testAccess';
import { emulatorUrl, EXTENSION_ID } from '../emulatorControl';

describe('smoke: extension in the real host', () => {
  it('activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('hands its internals to the test runners, which started the host with the test flag', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.strictEqual(process.env[TEST_API_VARIABLE], '1');
    assert.ok(extension.exports && typeof extension.exports === 'object' && 'explorer' in extension.exports);
  });

  it('contributes the Huawei Cloud Backups view container and the Backups view', async () => {
    const commands = await vscode.commands.getCommands(true);
    // The workbench registers these for every contributed view container and view.
    assert.ok(commands.includes('workbench.view.extension.hwcBackups'), 'view container hwcBackups is missing');
    assert.ok(commands.includes('hwcBackups.explorer.focus'), 'view hwcBackups.explorer is missing');
    await vscode.commands.executeCommand('workbench.view.extension.hwcBackups');
    await vscode.commands.executeCommand('hwcBackups.explorer.focus');
  });

  it('registers every command it contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    const contributed: string[] = extension.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(
      contributed.filter((id) => !registered.has(id)),
      [],
      'contributed but not registered',
    );
  });

  it('is pointed at the emulator, which the extension host can reach', async () => {
    const config = vscode.workspace.getConfiguration('hwcBackups');
    assert.strictEqual(config.get('endpointTemplate'), `${emulatorUrl()}/{service}`);
    assert.ok(process.env.HUAWEICLOUD_SDK_AK, 'demo access key missing from the environment');
    const response = await fetch(`${emulatorUrl()}/__emulator/requests`);
    assert.strictEqual(response.status, 200);
    assert.ok(Array.isArray(await response.json()));
  });
});
