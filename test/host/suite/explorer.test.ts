// The Backups tree inside the real extension host, against the emulator's demo data: lazy paging
// (one request per expansion and per "load more"), Load All, error and invalid-record nodes,
// the credentials-rejected node, per-node refresh, filters and reveal. Every claim about requests
// is checked against what the emulator received.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { explain } from '../../../src/cloud/errorCodes';
import { formatRelative } from '../../../src/cloud/format';
import type { Backup, Instance } from '../../../src/cloud/model';
import type { ExplorerNode } from '../../../src/explorer/nodes';
import type { ExtensionApi } from '../../../src/extension';
import { clearFaults, clearRequests, EXTENSION_ID, injectFault, requests, type RecordedRequest } from '../emulatorControl';

/** Requests that list things (the CSBS count requests of the root are not part of any expansion). */
async function listRequests(): Promise<RecordedRequest[]> {
  return (await requests()).filter((request) => !request.path.endsWith('/count'));
}

let api: ExtensionApi;

const children = (node?: ExplorerNode): Promise<ExplorerNode[]> => api.explorer.getChildren(node);
const item = (node: ExplorerNode): vscode.TreeItem => api.explorer.getTreeItem(node);
const label = (node: ExplorerNode): string => {
  const text = item(node).label;
  return typeof text === 'string' ? text : (text?.label ?? '');
};
const contextOf = (node: ExplorerNode): string => item(node).contextValue ?? '';
const descriptionOf = (node: ExplorerNode): string => String(item(node).description ?? '');

async function serviceNode(service: string): Promise<ExplorerNode> {
  const node = (await children()).find((candidate) => (candidate as { service?: string }).service === service);
  assert.ok(node, `no ${service} node at the root`);
  return node;
}

async function instanceNode(service: string, name: string): Promise<ExplorerNode> {
  const node = (await children(await serviceNode(service))).find(
    (candidate) => (candidate as { instance?: Instance }).instance?.name === name,
  );
  assert.ok(node, `no ${service} instance ${name}`);
  return node;
}

const backupOf = (node: ExplorerNode): Backup | undefined => (node as { backup?: Backup }).backup;
const byContext = (nodes: ExplorerNode[], contextValue: string) => nodes.filter((node) => contextOf(node) === contextValue);

