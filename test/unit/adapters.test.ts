import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CloudError } from '../../src/cloud/http/errors';
import type { BackupFilter, EndpointService, Instance } from '../../src/cloud/model';
import type { AdapterContext } from '../../src/cloud/services/adapter';
import type { JsonResponse, Query } from '../../src/cloud/http/json';
import { csbsAdapter } from '../../src/cloud/services/csbs';
import { dcsAdapter } from '../../src/cloud/services/dcs';
import { ddsAdapter } from '../../src/cloud/services/dds';
import { gesAdapter } from '../../src/cloud/services/ges';
import { rdsAdapter } from '../../src/cloud/services/rds';
import { ADAPTERS, adapterFor } from '../../src/cloud/services/registry';
import { cloudRejection } from '../support/cloudError';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');
const seed = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(SEEDS, name), 'utf8'));

interface Call {
  service: EndpointService;
  path: string;
  query: Query;
}

/** An AdapterContext answering from `respond`, recording every call; undefined query values are dropped as the HTTP client does. */
function fakeContext(respond: (call: Call) => unknown): AdapterContext & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    projectId: 'p1',
    calls,
    async get(service, path, query): Promise<JsonResponse> {
      const sent = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
      const call = { service, path, query: sent };
      calls.push(call);
      return { status: 200, body: respond(call), requestId: `req-${calls.length}` };
    },
  };
}

const instance = (service: Instance['service'], id: string, extra: Partial<Instance> = {}): Instance => ({
  service,
  id,
  name: `${id}-name`,
  raw: {},
  ...extra,
});
const NOV_1 = Date.UTC(2026, 10, 1);
const NOV_8 = Date.UTC(2026, 10, 8);
const WEEK: BackupFilter = { timeRange: { from: NOV_1, to: NOV_8 } };

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<CloudError> {
  const error = await cloudRejection(promise);
  assert.strictEqual(error.code, code, error.message);
  return error;
}

describe('registry', () => {
  it('lists the six adapters in tree order and finds each', () => {
    assert.deepStrictEqual(
      ADAPTERS.map((adapter) => adapter.id),
      ['rds', 'dds', 'dcs', 'ges', 'csbs', 'cbr'],
    );
    for (const adapter of ADAPTERS) assert.strictEqual(adapterFor(adapter.id), adapter);
  });
});

