// Connections and regions in the real extension host, against the emulator's two accounts and
// several regions: a user who never added a connection keeps the tree as it was; a second
// connection comes in from an SDK credentials file with its keys in SecretStorage only; two
// regions show side by side while a region without a project is one error node; Show Failed's
// search covers every scope; Open in Console hands the region's console page to openExternal.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEFAULT_CONNECTION_ID, type ConnectionProfiles } from '../../../src/auth/connectionProfiles';
import { ADAPTERS } from '../../../src/cloud/services/registry';
import type { ImportAnswers } from '../../../src/commands/connections';
import { DEFAULT_SCAN_LIMITS, scanMatchingBackups, searchScopes } from '../../../src/domain/backupScan';
import type { ExtensionApi } from '../../../src/extension';
import type { BackupNode, ConnectionNode, ExplorerNode, RegionNode, ScopeErrorNode, ServiceNode } from '../../../src/explorer/nodes';
import { ACCOUNT_B_CREDENTIALS, ACCOUNT_B_PROJECT_ID, DENIED_REGION, FAILING_REGION, SECOND_REGION } from '../../emulator/server';
import { clearRequests, EXTENSION_ID, requests } from '../emulatorControl';

let api: ExtensionApi;

// The extension runs from its bundle and these tests from out/: the node classes are two copies,
// so nodes are told apart by their shape, never with instanceof.
const isService = (node: ExplorerNode): node is ServiceNode => 'adapter' in node && 'scope' in node;
const isConnection = (node: ExplorerNode): node is ConnectionNode => 'connectionId' in node && 'regions' in node;
const isRegion = (node: ExplorerNode): node is RegionNode => 'scope' in node && !('adapter' in node);
const isScopeError = (node: ExplorerNode): node is ScopeErrorNode => 'error' in node && isRegion((node as ScopeErrorNode).parent);
const isBackup = (node: ExplorerNode): node is BackupNode => 'backup' in node;
let context: vscode.ExtensionContext;

const children = (node?: ExplorerNode): Promise<ExplorerNode[]> => api.explorer.getChildren(node);
const labelOf = (node: ExplorerNode): string => {
  const label = api.explorer.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
};

/** Changes the connections and waits for the (debounced) change that rebuilds the tree. */
async function reconfigure(change: (profiles: ConnectionProfiles) => Promise<unknown>): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const subscription = api.connection.onDidChange(() => {
      subscription.dispose();
      resolve();
    });
  });
  await api.connection.updateConnections(change);
  await changed;
}

/** The view's message line once it matches (it is filled in after the tree is built). */
async function viewMessage(pattern: RegExp): Promise<void> {
  let message = '';
  for (let i = 0; i < 50 && !pattern.test(message); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    message = api.treeView.message ?? '';
  }
  assert.match(message, pattern);
}

async function regionNode(connectionName: string, region: string): Promise<RegionNode> {
  const connection = (await children()).find((node): node is ConnectionNode => isConnection(node) && node.name === connectionName);
  assert.ok(connection, `no connection node ${connectionName}`);
  const found = (await children(connection)).find((node): node is RegionNode => isRegion(node) && node.region === region);
  assert.ok(found, `no region ${region} under ${connectionName}`);
  return found;
}

async function instanceNames(service: ServiceNode): Promise<string[]> {
  return (await children(service)).map(labelOf);
}

async function servicesOf(region: RegionNode): Promise<ServiceNode[]> {
  return (await children(region)).filter(isService);
}

/** Everything outside SecretStorage where a careless import could leave a key. */
function persistedText(): string {
  const state = (memento: vscode.Memento) => Object.fromEntries(memento.keys().map((key) => [key, memento.get(key)]));
  const userSettings = path.join(context.globalStorageUri.fsPath, '..', '..', 'settings.json');
  const workspaceSettings =
    vscode.workspace.workspaceFolders?.map((folder) => path.join(folder.uri.fsPath, '.vscode', 'settings.json')) ?? [];
  const files = [userSettings, ...workspaceSettings].filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file, 'utf8'));
  const logs = fs.existsSync(context.logUri.fsPath)
    ? fs.readdirSync(context.logUri.fsPath).map((name) => fs.readFileSync(path.join(context.logUri.fsPath, name), 'utf8'))
    : [];
  return JSON.stringify({ globalState: state(context.globalState), workspaceState: state(context.workspaceState), files, logs });
}

