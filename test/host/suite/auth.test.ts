// Credentials in the real extension host: they live in SecretStorage and nowhere else — not in
// any settings scope, globalState, workspaceState, the request log or error messages — the
// project id is resolved once per region and cached without secrets, and Forget Credentials
// falls back to the environment.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { CloudError } from '../../../src/cloud/http/errors';
import { verifyCredentials } from '../../../src/commands/credentials';
import type { ExtensionApi } from '../../../src/extension';
import { clearRequests, EXTENSION_ID, requests } from '../emulatorControl';

/** The emulator accepts exactly the demo keys, which the runner also puts in the environment. */
const ACCESS_KEY = process.env.HUAWEICLOUD_SDK_AK ?? '';
const SECRET_KEY = process.env.HUAWEICLOUD_SDK_SK ?? '';
const SECURITY_TOKEN = 'host-test-security-token-0123456789abcdef';
const WRONG_SECRET = 'wrong-secret-that-must-never-be-echoed-4242';

let api: ExtensionApi;
/**
 * The extension's own ExtensionContext: SecretStorage, globalState and the log folder are per
 * extension, so the test reads them through the live CloudConnection that holds it.
 */
let context: vscode.ExtensionContext;

/** Everything outside SecretStorage where a careless extension could leave a credential. */
function persistedText(): string {
  const config = vscode.workspace.getConfiguration('hwcBackups');
  const settingScopes = [
    'region',
    'projectId',
    'endpointTemplate',
    'endpoints',
    'services',
    'pageSize',
    'requestTimeoutSeconds',
    'maxRetries',
    'accessKey',
    'secretKey',
    'securityToken',
    'credentials',
  ].map((key) => config.inspect(key));
  const state = (memento: vscode.Memento) => Object.fromEntries(memento.keys().map((key) => [key, memento.get(key)]));
  // globalStorageUri is <user data>/User/globalStorage/<extension id>; settings.json sits in User/.
  const userSettings = path.join(context.globalStorageUri.fsPath, '..', '..', 'settings.json');
  const workspaceSettings =
    vscode.workspace.workspaceFolders?.map((folder) => path.join(folder.uri.fsPath, '.vscode', 'settings.json')) ?? [];
  const files = [userSettings, ...workspaceSettings].filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file, 'utf8'));
  return JSON.stringify({ settingScopes, globalState: state(context.globalState), workspaceState: state(context.workspaceState), files });
}

function logText(): string {
  const folder = context.logUri.fsPath;
  if (!fs.existsSync(folder)) return '';
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .map((name) => fs.readFileSync(path.join(folder, name), 'utf8'))
    .join('\n');
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Credential and settings changes reach the connection through debounced events. */
function nextChange(): Promise<void> {
  return new Promise((resolve) => {
    const subscription = api.connection.onDidChange(() => {
      subscription.dispose();
      resolve();
    });
  });
}

/**
 * Sets a workspace setting and waits for the connection's change, so the tree's refresh that
 * follows it cannot land in a later test. Nothing to wait for when the value is already set.
 */
async function updateSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('hwcBackups');
  if (config.inspect(key)?.workspaceValue === value) return;
  const changed = nextChange();
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  await changed;
}