describe('RDS adapter', () => {
  it('normalises the seed samples, including the PostgreSQL and SQL Server defects', async () => {
    const bodies = ['rds-backups-mysql.json', 'rds-backups-postgresql.json', 'rds-backups-sqlserver.json'].map(seed);
    const ctx = fakeContext(() => bodies.shift());
    const pages = [];
    for (let i = 0; i < 3; i++) pages.push(await rdsAdapter.listBackups(ctx, instance('rds', 'i1'), { limit: 10 }));
    const [mysql, pg, sqlserver] = pages.map((page) => page.items[0]);
    assert.strictEqual(mysql.type, 'auto');
    assert.strictEqual(mysql.status, 'succeeded');
    assert.strictEqual(mysql.sizeBytes, 2803 * 1024);
    assert.deepStrictEqual(mysql.rawSize, { value: 2803, unit: 'kB' });
    assert.strictEqual(mysql.start.instant, Date.UTC(2018, 7, 6, 4, 41, 14));
    assert.strictEqual(mysql.instanceId, 'a48e43ff268f4c0e879652d65e63d0fbin01');
    assert.strictEqual(mysql.instanceName, 'i1-name');
    assert.strictEqual(pg.type, 'incremental');
    assert.strictEqual(pg.start.instant, Date.UTC(2018, 7, 6, 4, 41, 14));
    assert.strictEqual(pg.end.instant, Date.UTC(2018, 7, 6, 4, 43, 14));
    assert.strictEqual(pg.instanceId, 'a48e43ff268f4c0e879652d65e63d0fbin03');
    assert.strictEqual(sqlserver.id, '43e4feaab48f11e89039fa163ebaa7e4br04');
    assert.deepStrictEqual(sqlserver.databases, ['user01', 'user02']);
    assert.deepStrictEqual(sqlserver.datastore, { type: 'SQLServer', version: '2014_WEB' });
    assert.strictEqual(pages[0].total, 1);
    assert.strictEqual(pages[0].next, undefined);
  });

  it('sends instance_id, offset, limit, one backup_type and the time range in RDS format', async () => {
    const ctx = fakeContext(() => ({ backups: [], total_count: 0 }));
    await rdsAdapter.listBackups(ctx, instance('rds', 'i1'), {
      limit: 50,
      cursor: { kind: 'offset', offset: 100 },
      filter: { ...WEEK, types: ['differential'] },
    });
    assert.deepStrictEqual(ctx.calls[0], {
      service: 'rds',
      path: '/v3/p1/backups',
      query: {
        instance_id: 'i1',
        backup_type: 'fragment',
        begin_time: '2026-11-01T00:00:00+0000',
        end_time: '2026-11-08T00:00:00+0000',
        offset: 100,
        limit: 50,
      },
    });
  });

  it('filters several types on the client and counts what it scanned', async () => {
    const ctx = fakeContext(() => ({
      backups: [
        { id: 'a', status: 'COMPLETED', type: 'auto' },
        { id: 'b', status: 'COMPLETED', type: 'fragment' },
        { id: 'c', status: 'FAILED', type: 'manual' },
      ],
      total_count: 3,
    }));
    const page = await rdsAdapter.listBackups(ctx, instance('rds', 'i1'), {
      limit: 3,
      filter: { types: ['auto', 'manual'], statuses: ['failed'] },
    });
    assert.strictEqual(ctx.calls[0].query.backup_type, undefined);
    assert.deepStrictEqual(
      page.items.map((backup) => backup.id),
      ['c'],
    );
    assert.strictEqual(page.scanned, 3);
  });

  it('enforces limit 1–100 and a forward time range before sending', async () => {
    const ctx = fakeContext(() => ({ backups: [] }));
    await rejectsWith(rdsAdapter.listBackups(ctx, instance('rds', 'i1'), { limit: 101 }), 'INVALID_REQUEST');
    await rejectsWith(rdsAdapter.listBackups(ctx, instance('rds', 'i1'), { limit: 0 }), 'INVALID_REQUEST');
    await rejectsWith(rdsAdapter.listInstances(ctx, { limit: 500 }), 'INVALID_REQUEST');
    await rejectsWith(
      rdsAdapter.listBackups(ctx, instance('rds', 'i1'), { limit: 10, filter: { timeRange: { from: NOV_8, to: NOV_1 } } }),
      'INVALID_REQUEST',
    );
    await rejectsWith(
      rdsAdapter.listBackups(ctx, instance('rds', 'i1'), { limit: 10, cursor: { kind: 'marker', marker: 'x' } }),
      'INVALID_REQUEST',
    );
    assert.strictEqual(ctx.calls.length, 0);
  });

  it('pages by offset until total_count', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, status: 'COMPLETED' }));
    const ctx = fakeContext(({ query }) => ({
      backups: all.slice(Number(query.offset), Number(query.offset) + Number(query.limit)),
      total_count: all.length,
    }));
    const first = await rdsAdapter.listBackups(ctx, instance('rds', 'i1'), { limit: 2 });
    assert.deepStrictEqual(first.next, { kind: 'offset', offset: 2 });
    const last = await rdsAdapter.listBackups(ctx, instance('rds', 'i1'), { limit: 2, cursor: { kind: 'offset', offset: 4 } });
    assert.deepStrictEqual(
      last.items.map((backup) => backup.id),
      ['b4'],
    );
    assert.strictEqual(last.next, undefined);
  });

  it('finds a backup by id within its instance, and needs the instance', async () => {
    const ctx = fakeContext(() => seed('rds-backups-mysql.json'));
    const found = await rdsAdapter.findBackupById!(ctx, instance('rds', 'i1'), '43e4feaab48f11e89039fa163ebaa7e4br01');
    assert.strictEqual(found?.id, '43e4feaab48f11e89039fa163ebaa7e4br01');
    assert.deepStrictEqual(ctx.calls[0].query, {
      instance_id: 'i1',
      backup_id: '43e4feaab48f11e89039fa163ebaa7e4br01',
      offset: 0,
      limit: 1,
    });
    await rejectsWith(rdsAdapter.findBackupById!(ctx, undefined, 'x'), 'INVALID_REQUEST');
  });

  it('reports a look-up answered only by a malformed record as INVALID_RESPONSE', async () => {
    const ctx = fakeContext(() => ({ backups: [{ id: 'x', status: 7 }], total_count: 1 }));
    await rejectsWith(rdsAdapter.findBackupById!(ctx, instance('rds', 'i1'), 'x'), 'INVALID_RESPONSE');
  });
});