/** Import answers a person would give: everything picked, consent given, the default region. */
function scriptedAnswers(record: { consentedTo: string[]; reports: string[]; problems: string[] }): ImportAnswers {
  return {
    showProblems: (lines) => void record.problems.push(...lines),
    pick: async (candidates) => candidates,
    consentToCopyKeys: async (names) => {
      record.consentedTo.push(...names);
      return true;
    },
    keysFor: async () => undefined,
    regionsFor: async (_candidate, defaults) => defaults,
    report: (message) => record.reports.push(message),
  };
}

describe('connections and regions in the real host', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    context = (api.connection as unknown as { context: vscode.ExtensionContext }).context;
  });

  afterEach(async () => {
    await reconfigure(async (profiles) => {
      for (const profile of profiles.list()) if (profile.id !== DEFAULT_CONNECTION_ID) await profiles.remove(profile.id);
      await profiles.update(DEFAULT_CONNECTION_ID, { regions: undefined, hidden: undefined });
    });
  });

  it('keeps the tree of a user who never added a connection: the services are the roots', async () => {
    assert.deepStrictEqual(
      api.connection.profiles.list().map((profile) => profile.id),
      [DEFAULT_CONNECTION_ID],
    );
    const roots = await children();
    assert.ok(roots.length >= 6 && roots.every(isService), roots.map(labelOf).join(', '));
    assert.strictEqual(roots[0].id, 'hwc/rds');
  });

  it('migrates keys stored before connections existed: the default connection signs with them and the tree is unchanged', async () => {
    // What the version before connections left behind: its three SecretStorage entries, no connections state.
    const token = 'pre-upgrade-security-token-0123456789';
    await reconfigure(async () => {
      await context.globalState.update('hwcBackups.connections', undefined);
      await context.secrets.store('hwcBackups.secretKey', process.env.HUAWEICLOUD_SDK_SK!);
      await context.secrets.store('hwcBackups.securityToken', token);
      await context.secrets.store('hwcBackups.accessKey', process.env.HUAWEICLOUD_SDK_AK!);
    });
    try {
      assert.strictEqual(await api.connection.credentialSource(), 'secretStorage');
      assert.deepStrictEqual(
        api.connection.profiles.list().map((profile) => [profile.id, profile.name, profile.regions]),
        [[DEFAULT_CONNECTION_ID, 'default', undefined]],
      );
      await clearRequests();
      const roots = await children();
      assert.ok(roots.length >= 6 && roots.every(isService), roots.map(labelOf).join(', '));
      assert.ok((await instanceNames(roots[0])).includes('orders-mysql'));
      const signed = (await requests()).filter((request) => request.service === 'rds');
      assert.ok(
        signed.length > 0 && signed.every((request) => request.headers['x-security-token'] === token),
        'signed with the stored keys',
      );
    } finally {
      await reconfigure(() => api.connection.clearCredentials());
    }
  });

  it('imports a connection from an SDK credentials file, keeps its keys in SecretStorage only, and lists its own project', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hwc-import-'));
    const file = path.join(home, 'credentials');
    fs.writeFileSync(file, `[basic]\r\nak = ${ACCOUNT_B_CREDENTIALS.accessKey}\r\nsk = ${ACCOUNT_B_CREDENTIALS.secretKey}\r\n`);
    const record = { consentedTo: [] as string[], reports: [] as string[], problems: [] as string[] };
    const imported = await api.scripted.importConnections(scriptedAnswers(record), {
      env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: file },
      homeDir: home,
    });
    assert.deepStrictEqual(imported, ['basic']);
    assert.deepStrictEqual(record.consentedTo, ['basic'], 'plain keys are copied only after consent');
    assert.deepStrictEqual(record.problems, []);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const roots = await children();
    assert.deepStrictEqual(roots.map(labelOf), ['default', 'basic']);
    const [rdsOfB] = await servicesOf(await regionNode('basic', 'cn-north-4'));
    assert.ok(
      (await instanceNames(rdsOfB)).every((name) => name.startsWith('b-')),
      'account B sees its own instances',
    );
    const [rdsOfA] = await servicesOf(await regionNode('default', 'cn-north-4'));
    assert.ok((await instanceNames(rdsOfA)).includes('orders-mysql'));

    // An export of the imported connection's backups holds its data, never its keys.
    const [instanceOfB] = await children(rdsOfB);
    const target = vscode.Uri.file(path.join(home, 'export.json'));
    assert.ok(await api.scripted.exportBackups(instanceOfB, target));
    const exported = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(exported, /b-/);
    const [first] = JSON.parse(exported) as Array<Record<string, unknown>>;
    assert.deepStrictEqual([first.connection, first.region, first.projectId], ['basic', 'cn-north-4', ACCOUNT_B_PROJECT_ID]);

    const secret = ACCOUNT_B_CREDENTIALS.secretKey;
    assert.ok(!persistedText().includes(secret), 'the imported secret key is in settings, state or the log');
    assert.ok(!exported.includes(secret) && !exported.includes(ACCOUNT_B_CREDENTIALS.accessKey), 'a key reached the export');
    const profile = api.connection.profiles.list().find((candidate) => candidate.name === 'basic');
    assert.ok(profile);
    assert.deepStrictEqual(await api.connection.profiles.credentials(profile.id), ACCOUNT_B_CREDENTIALS);

    // Renaming changes the name shown, not the connection: same id, same keys.
    await reconfigure((profiles) => profiles.update(profile.id, { name: 'staging' }));
    assert.deepStrictEqual((await children()).map(labelOf), ['default', 'staging']);
    assert.strictEqual((await children())[1].id, `hwc/c/${profile.id}`);
    assert.deepStrictEqual(await api.connection.profiles.credentials(profile.id), ACCOUNT_B_CREDENTIALS);
  });

  it('switches connections: a hidden one leaves the tree and every search, keeps its keys, and comes back when shown', async () => {
    let staging = '';
    await reconfigure(async (profiles) => (staging = await profiles.add('staging', ACCOUNT_B_CREDENTIALS, ['cn-north-4'])));
    assert.deepStrictEqual((await children()).map(labelOf), ['default', 'staging']);
    await viewMessage(/^2 connections · 2 regions · using HUAWEICLOUD_SDK_AK from the environment$/);

    await reconfigure((profiles) => profiles.update(DEFAULT_CONNECTION_ID, { hidden: true }));
    assert.deepStrictEqual(
      (await api.connection.scopes()).map((scope) => scope.key),
      [`${staging}/cn-north-4`],
    );
    // One scope shown: the tree is the plain one again, now of account B.
    const roots = await children();
    assert.ok(roots.every(isService), roots.map(labelOf).join(', '));
    const names = await instanceNames(roots[0]);
    assert.ok(names.length > 0 && names.every((name) => name.startsWith('b-')), names.join(', '));
    // The view says which connection and region it shows, and that scope's project, not the default's.
    await viewMessage(new RegExp(`^staging · cn-north-4 · project ${ACCOUNT_B_PROJECT_ID.slice(0, 8)}`));
    // Requests that name no scope (a palette flow, an old panel) go to the scope shown, never the hidden one.
    assert.strictEqual((await api.connection.contextFor(undefined)).projectId, ACCOUNT_B_PROJECT_ID);

    await reconfigure((profiles) => profiles.update(DEFAULT_CONNECTION_ID, { hidden: undefined }));
    assert.deepStrictEqual((await children()).map(labelOf), ['default', 'staging']);
    assert.deepStrictEqual(await api.connection.profiles.credentials(staging), ACCOUNT_B_CREDENTIALS);
  });

  it("shows an imported connection's rejected keys in place, not as the default keys' Set Credentials… fix", async () => {
    await reconfigure(async (profiles) => {
      await profiles.add('broken', { accessKey: 'WRONGACCESSKEY000009', secretKey: 'not-the-secret-9' }, ['cn-north-4'], {
        'cn-north-4': ACCOUNT_B_PROJECT_ID,
      });
      await profiles.update(DEFAULT_CONNECTION_ID, { hidden: true });
    });
    const roots = await children();
    assert.ok(roots.every(isService), roots.map(labelOf).join(', '));
    const errors = await children(roots[0]);
    assert.strictEqual(errors.length, 1);
    assert.match(labelOf(errors[0]), /401|APIGW|rejected|signature/i);
    // The tree was not replaced by the default connection's "credentials rejected" node.
    assert.ok((await children()).every(isService));
  });

  it('shows two regions side by side; a region without a project is one error node with its fix', async () => {
    await reconfigure((profiles) => profiles.update(DEFAULT_CONNECTION_ID, { regions: ['cn-north-4', SECOND_REGION, FAILING_REGION] }));
    const roots = await children();
    assert.strictEqual(roots.length, 1);
    assert.ok(isConnection(roots[0]));
    assert.deepStrictEqual((await children(roots[0])).map(labelOf), ['cn-north-4', SECOND_REGION, FAILING_REGION]);

    const [rdsHere] = await servicesOf(await regionNode('default', 'cn-north-4'));
    const [rdsThere] = await servicesOf(await regionNode('default', SECOND_REGION));
    assert.ok((await instanceNames(rdsHere)).includes('orders-mysql'));
    assert.ok((await instanceNames(rdsThere)).every((name) => name.startsWith('hk-')));

    const failing = await children(await regionNode('default', FAILING_REGION));
    assert.strictEqual(failing.length, 1);
    const error = failing[0];
    assert.ok(isScopeError(error));
    assert.strictEqual((error.error as { code?: string }).code, 'NO_PROJECT', String(error.error));
    assert.match(labelOf(error), /^NO_PROJECT · .*Show or Hide Regions/);
    assert.match(String(api.explorer.getTreeItem(error).description), /eu-west-101/);
  });

  it('makes a region the IAM user may not use (403 APIGW.0802) one error node, whichever service met it first', async () => {
    await reconfigure((profiles) => profiles.update(DEFAULT_CONNECTION_ID, { regions: ['cn-north-4', DENIED_REGION] }));
    const denied = await regionNode('default', DENIED_REGION);
    const services = await servicesOf(denied);
    assert.ok(services.length >= 6, 'its project resolves, so its services are listed first');
    await children(services[0]);
    let shown: ExplorerNode[] = [];
    for (let i = 0; i < 50; i++) {
      shown = await children(denied);
      if (shown.length === 1 && isScopeError(shown[0])) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.strictEqual(shown.length, 1, shown.map(labelOf).join(', '));
    assert.ok(isScopeError(shown[0]));
    assert.match(labelOf(shown[0]), /^APIGW\.0802 · This IAM user may not use this region/);
    const [rdsHere] = await servicesOf(await regionNode('default', 'cn-north-4'));
    assert.ok((await instanceNames(rdsHere)).includes('orders-mysql'), 'the other region keeps working');
  });

  it('counts the health badges on each region and on the connection above them, keeping same-named scopes apart', async () => {
    await reconfigure((profiles) => profiles.update(DEFAULT_CONNECTION_ID, { regions: ['cn-north-4', SECOND_REGION] }));
    const health = vscode.workspace.getConfiguration('hwcBackups.health');
    await health.update('decorateTree', true, vscode.ConfigurationTarget.Workspace);
    try {
      const clock = api.health.clock;
      api.health.clock = () => Date.parse(process.env.HWC_EMULATOR_NOW ?? new Date().toISOString());
      const report = await api.health.scan().finally(() => (api.health.clock = clock));
      assert.ok(report, 'a report');
      const isMarked = (h: (typeof report.instances)[number]) =>
        h.findings.some((f) => f.kind === 'stale' || (f.kind === 'failed' && f.isLatest));
      const marked = (scopeKey: string, service?: string) =>
        report.instances.filter((h) => h.scopeKey === scopeKey && (service === undefined || h.service === service) && isMarked(h)).length;
      const badgeOf = (node: ExplorerNode) => {
        const uri = api.explorer.getTreeItem(node).resourceUri;
        assert.ok(uri, `${labelOf(node)} carries a resourceUri`);
        return api.decorations.provideFileDecoration(uri)?.badge;
      };
      const here = await regionNode('default', 'cn-north-4');
      const there = await regionNode('default', SECOND_REGION);
      assert.ok(marked(here.scope.key) > 0 && marked(there.scope.key) > 0, 'both regions have findings to count');
      assert.strictEqual(badgeOf(here), String(marked(here.scope.key)));
      assert.strictEqual(badgeOf(there), String(marked(there.scope.key)));
      const connection = (await children()).find(isConnection)!;
      assert.strictEqual(badgeOf(connection), String(marked(here.scope.key) + marked(there.scope.key)));
      // A service's count is its own region's, never the same service's in the other region.
      const [rdsThere] = await servicesOf(there);
      const rdsThereMarked = marked(there.scope.key, 'rds');
      assert.strictEqual(badgeOf(rdsThere), rdsThereMarked ? String(rdsThereMarked) : undefined);
    } finally {
      await health.update('decorateTree', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('searches failed backups in every region shown, each result saying which region it came from', async () => {
    await reconfigure((profiles) => profiles.update(DEFAULT_CONNECTION_ID, { regions: ['cn-north-4', SECOND_REGION] }));
    const scopes = await api.connection.scopes();
    const enabled = ADAPTERS.filter((adapter) => api.connection.settings().services.includes(adapter.id));
    const outcomes = await searchScopes(scopes, (ctx) => scanMatchingBackups(ctx, enabled, { statuses: ['failed'] }, DEFAULT_SCAN_LIMITS));
    assert.deepStrictEqual(
      outcomes.map((outcome) => outcome.scope.region),
      ['cn-north-4', SECOND_REGION],
    );
    for (const outcome of outcomes) {
      assert.ok(outcome.value && outcome.value.matches.length > 0, `no failed backup found in ${outcome.scope.region}`);
    }
    const there = outcomes[1].value!.matches;
    assert.ok(
      there.every((backup) => (backup.instanceName ?? '').startsWith('hk-') || backup.service === 'csbs' || backup.service === 'cbr'),
    );
  });

  it("opens a backup in its region's console and copies the link", async () => {
    await reconfigure((profiles) => profiles.update(DEFAULT_CONNECTION_ID, { regions: ['cn-north-4', SECOND_REGION] }));
    const [rds] = await servicesOf(await regionNode('default', SECOND_REGION));
    const [instance] = await children(rds);
    const backup = (await children(instance)).find(isBackup);
    assert.ok(backup);

    const env = vscode.env as { openExternal: typeof vscode.env.openExternal };
    const original = env.openExternal;
    const opened: string[] = [];
    env.openExternal = async (uri: vscode.Uri) => {
      opened.push(uri.toString(true));
      return true;
    };
    try {
      await vscode.commands.executeCommand('hwcBackups.openInConsole', backup);
    } finally {
      env.openExternal = original;
    }
    assert.strictEqual(opened.length, 1);
    assert.match(opened[0], new RegExp(`^https://console-intl\\.huaweicloud\\.com/rds/\\?region=${SECOND_REGION}`));

    await vscode.commands.executeCommand('hwcBackups.copyConsoleLink', backup);
    assert.strictEqual(await vscode.env.clipboard.readText(), opened[0]);

    await vscode.workspace
      .getConfiguration('hwcBackups')
      .update('consoleHost', 'console.private.example.com', vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('hwcBackups.copyConsoleLink', rds);
      assert.match(await vscode.env.clipboard.readText(), /^https:\/\/console\.private\.example\.com\/rds\//);
    } finally {
      await vscode.workspace.getConfiguration('hwcBackups').update('consoleHost', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