/** Resolves when `event` next fires with a value `accept`s; rejects after 5 s as `what` did not happen. */
function nextEvent<T>(event: vscode.Event<T>, what: string, accept: (value: T) => boolean = () => true): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${what} did not happen`));
    }, 5000);
    const subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** Runs `change` (a refresh or a filter change, which refresh at once) and waits until the whole tree has been refreshed. */
async function afterTreeRefresh(change: () => Thenable<unknown> | Promise<unknown> | void): Promise<void> {
  const refreshed = nextEvent(api.explorer.onDidChangeTreeData, 'the tree refresh', (node) => !node);
  await change();
  await refreshed;
}

/**
 * Runs a credentials `change`, or with `settingsKey` a change of that setting, and waits for the
 * connection's debounced change event that covers it; the tree refreshes on it. (Waiting for any
 * tree refresh instead could take a late 401's redraw for it.) On a loaded machine the connection
 * can announce one change several times: storing credentials writes three secrets, and their
 * events may come further apart than it coalesces. Only the event after the change is in covers
 * the final state; taking an earlier one lets the last refresh land in a later test (in the middle
 * of a reveal, say).
 */
async function afterConnectionChange(change: () => Thenable<unknown> | Promise<unknown>, settingsKey?: string): Promise<void> {
  // A setting is in once its configuration event arrived (before or after update() resolves); the
  // credentials once the write resolved, as the connection announces them after the last secret.
  let changeIsIn = false;
  const settingsEvents =
    settingsKey === undefined
      ? undefined
      : vscode.workspace.onDidChangeConfiguration((event) => {
          if (event.affectsConfiguration(`hwcBackups.${settingsKey}`)) changeIsIn = true;
        });
  try {
    const changed = nextEvent(api.connection.onDidChange, 'the connection change', () => changeIsIn);
    await change();
    if (settingsKey === undefined) changeIsIn = true;
    await changed;
  } finally {
    settingsEvents?.dispose();
  }
}

/**
 * Waits (bounded) until `read()` matches `expected` and returns what it read last, for text the
 * extension fills in after an answer arrives (counts, the view's project): the caller asserts it.
 */
async function settled(read: () => string, expected: RegExp, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!expected.test(read()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return read();
}

async function setSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('hwcBackups');
  if (config.inspect(key)?.workspaceValue === value) return;
  await afterConnectionChange(() => config.update(key, value, vscode.ConfigurationTarget.Workspace), key);
}

describe('explorer: the Backups tree in the real host', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    api = await extension.activate();
    // Keep the view closed: the workbench would otherwise expand and load nodes alongside the test.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await setSetting('maxRetries', 0);
    await setSetting('pageSize', 50);
  });

  beforeEach(async () => {
    await clearFaults();
    await afterTreeRefresh(() => api.explorer.refresh());
    await clearRequests();
  });

  after(async () => {
    await clearFaults();
    // Waiting for each refresh keeps the debounced one from landing in the next suite's test.
    await setSetting('maxRetries', undefined);
    await setSetting('pageSize', undefined);
  });

  it('shows the six services at the root without listing anything', async () => {
    const roots = await children();
    assert.deepStrictEqual(
      roots.map((node) => (node as { service?: string }).service),
      ['rds', 'dds', 'dcs', 'ges', 'csbs', 'cbr'],
    );
    assert.deepStrictEqual(roots.map(label), [
      'RDS — Relational Database',
      'DDS — Document Database',
      'DCS — Distributed Cache (Redis)',
      'GES — Graph Engine',
      'CSBS — Cloud Server Backup',
      'CBR — Cloud Backup and Recovery',
    ]);
    assert.ok(roots.every((node) => contextOf(node) === 'hwcBackups.service'));
    assert.deepStrictEqual(await listRequests(), []);
    // Listing the root starts CSBS's count requests. Refresh aborts them in the extension, but one
    // already sent can reach the emulator after the next test cleared its log and be counted there:
    // the emulator has answered them once the description shows the counts.
    const csbs = roots.find((node) => (node as { service?: string }).service === 'csbs')!;
    assert.match(await settled(() => descriptionOf(csbs), /\d+ backups/), /\d+ backups/);
  });

  it('counts CSBS backups on the server for its description', async () => {
    const csbs = await serviceNode('csbs');
    assert.match(await settled(() => descriptionOf(csbs), /\d+ backups · \d+ error/), /^\d+ backups · \d+ error/);
    const counts = (await requests()).filter((request) => request.service === 'csbs' && request.path.endsWith('/checkpoint_items/count'));
    assert.strictEqual(
      counts.length,
      2,
      `one count for all backups, one for failed ones: ` +
        `${JSON.stringify(counts.map((request) => ({ query: request.query, at: request.at })))}`,
    );
  });

  it('expanding a service makes exactly one request and lists its instances with counts', async () => {
    const rds = await serviceNode('rds');
    const instances = await children(rds);
    const sent = await listRequests();
    assert.deepStrictEqual(
      sent.map((request) => `${request.service} ${request.path.replace(/\/v3\/[^/]+/, '/v3/{p}')}`),
      ['rds /v3/{p}/instances'],
    );
    assert.ok(instances.length >= 6, `${instances.length} RDS instances`);
    assert.ok(instances.every((node) => contextOf(node) === 'hwcBackups.instance'));
    assert.match(descriptionOf(rds), /^\d+ instances$/);
    const orders = instances.find((node) => label(node) === 'orders-mysql')!;
    assert.match(descriptionOf(orders), /^MySQL 8\.0/);
    // Expanding it again uses the loaded page.
    await children(rds);
    assert.strictEqual((await listRequests()).length, 1);
  });

  it('expanding an instance makes one request: 50 backups newest first, then "Load 50 more… (50 of 143)"', async () => {
    const orders = await instanceNode('rds', 'orders-mysql');
    await clearRequests();
    const nodes = await children(orders);
    const sent = await listRequests();
    assert.strictEqual(sent.length, 1, JSON.stringify(sent));
    assert.ok(sent[0].path.endsWith('/backups'));
    assert.strictEqual(sent[0].query.offset, '0');
    assert.strictEqual(sent[0].query.limit, '50');

    const backups = nodes.filter((node) => backupOf(node));
    assert.strictEqual(backups.length, 50);
    const starts = backups.map((node) => backupOf(node)!.start.instant ?? 0);
    assert.deepStrictEqual(
      starts,
      [...starts].sort((a, b) => b - a),
      'newest first',
    );
    const more = nodes[nodes.length - 1];
    assert.strictEqual(contextOf(more), 'hwcBackups.loadMore');
    assert.strictEqual(label(more), 'Load 50 more… (50 of 143)');
    assert.strictEqual(item(more).command?.command, 'hwcBackups.loadMore');
    assert.match(descriptionOf(orders), /143 backups \(50 shown\)/);
  });

  it('backup nodes carry status icon, description, context value, tooltip and the open-details click', async () => {
    const nodes = await children(await instanceNode('rds', 'orders-mysql'));
    const failed = nodes.find((node) => backupOf(node)?.status === 'failed');
    const succeeded = nodes.find((node) => backupOf(node)?.status === 'succeeded')!;
    assert.ok(failed, 'a failed backup on the first page');
    assert.strictEqual(contextOf(failed), 'hwcBackups.backup.failed');
    assert.match(descriptionOf(failed), /^(auto|manual) · FAILED · /);
    assert.strictEqual((item(failed).iconPath as vscode.ThemeIcon).id, 'error');

    // Ages are as of the wall clock, whatever day the suite runs (the data is anchored at a fixed
    // day, so its age grows, and beyond a year it is shown as a date): the item is built between two readings.
    const start = backupOf(succeeded)!.start.instant!;
    const builtAfter = Date.now();
    const succeededItem = item(succeeded);
    const ages = [formatRelative(start, builtAfter), formatRelative(start, Date.now())];
    assert.strictEqual(succeededItem.contextValue, 'hwcBackups.backup.succeeded');
    assert.strictEqual((succeededItem.iconPath as vscode.ThemeIcon).id, 'pass');
    const [type, age, size, ...more] = String(succeededItem.description).split(' · ');
    assert.match(type, /^(auto|manual|incremental)$/);
    assert.ok(ages.includes(age), `"${age}" is the age as of now (${ages.join(' or ')})`);
    assert.match(size, /^[\d.]+ (MB|GB)$/);
    assert.deepStrictEqual(more, []);
    assert.strictEqual(succeededItem.command?.command, 'hwcBackups.openDetails');
    assert.strictEqual(succeededItem.command?.arguments?.[0], succeeded, 'the click passes the node');
    assert.ok(succeededItem.id?.endsWith(backupOf(succeeded)!.id));

    const resolved = api.explorer.resolveTreeItem(succeededItem, succeeded);
    const tooltip = (resolved.tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes(backupOf(succeeded)!.id), tooltip);
    assert.match(tooltip, /UTC/);
    assert.match(tooltip, /MySQL 8\.0/);
  });

  it("a MySQL incremental backup's tooltip names its end time as the last committed transaction", async () => {
    const nodes = await children(await instanceNode('rds', 'orders-mysql'));
    const incremental = nodes.find((node) => backupOf(node)?.type === 'incremental' && backupOf(node)?.status === 'succeeded');
    assert.ok(incremental, 'orders-mysql has a succeeded incremental backup on its first page');
    const tooltip = (api.explorer.resolveTreeItem(item(incremental), incremental).tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Last transaction committed/);
  });

  it('"load more" fetches the next page with one request, even when clicked twice at once', async () => {
    const orders = await instanceNode('rds', 'orders-mysql');
    const first = await children(orders);
    await clearRequests();
    const more = first[first.length - 1];
    await Promise.all([
      vscode.commands.executeCommand('hwcBackups.loadMore', more),
      vscode.commands.executeCommand('hwcBackups.loadMore', more),
    ]);
    const sent = await listRequests();
    assert.deepStrictEqual(
      sent.map((request) => request.query.offset),
      ['50'],
    );
    const second = await children(orders);
    assert.strictEqual(second.filter((node) => backupOf(node)).length, 100);
    assert.strictEqual(label(second[second.length - 1]), 'Load 43 more… (100 of 143)');
    // The nodes already shown are the same objects (expansion and selection survive).
    assert.strictEqual(second[0], first[0]);
  });

  it('Load All fetches every remaining page exactly once and keeps the order', async () => {
    await setSetting('pageSize', 10);
    try {
      const orders = await instanceNode('rds', 'orders-mysql');
      await children(orders);
      await clearRequests();
      await vscode.commands.executeCommand('hwcBackups.loadAll', orders);
      const sent = (await listRequests()).filter((request) => request.service === 'rds' && request.path.endsWith('/backups'));
      const offsets = sent.map((request) => Number(request.query.offset));
      assert.deepStrictEqual(
        [...offsets].sort((a, b) => a - b),
        [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140],
        JSON.stringify(await listRequests()),
      );
      const nodes = await children(orders);
      const backups = nodes.map(backupOf).filter((backup): backup is Backup => backup !== undefined);
      assert.strictEqual(backups.length, 143);
      assert.strictEqual(new Set(backups.map((backup) => backup.id)).size, 143);
      const starts = backups.map((backup) => backup.start.instant ?? 0);
      assert.deepStrictEqual(
        starts,
        [...starts].sort((a, b) => b - a),
      );
      assert.ok(!nodes.some((node) => contextOf(node) === 'hwcBackups.loadMore'), 'nothing left to load');
      assert.match(descriptionOf(orders), /143 backups$/);
    } finally {
      await setSetting('pageSize', 50);
    }
  });

  it('a failing service shows an error node with code and request id, and its click retries', async () => {
    await injectFault({ kind: 'serverError', service: 'ges', status: 503 });
    const ges = await serviceNode('ges');
    const nodes = await children(ges);
    assert.strictEqual(nodes.length, 1);
    const error = nodes[0];
    assert.strictEqual(contextOf(error), 'hwcBackups.error');
    const failedRequest = (await listRequests()).find((request) => request.service === 'ges')!;
    assert.strictEqual(failedRequest.status, 503);
    assert.ok(descriptionOf(error).includes(failedRequest.requestId), `${descriptionOf(error)} names ${failedRequest.requestId}`);
    assert.ok(label(error).length > 0);
    // GES's 5xx code (GES.7006) is explained where it appears, in English and Chinese.
    const explanation = explain('GES.7006')!;
    const tooltip = (item(error).tooltip as vscode.MarkdownString).value;
    assert.ok(label(error).includes('GES.7006') && tooltip.includes(explanation.en) && tooltip.includes(explanation.zh), tooltip);
    assert.strictEqual(item(error).command?.command, 'hwcBackups.loadMore');
    // The siblings still work.
    assert.ok((await children(await serviceNode('rds'))).length > 0);

    await clearFaults();
    await vscode.commands.executeCommand(item(error).command!.command, ...(item(error).command!.arguments ?? []));
    const retried = await children(ges);
    assert.ok(retried.length >= 3 && retried.every((node) => contextOf(node) === 'hwcBackups.instance'), retried.map(label).join(', '));
  });

  it('a failing page keeps the loaded backups and puts the error where "load more" was', async () => {
    const orders = await instanceNode('rds', 'orders-mysql');
    const first = await children(orders);
    await injectFault({ kind: 'malformedJson', service: 'rds', pathIncludes: '/backups' });
    await vscode.commands.executeCommand('hwcBackups.loadMore', first[first.length - 1]);
    const nodes = await children(orders);
    assert.strictEqual(nodes.filter((node) => backupOf(node)).length, 50);
    assert.strictEqual(contextOf(nodes[nodes.length - 1]), 'hwcBackups.error');
  });

  it('one malformed record becomes one invalid-record node; its siblings show', async () => {
    const nodes = await children(await instanceNode('rds', 'legacy-drift'));
    const invalid = byContext(nodes, 'hwcBackups.invalid');
    const valid = nodes.filter((node) => backupOf(node));
    assert.strictEqual(invalid.length, 2, nodes.map(label).join('\n'));
    assert.ok(valid.length >= 8, `${valid.length} valid siblings`);
    for (const node of invalid) {
      const invalidItem = item(node);
      assert.strictEqual((invalidItem.iconPath as vscode.ThemeIcon).id, 'warning');
      assert.match(label(node), /^Invalid record/);
      assert.ok((invalidItem.tooltip as vscode.MarkdownString).value.length > 0);
    }
  });

  it('refreshing one instance drops only its pages', async () => {
    const rds = await serviceNode('rds');
    const orders = await instanceNode('rds', 'orders-mysql');
    const billing = await instanceNode('rds', 'billing-pg');
    await children(orders);
    await children(billing);
    await clearRequests();
    await vscode.commands.executeCommand('hwcBackups.refreshNode', orders);
    await children(rds);
    await children(billing);
    assert.deepStrictEqual(await listRequests(), [], 'nothing else is fetched again');
    await children(orders);
    const sent = await listRequests();
    assert.strictEqual(sent.length, 1);
    assert.strictEqual(sent[0].query.offset, '0');
  });

  it('refreshing a node keeps how many pages it had, one request per page', async () => {
    const orders = await instanceNode('rds', 'orders-mysql');
    const first = await children(orders);
    await vscode.commands.executeCommand('hwcBackups.loadMore', first[first.length - 1]);
    const loaded = (await children(orders)).filter((node) => backupOf(node)).length;
    assert.strictEqual(loaded, 100);
    await clearRequests();
    await vscode.commands.executeCommand('hwcBackups.refreshNode', orders);
    await children(orders);
    const expected = /^MySQL 8\.0 · 143 backups \(100 shown\)$/;
    assert.match(await settled(() => descriptionOf(orders), expected), expected);
    const offsets = (await listRequests()).filter((request) => request.path.endsWith('/backups')).map((request) => request.query.offset);
    assert.deepStrictEqual(offsets, ['0', '50']);
  });

  it('an instance whose list ends empty says so: "No matches in N scanned" under a filter', async () => {
    // RDS has no "waiting" status: the filter is applied to fetched pages and matches nothing.
    await afterTreeRefresh(() => api.filter.set({ statuses: ['waiting'] }));
    try {
      const orders = await instanceNode('rds', 'orders-mysql');
      let nodes = await children(orders);
      // The scan stops at its bound with more to scan: keep scanning until the list ends.
      while (nodes.length === 1 && contextOf(nodes[0]) === 'hwcBackups.loadMore') {
        await vscode.commands.executeCommand('hwcBackups.loadMore', nodes[0]);
        nodes = await children(orders);
      }
      assert.deepStrictEqual(nodes.map(contextOf), ['hwcBackups.empty']);
      assert.strictEqual(label(nodes[0]), 'No matches in 143 scanned');
    } finally {
      await afterTreeRefresh(() => api.filter.set(undefined));
    }
  });

  it('Refresh drops every cache', async () => {
    await children(await instanceNode('rds', 'orders-mysql'));
    await clearRequests();
    await afterTreeRefresh(() => vscode.commands.executeCommand('hwcBackups.refresh'));
    await children(await instanceNode('rds', 'orders-mysql'));
    const sent = (await listRequests()).map((request) => request.path.split('/').pop());
    assert.deepStrictEqual(sent, ['instances', 'backups']);
  });

  it('the CSBS count says "any type" when the filter has types the count API cannot take', async () => {
    await afterTreeRefresh(() => api.filter.set({ types: ['manual'] }));
    try {
      const csbs = await serviceNode('csbs');
      const expected = /^\d+ backups, any type · \d+ error/;
      assert.match(await settled(() => descriptionOf(csbs), expected), expected);
      const counts = (await requests()).filter((request) => request.service === 'csbs' && request.path.endsWith('/checkpoint_items/count'));
      assert.ok(
        counts.length > 0 && counts.every((request) => !Object.keys(request.query).some((key) => /type/i.test(key))),
        JSON.stringify(counts.map((r) => r.query)),
      );
    } finally {
      await afterTreeRefresh(() => api.filter.set(undefined));
    }
  });

  it('a client-side status filter scans pages for matches and says so', async () => {
    await afterTreeRefresh(() => api.filter.set({ statuses: ['failed'] }));
    try {
      assert.match(api.treeView.description ?? '', /failed/);
      const orders = await instanceNode('rds', 'orders-mysql');
      await clearRequests();
      const nodes = await children(orders);
      const backups = nodes.map(backupOf).filter((backup): backup is Backup => backup !== undefined);
      assert.ok(backups.length >= 2 && backups.every((backup) => backup.status === 'failed'), backups.map((b) => b.name).join(', '));
      const offsets = (await listRequests()).map((request) => request.query.offset);
      assert.deepStrictEqual(offsets, ['0', '50', '100'], 'scanned the whole list for matches');
      // Read once no load runs in the list: children() joined the scan, but need not be the only load.
      const expected = new RegExp(`^MySQL 8\\.0 · ${backups.length} match(es)? in 143 backups$`);
      assert.match(await settled(() => descriptionOf(orders), expected), expected);
    } finally {
      await afterTreeRefresh(() => api.filter.set(undefined));
    }
  });

  it('rejected credentials turn the tree into one "credentials rejected" node', async () => {
    await afterConnectionChange(() => api.connection.storeCredentials({ accessKey: 'WRONGACCESSKEY000001', secretKey: 'not-the-secret' }));
    try {
      // The first request signed with these keys gets the 401 (the root's CSBS count or this expansion).
      const rds = (await children()).find((node) => (node as { service?: string }).service === 'rds');
      if (rds) await children(rds);
      const roots = await children();
      assert.strictEqual(roots.length, 1, roots.map(label).join(', '));
      const rejected = item(roots[0]);
      assert.match(String(rejected.label), /Credentials rejected/);
      assert.strictEqual(rejected.command?.command, 'hwcBackups.setCredentials');
      assert.ok(
        (await requests()).some((request) => request.status === 401),
        'the emulator answered 401',
      );
    } finally {
      await afterConnectionChange(() => api.connection.clearCredentials());
    }
    assert.strictEqual((await children()).length, 6, 'the environment credentials work again');
  });

  it('without credentials the tree is empty so the welcome view shows', async () => {
    const saved = { ak: process.env.HUAWEICLOUD_SDK_AK, sk: process.env.HUAWEICLOUD_SDK_SK };
    delete process.env.HUAWEICLOUD_SDK_AK;
    delete process.env.HUAWEICLOUD_SDK_SK;
    try {
      await afterTreeRefresh(() => api.explorer.refresh());
      assert.deepStrictEqual(await children(), []);
    } finally {
      process.env.HUAWEICLOUD_SDK_AK = saved.ak;
      process.env.HUAWEICLOUD_SDK_SK = saved.sk;
    }
    // Nothing signals a change of environment variables (they never change in a real session):
    // a settings change makes the connection rebuild its session and the tree refresh.
    await setSetting('maxRetries', 1);
    await setSetting('maxRetries', 0);
    assert.strictEqual((await children()).length, 6);
  });

  it('the view says region and project, and which credential source is in use', async () => {
    await afterTreeRefresh(() => api.explorer.refresh());
    const expected = /^cn-north-4 · \S+/;
    assert.match(await settled(() => api.treeView.description ?? '', expected), expected);
    assert.match(api.treeView.message ?? '', /HUAWEICLOUD_SDK_AK/);
  });

  it('reveal expands service and instance, loads pages as needed and selects the backup', async () => {
    const ctxNodes = await children(await instanceNode('rds', 'orders-mysql'));
    const instance = (ctxNodes[0] as { instance: Instance }).instance;
    // The oldest backup sits on the last page.
    const all = await (async () => {
      const more = ctxNodes[ctxNodes.length - 1];
      await vscode.commands.executeCommand('hwcBackups.loadAll', more);
      return (await children(await instanceNode('rds', 'orders-mysql'))).map(backupOf).filter((b): b is Backup => !!b);
    })();
    const target = all[all.length - 1];
    await afterTreeRefresh(() => api.explorer.refresh());
    const revealed = await api.explorer.reveal({ service: 'rds', instanceId: instance.id, backupId: target.id });
    assert.strictEqual(revealed, true);
    assert.strictEqual(backupOf(api.treeView.selection[0])?.id, target.id);
    assert.ok(api.explorer.loadedBackups('rds', instance.id).some((backup) => backup.id === target.id));
    assert.ok(api.explorer.loadedInstances('rds').some((candidate) => candidate.id === instance.id));
    assert.strictEqual(await api.explorer.reveal({ service: 'rds', instanceId: instance.id, backupId: 'no-such-backup' }), false);
    await vscode.commands.executeCommand('workbench.actions.treeView.hwcBackups.explorer.collapseAll');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });
});
