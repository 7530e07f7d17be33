// Detail panels and the instance timeline inside the real extension host, against the emulator's
// demo data: hwcBackups.openDetails opens one webview panel per backup and reveals it when asked
// again; the panel serializers are registered; showTimeline opens the instance timeline.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { Backup, Instance, ServiceId } from '../../../src/cloud/model';
import { adapterFor } from '../../../src/cloud/services/registry';
import { EXTENSION_ID } from '../emulatorControl';

async function api(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

async function instanceNamed(service: ServiceId, name: string): Promise<Instance> {
  const ctx = await (await api()).connection.adapterContext();
  const page = await adapterFor(service).listInstances(ctx, { limit: 100 });
  const instance = page.items.find((candidate) => candidate.name === name);
  assert.ok(instance, `${service} instance ${name} is not in the demo data`);
  return instance;
}

async function demoBackup(service: ServiceId, instanceName: string, matches: (backup: Backup) => boolean, what: string): Promise<Backup> {
  const ctx = await (await api()).connection.adapterContext();
  const instance = await instanceNamed(service, instanceName);
  const page = await adapterFor(service).listBackups(ctx, instance, { limit: 100 });
  const backup = page.items.find(matches);
  assert.ok(backup, `no ${what} among the backups of ${instanceName}`);
  return backup;
}

function webviewTabs(viewType: string, label: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType) && tab.label === label);
}

/** Webview tabs appear asynchronously after createWebviewPanel: poll for a few seconds. */
async function waitForTabs(viewType: string, label: string, count: number, timeoutMs = 8000): Promise<vscode.Tab[]> {
  const deadline = Date.now() + timeoutMs;
  let tabs = webviewTabs(viewType, label);
  while (tabs.length !== count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    tabs = webviewTabs(viewType, label);
  }
  assert.strictEqual(tabs.length, count, `expected ${count} "${label}" tab(s) of ${viewType}`);
  return tabs;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('details: backup detail panels in the real host', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const cases: { service: ServiceId; instance: string; what: string; matches: (backup: Backup) => boolean }[] = [
    { service: 'dcs', instance: 'sessions-redis', what: 'failed backup with dcs.08.0002', matches: (b) => b.errorCode === 'dcs.08.0002' },
    {
      service: 'rds',
      instance: 'reporting-sqlserver',
      what: 'SQL Server backup with databases',
      matches: (b) => (b.databases?.length ?? 0) > 0,
    },
    { service: 'ges', instance: 'social-graph', what: 'GES backup', matches: (b) => b.status === 'succeeded' },
    { service: 'dds', instance: 'catalog-mongo', what: 'DDS backup', matches: () => true },
    { service: 'csbs', instance: 'web-01', what: 'CSBS checkpoint with a fail reason', matches: (b) => Boolean(b.errorMessage) },
  ];

  for (const { service, instance, what, matches } of cases) {
    it(`opens one panel for a ${what} and reveals it when opened again`, async () => {
      const backup = await demoBackup(service, instance, matches, what);
      await vscode.commands.executeCommand('hwcBackups.openDetails', { backup });
      const [tab] = await waitForTabs('hwcBackups.details', backup.name, 1);
      assert.ok(tab.isActive, 'the new panel is active');

      // Something else in front, then open the same backup again the way a tree node does.
      await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
      await vscode.commands.executeCommand('hwcBackups.openDetails', { backup });
      await settle();
      const tabs = await waitForTabs('hwcBackups.details', backup.name, 1);
      assert.ok(tabs[0].isActive, 'the existing panel was revealed');
    });
  }

  it('registers the serializers that restore every panel kind after a reload', async () => {
    await api();
    for (const viewType of ['hwcBackups.details', 'hwcBackups.timeline', 'hwcBackups.restorePoint', 'hwcBackups.health']) {
      // Only one serializer may exist per view type, so registering a second one must fail.
      let registration: vscode.Disposable | undefined;
      assert.throws(() => {
        registration = vscode.window.registerWebviewPanelSerializer(viewType, { deserializeWebviewPanel: async () => undefined });
      }, `no serializer is registered for ${viewType}`);
      registration?.dispose();
    }
  });

  it('opens the instance timeline from an instance node, once per instance', async () => {
    const instance = await instanceNamed('rds', 'payments-mysql');
    await vscode.commands.executeCommand('hwcBackups.showTimeline', { instance });
    await waitForTabs('hwcBackups.timeline', `Timeline: ${instance.name}`, 1);
    await vscode.commands.executeCommand('hwcBackups.showTimeline', { instance });
    await settle();
    await waitForTabs('hwcBackups.timeline', `Timeline: ${instance.name}`, 1);
  });
});