describe('credentials in the real host', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    context = (api.connection as unknown as { context: vscode.ExtensionContext }).context;
    assert.ok(context?.secrets, 'CloudConnection keeps the extension context');
    assert.ok(ACCESS_KEY && SECRET_KEY, 'the runner gives the demo keys in the environment');
  });

  after(async () => {
    // Wait for the (debounced) change, so the tree's refresh does not land in the next suite's test.
    const changed = nextChange();
    await api.connection.clearCredentials();
    await changed;
  });

  it('uses the environment when SecretStorage is empty', async () => {
    await api.connection.clearCredentials();
    assert.strictEqual(await api.connection.credentialSource(), 'environment');
  });

  it('stores credentials only in SecretStorage and signs with them', async () => {
    const changed = nextChange();
    await api.connection.storeCredentials({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, securityToken: SECURITY_TOKEN });
    await changed;
    assert.strictEqual(await api.connection.credentialSource(), 'secretStorage');
    assert.strictEqual(await context.secrets.get('hwcBackups.secretKey'), SECRET_KEY);
    assert.strictEqual(await context.secrets.get('hwcBackups.securityToken'), SECURITY_TOKEN);

    await clearRequests();
    const ctx = await api.connection.adapterContext();
    const response = await ctx.get('rds', `/v3/${ctx.projectId}/instances`, { offset: 0, limit: 1 });
    assert.strictEqual(response.status, 200, 'the emulator accepted the signature');
    const seen = (await requests()).find((request) => request.service === 'rds');
    assert.ok(seen, 'the emulator saw the request');

    const persisted = persistedText();
    for (const secret of [SECRET_KEY, SECURITY_TOKEN, ACCESS_KEY]) {
      assert.ok(!persisted.includes(secret), `a credential leaked into settings or state: ${secret.slice(0, 4)}…`);
    }
  });

  it('logs every request as one line without credentials', async () => {
    const ctx = await api.connection.adapterContext();
    await ctx.get('dds', `/v3/${ctx.projectId}/instances`, { offset: 0, limit: 1 });
    await waitFor(
      () => /GET dds \/v3\/\S+\/instances\?offset=0&limit=1 → 200 in \d+ ms · request id \S+/.test(logText()),
      'the request log line',
    );
    const log = logText();
    for (const secret of [SECRET_KEY, SECURITY_TOKEN]) assert.ok(!log.includes(secret), 'a secret reached the log');
    assert.ok(!/authorization|SDK-HMAC-SHA256 Access=/i.test(log), 'the Authorization header reached the log');
  });

  it('reports rejected keys with the API error, never echoing the secret', async () => {
    const result = await verifyCredentials(api.connection, { accessKey: ACCESS_KEY, secretKey: WRONG_SECRET });
    assert.strictEqual(result.ok, false);
    const error = (result as { error: unknown }).error;
    assert.ok(error instanceof Error);
    assert.strictEqual((error as CloudError).status, 401);
    assert.strictEqual((error as CloudError).code, 'APIGW.0301');
    assert.ok((error as CloudError).requestId, 'the request id is kept for support');
    assert.ok(
      !JSON.stringify({ message: error.message, details: (error as CloudError).details, stack: error.stack }).includes(WRONG_SECRET),
    );
    await waitFor(() => logText().includes('→ 401'), 'the 401 in the log');
    assert.ok(!logText().includes(WRONG_SECRET));
  });

  it('verifies working keys through IAM even when a project id is configured', async () => {
    await clearRequests();
    const result = await verifyCredentials(api.connection, { accessKey: ACCESS_KEY, secretKey: SECRET_KEY });
    assert.ok(result.ok, 'the demo keys work');
    assert.strictEqual(
      (result as { project: { id: string } }).project.id,
      api.connection.settings().projectId,
      'IAM names the emulator project',
    );
    const iam = (await requests()).filter((request) => request.service === 'iam');
    assert.strictEqual(iam.length, 1);
    assert.strictEqual(iam[0].query.name, api.connection.settings().region);
  });

  it('resolves the project from IAM once per region and caches only the id', async () => {
    const configured = vscode.workspace.getConfiguration('hwcBackups').get<string>('projectId');
    try {
      // Cleared first: the tree's view description may look the project up before this test does.
      await clearRequests();
      await updateSetting('projectId', '');
      const first = await api.connection.session();
      const project = await first!.project();
      assert.strictEqual(project.id, configured, 'IAM gives the emulator project');
      assert.strictEqual(project.source, 'iam');
      assert.strictEqual((await requests()).filter((r) => r.service === 'iam').length, 1);

      // A settings change rebuilds the session; the id comes from the per-region cache.
      await updateSetting('pageSize', 20);
      await clearRequests();
      const second = await api.connection.session();
      assert.notStrictEqual(second, first, 'a new session after the change');
      assert.strictEqual((await second!.project()).id, configured);
      assert.strictEqual((await requests()).filter((r) => r.service === 'iam').length, 0, 'no second IAM look-up');
      const persisted = persistedText();
      assert.ok(persisted.includes(configured!), 'the project id is cached in globalState');
      assert.ok(!persisted.includes(SECRET_KEY) && !persisted.includes(ACCESS_KEY));
    } finally {
      await updateSetting('pageSize', undefined);
      await updateSetting('projectId', configured);
    }
  });

  it('says in the view when the project cannot be resolved, instead of hiding it', async () => {
    const config = vscode.workspace.getConfiguration('hwcBackups');
    const configured = { projectId: config.get<string>('projectId'), region: config.get<string>('region') };
    try {
      await updateSetting('projectId', '');
      // IAM knows no project named after this region: GET /v3/projects answers an empty list.
      await updateSetting('region', 'xx-nowhere-1');
      const deadline = Date.now() + 10_000;
      while (!/project look-up failed: NO_PROJECT/.test(api.treeView.description ?? '') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.match(api.treeView.description ?? '', /^xx-nowhere-1 · project look-up failed: NO_PROJECT/);
    } finally {
      await updateSetting('region', configured.region);
      await updateSetting('projectId', configured.projectId);
    }
  });

  it('Forget Credentials deletes them and falls back to the environment', async () => {
    await api.connection.storeCredentials({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY });
    const changed = nextChange();
    await api.connection.clearCredentials();
    await changed;
    for (const key of ['hwcBackups.accessKey', 'hwcBackups.secretKey', 'hwcBackups.securityToken']) {
      assert.strictEqual(await context.secrets.get(key), undefined, key);
    }
    assert.strictEqual(await api.connection.credentialSource(), 'environment');
  });
});