describe('DDS adapter', () => {
  it('normalises the seed sample (UTC times, KB, lower-case type)', async () => {
    const ctx = fakeContext(() => seed('dds-backups.json'));
    const page = await ddsAdapter.listBackups(ctx, instance('dds', 'i1', { raw: { id: 'i1', mode: 'ReplicaSet' } }), { limit: 10 });
    const backup = page.items[0];
    assert.strictEqual(backup.type, 'auto');
    assert.strictEqual(backup.start.instant, Date.UTC(2018, 7, 6, 12, 41, 14));
    assert.strictEqual(backup.sizeBytes, 2803 * 1024);
    assert.strictEqual(backup.instanceName, 'cluster-test');
    assert.deepStrictEqual(backup.datastore, { type: 'DDS-Community', version: '3.4' });
    assert.deepStrictEqual(backup.extras, { mode: 'ReplicaSet', description: 'backup description' });
  });

  it('sends backup_type Auto/Manual as documented and the time range as UTC yyyy-mm-dd hh:mm:ss', async () => {
    const ctx = fakeContext(() => ({ backups: [], total_count: 0 }));
    await ddsAdapter.listBackups(ctx, instance('dds', 'i1'), { limit: 10, filter: { ...WEEK, types: ['manual', 'incremental'] } });
    assert.deepStrictEqual(ctx.calls[0].query, {
      instance_id: 'i1',
      backup_type: 'Manual',
      begin_time: '2026-11-01 00:00:00',
      end_time: '2026-11-08 00:00:00',
      offset: 0,
      limit: 10,
    });
  });

  it('answers "incremental only" with an empty list without a request (DDS has none)', async () => {
    const ctx = fakeContext(() => ({ backups: [] }));
    const page = await ddsAdapter.listBackups(ctx, instance('dds', 'i1'), { limit: 10, filter: { types: ['incremental'] } });
    assert.deepStrictEqual(page, { items: [], invalid: [], total: 0, scanned: 0 });
    assert.strictEqual(ctx.calls.length, 0);
  });

  it('lists project-wide without instance_id, mode by mode, so each backup knows its mode', async () => {
    const ctx = fakeContext(() => seed('dds-backups.json'));
    const first = await ddsAdapter.listProjectBackups!(ctx, { limit: 10 });
    assert.deepStrictEqual(
      ctx.calls.map((call) => call.query),
      [{ offset: 0, limit: 10, mode: 'Sharding' }],
    );
    assert.ok(first.items.every((backup) => backup.extras.mode === 'Sharding'));
    // The seed's page is short: the list goes on with the next mode, and has no overall total.
    assert.deepStrictEqual(first.next, { kind: 'marker', marker: '1:0' });
    assert.strictEqual(first.total, undefined);
    const second = await ddsAdapter.listProjectBackups!(ctx, { limit: 10, cursor: first.next });
    assert.deepStrictEqual(ctx.calls[1].query, { offset: 0, limit: 10, mode: 'ReplicaSet' });
    const last = await ddsAdapter.listProjectBackups!(ctx, { limit: 10, cursor: { kind: 'marker', marker: '2:0' } });
    assert.ok(second.items.every((backup) => backup.extras.mode === 'ReplicaSet'));
    assert.strictEqual(last.next, undefined);
  });

  it('finds by backup_id alone in every mode at once, keeping the mode of the one that answers', async () => {
    const ctx = fakeContext((call) => (call.query.mode === 'ReplicaSet' ? seed('dds-backups.json') : { backups: [], total_count: 0 }));
    const found = await ddsAdapter.findBackupById!(ctx, undefined, '43e4feaab48f11e89039fa163ebaa7e4br01');
    assert.deepStrictEqual(
      ctx.calls.map((call) => call.query),
      ['Sharding', 'ReplicaSet', 'Single'].map((mode) => ({
        backup_id: '43e4feaab48f11e89039fa163ebaa7e4br01',
        offset: 0,
        limit: 1,
        mode,
      })),
    );
    assert.strictEqual(found?.instanceId, '43e4feaab48f11e89039fa163ebaa7e4br01');
    assert.strictEqual(found?.extras.mode, 'ReplicaSet');
  });

  it('describes instances with engine and mode', async () => {
    const ctx = fakeContext(() => ({
      instances: [{ id: 'd1', name: 'catalog', status: 'normal', mode: 'Sharding', datastore: { type: 'DDS-Community', version: '4.0' } }],
      total_count: 1,
    }));
    const page = await ddsAdapter.listInstances(ctx, { limit: 10 });
    assert.strictEqual(page.items[0].description, 'DDS-Community 4.0 · cluster');
  });
});

