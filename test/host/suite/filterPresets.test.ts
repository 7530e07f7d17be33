// A "last 7 days" filter in the real extension host: chosen days ago, it still asks the servers
// for the last 7 days as of now, and the view says "last 7 days" rather than the old dates.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Instance } from '../../../src/cloud/model';
import { adapterFor } from '../../../src/cloud/services/registry';
import type { ExtensionApi } from '../../../src/extension';

const EXTENSION_ID = 'backup-explorer.hwc-backup-explorer';
const DAY = 86_400_000;

interface RecordedRequest {
  service: string;
  path: string;
  query: Record<string, string>;
}

const emulatorUrl = (): string => {
  const url = process.env.HWC_EMULATOR_URL;
  assert.ok(url, 'HWC_EMULATOR_URL is not set: the runner passes it in the environment');
  return url;
};

/** RDS times are `yyyy-mm-ddThh:mm:ss+0000`; Date.parse wants the offset's colon. */
const parseRdsTime = (value: string): number => Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

describe('filter presets in the real host', () => {
  let api: ExtensionApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  after(async () => {
    await api.filter.set(undefined);
  });

  it('a "last 7 days" filter chosen days ago requests and shows the last 7 days as of now', async () => {
    const chosenAt = Date.now() - 3 * DAY;
    await api.filter.set({ timeRange: { from: chosenAt - 7 * DAY, to: chosenAt, preset: 'last7d' } });
    api.explorer.refresh();

    const before = Date.now();
    const [rds] = [...(await adapterFor('rds').listInstances(await api.connection.adapterContext(), { limit: 1 })).items];
    await fetch(`${emulatorUrl()}/__emulator/requests`, { method: 'DELETE' });
    const root = (await api.explorer.getChildren()).find((node) => (node as { service?: string }).service === 'rds');
    assert.ok(root, 'no RDS node');
    const instanceNode = (await api.explorer.getChildren(root)).find((node) => (node as { instance?: Instance }).instance?.id === rds.id);
    assert.ok(instanceNode, `no RDS instance ${rds.id}`);
    await api.explorer.getChildren(instanceNode);

    const sent = (await (await fetch(`${emulatorUrl()}/__emulator/requests`)).json()) as RecordedRequest[];
    const query = sent.find((request) => request.service === 'rds' && request.path.endsWith('/backups'))?.query;
    assert.ok(query, 'RDS backups were requested');
    const [begin, end] = [parseRdsTime(query.begin_time), parseRdsTime(query.end_time)];
    assert.ok(end >= before - 1000, `the range ends now (${query.end_time}), not when the filter was chosen`);
    assert.strictEqual(end - begin, 7 * DAY, 'and starts 7 days earlier');

    const deadline = Date.now() + 5000;
    while (!/filter: last 7 days/.test(api.treeView.description ?? '') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(api.treeView.description ?? '', /filter: last 7 days$/);
  });
});
