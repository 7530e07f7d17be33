import * as assert from 'assert';
import type { Backup, BackupFilter, Instance, ServiceId } from '../../src/cloud/model';
import { remainingCursors, type Page, type PageCursor } from '../../src/cloud/paging';
import type { AdapterContext } from '../../src/cloud/services/adapter';
import { adapterFor } from '../../src/cloud/services/registry';
import { createCloudSession } from '../../src/cloud/session';
import { DEFAULT_SETTINGS } from '../../src/cloud/settings';
import { cloudRejection } from '../support/cloudError';
import { allPages } from '../support/pages';
import { DEMO_NAMES, startEmulator, toArray, type Emulator, type RecordedRequest } from '../emulator';

/** The demo data set is anchored here, so its times (and these ranges) are fixed. */
const NOW = new Date('2026-11-21T12:00:00Z');
const DAY = 86_400_000;
const LAST_WEEK: BackupFilter = { timeRange: { from: Date.UTC(2026, 10, 14), to: Date.UTC(2026, 10, 21) } };

describe('service adapters against the emulator', function () {
  let emulator: Emulator;
  let ctx: AdapterContext;

  function session(overrides: { secretKey?: string; maxRetries?: number } = {}) {
    return createCloudSession({
      settings: {
        ...DEFAULT_SETTINGS,
        endpointTemplate: emulator.endpointTemplate,
        region: emulator.region,
        projectId: emulator.projectId,
        maxRetries: overrides.maxRetries ?? 0,
      },
      credentials: { ...emulator.credentials, secretKey: overrides.secretKey ?? emulator.credentials.secretKey },
      tuning: { sleep: async () => undefined },
    });
  }

  before(async () => {
    emulator = await startEmulator({ now: NOW });
    ctx = await session().context();
  });
  after(() => emulator.close());
  beforeEach(() => {
    emulator.clearRequests();
    emulator.clearFaults();
  });

  async function instanceNamed(service: ServiceId, name: string): Promise<Instance> {
    const pages = await allPages((cursor) => adapterFor(service).listInstances(ctx, { cursor, limit: 50 }));
    const found = pages.flatMap((page) => page.items).find((instance) => instance.name === name);
    assert.ok(found, `${service} instance ${name} not found`);
    return found;
  }

  const backupRequests = (): RecordedRequest[] =>
    emulator.requests.filter((request) => /backups|checkpoint_items(?!\/count)/.test(request.path));
  const lastRequest = (): RecordedRequest => {
    const request = emulator.requests.at(-1);
    assert.ok(request, 'no request reached the emulator');
    return request;
  };
  const ids = (pages: Page<Backup>[]) => pages.flatMap((page) => page.items.map((backup) => backup.id));

  describe('paging to the end', () => {
    it('RDS offset paging: 143 backups in pages of 50, offsets 0/50/100, with the total', async () => {
      const orders = await instanceNamed('rds', DEMO_NAMES.rds.orders);
      emulator.clearRequests();
      const pages = await allPages((cursor) => adapterFor('rds').listBackups(ctx, orders, { cursor, limit: 50 }));
      assert.deepStrictEqual(
        pages.map((page) => page.items.length),
        [50, 50, 43],
      );
      assert.ok(pages.every((page) => page.total === 143));
      assert.strictEqual(new Set(ids(pages)).size, 143);
      assert.deepStrictEqual(
        backupRequests().map((request) => [request.query.offset, request.query.limit]),
        [
          ['0', '50'],
          ['50', '50'],
          ['100', '50'],
        ],
      );
    });

    it('RDS: remainingCursors gives the same pages for parallel fetching', async () => {
      const orders = await instanceNamed('rds', DEMO_NAMES.rds.orders);
      const first = await adapterFor('rds').listBackups(ctx, orders, { limit: 50 });
      const rest = await Promise.all(
        remainingCursors(first, 50)!.map((cursor) => adapterFor('rds').listBackups(ctx, orders, { cursor, limit: 50 })),
      );
      assert.strictEqual(new Set(ids([first, ...rest])).size, 143);
    });

    it('DCS start paging (1-based) to the end', async () => {
      const sessions = await instanceNamed('dcs', DEMO_NAMES.dcs.sessions);
      emulator.clearRequests();
      const pages = await allPages((cursor) => adapterFor('dcs').listBackups(ctx, sessions, { cursor, limit: 7 }));
      const expected = emulator.data.dcs.backups.get(sessions.id)!.length;
      assert.ok(expected > 7, 'the demo instance spans several pages');
      assert.strictEqual(new Set(ids(pages)).size, expected);
      assert.deepStrictEqual(
        backupRequests().map((request) => request.query.start),
        pages.map((_, i) => String(1 + i * 7)),
      );
    });

    it('GES offset paging over the project-wide list', async () => {
      const pages = await allPages((cursor) => adapterFor('ges').listProjectBackups!(ctx, { cursor, limit: 10 }));
      const expected = [...emulator.data.ges.backups.values()].reduce((sum, list) => sum + list.length, 0);
      assert.strictEqual(pages[0].total, expected);
      assert.strictEqual(
        pages.reduce((sum, page) => sum + page.items.length + page.invalid.length, 0),
        expected,
      );
    });

    it('ECS page-number paging for the CSBS server list', async () => {
      const pages = await allPages((cursor) => adapterFor('csbs').listInstances(ctx, { cursor, limit: 3 }));
      const servers = emulator.data.ecs.servers.length;
      assert.strictEqual(pages.flatMap((page) => page.items).length, servers);
      assert.deepStrictEqual(
        emulator.requests.map((request) => request.query.offset),
        pages.map((_, i) => String(i + 1)),
      );
    });

    it('CSBS marker paging: each marker is the last id received, to the end', async () => {
      const web = await instanceNamed('csbs', DEMO_NAMES.servers.web1);
      emulator.clearRequests();
      const pages = await allPages((cursor) => adapterFor('csbs').listBackups(ctx, web, { cursor, limit: 4 }));
      const expected = toArray(emulator.data.csbs.checkpointItems).filter((item) => item.resource_id === web.id).length;
      assert.strictEqual(new Set(ids(pages)).size, expected);
      assert.strictEqual(pages[0].total, expected, 'the server node says "N backups (M shown)" from the count API');
      const counts = emulator.requests.filter((request) => request.path.endsWith('/checkpoint_items/count'));
      assert.deepStrictEqual(
        counts.map((request) => request.query.resource_id),
        [web.id],
        'one count, with resource_id, on the first page only',
      );
      const markers = backupRequests().map((request) => request.query.marker);
      assert.deepStrictEqual(markers, [undefined, ...pages.slice(0, -1).map((page) => page.items.at(-1)!.id)]);
      assert.strictEqual(await adapterFor('csbs').countBackups!(ctx, undefined), emulator.data.csbs.checkpointItems.length);
    });

    it('CSBS skips the count request for a caller that never reads the total (scans, health)', async () => {
      const web = await instanceNamed('csbs', DEMO_NAMES.servers.web1);
      emulator.clearRequests();
      const page = await adapterFor('csbs').listBackups(ctx, web, { limit: 4, skipTotal: true });
      assert.ok(page.items.length > 0);
      assert.strictEqual(page.total, undefined);
      assert.deepStrictEqual(
        emulator.requests.map((request) => request.path.split('/').slice(3).join('/')),
        ['checkpoint_items'],
      );
    });
  });

  describe('filters reach the server in each API’s format', () => {
    it('RDS: one type and the time range as yyyy-mm-ddThh:mm:ss+0000', async () => {
      const orders = await instanceNamed('rds', DEMO_NAMES.rds.orders);
      const page = await adapterFor('rds').listBackups(ctx, orders, { limit: 100, filter: { ...LAST_WEEK, types: ['auto'] } });
      assert.deepStrictEqual(lastRequest().query, {
        instance_id: orders.id,
        backup_type: 'auto',
        begin_time: '2026-11-14T00:00:00+0000',
        end_time: '2026-11-21T00:00:00+0000',
        offset: '0',
        limit: '100',
      });
      assert.ok(page.items.length > 0);
      assert.ok(
        page.items.every(
          (backup) =>
            backup.type === 'auto' &&
            backup.start.instant! >= LAST_WEEK.timeRange!.from &&
            backup.start.instant! <= LAST_WEEK.timeRange!.to,
        ),
      );
    });

    it('RDS: differential is sent as fragment', async () => {
      const reporting = await instanceNamed('rds', DEMO_NAMES.rds.reporting);
      const page = await adapterFor('rds').listBackups(ctx, reporting, { limit: 50, filter: { types: ['differential'] } });
      assert.strictEqual(lastRequest().query.backup_type, 'fragment');
      assert.strictEqual(page.items.length, 10);
      assert.ok(page.items.every((backup) => backup.type === 'differential' && backup.databases!.length >= 2));
    });

    it('RDS: status is filtered on the client, counting what was scanned', async () => {
      const orders = await instanceNamed('rds', DEMO_NAMES.rds.orders);
      const page = await adapterFor('rds').listBackups(ctx, orders, { limit: 100, filter: { statuses: ['failed'] } });
      assert.strictEqual(lastRequest().query.status, undefined);
      assert.strictEqual(page.scanned, 100);
      assert.ok(page.items.length > 0 && page.items.every((backup) => backup.status === 'failed'));
    });

    it('DDS: backup_type Manual and begin_time/end_time as UTC yyyy-mm-dd hh:mm:ss', async () => {
      const catalog = await instanceNamed('dds', DEMO_NAMES.dds.catalog);
      const page = await adapterFor('dds').listBackups(ctx, catalog, {
        limit: 50,
        filter: { timeRange: { from: NOW.getTime() - 30 * DAY, to: NOW.getTime() }, types: ['manual'] },
      });
      assert.deepStrictEqual(lastRequest().query, {
        instance_id: catalog.id,
        backup_type: 'Manual',
        begin_time: '2026-10-22 12:00:00',
        end_time: '2026-11-21 12:00:00',
        offset: '0',
        limit: '50',
      });
      assert.ok(page.items.length > 0 && page.items.every((backup) => backup.type === 'manual'));
    });

    it('DCS: beginTime/endTime as yyyyMMddHHmmss (UTC); type on the client', async () => {
      const sessions = await instanceNamed('dcs', DEMO_NAMES.dcs.sessions);
      const page = await adapterFor('dcs').listBackups(ctx, sessions, {
        limit: 50,
        filter: { timeRange: { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 21) }, types: ['manual'] },
      });
      assert.deepStrictEqual(lastRequest().query, { beginTime: '20261101000000', endTime: '20261121000000', start: '1', limit: '50' });
      assert.ok(page.items.every((backup) => backup.type === 'manual'));
      assert.ok(page.scanned >= page.items.length);
    });

    it('CSBS: one status and start_time/end_time to the server; the count agrees', async () => {
      const filter: BackupFilter = { statuses: ['failed'], timeRange: { from: NOW.getTime() - 60 * DAY, to: NOW.getTime() } };
      const servers = (await adapterFor('csbs').listInstances(ctx, { limit: 50 })).items;
      emulator.clearRequests();
      const pages = await Promise.all(servers.map((server) => adapterFor('csbs').listBackups(ctx, server, { limit: 100, filter })));
      assert.deepStrictEqual(
        { ...backupRequests()[0].query, resource_id: undefined },
        { resource_id: undefined, status: 'error', start_time: '2026-09-22T12:00:00', end_time: '2026-11-21T12:00:00', limit: '100' },
      );
      const failed = pages.flatMap((page) => page.items);
      assert.ok(failed.length > 0 && failed.every((backup) => backup.status === 'failed' && backup.errorMessage));
      assert.strictEqual(await adapterFor('csbs').countBackups!(ctx, filter), failed.length);
    });

    it('CSBS: resource type "server" goes to the server as resource_type; any other lists and counts nothing without asking', async () => {
      const web = await instanceNamed('csbs', DEMO_NAMES.servers.web1);
      emulator.clearRequests();
      const all = await adapterFor('csbs').listBackups(ctx, web, { limit: 100 });
      const servers = await adapterFor('csbs').listBackups(ctx, web, { limit: 100, filter: { resourceTypes: ['server', 'disk'] } });
      assert.strictEqual(backupRequests().at(-1)!.query.resource_type, 'OS::Nova::Server');
      assert.deepStrictEqual(
        servers.items.map((backup) => backup.id),
        all.items.map((backup) => backup.id),
      );
      assert.ok(servers.items.every((backup) => backup.resourceType === 'server'));
      emulator.clearRequests();
      assert.deepStrictEqual(
        (await adapterFor('csbs').listBackups(ctx, web, { limit: 100, filter: { resourceTypes: ['disk'] } })).items,
        [],
      );
      assert.strictEqual(await adapterFor('csbs').countBackups!(ctx, { resourceTypes: ['fileSystem'] }), 0);
      assert.strictEqual(emulator.requests.length, 0);
      assert.strictEqual(
        await adapterFor('csbs').countBackups!(ctx, { resourceTypes: ['server'] }),
        emulator.data.csbs.checkpointItems.length,
      );
      assert.strictEqual(emulator.requests.at(-1)!.query.resource_type, 'OS::Nova::Server');
    });

    it('services without resources (RDS, GES) are not narrowed by resource types, nor is anything sent for them', async () => {
      const unfiltered = await adapterFor('ges').listProjectBackups!(ctx, { limit: 100 });
      const page = await adapterFor('ges').listProjectBackups!(ctx, { limit: 100, filter: { resourceTypes: ['disk'] } });
      assert.deepStrictEqual(lastRequest().query, { offset: '0', limit: '100' });
      assert.strictEqual(page.items.length, unfiltered.items.length);
      const rdsInstance = (await adapterFor('rds').listInstances(ctx, { limit: 50 })).items[0];
      const rdsAll = await adapterFor('rds').listBackups(ctx, rdsInstance, { limit: 50 });
      const rdsQuery = lastRequest().query;
      const rdsFiltered = await adapterFor('rds').listBackups(ctx, rdsInstance, { limit: 50, filter: { resourceTypes: ['server'] } });
      assert.deepStrictEqual(lastRequest().query, rdsQuery);
      assert.strictEqual(rdsFiltered.items.length, rdsAll.items.length);
    });

    it('GES: everything on the client; only paging is sent', async () => {
      const page = await adapterFor('ges').listProjectBackups!(ctx, { limit: 100, filter: { types: ['auto'], statuses: ['succeeded'] } });
      assert.deepStrictEqual(lastRequest().query, { offset: '0', limit: '100' });
      assert.ok(page.items.every((backup) => backup.type === 'auto' && backup.status === 'succeeded'));
    });
  });

  describe('malformed records', () => {
    it('legacy-drift: the two broken records are kept apart and their siblings are listed', async () => {
      const legacy = await instanceNamed('rds', DEMO_NAMES.rds.legacy);
      const page = await adapterFor('rds').listBackups(ctx, legacy, { limit: 50 });
      const raw = emulator.data.rds.backups.get(legacy.id)!;
      assert.strictEqual(page.items.length + page.invalid.length, raw.length);
      assert.strictEqual(page.invalid.length, 2);
      // The broken ones are those without a string id, at their place in the page.
      const brokenAt = toArray(raw).flatMap((record, index) => (typeof record.id === 'string' ? [] : [index]));
      assert.deepStrictEqual(
        page.invalid.map((record) => record.index),
        brokenAt,
      );
      assert.strictEqual(brokenAt.length, 2);
      const [numericId, missingId] = page.invalid;
      assert.strictEqual(numericId.hint, '4711');
      assert.match(numericId.message, /id: Expected string, received number/);
      assert.match(numericId.message, /size: Expected number, received string/);
      assert.match(numericId.message, /status: Expected string, received array/);
      assert.strictEqual(missingId.hint, 'hand-made-export');
      assert.match(missingId.message, /^id: Required$/);
      assert.ok(page.items.every((backup) => backup.status === 'succeeded'));
    });

    it('the spaced PostgreSQL timestamps and the "id " key of the demo data normalise', async () => {
      const billing = await instanceNamed('rds', DEMO_NAMES.rds.billing);
      const reporting = await instanceNamed('rds', DEMO_NAMES.rds.reporting);
      const billingPage = await adapterFor('rds').listBackups(ctx, billing, { limit: 100 });
      const reportingPage = await adapterFor('rds').listBackups(ctx, reporting, { limit: 100 });
      assert.deepStrictEqual([...billingPage.invalid, ...reportingPage.invalid], []);
      assert.ok(billingPage.items.every((backup) => backup.start.instant !== undefined && backup.instanceId === billing.id));
      assert.ok(reportingPage.items.every((backup) => backup.id.length > 0));
    });

    it('keeps the raw record exactly as received: the "id " key stays "id " (issue 9, item 5)', async () => {
      const reporting = await instanceNamed('rds', DEMO_NAMES.rds.reporting);
      const sent = toArray(emulator.data.rds.backups.get(reporting.id)!).find((record) => 'id ' in record)!;
      const page = await adapterFor('rds').listBackups(ctx, reporting, { limit: 100 });
      const backup = page.items.find((item) => item.id === sent['id ']);
      assert.ok(backup, 'the record keyed "id " is listed');
      assert.strictEqual(JSON.stringify(backup.raw), JSON.stringify(sent));
    });

    it('schema drift: drifted records become invalid records, the rest of the page stays', async () => {
      const orders = await instanceNamed('rds', DEMO_NAMES.rds.orders);
      emulator.injectFault({ kind: 'schemaDrift', service: 'rds', pathIncludes: '/backups', count: 1 });
      const page = await adapterFor('rds').listBackups(ctx, orders, { limit: 20 });
      assert.strictEqual(page.items.length + page.invalid.length, 20);
      assert.ok(page.invalid.length > 0, 'some records drifted');
      assert.ok(page.items.length > 0, 'some records survived');
      assert.ok(page.invalid.every((record) => record.message.length > 0 && record.raw));
    });
  });

  describe('errors surface as CloudError with code and request id', () => {
    const unknownInstance = (service: ServiceId): Instance => ({ service, id: 'no-such-instance', name: 'ghost', raw: {} });

    async function expectApiError(promise: Promise<unknown>, status: number, code: string): Promise<void> {
      const error = await cloudRejection(promise);
      assert.strictEqual(error.status, status, error.message);
      assert.strictEqual(error.code, code, error.message);
      assert.ok(error.requestId, 'request id present');
      assert.strictEqual(error.requestId, lastRequest().requestId);
    }

    it('RDS/DDS {error_code, error_msg}', async () => {
      await expectApiError(adapterFor('rds').listBackups(ctx, unknownInstance('rds'), { limit: 10 }), 404, 'DBS.200002');
      await expectApiError(adapterFor('dds').listBackups(ctx, unknownInstance('dds'), { limit: 10 }), 404, 'DBS.200002');
    });

    it('DCS {error_code, error_msg, error_ext_msg}', async () => {
      await expectApiError(adapterFor('dcs').listBackups(ctx, unknownInstance('dcs'), { limit: 10 }), 404, '111404022');
    });

    it('GES {errorCode, errorMessage}', async () => {
      await expectApiError(adapterFor('ges').listBackups(ctx, unknownInstance('ges'), { limit: 10 }), 404, 'GES.7000');
    });

    it('ECS {error: {code, message}}', async () => {
      emulator.injectFault({ kind: 'serverError', service: 'ecs', status: 503, count: 1 });
      await expectApiError(adapterFor('csbs').listInstances(ctx, { limit: 10 }), 503, 'Ecs.0000');
    });

    it('gateway 401 APIGW.0301 for a wrong secret key', async () => {
      const wrong = await session({ secretKey: 'wrong-secret-key-000000000000000000000000' }).context();
      const error = await cloudRejection(adapterFor('rds').listInstances(wrong, { limit: 10 }));
      assert.strictEqual(error.code, 'APIGW.0301');
      assert.ok(error.isAuthFailure);
      assert.strictEqual(error.requestId, lastRequest().requestId);
    });

    it('gateway 429 APIGW.0308 once retries are spent', async () => {
      emulator.injectFault({ kind: 'throttle', service: 'dcs' });
      await expectApiError(adapterFor('dcs').listInstances(ctx, { limit: 10 }), 429, 'APIGW.0308');
    });

    it('a body that is not JSON is INVALID_RESPONSE with the request id', async () => {
      emulator.injectFault({ kind: 'malformedJson', service: 'ges', count: 1 });
      const error = await cloudRejection(adapterFor('ges').listProjectBackups!(ctx, { limit: 10 }));
      assert.strictEqual(error.code, 'INVALID_RESPONSE');
      assert.strictEqual(error.requestId, lastRequest().requestId);
    });

    it('parameter rules are enforced before sending', async () => {
      const orders = await instanceNamed('rds', DEMO_NAMES.rds.orders);
      emulator.clearRequests();
      const error = await cloudRejection(adapterFor('rds').listBackups(ctx, orders, { limit: 150 }));
      assert.strictEqual(error.code, 'INVALID_REQUEST');
      assert.strictEqual(emulator.requests.length, 0);
    });
  });

  describe('look-ups', () => {
    it('RDS and DDS find a backup by id on the server', async () => {
      const orders = await instanceNamed('rds', DEMO_NAMES.rds.orders);
      const wanted = (await adapterFor('rds').listBackups(ctx, orders, { limit: 5, cursor: { kind: 'offset', offset: 60 } })).items[0];
      const found = await adapterFor('rds').findBackupById!(ctx, orders, wanted.id);
      assert.strictEqual(lastRequest().query.backup_id, wanted.id);
      assert.deepStrictEqual(found, wanted);

      const ddsWanted = (await adapterFor('dds').listProjectBackups!(ctx, { limit: 10 })).items[7];
      const ddsFound = await adapterFor('dds').findBackupById!(ctx, undefined, ddsWanted.id);
      assert.strictEqual(lastRequest().query.backup_id, ddsWanted.id);
      assert.strictEqual(ddsFound?.id, ddsWanted.id);
    });

    it("DDS: every backup of a project-wide list and of a look-up without the instance carries its instance's mode", async () => {
      const modes = new Map(toArray(emulator.data.dds.instances).map((instance) => [String(instance.id), String(instance.mode)]));
      const adapter = adapterFor('dds');
      const backups = [];
      let cursor: PageCursor | undefined;
      do {
        const page = await adapter.listProjectBackups!(ctx, { limit: 100, cursor });
        backups.push(...page.items);
        cursor = page.next;
      } while (cursor);
      assert.strictEqual(
        backups.length,
        [...emulator.data.dds.backups.values()].reduce((sum, list) => sum + list.length, 0),
      );
      for (const backup of backups) assert.strictEqual(backup.extras.mode, modes.get(backup.instanceId), backup.id);
      // A Refresh of the panel looks the backup up with a stub of its instance (no raw record).
      const stub = { service: 'dds', id: backups[0].instanceId, name: backups[0].instanceName ?? '', raw: undefined };
      const refreshed = await adapter.findBackupById!(ctx, stub, backups[0].id);
      assert.strictEqual(refreshed?.extras.mode, modes.get(backups[0].instanceId));
    });
  });
});
