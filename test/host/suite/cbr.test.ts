// Issue 12's "done when", in the real extension host against the emulator's demo data: a user
// expands CBR → a vault → its backups, loads all, filters by status and time, opens a failed
// backup's panel and finds a CBR backup by id. Requests are checked against what the emulator got.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Backup, Instance } from '../../../src/cloud/model';
import type { ExplorerNode } from '../../../src/explorer/nodes';
import type { ExtensionApi } from '../../../src/extension';
import { clearRequests, EXTENSION_ID, requests } from '../emulatorControl';
import { FIXED_NOW } from '../emulatorWiring';

const DAY = 86_400_000;
let api: ExtensionApi;

const children = (node?: ExplorerNode): Promise<ExplorerNode[]> => api.explorer.getChildren(node);
const item = (node: ExplorerNode): vscode.TreeItem => api.explorer.getTreeItem(node);
const label = (node: ExplorerNode): string => {
  const text = item(node).label;
  return typeof text === 'string' ? text : (text?.label ?? '');
};
const backupOf = (node: ExplorerNode): Backup | undefined => (node as { backup?: Backup }).backup;
const backupsIn = (nodes: ExplorerNode[]): Backup[] => nodes.map(backupOf).filter((backup): backup is Backup => backup !== undefined);

async function root(service: string): Promise<ExplorerNode> {
  const node = (await children()).find((candidate) => (candidate as { service?: string }).service === service);
  assert.ok(node, `no ${service} node`);
  return node;
}

async function vaultNode(name: string): Promise<ExplorerNode> {
  const node = (await children(await root('cbr'))).find((candidate) => (candidate as { instance?: Instance }).instance?.name === name);
  assert.ok(node, `no vault ${name}`);
  return node;
}

async function cbrRequests(suffix: string) {
  return (await requests()).filter((request) => request.service === 'cbr' && request.path.endsWith(suffix));
}

/** Runs `change` (a refresh, or a filter change, which refreshes) and waits for the whole tree's refresh. */
async function afterTreeRefresh(change: () => unknown): Promise<void> {
  const refreshed = new Promise<void>((resolve) => {
    const subscription = api.explorer.onDidChangeTreeData((node) => {
      if (node) return;
      subscription.dispose();
      resolve();
    });
  });
  await change();
  await refreshed;
}

const setFilter = (filter: Parameters<ExtensionApi['filter']['set']>[0]) => afterTreeRefresh(() => api.filter.set(filter));

describe('CBR in the real host (issue 12)', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    api = await extension.activate();
  });

  beforeEach(async () => {
    await afterTreeRefresh(() => api.explorer.refresh());
    await clearRequests();
  });

  afterEach(async () => {
    if (api.filter.get()) await setFilter(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('CBR is the sixth service; its node lists vaults with one request; CSBS says it is legacy', async () => {
    const cbr = await root('cbr');
    assert.strictEqual(label(cbr), 'CBR — Cloud Backup and Recovery');
    assert.strictEqual(item(cbr).tooltip, undefined);
    assert.match(String(item(await root('csbs')).tooltip), /CSBS serves existing users; new backups are in CBR/);
    const vaults = await children(cbr);
    assert.deepStrictEqual(
      (await cbrRequests('/vaults')).map((request) => request.query),
      [{ offset: '0', limit: '50' }],
    );
    assert.deepStrictEqual(vaults.map(label), ['vault-prod-servers', 'vault-data-disks', 'vault-shared-files', 'vault-history-scale']);
    assert.strictEqual(item(vaults[0]).description, 'server · 183 GB of 500 GB · 3 resources');
    assert.match(String(item(cbr).description), /^4 vaults/);
  });

  it("a vault's backups: one request, newest first, resource · type · time · size; Load All fetches the rest in parallel", async () => {
    const history = await vaultNode('vault-history-scale');
    await clearRequests();
    const first = await children(history);
    assert.strictEqual((await cbrRequests('/backups')).length, 1);
    assert.strictEqual(backupsIn(first).length, 50);
    // The demo data is anchored at FIXED_NOW, months before the clock the tree reads.
    assert.match(String(item(first[0]).description), /^batch-history · auto · (incremental|full) · \d+ mo ago · 80 GB$/);
    assert.match(label(first.at(-1)!), /^Load 50 more… \(50 of 20000\)$/);
    assert.match(String(item(history).description), /20000 backups \(50 shown\)/);

    await clearRequests();
    await vscode.commands.executeCommand('hwcBackups.loadAll', history);
    const sent = await cbrRequests('/backups');
    const offsets = sent.map((request) => Number(request.query.offset)).sort((a, b) => a - b);
    // Every remaining page once, fetched from the count, and nothing after: CBR's count is the total.
    const pages = Array.from({ length: 399 }, (_, i) => 50 * (i + 1));
    assert.deepStrictEqual(offsets, pages);
    const all = backupsIn(await children(history));
    assert.strictEqual(new Set(all.map((backup) => backup.id)).size, 20_000);
    const starts = all.map((backup) => backup.start.instant ?? 0);
    assert.deepStrictEqual(
      starts,
      [...starts].sort((a, b) => b - a),
      'newest first',
    );
  });

  it('filters by status and time on the server: status=error and start_time/end_time', async () => {
    const now = FIXED_NOW.getTime();
    await setFilter({ statuses: ['failed'], timeRange: { from: now - 30 * DAY, to: now } });
    const servers = await vaultNode('vault-prod-servers');
    await clearRequests();
    const nodes = await children(servers);
    const failed = backupsIn(nodes);
    const [sent] = await cbrRequests('/backups');
    assert.strictEqual(sent.query.status, 'error');
    assert.match(String(sent.query.start_time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(String(sent.query.end_time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.strictEqual(failed.length, 2);
    assert.ok(failed.every((backup) => backup.status === 'failed'));
    assert.deepStrictEqual(
      nodes.filter(backupOf).map((node) => item(node).contextValue),
      ['hwcBackups.backup.failed', 'hwcBackups.backup.failed'],
    );
  });

  it("opens a failed CBR backup's panel", async () => {
    const failed = backupsIn(await children(await vaultNode('vault-prod-servers'))).find((backup) => backup.status === 'failed');
    assert.ok(failed);
    await vscode.commands.executeCommand('hwcBackups.openDetails', { backup: failed });
    const deadline = Date.now() + 8000;
    const tab = () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.label === failed.name);
    while (!tab() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(tab(), 'the panel opened');
  });

  it('Find Backup by ID looks a CBR backup up with GET /backups/{id} and reveals it in its vault', async () => {
    const disks = await vaultNode('vault-data-disks');
    const target = backupsIn(await children(disks)).at(-1)!;
    await afterTreeRefresh(() => api.explorer.refresh());
    await clearRequests();
    await api.scripted.findBackup(target.id);
    assert.ok((await cbrRequests(`/backups/${target.id}`)).length >= 1, 'CBR was asked by id');
    // The view reports its selection back to the extension host asynchronously: wait for it (bounded).
    const deadline = Date.now() + 5000;
    while (api.treeView.selection.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.strictEqual(backupOf(api.treeView.selection[0])?.id, target.id);
    assert.strictEqual(
      target.instanceId,
      ((await vaultNode('vault-data-disks')) as { instance: Instance }).instance.id,
      'found in its vault',
    );
  });

  // Leave the tree as the next suite expects it: nothing expanded (an expanded vault would reload on
  // its refreshes).
  after(async () => {
    await vscode.commands.executeCommand('workbench.actions.treeView.hwcBackups.explorer.collapseAll');
    await afterTreeRefresh(() => api.explorer.refresh());
  });
});
