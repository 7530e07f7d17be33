// CBR (issue 12) against the emulator over real HTTP: vaults, each vault's backups newest first,
// paging to the end both ways (page after page, and the remaining pages at once from the total),
// each filter's exact query, the look-up by id, and the documented error bodies.
import * as assert from 'assert';
import type { Backup, Instance } from '../../src/cloud/model';
import { remainingCursors, type Page } from '../../src/cloud/paging';
import type { AdapterContext } from '../../src/cloud/services/adapter';
import { adapterFor } from '../../src/cloud/services/registry';
import { createCloudSession } from '../../src/cloud/session';
import { DEFAULT_SETTINGS } from '../../src/cloud/settings';
import { cloudRejection } from '../support/cloudError';
import { allPages } from '../support/pages';
import { CBR_NAMES, CBR_SCALE_BACKUPS, startEmulator, toArray, type Emulator, type RecordedRequest } from '../emulator';

const NOW = new Date('2026-11-21T12:00:00Z');
const DAY = 86_400_000;
const cbr = adapterFor('cbr');

describe('CBR adapter against the emulator', function () {
  let emulator: Emulator;
  let ctx: AdapterContext;

  before(async () => {
    emulator = await startEmulator({ now: NOW });
    ctx = await createCloudSession({
      settings: {
        ...DEFAULT_SETTINGS,
        endpointTemplate: emulator.endpointTemplate,
        region: emulator.region,
        projectId: emulator.projectId,
        maxRetries: 0,
      },
      credentials: emulator.credentials,
      tuning: { sleep: async () => undefined },
    }).context();
  });
  after(() => emulator.close());
  beforeEach(() => emulator.clearRequests());

  const backupRequests = (): RecordedRequest[] => emulator.requests.filter((request) => request.path.endsWith('/backups'));
  const lastQuery = () => emulator.requests.at(-1)!.query;
  const ids = (pages: readonly Page<Backup>[]) => pages.flatMap((page) => page.items.map((backup) => backup.id));

  async function vault(name: string): Promise<Instance> {
    const found = (await cbr.listInstances(ctx, { limit: 50 })).items.find((candidate) => candidate.name === name);
    assert.ok(found, `vault ${name}`);
    return found;
  }

  it('lists vaults with offset paging and count, described by object type, used of capacity and resources', async () => {
    const pages = await allPages((cursor) => cbr.listInstances(ctx, { cursor, limit: 3 }));
    assert.deepStrictEqual(
      pages.map((page) => page.items.length),
      [3, 1],
    );
    assert.ok(pages.every((page) => page.total === 4));
    assert.deepStrictEqual(
      emulator.requests.map((request) => [request.path.replace(emulator.projectId, 'P'), request.query.offset, request.query.limit]),
      [
        ['/v3/P/vaults', '0', '3'],
        ['/v3/P/vaults', '3', '3'],
      ],
    );
    const byName = new Map(pages.flatMap((page) => page.items).map((item) => [item.name, item.description]));
    assert.strictEqual(byName.get(CBR_NAMES.servers), 'server · 183 GB of 500 GB · 3 resources');
    assert.strictEqual(byName.get(CBR_NAMES.disks), 'disk · 60 GB of 200 GB · 2 resources');
    assert.strictEqual(byName.get(CBR_NAMES.files), 'SFS Turbo file system · 500 GB of 1000 GB · 1 resource');
  });

  it('pages a vault to the end newest first, page by page and all at once from the count', async () => {
    const servers = await vault(CBR_NAMES.servers);
    emulator.clearRequests();
    const pages = await allPages((cursor) => cbr.listBackups(ctx, servers, { cursor, limit: 10 }));
    assert.deepStrictEqual(
      pages.map((page) => page.items.length),
      [10, 10, 10, 1],
    );
    assert.ok(pages.every((page) => page.total === 31));
    assert.deepStrictEqual(
      backupRequests().map((request) => request.query),
      [0, 10, 20, 30].map((offset) => ({ vault_id: servers.id, sort: 'created_at:desc', offset: String(offset), limit: '10' })),
    );
    const starts = pages.flatMap((page) => page.items.map((backup) => backup.start.instant!));
    assert.deepStrictEqual(
      starts,
      [...starts].sort((a, b) => b - a),
      'newest first',
    );

    const first = pages[0];
    const rest = await Promise.all(remainingCursors(first, 10)!.map((cursor) => cbr.listBackups(ctx, servers, { cursor, limit: 10 })));
    assert.deepStrictEqual(ids([first, ...rest]), ids(pages));
  });

  it('loads the 20,000-backup vault in 20 requests of 1000 once the first page gives the count', async () => {
    const history = await vault(CBR_NAMES.history);
    emulator.clearRequests();
    const first = await cbr.listBackups(ctx, history, { limit: 1000 });
    assert.strictEqual(first.total, CBR_SCALE_BACKUPS);
    const cursors = remainingCursors(first, 1000)!;
    assert.strictEqual(cursors.length, 19);
    const rest = await Promise.all(cursors.map((cursor) => cbr.listBackups(ctx, history, { cursor, limit: 1000 })));
    assert.strictEqual(new Set(ids([first, ...rest])).size, CBR_SCALE_BACKUPS);
    assert.strictEqual(backupRequests().length, 20);
  });

  describe('filters', () => {
    it('one status and the time range go to the server as status and start_time/end_time (…Z)', async () => {
      const servers = await vault(CBR_NAMES.servers);
      emulator.clearRequests();
      const page = await cbr.listBackups(ctx, servers, {
        limit: 50,
        filter: { statuses: ['failed'], timeRange: { from: NOW.getTime() - 7 * DAY, to: NOW.getTime() } },
      });
      assert.deepStrictEqual(lastQuery(), {
        vault_id: servers.id,
        status: 'error',
        start_time: '2026-11-14T12:00:00Z',
        end_time: '2026-11-21T12:00:00Z',
        sort: 'created_at:desc',
        offset: '0',
        limit: '50',
      });
      assert.deepStrictEqual(
        page.items.map((backup) => backup.rawStatus),
        ['error', 'error'],
      );
    });

    it('a status of several raw values (in progress: protecting, restoring) is matched on the client', async () => {
      const servers = await vault(CBR_NAMES.servers);
      const page = await cbr.listBackups(ctx, servers, { limit: 50, filter: { statuses: ['inProgress'] } });
      assert.strictEqual(lastQuery().status, undefined);
      assert.deepStrictEqual(page.items.map((backup) => backup.rawStatus).sort(), ['protecting', 'restoring']);
      assert.strictEqual(page.scanned, 31);
    });

    it('auto versus manual is extend_info.auto_trigger, matched on the client', async () => {
      const servers = await vault(CBR_NAMES.servers);
      const page = await cbr.listBackups(ctx, servers, { limit: 50, filter: { types: ['manual'] } });
      assert.deepStrictEqual(Object.keys(lastQuery()).sort(), ['limit', 'offset', 'sort', 'vault_id']);
      assert.deepStrictEqual(
        page.items.map((backup) => [backup.type, backup.rawType]),
        [['manual', 'auto_trigger: false']],
      );
    });

    it('"incremental" alone is the server\'s incremental=true; with another type, either matches', async () => {
      const servers = await vault(CBR_NAMES.servers);
      const incremental = await cbr.listBackups(ctx, servers, { limit: 50, filter: { types: ['incremental'] } });
      assert.strictEqual(lastQuery().incremental, 'true');
      assert.ok(incremental.items.length > 0 && incremental.items.every((backup) => backup.incremental === true && backup.type === 'auto'));
      const either = await cbr.listBackups(ctx, servers, { limit: 50, filter: { types: ['manual', 'incremental'] } });
      assert.strictEqual(lastQuery().incremental, undefined);
      assert.strictEqual(either.items.length, incremental.items.length + 1);
    });

    it('one resource type goes to the server as resource_type (file system: OS::Sfs::Turbo)', async () => {
      const files = await vault(CBR_NAMES.files);
      emulator.clearRequests();
      const page = await cbr.listProjectBackups!(ctx, { limit: 100, filter: { resourceTypes: ['fileSystem'] } });
      assert.deepStrictEqual(lastQuery(), { resource_type: 'OS::Sfs::Turbo', sort: 'created_at:desc', offset: '0', limit: '100' });
      const inVault = toArray(emulator.data.cbr.backups.get(files.id)!).length;
      assert.ok(inVault > 0);
      assert.strictEqual(page.total, inVault);
      assert.ok(page.items.every((backup) => backup.resourceType === 'fileSystem' && backup.instanceId === files.id));
      const disks = await vault(CBR_NAMES.disks);
      await cbr.listBackups(ctx, disks, { limit: 50, filter: { resourceTypes: ['disk'], statuses: ['failed'] } });
      assert.deepStrictEqual(lastQuery(), {
        vault_id: disks.id,
        status: 'error',
        resource_type: 'OS::Cinder::Volume',
        sort: 'created_at:desc',
        offset: '0',
        limit: '50',
      });
    });

    it('several resource types are matched on the client, like several statuses', async () => {
      const disks = await vault(CBR_NAMES.disks);
      const servers = await vault(CBR_NAMES.servers);
      const filter = { resourceTypes: ['disk', 'fileSystem'] } as const;
      const diskPage = await cbr.listBackups(ctx, disks, { limit: 50, filter });
      assert.strictEqual(lastQuery().resource_type, undefined);
      assert.ok(diskPage.items.length > 0 && diskPage.items.every((backup) => backup.resourceType === 'disk'));
      assert.strictEqual(diskPage.items.length, diskPage.scanned);
      const serverPage = await cbr.listBackups(ctx, servers, { limit: 50, filter });
      assert.strictEqual(lastQuery().resource_type, undefined);
      assert.deepStrictEqual(serverPage.items, []);
      assert.ok(serverPage.scanned > 0, 'the server backups were fetched and left out');
    });

    it('a project-wide list of failed backups (Show Failed) sends status=error without vault_id', async () => {
      const page = await cbr.listProjectBackups!(ctx, { limit: 100, filter: { statuses: ['failed'] } });
      assert.strictEqual(lastQuery().vault_id, undefined);
      assert.strictEqual(lastQuery().status, 'error');
      assert.strictEqual(page.total, 3);
      assert.ok(page.items.every((backup) => backup.status === 'failed'));
    });
  });

  describe('records', () => {
    it('maps statuses, GB sizes, resources and the detail fields, including replication records and children', async () => {
      const servers = await vault(CBR_NAMES.servers);
      const backups = (await cbr.listBackups(ctx, servers, { limit: 50 })).items;
      assert.deepStrictEqual([...new Set(backups.map((backup) => `${backup.rawStatus}:${backup.status}`))].sort(), [
        'available:succeeded',
        'deleting:expired',
        'error:failed',
        'protecting:inProgress',
        'restoring:inProgress',
        'waiting_delete:waiting',
        'waiting_protect:waiting',
        'waiting_restore:waiting',
      ]);
      const replicated = backups.find((backup) => backup.extras.replication_records !== undefined);
      assert.ok(replicated);
      assert.strictEqual(replicated.extras.replication_records, 'success → cn-south-1; fail → ap-southeast-1 (BackupService.6302)');
      assert.strictEqual(replicated.resourceName, 'db-01');
      assert.strictEqual(replicated.sizeBytes, 100 * 1024 ** 3);
      assert.deepStrictEqual(replicated.rawSize, { value: 100, unit: 'GB' });
      const withChildren = backups.find(
        (backup) => backup.resourceName === 'app-01' && backup.status === 'succeeded' && backup.type === 'auto',
      )!;
      assert.strictEqual(withChildren.extras.children, 'app-01-system-disk (available); app-01-data-disk (available)');
      assert.match(
        String(withChildren.extras.expired_at),
        /^2026-12-\d\dT\d\d:\d\d:\d\d\.\d{6}$/,
        'policy backups expire 30 days on, as sent',
      );
      assert.strictEqual(backups.find((backup) => backup.type === 'manual')!.extras.expired_at, 'never', 'expired_at null: never expires');
      const running = backups.find((backup) => backup.rawStatus === 'protecting')!;
      assert.deepStrictEqual(running.end, {}, 'a running backup has no end');
    });

    it('reads the ListBackups sample form: milliseconds with +00:00, description "", no incremental', async () => {
      const disks = await vault(CBR_NAMES.disks);
      const raw = toArray(emulator.data.cbr.backups.get(disks.id)!).find((record) => String(record.created_at).endsWith('+00:00'))!;
      const backup = (await cbr.listBackups(ctx, disks, { limit: 50 })).items.find((item) => item.id === raw.id)!;
      assert.strictEqual(backup.start.instant, Date.parse(String(raw.created_at)));
      assert.strictEqual(backup.incremental, undefined);
      assert.strictEqual(backup.extras.description, undefined);
    });
  });

  describe('look-up by id and errors', () => {
    it('finds a backup with GET /backups/{backup_id}, anywhere in the project', async () => {
      const history = await vault(CBR_NAMES.history);
      const wanted = (await cbr.listBackups(ctx, history, { limit: 5, cursor: { kind: 'offset', offset: 12_345 } })).items[0];
      emulator.clearRequests();
      const found = await cbr.findBackupById!(ctx, undefined, wanted.id);
      assert.strictEqual(emulator.requests.at(-1)!.path, `/v3/${emulator.projectId}/backups/${wanted.id}`);
      assert.strictEqual(found?.id, wanted.id);
      assert.strictEqual(found.instanceId, history.id);
      assert.strictEqual(await cbr.findBackupById!(ctx, undefined, '00000000-0000-4000-8000-000000000000'), undefined);
    });

    it('an unknown vault is the documented 400 BackupService.6105 with the request id', async () => {
      const error = await cloudRejection(
        cbr.listBackups(ctx, { service: 'cbr', id: 'no-such-vault', name: 'ghost', raw: {} }, { limit: 10 }),
      );
      assert.strictEqual(error.status, 400);
      assert.strictEqual(error.code, 'BackupService.6105');
      assert.strictEqual(error.requestId, emulator.requests.at(-1)!.requestId);
    });

    it('the emulator answers bad parameters with 400 and {error_code, error_msg}', async () => {
      const path = `/v3/${emulator.projectId}/backups`;
      for (const query of [
        { limit: 1001 },
        { offset: -1 },
        { start_time: '2026-11-14 12:00:00' },
        { status: 'deleted' },
        { sort: 'size:desc' },
        { marker: 'x', offset: 0 },
      ]) {
        const error = await cloudRejection(ctx.get('cbr', path, query));
        assert.strictEqual(error.status, 400, JSON.stringify(query));
        assert.strictEqual(error.code, 'BackupService.9900', JSON.stringify(query));
      }
    });
  });
});
