import { TEST_SCOPE } from '../support/fakeModel';
import { performance } from 'perf_hooks';
import type { Backup, Instance } from '../../src/cloud/model';
import type { AdapterContext } from '../../src/cloud/services/adapter';
import type { JsonResponse, Query } from '../../src/cloud/http/json';
import { rdsAdapter } from '../../src/cloud/services/rds';
import { ServiceNode } from '../../src/explorer/nodes';
import { PagedList } from '../../src/explorer/pagedList';
import { retainedHeapBytes } from './memory';
import type { Benchmark } from './types';

const BACKUPS = 20_000;
const PAGE_SIZE = 100;
const INSTANCE: Instance = { service: 'rds', id: 'bench-instance-0001', name: 'orders-mysql', description: 'MySQL 8.0', raw: {} };

/** Raw RDS backup records as JSON.parse gives them (seed 002's shape), built once and kept. */
function rawBackups(count: number): unknown[] {
  const start = Date.UTC(2026, 0, 1);
  const records = Array.from({ length: count }, (_, i) => ({
    id: `43e4feaab48f${i.toString(16).padStart(8, '0')}br01`,
    name: `orders-mysql-${String(i).padStart(6, '0')}`,
    type: i % 7 === 0 ? 'manual' : 'auto',
    size: 2_803 + i,
    status: i % 50 === 0 ? 'FAILED' : 'COMPLETED',
    begin_time: new Date(start - i * 3_600_000).toISOString().replace('.000Z', '+0000'),
    end_time: new Date(start - i * 3_600_000 + 90_000).toISOString().replace('.000Z', '+0000'),
    datastore: { type: 'MySQL', version: '8.0' },
    instance_id: INSTANCE.id,
  }));
  return JSON.parse(JSON.stringify(records)) as unknown[];
}

/** Serves the raw records in offset pages, as the RDS API would, without HTTP. */
function fakeContext(records: readonly unknown[]): AdapterContext {
  return {
    projectId: '0a1b2c3d4e5f40718293a4b5c6d7e8f9',
    async get(_service, _path, query: Query): Promise<JsonResponse> {
      const offset = Number(query.offset ?? 0);
      const limit = Number(query.limit ?? PAGE_SIZE);
      return { status: 200, body: { backups: records.slice(offset, offset + limit), total_count: records.length } };
    },
  };
}

export const explorerPagingBenchmark: Benchmark = {
  name: 'explorer-paging',
  description: `${BACKUPS} RDS backups through the real adapter into the tree's paging state and nodes`,
  async run() {
    const records = rawBackups(BACKUPS);
    const context = fakeContext(records);
    const pageTimes: number[] = [];
    const baseline = retainedHeapBytes();

    const service = new ServiceNode(
      rdsAdapter,
      TEST_SCOPE,
      undefined,
      () =>
        new PagedList<Instance>({
          pageSize: PAGE_SIZE,
          keyOf: (i) => i.id,
          fetchPage: async () => ({ items: [INSTANCE], invalid: [], scanned: 1, total: 1 }),
        }),
      (owner) =>
        new PagedList<Backup>({
          pageSize: PAGE_SIZE,
          keyOf: (backup) => backup.id,
          fetchPage: async (cursor, signal) => {
            const started = performance.now();
            const page = await rdsAdapter.listBackups(context, owner.instance, { cursor, limit: PAGE_SIZE, signal });
            pageTimes.push(performance.now() - started);
            return page;
          },
        }),
    );
    await service.list.ensureFirstPage();
    const instance = service.childNodes()[0];
    const started = performance.now();
    // One page at a time, so each page's time is its own (parsing, normalising, applying).
    await instance.list.loadAll({ concurrency: 1 });
    const loadAllMs = performance.now() - started;
    const children = instance.visibleChildren();
    const loaded = retainedHeapBytes();

    if (instance.list.items.length !== BACKUPS || instance.list.error !== undefined) {
      throw new Error(`Expected ${BACKUPS} backups, loaded ${instance.list.items.length} (${String(instance.list.error)})`);
    }
    const sorted = [...pageTimes].sort((a, b) => a - b);
    const perBackup = (loaded - baseline) / BACKUPS;
    return {
      'backups loaded': String(instance.list.items.length),
      'tree children': String(children.length),
      'bytes per backup beyond raw record': `${perBackup.toFixed(0)} B (target ≤ 1536 B)`,
      pages: String(pageTimes.length),
      'time per page (median)': `${sorted[Math.floor(sorted.length / 2)].toFixed(2)} ms`,
      'time per page (p95)': `${sorted[Math.floor(sorted.length * 0.95)].toFixed(2)} ms`,
      'load all, total': `${loadAllMs.toFixed(0)} ms`,
    };
  },
};
