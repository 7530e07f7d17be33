import * as assert from 'assert';
import { CloudError } from '../../src/cloud/http/errors';
import type { Backup, BackupFilter, Instance, ServiceId } from '../../src/cloud/model';
import type { Page, PageRequest } from '../../src/cloud/paging';
import type { AdapterContext, ServiceAdapter } from '../../src/cloud/services/adapter';
import {
  fetchInstanceBackups,
  findBackupById,
  scanMatchingBackups,
  searchStrategy,
  summarizeCoverage,
  type ScanLimits,
} from '../../src/domain/backupScan';

const ctx: AdapterContext = {
  projectId: 'p',
  get: () => Promise.reject(new Error('fakes do not use HTTP')),
};

function makeBackup(service: ServiceId, instanceId: string, id: string, start = 0, status: Backup['status'] = 'succeeded'): Backup {
  return {
    service,
    id,
    name: `name-${id}`,
    instanceId,
    type: 'auto',
    rawStatus: status,
    status,
    start: { instant: start },
    end: {},
    extras: {},
    raw: {},
  };
}

function offsetPage<T>(all: readonly T[], request: PageRequest, keep: (item: T) => boolean = () => true): Page<T> {
  const offset = request.cursor?.kind === 'offset' ? request.cursor.offset : 0;
  const slice = all.slice(offset, offset + request.limit);
  const nextOffset = offset + slice.length;
  return {
    items: slice.filter(keep),
    invalid: [],
    scanned: slice.length,
    total: all.length,
    next: nextOffset < all.length ? { kind: 'offset', offset: nextOffset } : undefined,
  };
}

interface FakeOptions {
  id: ServiceId;
  instances: Record<string, Backup[]>;
  lookup?: 'project' | 'instance';
  projectList?: boolean;
  failInstance?: string;
}

/** An in-memory adapter that records every call it receives. */
function fakeAdapter(options: FakeOptions): ServiceAdapter & { calls: string[] } {
  const instances: Instance[] = Object.keys(options.instances).map((id) => ({ service: options.id, id, name: `inst-${id}`, raw: {} }));
  const all = () => Object.values(options.instances).flat();
  const matches = (filter?: BackupFilter) => (b: Backup) => !filter?.statuses || filter.statuses.includes(b.status as never);
  const calls: string[] = [];
  const adapter: ServiceAdapter & { calls: string[] } = {
    calls,
    id: options.id,
    label: options.id.toUpperCase(),
    instanceNoun: { one: 'instance', many: 'instances' },
    icons: { service: 'database', instance: 'database' },
    rawStatuses: {},
    extraLabels: {},
    async listInstances(_ctx, request) {
      calls.push(`instances@${request.cursor?.kind === 'offset' ? request.cursor.offset : 0}`);
      return offsetPage(instances, request);
    },
    async listBackups(_ctx, instance, request) {
      calls.push(`backups:${instance.id}@${request.cursor?.kind === 'offset' ? request.cursor.offset : 0}`);
      if (instance.id === options.failInstance)
        throw new CloudError('Instance not found', { service: options.id, status: 404, code: 'DBS.280064', requestId: 'r-404' });
      return offsetPage(options.instances[instance.id], request, matches(request.filter));
    },
  };
  if (options.projectList) {
    adapter.listProjectBackups = async (_ctx, request) => {
      calls.push(`project@${request.cursor?.kind === 'offset' ? request.cursor.offset : 0}`);
      return offsetPage(all(), request, matches(request.filter));
    };
  }
  if (options.lookup) {
    adapter.findBackupById = async (_ctx, instance, id) => {
      calls.push(`lookup:${instance?.id ?? '*'}`);
      if (options.lookup === 'instance' && !instance) throw new Error('needs instance');
      return (instance ? options.instances[instance.id] : all()).find((b) => b.id === id);
    };
  }
  return adapter;
}

const LIMITS: ScanLimits = { maxInstances: 10, maxRecordsPerInstance: 20, maxProjectRecords: 30, concurrency: 2, pageSize: 5 };

function many(service: ServiceId, instanceId: string, count: number, prefix = instanceId): Backup[] {
  return Array.from({ length: count }, (_, i) => makeBackup(service, instanceId, `${prefix}-${i}`, i));
}