describe('DCS adapter', () => {
  it('normalises the seed sample (bytes, ISO times, extras)', async () => {
    const ctx = fakeContext(() => seed('dcs-backups.json'));
    const page = await dcsAdapter.listBackups(ctx, instance('dcs', '68d5745e-6af2-40e4-945d-fe449be00148'), { limit: 10 });
    assert.strictEqual(page.items.length, 4);
    assert.strictEqual(page.total, 4);
    const [first, second] = page.items;
    assert.strictEqual(first.id, '2ac5ba6f-c1ad-4ec1-b7ea-29aeedfc00b9');
    assert.strictEqual(first.name, 'backup_20180415230000');
    assert.strictEqual(first.status, 'succeeded');
    assert.strictEqual(second.status, 'expired');
    assert.strictEqual(first.sizeBytes, 126);
    assert.strictEqual(first.start.instant, Date.UTC(2018, 3, 15, 22, 0, 0, 780));
    assert.strictEqual(first.end.instant, Date.UTC(2018, 3, 15, 22, 1, 10, 823));
    assert.strictEqual(first.errorCode, undefined);
    assert.strictEqual(first.progress, '100.00');
    assert.deepStrictEqual(first.extras, { period: '22:00-23:00', is_support_restore: true });
    assert.strictEqual(first.progress, '100.00');
  });

  it('pages with a 1-based start and sends the time range as yyyyMMddHHmmss (UTC)', async () => {
    const ctx = fakeContext(() => ({ backup_record_response: [{ backup_id: 'x', status: 'succeed' }], total_num: 30 }));
    const page = await dcsAdapter.listBackups(ctx, instance('dcs', 'i1'), {
      limit: 10,
      cursor: { kind: 'offset', offset: 20 },
      filter: WEEK,
    });
    assert.deepStrictEqual(ctx.calls[0], {
      service: 'dcs',
      path: '/v1.0/p1/instances/i1/backups',
      query: { beginTime: '20261101000000', endTime: '20261108000000', start: 21, limit: 10 },
    });
    assert.deepStrictEqual(page.next, { kind: 'offset', offset: 21 });
  });

  it('filters type and status on the client', async () => {
    const ctx = fakeContext(() => ({
      backup_record_response: [
        { backup_id: 'a', status: 'succeed', backup_type: 'auto' },
        { backup_id: 'b', status: 'failed', backup_type: 'manual', error_code: 'dcs.08.0002' },
      ],
      total_num: 2,
    }));
    const page = await dcsAdapter.listBackups(ctx, instance('dcs', 'i1'), { limit: 10, filter: { types: ['manual'] } });
    assert.deepStrictEqual(ctx.calls[0].query, { start: 1, limit: 10 });
    assert.deepStrictEqual(
      page.items.map((backup) => [backup.id, backup.errorCode]),
      [['b', 'dcs.08.0002']],
    );
    assert.strictEqual(page.scanned, 2);
  });

  it('labels an invalid DCS record by backup_id', async () => {
    const ctx = fakeContext(() => ({ backup_record_response: [{ backup_id: 'x', status: null }], total_num: 1 }));
    const page = await dcsAdapter.listBackups(ctx, instance('dcs', 'i1'), { limit: 10 });
    assert.strictEqual(page.invalid[0].hint, 'x');
  });
});

