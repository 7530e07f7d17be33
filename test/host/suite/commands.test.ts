// The palette commands in the real extension host against the emulator: the filter reaches the
// servers as their own query parameters, Find Backup by ID looks up by id or scans and reveals
// the backup, Export writes every matching backup of an instance without a secret, Copy ID.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Backup, Instance } from '../../../src/cloud/model';
import { adapterFor } from '../../../src/cloud/services/registry';
import type { ExplorerNode } from '../../../src/explorer/nodes';
import type { ExtensionApi } from '../../../src/extension';
import { parseCsv } from '../../support/csv';
import { clearRequests, EXTENSION_ID, requests } from '../emulatorControl';

const DAY = 86_400_000;

let api: ExtensionApi;
let tempDir: string;

/** Waits for the tree's refresh after a filter change (the explorer re-reads on FilterState.onDidChange). */
async function setFilter(filter: Parameters<ExtensionApi['filter']['set']>[0]): Promise<void> {
  await api.filter.set(filter);
  api.explorer.refresh();
}

async function instanceNode(service: string, instanceId: string): Promise<ExplorerNode> {
  const root = (await api.explorer.getChildren()).find((node) => (node as { service?: string }).service === service);
  assert.ok(root, `no ${service} node`);
  const node = (await api.explorer.getChildren(root)).find(
    (candidate) => (candidate as { instance?: Instance }).instance?.id === instanceId,
  );
  assert.ok(node, `no ${service} instance ${instanceId}`);
  return node;
}

/** The instances and one page of backups of a service, read directly through the cloud layer. */
async function firstInstances(service: 'rds' | 'dcs'): Promise<Instance[]> {
  const ctx = await api.connection.adapterContext();
  return [...(await adapterFor(service).listInstances(ctx, { limit: 100 })).items];
}

async function backupsOf(instance: Instance, limit = 100, offset = 0): Promise<{ items: readonly Backup[]; total?: number }> {
  const ctx = await api.connection.adapterContext();
  return adapterFor(instance.service).listBackups(ctx, instance, { limit, cursor: { kind: 'offset', offset } });
}

/** The instance with the most backups, so a search must go past the tree's first page. */
async function busiestInstance(service: 'rds' | 'dcs'): Promise<{ instance: Instance; total: number }> {
  let best: { instance: Instance; total: number } | undefined;
  for (const instance of await firstInstances(service)) {
    // ledger-redis answers 403 (the demo's unscannable instance): not a candidate.
    const page = await backupsOf(instance, 1).catch(() => undefined);
    if (!page) continue;
    const total = page.total ?? page.items.length;
    if (!best || total > best.total) best = { instance, total };
  }
  assert.ok(best && best.total > 0, `the demo data has ${service} backups`);
  return best;
}

function selectedBackupId(): string | undefined {
  return (api.treeView.selection[0] as { backup?: Backup } | undefined)?.backup?.id;
}