describe('backup search planning', () => {
  it('derives the strategy from what the adapter offers', () => {
    const noop = async () => undefined;
    const list = async () => ({ items: [], invalid: [], scanned: 0 });
    assert.strictEqual(searchStrategy({ findBackupById: noop, listProjectBackups: list }), 'projectLookup');
    assert.strictEqual(searchStrategy({ findBackupById: noop }), 'instanceLookup');
    assert.strictEqual(searchStrategy({ listProjectBackups: list }), 'projectScan');
    assert.strictEqual(searchStrategy({}), 'instanceScan');
  });

  it('finds by server look-up first and never starts the scans', async () => {
    const rds = fakeAdapter({ id: 'rds', lookup: 'instance', instances: { a: many('rds', 'a', 3), b: many('rds', 'b', 3) } });
    const dcs = fakeAdapter({ id: 'dcs', instances: { c: many('dcs', 'c', 50) } });
    const result = await findBackupById(ctx, [rds, dcs], 'b-2', LIMITS);
    assert.strictEqual(result.found?.id, 'b-2');
    assert.deepStrictEqual(dcs.calls, [], 'scans come after look-ups and are skipped once found');
  });

  it('scans per-instance lists within bounds and reports what it could not cover', async () => {
    const dcs = fakeAdapter({ id: 'dcs', instances: { a: many('dcs', 'a', 25), b: many('dcs', 'b', 4) } });
    const ges = fakeAdapter({ id: 'ges', projectList: true, instances: { g: many('ges', 'g', 40) } });
    const dds = fakeAdapter({ id: 'dds', lookup: 'project', projectList: true, instances: { d: many('dds', 'd', 2) } });
    const result = await findBackupById(ctx, [dds, dcs, ges], 'missing', LIMITS);
    assert.strictEqual(result.found, undefined);
    assert.deepStrictEqual(dds.calls, ['lookup:*'], 'DDS is asked once, project-wide');
    const [ddsCov, dcsCov, gesCov] = result.coverage;
    assert.strictEqual(ddsCov.strategy, 'projectLookup');
    assert.strictEqual(dcsCov.recordsScanned, 20 + 4, 'instance a stops at maxRecordsPerInstance');
    assert.strictEqual(dcsCov.listsCut, 1);
    assert.strictEqual(gesCov.recordsScanned, 30, 'the project list stops at maxProjectRecords');
    assert.strictEqual(gesCov.listsCut, 1);
    const summary = summarizeCoverage(result.coverage);
    assert.deepStrictEqual(summary.searched, [
      'DDS: looked up by id, project-wide',
      'DCS: 24 backups scanned in 2 instances',
      'GES: 30 backups scanned project-wide',
    ]);
    assert.deepStrictEqual(summary.notCovered, [
      "DCS: 1 instance's list was scanned only partly (bound reached)",
      'GES: the project-wide list was scanned only partly (bound reached)',
    ]);
  });

  it('says when the instance list itself was cut, and keeps going past a failing instance', async () => {
    const instances: Record<string, Backup[]> = {};
    for (let i = 0; i < 12; i++) instances[`i${i}`] = many('rds', `i${i}`, 1);
    const rds = fakeAdapter({ id: 'rds', instances, failInstance: 'i1' });
    const result = await findBackupById(ctx, [rds], 'i9-0', LIMITS);
    assert.strictEqual(result.found?.id, 'i9-0');
    const notFound = await findBackupById(ctx, [rds], 'i11-0', LIMITS);
    assert.strictEqual(notFound.found, undefined, 'instance i11 is beyond maxInstances');
    const [coverage] = notFound.coverage;
    assert.strictEqual(coverage.instancesListed, 10);
    assert.strictEqual(coverage.instancesTotal, 12);
    assert.strictEqual(coverage.instancesSearched, 9);
    const { notCovered } = summarizeCoverage(notFound.coverage);
    assert.strictEqual(notCovered[0], 'RDS: only the first 10 of 12 instances were searched');
    assert.match(notCovered[1], /instance inst-i1: Instance not found \(DBS\.280064, HTTP 404, request id r-404\)/);
  });

  it('stops when the caller cancels', async () => {
    const abort = new AbortController();
    abort.abort();
    const dcs = fakeAdapter({ id: 'dcs', instances: { a: many('dcs', 'a', 5) } });
    const result = await findBackupById(ctx, [dcs], 'a-1', LIMITS, { signal: abort.signal });
    assert.strictEqual(result.found, undefined);
    assert.deepStrictEqual(dcs.calls, []);
  });
});

describe('scanning for matching backups', () => {
  it('uses project lists where they exist, instance lists elsewhere, sends the filter and sorts newest first', async () => {
    const failedAt = (service: ServiceId, instance: string, id: string, start: number) =>
      makeBackup(service, instance, id, start, 'failed');
    const ges = fakeAdapter({
      id: 'ges',
      projectList: true,
      instances: { g: [failedAt('ges', 'g', 'g1', 5), makeBackup('ges', 'g', 'g2', 6)] },
    });
    const dcs = fakeAdapter({ id: 'dcs', instances: { a: [failedAt('dcs', 'a', 'a1', 9)], b: [makeBackup('dcs', 'b', 'b1', 1)] } });
    const progress: number[] = [];
    const result = await scanMatchingBackups(ctx, [ges, dcs], { statuses: ['failed'] }, LIMITS, {
      onProgress: (p) => progress.push(p.recordsScanned),
    });
    assert.deepStrictEqual(
      result.matches.map((b) => b.id),
      ['a1', 'g1'],
    );
    assert.strictEqual(result.matches[0].instanceName, 'inst-a', 'instance names are filled in');
    assert.ok(ges.calls.every((call) => call.startsWith('project@')));
    assert.ok(progress.length > 0);
  });
});

describe('fetching one instance for export', () => {
  it('fetches the remaining offset pages in parallel, in order', async () => {
    const rds = fakeAdapter({ id: 'rds', instances: { a: many('rds', 'a', 23) } });
    const instance: Instance = { service: 'rds', id: 'a', name: 'inst-a', raw: {} };
    const result = await fetchInstanceBackups(ctx, rds, instance, undefined, { pageSize: 5, concurrency: 3, maxRecords: 1000 });
    assert.deepStrictEqual(
      result.backups.map((b) => b.id),
      many('rds', 'a', 23).map((b) => b.id),
    );
    assert.strictEqual(result.cut, false);
    assert.strictEqual(rds.calls.length, 5);
  });

  it('stops at the record bound and says so', async () => {
    const rds = fakeAdapter({ id: 'rds', instances: { a: many('rds', 'a', 23) } });
    const instance: Instance = { service: 'rds', id: 'a', name: 'inst-a', raw: {} };
    const result = await fetchInstanceBackups(ctx, rds, instance, undefined, { pageSize: 5, concurrency: 3, maxRecords: 10 });
    assert.strictEqual(result.backups.length, 10);
    assert.strictEqual(result.cut, true);
  });
});