describe('GES adapter', () => {
  it('normalises the repaired seed sample (epoch ms, MB, graph extras)', async () => {
    const ctx = fakeContext(() => seed('ges-backups.repaired.json'));
    const page = await gesAdapter.listProjectBackups!(ctx, { limit: 10 });
    assert.strictEqual(ctx.calls[0].path, '/v1.0/p1/graphs/backups');
    const backup = page.items[0];
    assert.strictEqual(backup.type, 'manual');
    assert.strictEqual(backup.status, 'succeeded');
    assert.strictEqual(backup.start.instant, 1623160513000);
    assert.strictEqual(backup.end.instant, 1623160568000);
    assert.strictEqual(backup.sizeBytes, 1024 * 1024);
    assert.strictEqual(backup.instanceId, '4c5f882d-a813-4d78-a8e3-6d3212ddd121');
    assert.strictEqual(backup.instanceName, 'ges060803_nodelete');
    assert.deepStrictEqual(backup.datastore, { type: 'GES', version: '2.2.21' });
    assert.deepStrictEqual(backup.extras, {
      graphStatus: '200',
      graphSizeTypeIndex: '1',
      arch: 'x86_64',
      duration: 54,
    });
    assert.strictEqual(page.total, 3);
  });

  it('falls back to the zone-less startTime (UTC) when the timestamp is missing', async () => {
    const ctx = fakeContext(() => ({ backupList: [{ id: 'g', status: 'success', startTime: '2021-06-08T13:55:13' }], backupCount: 1 }));
    const page = await gesAdapter.listBackups(ctx, instance('ges', 'g1'), { limit: 10 });
    assert.strictEqual(page.items[0].start.instant, 1623160513000);
  });

  it('filters the time range on the client by start time, sending only paging', async () => {
    const ctx = fakeContext(() => ({
      backupList: [
        { id: 'in', status: 'success', startTimestamp: NOV_1 + 1000 },
        { id: 'out', status: 'success', startTimestamp: NOV_8 + 1000 },
        { id: 'unparseable', status: 'success', startTimestamp: 'soon' },
      ],
      backupCount: 3,
    }));
    const page = await gesAdapter.listBackups(ctx, instance('ges', 'g1'), { limit: 3, filter: WEEK });
    assert.deepStrictEqual(ctx.calls[0], { service: 'ges', path: '/v1.0/p1/graphs/g1/backups', query: { offset: 0, limit: 3 } });
    assert.deepStrictEqual(
      page.items.map((backup) => backup.id),
      ['in'],
    );
    assert.strictEqual(page.scanned, 3);
  });

  it('turns an error reported in a 200 body into a CloudError with its code', async () => {
    const ctx = fakeContext(() => seed('ges-error.json'));
    const error = await rejectsWith(gesAdapter.listBackups(ctx, instance('ges', 'g1'), { limit: 10 }), 'GES.7006');
    assert.strictEqual(error.requestId, 'req-1');
    assert.match(error.message, /internal error/);
  });
});

