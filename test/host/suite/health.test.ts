// Find Restore Point… and Show Backup Health in the real extension host against the emulator's demo
// data (issue 14's "done when"): payments-mysql inside its 5-day gap, every planted health finding
// with ledger-redis unscannable, the tree's badges matching the report, Copy as Markdown a table.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { Instance, ServiceId } from '../../../src/cloud/model';
import { adapterFor } from '../../../src/cloud/services/registry';
import type { HealthReport } from '../../../src/domain/health';
import { instanceUri, serviceUri } from '../../../src/explorer/healthUris';
import type { ExplorerNode } from '../../../src/explorer/nodes';
import { EXPECTED_FINDINGS, findingsWithoutBackupNames } from '../../emulator/plantedFindings';
import { EXTENSION_ID } from '../emulatorControl';

const DAY = 86_400_000;
/** The emulator's time anchor: the demo data's ages are measured from it. */
const NOW = Date.parse(process.env.HWC_EMULATOR_NOW ?? new Date().toISOString());

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

function webviewTab(viewTypeSuffix: string, label: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewTypeSuffix) && tab.label === label);
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('health: Find Restore Point and Show Backup Health in the real host', function () {
  this.timeout(60_000);
  let report: HealthReport;

  before(async () => {
    (await api()).health.clock = () => NOW;
  });

  after(async () => {
    await vscode.workspace.getConfiguration('hwcBackups.health').update('decorateTree', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Find Restore Point on payments-mysql inside its 5-day gap: the nearest restorable moment, the backup to use, the loss window', async () => {
    const payments = await instanceNamed('rds', 'payments-mysql');
    const moment = NOW - 11 * DAY;
    const answer = await (await api()).panels.findRestorePoint(payments, moment);
    assert.ok(answer, 'an answer');
    assert.ok(answer.rangeFindings && !answer.rangeFindings.error, 'the restorable ranges were read');
    assert.strictEqual(answer.rangeFindings.containing, undefined, 'the moment lies in the gap');
    assert.ok(answer.lastRestorable !== undefined && answer.lastRestorable < moment);
    assert.ok(answer.lossWindowMs! > 2 * DAY, `a loss window of ${answer.lossWindowMs! / DAY} days`);
    assert.ok(answer.best, 'a full backup to restore from');
    assert.ok(answer.best.full.status === 'succeeded' && answer.best.full.start.instant! <= answer.lastRestorable);
    assert.deepStrictEqual(answer.best.breaks, []);
    assert.ok(answer.coverage.serverFiltered && answer.coverage.requests <= 2);
    await waitFor('the restore-point panel', () => webviewTab('hwcBackups.restorePoint', 'Restore point: payments-mysql'));
  });

  it('registers both commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('hwcBackups.findRestorePoint') && commands.includes('hwcBackups.showHealth'));
  });

  it('Show Backup Health lists every planted finding and nothing else, with ledger-redis named as unscannable', async () => {
    const scanned = await (await api()).panels.showHealth();
    assert.ok(scanned, 'a report');
    report = scanned;
    const found = report.instances.flatMap((health) => health.findings.map((f) => `${health.service} ${health.instance.name} ${f.kind}`));
    assert.deepStrictEqual(findingsWithoutBackupNames(found), findingsWithoutBackupNames(EXPECTED_FINDINGS), found.sort().join('\n'));
    const ledger = report.instances.find((health) => health.instance.name === 'ledger-redis');
    assert.ok(ledger?.findings[0].kind === 'unscannable' && /APIGW\.0302/.test(ledger.findings[0].error));
    for (const planted of ['rds payments-mysql sizeDrop', 'rds billing-pg failed', 'ges kg-archive stale', 'dcs ledger-redis unscannable'])
      assert.ok(found.includes(planted), planted);
    assert.deepStrictEqual(report.serviceFailures, []);
    assert.strictEqual(report.summaries.length, 6, 'a summary per service');
    await waitFor('the health panel', () => webviewTab('hwcBackups.health', 'Backup Health'));
  });

  it('the tree’s badges match the report: instances stale or with a failed latest backup, counted on their service', async () => {
    const extension = await api();
    await vscode.workspace.getConfiguration('hwcBackups.health').update('decorateTree', true, vscode.ConfigurationTarget.Workspace);
    await waitFor('decorations turned on', () => extension.connection.healthSettings().decorateTree);
    // The setting change rebuilds the tree; the report's marks stay.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const decorations = extension.decorations;
    // One connection in one region: every instance of the report is in the default scope.
    const scopeKey = report.instances[0].scopeKey;
    assert.ok(report.instances.every((health) => health.scopeKey === scopeKey));
    const marked = new Map<string, number>();
    for (const health of report.instances) {
      const stale = health.findings.some((f) => f.kind === 'stale');
      const latestFailed = health.findings.some((f) => f.kind === 'failed' && f.isLatest);
      const decoration = decorations.provideFileDecoration(instanceUri(scopeKey, health.service, health.instance.id));
      const what = `${health.service} ${health.instance.name}`;
      if (!stale && !latestFailed) {
        assert.strictEqual(decoration, undefined, `${what} has no badge`);
        continue;
      }
      assert.ok(decoration, `${what} has a badge`);
      assert.strictEqual(decoration.badge, latestFailed ? '✕' : '!', what);
      assert.strictEqual(
        (decoration.color as unknown as { id: string }).id,
        latestFailed ? 'list.errorForeground' : 'list.warningForeground',
      );
      assert.ok(decoration.tooltip, `${what} says why`);
      marked.set(health.service, (marked.get(health.service) ?? 0) + 1);
    }
    assert.ok(marked.get('ges'), 'kg-archive is stale');
    for (const summary of report.summaries) {
      const badge = decorations.provideFileDecoration(serviceUri(scopeKey, summary.service))?.badge;
      assert.strictEqual(badge, marked.has(summary.service) ? String(marked.get(summary.service)) : undefined, summary.service);
    }

    // The tree's nodes carry the URIs the badges key on, and keep their labels.
    // (The nodes are the bundle's classes, not this file's: matched by id, not instanceof.)
    const roots = await extension.explorer.getChildren();
    const ges = roots.find((node) => node.id === 'hwc/ges');
    assert.ok(ges, 'the GES service node');
    assert.strictEqual(extension.explorer.getTreeItem(ges).resourceUri?.toString(), serviceUri(scopeKey, 'ges').toString());
    const archiveInstance = report.instances.find((health) => health.instance.name === 'kg-archive')!.instance;
    const children: ExplorerNode[] = await extension.explorer.getChildren(ges);
    const archive = children.find((node) => node.id === `hwc/ges/${archiveInstance.id}`);
    assert.ok(archive, 'the kg-archive node');
    const item = extension.explorer.getTreeItem(archive);
    assert.strictEqual(item.label, 'kg-archive');
    assert.strictEqual(item.resourceUri?.toString(), instanceUri(scopeKey, 'ges', archiveInstance.id).toString());
  });

  it('turning the badges off removes them', async () => {
    const extension = await api();
    await vscode.workspace.getConfiguration('hwcBackups.health').update('decorateTree', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('decorations turned off', () => !extension.connection.healthSettings().decorateTree || undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(extension.decorations.provideFileDecoration(serviceUri(report.instances[0].scopeKey, 'ges')), undefined);
  });

  it('Copy as Markdown puts a table on the clipboard', async () => {
    assert.ok(await (await api()).health.copyMarkdown());
    const text = await vscode.env.clipboard.readText();
    const table = text.split('\n').filter((line) => line.startsWith('|'));
    assert.match(table[0], /^\| Severity \| Scope \| Service \| Instance \| Finding \| Backup \| Started \(UTC\) \|$/);
    assert.match(table[1], /^\|(---\|){7}$/);
    assert.ok(table.length >= 2 + EXPECTED_FINDINGS.length, `${table.length - 2} rows`);
    assert.match(text, /\| critical \| [^|]+ \| GES \| kg-archive \|/);
    assert.match(text, /\| warning \| [^|]+ \| DCS \| ledger-redis \| Could not be scanned: /);
  });
});