describe('commands in the real host', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-commands-'));
  });

  afterEach(async () => {
    await setFilter(undefined);
  });

  after(() => fs.rmSync(tempDir, { recursive: true, force: true }));

  it('registers its commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of [
      'setCredentials',
      'clearCredentials',
      'selectRegion',
      'filter',
      'clearFilter',
      'copyId',
      'findBackup',
      'exportBackups',
      'showFailed',
      'showLog',
    ]) {
      assert.ok(registered.has(`hwcBackups.${id}`), id);
    }
  });

  it('sends the filter to RDS and DCS as their own server-side parameters', async () => {
    const to = Date.parse(process.env.HWC_EMULATOR_NOW ?? new Date().toISOString());
    const from = to - 30 * DAY;
    await setFilter({ types: ['manual'], timeRange: { from, to }, statuses: ['failed'] });
    const [rds] = await firstInstances('rds');
    const [dcs] = await firstInstances('dcs');
    await clearRequests();
    await api.explorer.getChildren(await instanceNode('rds', rds.id));
    await api.explorer.getChildren(await instanceNode('dcs', dcs.id));
    const sent = (await requests()).filter((request) => request.path.endsWith('/backups'));
    const rdsQuery = sent.find((request) => request.service === 'rds')?.query;
    assert.ok(rdsQuery, 'RDS backups were requested');
    assert.strictEqual(rdsQuery.backup_type, 'manual');
    assert.match(String(rdsQuery.begin_time), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$/);
    assert.match(String(rdsQuery.end_time), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$/);
    assert.strictEqual(rdsQuery.status, undefined, 'RDS cannot filter by status: applied to pages instead');
    const dcsQuery = sent.find((request) => request.service === 'dcs')?.query;
    assert.ok(dcsQuery, 'DCS backups were requested');
    assert.match(String(dcsQuery.beginTime), /^\d{14}$/);
    assert.match(String(dcsQuery.endTime), /^\d{14}$/);
  });

  it('Clear Filter removes the filter', async () => {
    await api.filter.set({ statuses: ['failed'] });
    await vscode.commands.executeCommand('hwcBackups.clearFilter');
    assert.strictEqual(api.filter.get(), undefined);
  });

  it('Find Backup by ID looks an RDS backup up by id on the server and reveals it', async () => {
    const { instance, total } = await busiestInstance('rds');
    const target = (await backupsOf(instance, 1, total - 1)).items[0];
    api.explorer.refresh();
    await clearRequests();
    await api.scripted.findBackup(target.id);
    const lookups = (await requests()).filter((request) => request.service === 'rds' && request.query.backup_id === target.id);
    assert.ok(lookups.length >= 1, 'RDS was asked by backup_id');
    assert.strictEqual(selectedBackupId(), target.id, 'the backup is selected in the tree');
  });

  it('Find Backup by ID scans DCS lists when the API cannot look up by id', async () => {
    const { instance, total } = await busiestInstance('dcs');
    const target = (await backupsOf(instance, 1, total - 1)).items[0];
    api.explorer.refresh();
    await api.scripted.findBackup(target.id);
    assert.strictEqual(selectedBackupId(), target.id);
  });

  it('Export writes every backup of an instance to CSV, without a secret', async () => {
    const { instance, total } = await busiestInstance('rds');
    const file = vscode.Uri.file(path.join(tempDir, 'rds.csv'));
    await api.scripted.exportBackups(await instanceNode('rds', instance.id), file);
    const text = fs.readFileSync(file.fsPath, 'utf8');
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    assert.strictEqual(rows[0][3], 'backup_id');
    assert.strictEqual(rows.length - 1, total, 'one row per backup');
    assert.strictEqual(new Set(rows.slice(1).map((row) => row[3])).size, total, 'no page twice');
    for (const secret of [process.env.HUAWEICLOUD_SDK_SK!, process.env.HUAWEICLOUD_SDK_AK!]) assert.ok(!text.includes(secret));
  });

  it('Export honours the filter and writes JSON for a .json file', async () => {
    const { instance } = await busiestInstance('dcs');
    await setFilter({ statuses: ['failed', 'succeeded'] });
    const file = vscode.Uri.file(path.join(tempDir, 'dcs.json'));
    await api.scripted.exportBackups(await instanceNode('dcs', instance.id), file);
    const text = fs.readFileSync(file.fsPath, 'utf8');
    const records = JSON.parse(text) as Array<{ status: string; raw: unknown; instanceId: string }>;
    assert.ok(records.length > 0);
    assert.ok(
      records.every((record) => ['failed', 'succeeded'].includes(record.status) && record.instanceId === instance.id && record.raw),
    );
    assert.ok(!text.includes(process.env.HUAWEICLOUD_SDK_SK!));
  });

  it('Copy Backup ID puts the id on the clipboard', async () => {
    const [rds] = await firstInstances('rds');
    const backupNode = (await api.explorer.getChildren(await instanceNode('rds', rds.id))).find(
      (node) => (node as { backup?: Backup }).backup,
    );
    assert.ok(backupNode);
    await vscode.commands.executeCommand('hwcBackups.copyId', backupNode);
    assert.strictEqual(await vscode.env.clipboard.readText(), (backupNode as { backup: Backup }).backup.id);
  });
});