describe('CSBS adapter', () => {
  /** CSBS answering the item list from `respond` and the count API with `count`. */
  const csbsContext = (respond: (call: Call) => unknown, count = 3) =>
    fakeContext((call) => (call.path.endsWith('/count') ? { count } : respond(call)));
  const listCalls = (ctx: { calls: Call[] }) => ctx.calls.filter((call) => !call.path.endsWith('/count'));
  const item = (id: string, status: string, extra: object = {}) => ({
    id,
    status,
    name: `n-${id}`,
    created_at: '2026-11-02T01:21:52.701973',
    updated_at: '2026-11-02T01:41:52.701973',
    resource_id: 's1',
    resource_type: 'OS::Nova::Server',
    extend_info: { auto_trigger: true, size: 2, fail_code: {}, fail_reason: '', progress: 100, resource_name: 'web-01' },
    ...extra,
  });

  it('lists ECS servers with offset as a 1-based page number', async () => {
    const ctx = fakeContext(() => ({ servers: [{ id: 's3', name: 'c', status: 'ACTIVE' }], count: 3 }));
    const page = await csbsAdapter.listInstances(ctx, { limit: 2, cursor: { kind: 'offset', offset: 2 } });
    assert.deepStrictEqual(ctx.calls[0], { service: 'ecs', path: '/v1/p1/cloudservers/detail', query: { offset: 2, limit: 2 } });
    assert.strictEqual(page.items[0].id, 's3');
    assert.strictEqual(page.next, undefined);
  });

  it('pages by marker: the id of the last record, while pages are full', async () => {
    const ctx = csbsContext(({ query }) => ({
      checkpoint_items: query.marker ? [item('c3', 'available')] : [item('c1', 'available'), item('c2', 'available')],
    }));
    const first = await csbsAdapter.listBackups(ctx, instance('csbs', 's1'), { limit: 2 });
    assert.deepStrictEqual(first.next, { kind: 'marker', marker: 'c2' });
    assert.strictEqual(first.total, 3, 'the first page asks the count API for the server');
    assert.deepStrictEqual(
      ctx.calls.filter((call) => call.path.endsWith('/count')).map((call) => call.query),
      [{ resource_id: 's1' }],
    );
    const second = await csbsAdapter.listBackups(ctx, instance('csbs', 's1'), { limit: 2, cursor: first.next });
    assert.strictEqual(second.next, undefined);
    assert.deepStrictEqual(
      listCalls(ctx).map((call) => call.query),
      [
        { resource_id: 's1', limit: 2 },
        { resource_id: 's1', limit: 2, marker: 'c2' },
      ],
    );
  });

  it('keeps paging past a malformed last record using the last id it has', async () => {
    const ctx = csbsContext(() => ({ checkpoint_items: [item('c1', 'available'), { id: 'c2', status: 5 }] }));
    const page = await csbsAdapter.listBackups(ctx, instance('csbs', 's1'), { limit: 2 });
    assert.deepStrictEqual(page.next, { kind: 'marker', marker: 'c2' });
    assert.strictEqual(page.invalid.length, 1);
  });

  it('normalises a checkpoint item (auto_trigger, MB, failure, end time once finished)', async () => {
    const failed = item('c9', 'error', {
      extend_info: {
        auto_trigger: false,
        size: 0,
        fail_code: { Code: 'CSBS.6006', Description: 'x' },
        fail_reason: 'Disk busy',
        progress: 100,
      },
    });
    const ctx = csbsContext(() => ({ checkpoint_items: [item('c1', 'available'), failed, item('c2', 'protecting')] }));
    const [ok, bad, running] = (await csbsAdapter.listBackups(ctx, instance('csbs', 's1', { name: 'web-01' }), { limit: 10 })).items;
    assert.strictEqual(ok.type, 'auto');
    assert.strictEqual(ok.sizeBytes, 2 * 1024 * 1024);
    assert.strictEqual(ok.start.instant, Date.UTC(2026, 10, 2, 1, 21, 52, 702));
    assert.strictEqual(ok.end.instant, Date.UTC(2026, 10, 2, 1, 41, 52, 702));
    assert.strictEqual(ok.errorCode, undefined);
    assert.strictEqual(ok.errorMessage, undefined, 'blank fields are not kept');
    assert.strictEqual(bad.type, 'manual');
    assert.strictEqual(bad.status, 'failed');
    assert.strictEqual(bad.errorCode, 'CSBS.6006');
    assert.strictEqual(bad.errorMessage, 'Disk busy');
    assert.strictEqual(running.status, 'inProgress');
    assert.deepStrictEqual(running.end, {}, 'a running backup has no end yet');
    assert.strictEqual(running.progress, '100');
  });

  it('sends one status and the time range to the server; several statuses are filtered here', async () => {
    const ctx = csbsContext(() => ({ checkpoint_items: [item('a', 'available'), item('b', 'protecting'), item('c', 'restoring')] }));
    await csbsAdapter.listBackups(ctx, instance('csbs', 's1'), { limit: 10, filter: { ...WEEK, statuses: ['failed'] } });
    const page = await csbsAdapter.listBackups(ctx, instance('csbs', 's1'), { limit: 10, filter: { statuses: ['inProgress'] } });
    assert.deepStrictEqual(
      listCalls(ctx).map((call) => call.query),
      [
        { resource_id: 's1', status: 'error', start_time: '2026-11-01T00:00:00', end_time: '2026-11-08T00:00:00', limit: 10 },
        { resource_id: 's1', limit: 10 },
      ],
    );
    assert.deepStrictEqual(
      page.items.map((backup) => backup.id),
      ['b', 'c'],
    );
  });

  it('counts per status and sums', async () => {
    const counts: Record<string, number> = { protecting: 2, restoring: 1, error: 4 };
    const ctx = fakeContext(({ query }) => ({ count: query.status === undefined ? 10 : counts[String(query.status)] }));
    assert.strictEqual(await csbsAdapter.countBackups!(ctx, undefined), 10);
    assert.strictEqual(await csbsAdapter.countBackups!(ctx, { statuses: ['inProgress', 'failed'] }), 7);
    assert.ok(ctx.calls.every((call) => call.path === '/v1/p1/checkpoint_items/count'));
  });
});

describe('envelope problems', () => {
  it('a body without the record array is INVALID_RESPONSE carrying the request id', async () => {
    const ctx = fakeContext(() => ({ unexpected: true }));
    const error = await rejectsWith(dcsAdapter.listInstances(ctx, { limit: 10 }), 'INVALID_RESPONSE');
    assert.strictEqual(error.requestId, 'req-1');
    assert.match(error.message, /instances: Required/);
  });
});
